"""Rate-limit counters in the database; template keys unique per owner.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

SHARED = sa.text('owner_id IS NULL')


def upgrade():
    op.create_table('rate_limit',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('hits', sa.Integer(), nullable=False),
    sa.Column('expires_at', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_rate_limit'))
    )
    with op.batch_alter_table('rate_limit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rate_limit_expires_at'), ['expires_at'], unique=False)

    with op.batch_alter_table('template', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_template_key'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_template_owner_id_key'), ['owner_id', 'key'])
        batch_op.create_index('ux_template_shared_key', ['key'], unique=True,
                              sqlite_where=SHARED, postgresql_where=SHARED)


def downgrade():
    # Keys unique across every teacher again: fails, changing nothing, if two teachers now
    # use one key; rename one of them first.
    with op.batch_alter_table('template', schema=None) as batch_op:
        batch_op.drop_index('ux_template_shared_key')
        batch_op.drop_constraint(batch_op.f('uq_template_owner_id_key'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_template_key'), ['key'])

    with op.batch_alter_table('rate_limit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rate_limit_expires_at'))

    op.drop_table('rate_limit')
