"""Teacher API tokens, question reports, class settings, and fields for imported questions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('api_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('teacher_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_used_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['teacher_id'], ['teacher.id'], name=op.f('fk_api_token_teacher_id_teacher'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_token')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_api_token_token_hash'))
    )
    op.create_table('report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.String(length=32), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_report_question_id_question'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_report_round_id_round'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report'))
    )
    with op.batch_alter_table('classroom', schema=None) as batch_op:
        # Existing classes keep the speed bonus.
        batch_op.add_column(
            sa.Column('relaxed', sa.Boolean(), nullable=False, server_default=sa.false())
        )

    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.add_column(sa.Column('title', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('category', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('difficulty', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('data', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.drop_column('data')
        batch_op.drop_column('difficulty')
        batch_op.drop_column('category')
        batch_op.drop_column('title')

    with op.batch_alter_table('classroom', schema=None) as batch_op:
        batch_op.drop_column('relaxed')

    op.drop_table('report')
    op.drop_table('api_token')
