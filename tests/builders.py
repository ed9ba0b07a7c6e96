"""Builders for test data, with keyword defaults."""

import itertools

from quiz.storage.extensions import db
from quiz.storage.models import Article, Option, Question, Sentence

_counter = itertools.count(1)


class Builder:
    def article(self, slug=None, title="Test article", body="One. Two.", **kw) -> Article:
        """Store an article (with one sentence per line of `body` split on '. ')."""
        n = next(_counter)
        article = Article(slug=slug or f"article-{n}", title=title, body=body, **kw)
        article.sentences = [Sentence(position=1, text=body)]
        db.session.add(article)
        db.session.commit()
        return article

    def question(
        self,
        article,
        prompt=None,
        answer="1961",
        options=("1957", "1961", "1955", "1994"),
        kind="year",
        status="active",
        explanation="In 1961 Yuri Gagarin flew.",
        time_limit=30,
        **kw,
    ) -> Question:
        """Store a question with its options."""
        n = next(_counter)
        question = Question(
            article_id=article.id,
            kind=kind,
            prompt=prompt or f"Question {n}?",
            answer=answer,
            explanation=explanation,
            fingerprint=f"fp-{n}",
            status=status,
            time_limit=time_limit,
            origin="teacher",
            **kw,
        )
        question.options = [
            Option(position=i, text=text, correct=text == answer)
            for i, text in enumerate(options, start=1)
        ]
        db.session.add(question)
        db.session.commit()
        return question

    def quiz(self, size=3, **kw) -> Article:
        """Store an article with `size` year questions, all answered by "1961"."""
        article = self.article(**kw)
        for _ in range(size):
            self.question(article)
        return article
