"""Live games: a teacher's game, its questions and its players (answers stay rounds' answers).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 00:04:52.811080

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('live_game',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pin', sa.String(length=6), nullable=False),
    sa.Column('teacher_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=True),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('time_limit', sa.Integer(), nullable=False),
    sa.Column('speed_bonus', sa.Boolean(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('opened_at', sa.DateTime(), nullable=True),
    sa.Column('closes_at', sa.DateTime(), nullable=True),
    sa.Column('players', sa.Integer(), nullable=False),
    sa.Column('answered', sa.Integer(), nullable=False),
    sa.Column('locked', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("state IN ('lobby', 'question', 'closed', 'finished')", name=op.f('ck_live_game_state')),
    sa.CheckConstraint('size >= 1', name=op.f('ck_live_game_size_positive')),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_live_game_article_id_article'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id'], name=op.f('fk_live_game_assignment_id_assignment'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['teacher_id'], ['teacher.id'], name=op.f('fk_live_game_teacher_id_teacher'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_live_game')),
    sa.UniqueConstraint('pin', name=op.f('uq_live_game_pin'))
    )
    op.create_table('live_player',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('game_id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.String(length=32), nullable=False),
    sa.Column('nickname', sa.String(length=32), nullable=False),
    sa.Column('name_key', sa.String(length=128), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('kicked', sa.Boolean(), nullable=False),
    sa.Column('joined_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['game_id'], ['live_game.id'], name=op.f('fk_live_player_game_id_live_game'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_live_player_round_id_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_live_player')),
    sa.UniqueConstraint('game_id', 'name_key', name=op.f('uq_live_player_game_id_name_key')),
    sa.UniqueConstraint('round_id', name=op.f('uq_live_player_round_id')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_live_player_token_hash'))
    )
    op.create_table('live_question',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('game_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['game_id'], ['live_game.id'], name=op.f('fk_live_question_game_id_live_game'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_live_question_question_id_question'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_live_question')),
    sa.UniqueConstraint('game_id', 'position', name=op.f('uq_live_question_game_id_position')),
    sa.UniqueConstraint('game_id', 'question_id', name=op.f('uq_live_question_game_id_question_id'))
    )


def downgrade():
    op.drop_table('live_question')
    op.drop_table('live_player')
    op.drop_table('live_game')
