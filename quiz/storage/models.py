"""Database models: articles and their facts, templates, questions, players, rounds, answers."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql import text

from quiz.rules import MAX_TITLE
from quiz.storage.extensions import Model, db
from quiz.storage.states import GameState, MemoryState, Origin, QuestionOrigin, QuestionStatus


def _one_of(column: str, values: type[StrEnum]) -> str:
    """Return the SQL condition that a column holds one of an enum's values."""
    return f"{column} IN ({', '.join(repr(v.value) for v in values)})"


def utcnow() -> datetime:
    """Return the current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


def new_public_id() -> str:
    """Return a random identifier that cannot be guessed or walked."""
    return secrets.token_urlsafe(12)


class UTCDateTime(TypeDecorator):
    """Store datetimes as naive UTC and hand them back timezone-aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use quiz.storage.models.utcnow()")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Teacher(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    # Part of every login cookie; replacing it at logout ends every session of the account,
    # even a copied cookie (the session itself lives in the signed cookie, not on the server).
    session_token: Mapped[str] = mapped_column(String(64), default=new_public_id)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    # Flask-Login's user interface.
    is_authenticated = True
    is_active = True
    is_anonymous = False

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"


class ApiToken(Model):
    """A teacher's bearer token for the teacher API; only its hash is kept."""

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(64))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    teacher: Mapped[Teacher] = relationship()


class Article(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(MAX_TITLE))
    body: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(200))
    origin: Mapped[str] = mapped_column(String(16), default=Origin.SEED)
    # None means the shared library: every teacher may use it.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("teacher.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    sentences: Mapped[list[Sentence]] = relationship(
        back_populates="article", order_by="Sentence.position", cascade="all, delete-orphan"
    )
    facts: Mapped[list[Fact]] = relationship(
        back_populates="article", order_by="Fact.id", cascade="all, delete-orphan"
    )


