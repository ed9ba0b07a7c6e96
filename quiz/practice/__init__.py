"""Practice: memory per player and fact (FSRS), what is due, personal codes.

`record_review` is the one call other ways of playing make for each answer a player gives.
"""

from quiz.practice.memory import record_review

__all__ = ["record_review"]
