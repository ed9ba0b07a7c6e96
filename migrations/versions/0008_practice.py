"""Practice: each player's memory of facts (FSRS), personal codes and player API tokens.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
# 0006 and 0007 are being written beside this one; the chain is joined when they land.
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('player', schema=None) as batch_op:
        batch_op.add_column(sa.Column('code_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('token_hash', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_player_code_hash'), ['code_hash'])
        batch_op.create_unique_constraint(batch_op.f('uq_player_token_hash'), ['token_hash'])

    op.create_table('memory',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('player_id', sa.String(length=32), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('fact_id', sa.Integer(), nullable=True),
    sa.Column('question_id', sa.Integer(), nullable=True),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('step', sa.Integer(), nullable=True),
    sa.Column('stability', sa.Float(), nullable=True),
    sa.Column('difficulty', sa.Float(), nullable=True),
    sa.Column('due', sa.DateTime(), nullable=False),
    sa.Column('last_review', sa.DateTime(), nullable=True),
    sa.Column('reviews', sa.Integer(), nullable=False),
    sa.Column('lapses', sa.Integer(), nullable=False),
    sa.Column('last_question_id', sa.Integer(), nullable=True),
    sa.Column('served_question_id', sa.Integer(), nullable=True),
    sa.Column('served_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint('(fact_id IS NULL) <> (question_id IS NULL)', name=op.f('ck_memory_one_item')),
    sa.CheckConstraint("state IN ('learning', 'review', 'relearning')", name=op.f('ck_memory_state')),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_memory_article_id_article'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['fact_id'], ['fact.id'], name=op.f('fk_memory_fact_id_fact'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['last_question_id'], ['question.id'], name=op.f('fk_memory_last_question_id_question'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['player_id'], ['player.id'], name=op.f('fk_memory_player_id_player'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_memory_question_id_question'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['served_question_id'], ['question.id'], name=op.f('fk_memory_served_question_id_question'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_memory')),
    sa.UniqueConstraint('player_id', 'fact_id', name=op.f('uq_memory_player_id_fact_id')),
    sa.UniqueConstraint('player_id', 'question_id', name=op.f('uq_memory_player_id_question_id'))
    )
    with op.batch_alter_table('memory', schema=None) as batch_op:
        batch_op.create_index('ix_memory_player_article_due', ['player_id', 'article_id', 'due'], unique=False)


def downgrade():
    with op.batch_alter_table('memory', schema=None) as batch_op:
        batch_op.drop_index('ix_memory_player_article_due')

    op.drop_table('memory')
    with op.batch_alter_table('player', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_player_token_hash'), type_='unique')
        batch_op.drop_constraint(batch_op.f('uq_player_code_hash'), type_='unique')
        batch_op.drop_column('token_hash')
        batch_op.drop_column('code_hash')