class Sentence(Model):
    __table_args__ = (UniqueConstraint("article_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    position: Mapped[int]
    text: Mapped[str] = mapped_column(Text)

    article: Mapped[Article] = relationship(back_populates="sentences")


class Fact(Model):
    __table_args__ = (UniqueConstraint("article_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))
    type: Mapped[str] = mapped_column(String(16))
    about: Mapped[str] = mapped_column(String(200))
    sentence_id: Mapped[int | None] = mapped_column(ForeignKey("sentence.id", ondelete="SET NULL"))
    # The whole typed fact as plain JSON (quiz.facts.fact_to_dict), so new fields need no migration.
    data: Mapped[dict] = mapped_column(JSON)
    origin: Mapped[str] = mapped_column(String(16), default=Origin.SEED)
    # Set once a teacher changes the fact: seed loading must then leave it alone.
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    article: Mapped[Article] = relationship(back_populates="facts")
    sentence: Mapped[Sentence | None] = relationship()


class Template(Model):
    # A key names one template of its owner: teachers' keys never clash with, nor reveal,
    # each other's. Shared templates (no owner) have keys unique among themselves; NULLs are
    # distinct in a unique constraint, so a partial index says so.
    __table_args__ = (
        UniqueConstraint("owner_id", "key"),
        Index(
            "ux_template_shared_key",
            "key",
            unique=True,
            sqlite_where=text("owner_id IS NULL"),
            postgresql_where=text("owner_id IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    # The whole template as plain JSON (quiz.generation.template_to_dict).
    data: Mapped[dict] = mapped_column(JSON)
    origin: Mapped[str] = mapped_column(String(16), default=Origin.SEED)
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("teacher.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


question_fact = db.Table(
    "question_fact",
    db.Column("question_id", ForeignKey("question.id", ondelete="CASCADE"), primary_key=True),
    db.Column("fact_id", ForeignKey("fact.id", ondelete="CASCADE"), primary_key=True),
)


class Question(Model):
    __table_args__ = (
        UniqueConstraint("article_id", "fingerprint"),
        Index("ix_question_article_status", "article_id", "status"),
        CheckConstraint(_one_of("status", QuestionStatus), name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    template_id: Mapped[int | None] = mapped_column(ForeignKey("template.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(16))
    prompt: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text)
    sentence_id: Mapped[int | None] = mapped_column(ForeignKey("sentence.id", ondelete="SET NULL"))
    fingerprint: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(16), default=QuestionOrigin.GENERATED)
    status: Mapped[str] = mapped_column(String(16), default=QuestionStatus.ACTIVE)
    time_limit: Mapped[int] = mapped_column(Integer, default=30)
    # Editing a question that has answers makes a new version and retires the old one.
    version: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("question.id", ondelete="SET NULL"))
    # Imported questions keep their own title, category and difficulty (GIFT, Open Trivia DB).
    title: Mapped[str | None] = mapped_column(String(MAX_TITLE))
    category: Mapped[str | None] = mapped_column(String(200))
    difficulty: Mapped[str | None] = mapped_column(String(16))
    # Kind-specific grading data, e.g. accepted free-text answers or a numeric tolerance.
    data: Mapped[dict | None] = mapped_column(JSON)
    # The generator's score from 0 to 1 (what it asks, how good its options are): the review
    # queue shows the best first. None for questions a teacher wrote or imported.
    score: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    article: Mapped[Article] = relationship()
    template: Mapped[Template | None] = relationship()
    options: Mapped[list[Option]] = relationship(
        back_populates="question", order_by="Option.position", cascade="all, delete-orphan"
    )
    facts: Mapped[list[Fact]] = relationship(secondary=question_fact)


class Option(Model):
    __table_args__ = (UniqueConstraint("question_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"))
    position: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool] = mapped_column(Boolean, default=False)
    feedback: Mapped[str | None] = mapped_column(Text)

    question: Mapped[Question] = relationship(back_populates="options")


class Classroom(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    code: Mapped[str] = mapped_column(String(16), unique=True)
    leaderboard_hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    # Every round in this class is played without the speed bonus.
    relaxed: Mapped[bool] = mapped_column(Boolean, default=False)
    # The pages' language for its students until they pick one (kk, ru, en); None: the browser's.
    language: Mapped[str | None] = mapped_column(String(8), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Assignment(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    classroom_id: Mapped[int] = mapped_column(ForeignKey("classroom.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    size: Mapped[int] = mapped_column(Integer, default=10)
    deadline: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    article: Mapped[Article] = relationship()
    classroom: Mapped[Classroom] = relationship()


class Player(Model):
    """A browser that has played: known by a signed cookie, never by nickname."""

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_public_id)
    nickname: Mapped[str] = mapped_column(String(32))
    classroom_id: Mapped[int | None] = mapped_column(
        ForeignKey("classroom.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Only hashes: of the personal code that brings the player to another browser, and of the
    # bearer token API clients play with. Either may be unset.
    code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)


class Round(Model):
    __table_args__ = (
        CheckConstraint("size >= 1", name="size_positive"),
        CheckConstraint("answered <= size", name="answered_within_size"),
        Index("ix_round_leaderboard", "article_id", "score", "finished_at"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_public_id)
    # Only a hash of the bearer token is kept: a leaked database does not leak live tokens.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    player_id: Mapped[str | None] = mapped_column(
        ForeignKey("player.id", ondelete="SET NULL"), index=True
    )
    assignment_id: Mapped[int | None] = mapped_column(
        ForeignKey("assignment.id", ondelete="SET NULL")
    )
    nickname: Mapped[str] = mapped_column(String(32))
    size: Mapped[int]
    speed_bonus: Mapped[bool] = mapped_column(Boolean, default=True)
    # Totals kept beside the answers, in the same transaction, so leaderboards read one row.
    score: Mapped[int] = mapped_column(Integer, default=0)
    correct: Mapped[int] = mapped_column(Integer, default=0)
    answered: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    article: Mapped[Article] = relationship()
    items: Mapped[list[RoundQuestion]] = relationship(
        order_by="RoundQuestion.position", cascade="all, delete-orphan"
    )

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


class RoundQuestion(Model):
    """A question dealt into a round, at a position, with the time it was first served."""

    __table_args__ = (
        UniqueConstraint("round_id", "position"),
        UniqueConstraint("round_id", "question_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[str] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"))
    position: Mapped[int]
    served_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    question: Mapped[Question] = relationship()


class Answer(Model):
    # One answer per question per round: the constraint, not a read-then-write, stops a second.
    __table_args__ = (UniqueConstraint("round_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[str] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"))
    option_id: Mapped[int | None] = mapped_column(ForeignKey("option.id", ondelete="SET NULL"))
    given: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool] = mapped_column(Boolean)
    points: Mapped[int] = mapped_column(Integer)
    elapsed_ms: Mapped[int] = mapped_column(Integer)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    question: Mapped[Question] = relationship()
    option: Mapped[Option | None] = relationship()


class Report(Model):
    """A student's "this looks wrong" about a question, with an optional comment."""

    # One report per question per round, even when two arrive at the same moment.
    __table_args__ = (UniqueConstraint("round_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"))
    round_id: Mapped[str | None] = mapped_column(ForeignKey("round.id", ondelete="SET NULL"))
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)

    question: Mapped[Question] = relationship()


class TriviaSession(Model):
    """An Open Trivia DB session token: the questions it has handed out, never repeated."""

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="CASCADE"))
    token: Mapped[str] = mapped_column(String(64), unique=True)
    # Ids of the questions already returned, until the token is reset.
    seen: Mapped[list] = mapped_column(JSON, default=list)
    used_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RateLimit(Model):
    """A rate-limit counter that every server process sees (quiz.storage.counters)."""

    # A hash of the limit's key: bounded, and no address or typed account name kept in clear.
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    hits: Mapped[int] = mapped_column(Integer)
    # Seconds since the epoch, as the `limits` library counts its windows.
    expires_at: Mapped[float] = mapped_column(Float, index=True)


class LiveGame(Model):
    """A game hosted by a teacher: every player answers the same question against one clock."""

    __table_args__ = (
        CheckConstraint(_one_of("state", GameState), name="state"),
        CheckConstraint("size >= 1", name="size_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pin: Mapped[str] = mapped_column(String(6), unique=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    # A game started from a class assignment counts for that class, as its rounds do.
    assignment_id: Mapped[int | None] = mapped_column(
        ForeignKey("assignment.id", ondelete="SET NULL")
    )
    size: Mapped[int]
    time_limit: Mapped[int]
    speed_bonus: Mapped[bool] = mapped_column(Boolean, default=True)
    state: Mapped[str] = mapped_column(String(16), default=GameState.LOBBY)
    # Grows with every change of state: the event id of the game's server-sent events.
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The question shown (1-based); 0 in the lobby.
    position: Mapped[int] = mapped_column(Integer, default=0)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Totals kept beside the answers: players still in the game, and how many of them have
    # answered the open question; equal numbers close the question early.
    players: Mapped[int] = mapped_column(Integer, default=0)
    answered: Mapped[int] = mapped_column(Integer, default=0)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    article: Mapped[Article] = relationship()
    assignment: Mapped[Assignment | None] = relationship()


class LiveQuestion(Model):
    """A question of a live game, at its position."""

    __table_args__ = (
        UniqueConstraint("game_id", "position"),
        UniqueConstraint("game_id", "question_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    game_id: Mapped[int] = mapped_column(ForeignKey("live_game.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"))
    position: Mapped[int]

    question: Mapped[Question] = relationship()


class LivePlayer(Model):
    """A player of a live game, known by a bearer token of which only the hash is kept.

    Each player's answers are stored as an ordinary round (one per player and game), so a
    game's results read like rounds'; the round's UniqueConstraint(round, question) is the one
    answer per game, question and player.
    """

    __table_args__ = (UniqueConstraint("game_id", "name_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    game_id: Mapped[int] = mapped_column(ForeignKey("live_game.id", ondelete="CASCADE"))
    round_id: Mapped[str] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), unique=True)
    nickname: Mapped[str] = mapped_column(String(32))
    # The nickname case-folded: "Ada" and "ADA" are the same name in one game.
    name_key: Mapped[str] = mapped_column(String(128))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # A kicked player's token opens nothing any more; the name stays taken.
    kicked: Mapped[bool] = mapped_column(Boolean, default=False)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    round: Mapped[Round] = relationship()


class Memory(Model):
    """What a player remembers of one fact, or of a question that tests no fact (FSRS state)."""

    __table_args__ = (
        UniqueConstraint("player_id", "fact_id"),
        UniqueConstraint("player_id", "question_id"),
        # A memory is of a fact, or else of the question itself (imported questions).
        CheckConstraint("(fact_id IS NULL) <> (question_id IS NULL)", name="one_item"),
        CheckConstraint(_one_of("state", MemoryState), name="state"),
        Index("ix_memory_player_article_due", "player_id", "article_id", "due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    player_id: Mapped[str] = mapped_column(ForeignKey("player.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    fact_id: Mapped[int | None] = mapped_column(ForeignKey("fact.id", ondelete="CASCADE"))
    question_id: Mapped[int | None] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(16))
    step: Mapped[int | None] = mapped_column(Integer)
    stability: Mapped[float | None] = mapped_column(Float)
    difficulty: Mapped[float | None] = mapped_column(Float)
    due: Mapped[datetime] = mapped_column(UTCDateTime)
    last_review: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reviews: Mapped[int] = mapped_column(Integer, default=0)
    # Wrong answers (FSRS's "again"), the teacher's measure of what the class forgets.
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    # The question it was last asked through, so that practice can ask through another one.
    last_question_id: Mapped[int | None] = mapped_column(
        ForeignKey("question.id", ondelete="SET NULL")
    )
    # The practice question now waiting for the player's answer, and when it was first shown.
    served_question_id: Mapped[int | None] = mapped_column(
        ForeignKey("question.id", ondelete="SET NULL")
    )
    served_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    fact: Mapped[Fact | None] = relationship(foreign_keys=[fact_id])
    question: Mapped[Question | None] = relationship(foreign_keys=[question_id])
