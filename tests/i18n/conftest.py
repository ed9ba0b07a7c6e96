"""The teacher fixtures, for the pages in each language."""

from tests.teach.conftest import teacher, teacher_client  # noqa: F401
