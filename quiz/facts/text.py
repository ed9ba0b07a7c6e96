"""Plain-text helpers shared by extraction and generation."""

# What stands in a prompt for the value a student has to supply.
BLANK = "_____"


def word_matches(needle: str, haystack: str) -> list[int]:
    """Return where needle occurs in haystack as whole words (exact case)."""
    # A plain search with word-boundary checks: a compiled pattern per needle would fill
    # the regex cache on a long article.
    found, start = [], haystack.find(needle) if needle else -1
    while start != -1:
        end = start + len(needle)
        if not _word_char(haystack[start - 1 : start]) and not _word_char(haystack[end : end + 1]):
            found.append(start)
        start = haystack.find(needle, start + 1)
    return found


def _word_char(char: str) -> bool:
    return bool(char) and (char.isalnum() or char == "_")
