"""Open Trivia DB session tokens, so a teacher's client never gets a question twice.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'trivia_session',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('teacher_id', sa.Integer(), nullable=False),
        sa.Column('token', sa.String(length=64), nullable=False),
        sa.Column('seen', sa.JSON(), nullable=False),
        sa.Column('used_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ['teacher_id'], ['teacher.id'],
            name=op.f('fk_trivia_session_teacher_id_teacher'), ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_trivia_session')),
        sa.UniqueConstraint('token', name=op.f('uq_trivia_session_token')),
    )


def downgrade():
    op.drop_table('trivia_session')
