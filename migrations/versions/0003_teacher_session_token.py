"""A session token per teacher, so that logging out ends every session of the account.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('teacher', schema=None) as batch_op:
        # Existing accounts get a token that the next logout replaces.
        batch_op.add_column(
            sa.Column(
                'session_token', sa.String(length=64), nullable=False, server_default='initial'
            )
        )



def downgrade():
    with op.batch_alter_table('teacher', schema=None) as batch_op:
        batch_op.drop_column('session_token')

