"""Facts: typed statements of an article, their seed files and sentence splitting."""

from quiz.facts.loading import ArticleSeed, load_article_seed
from quiz.facts.model import (
    FACT_TYPES,
    Fact,
    FactError,
    check_value,
    fact_from_dict,
    fact_to_dict,
)
from quiz.facts.problems import Problem, SeedFileError
from quiz.facts.sentences import split_sentences

__all__ = [
    "FACT_TYPES",
    "ArticleSeed",
    "Fact",
    "FactError",
    "Problem",
    "SeedFileError",
    "check_value",
    "fact_from_dict",
    "fact_to_dict",
    "load_article_seed",
    "split_sentences",
]
