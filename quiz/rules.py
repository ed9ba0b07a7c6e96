"""Rules about names and sizes, written once for forms, services, files and the API."""

import re
import unicodedata

# An article's address: lowercase words joined by single hyphens, like "space-race".
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLUG = 64
MAX_TITLE = 200
# Ids are 32-bit columns on PostgreSQL: a larger id in a URL or a body is simply not found.
MAX_ID = 2**31 - 1
# The signed-cookie key that holds the id of the browser's player.
PLAYER_KEY = "player_id"

# A teacher's account name, as typed at /teach/login: trimmed, 1 to 64 characters, none of
# them a control or invisible one (a line break, a zero-width space, a direction override),
# which no one could type there or tell apart from a name without them.
MAX_TEACHER_NAME = 64


def check_teacher_name(name: str) -> str:
    """Return a teacher's name trimmed, or raise ValueError saying what is wrong with it."""
    name = name.strip()
    if not 1 <= len(name) <= MAX_TEACHER_NAME:
        raise ValueError(f"A teacher's name has 1 to {MAX_TEACHER_NAME} characters.")
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise ValueError(
            "A teacher's name cannot contain control or invisible characters "
            "(line breaks, tabs, zero-width spaces)."
        )
    return name
