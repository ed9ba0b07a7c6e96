"""One report per question per round, enforced by the database.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f('uq_report_round_id_question_id'), ['round_id', 'question_id'])



def downgrade():
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_report_round_id_question_id'), type_='unique')

