"""What a nickname may be."""

import unicodedata

from flask_babel import gettext as _

MAX_NICKNAME = 32


def clean_nickname(raw: str) -> str:
    """Return the nickname trimmed, or raise ValueError saying what is wrong."""
    name = " ".join(raw.split())
    if not name:
        raise ValueError(_("A nickname is required."))
    if len(name) > MAX_NICKNAME:
        raise ValueError(_("A nickname is at most %(most)s characters.", most=MAX_NICKNAME))
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise ValueError(_("A nickname cannot contain control characters."))
    return name
