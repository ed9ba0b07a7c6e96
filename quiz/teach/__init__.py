"""Teacher pages."""

from . import classes, exchange, results, views  # noqa: F401  (routes register themselves on the blueprint)
from .views import bp

__all__ = ["bp"]
