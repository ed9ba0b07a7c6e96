"""Question file formats: GIFT, Aiken, Kahoot-style CSV and Open Trivia DB JSON (pure)."""

from quiz.formats import aiken, gift, opentdb, spreadsheet
from quiz.formats.model import Choice, Dumped, FormatError, Item, Parsed, Problem

# Each format reads bytes or text into Parsed and writes a list of Items as Dumped.
READERS = {"gift": gift, "aiken": aiken, "csv": spreadsheet, "opentdb": opentdb}
FORMATS = tuple(READERS)
SUFFIXES = {"gift": ".gift.txt", "aiken": ".aiken.txt", "csv": ".csv", "opentdb": ".json"}


def parse(data: bytes | str, fmt: str) -> Parsed:
    """Read a file in one of FORMATS; raise FormatError listing every problem in it."""
    return READERS[fmt].parse(data)


def dump(items: list[Item], fmt: str) -> Dumped:
    """Write questions in one of FORMATS, with the ones the format cannot hold."""
    return READERS[fmt].dump(items)


__all__ = [
    "FORMATS",
    "Choice",
    "Dumped",
    "FormatError",
    "Item",
    "Parsed",
    "Problem",
    "dump",
    "parse",
]
