"""What a nickname may be."""

import unicodedata

MAX_NICKNAME = 32


def clean_nickname(raw: str) -> str:
    """Return the nickname trimmed, or raise ValueError saying what is wrong."""
    name = " ".join(raw.split())
    if not name:
        raise ValueError("A nickname is required.")
    if len(name) > MAX_NICKNAME:
        raise ValueError(f"A nickname is at most {MAX_NICKNAME} characters.")
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise ValueError("A nickname cannot contain control characters.")
    return name
