"""Split article text into sentences, verbatim apart from collapsed whitespace."""

from __future__ import annotations

import re

from quiz.facts.lexicon import CITIES

# Never end a sentence: titles and abbreviations always followed by more of it.
ALWAYS_JOINED = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "no",
    "nos",
    "gen",
    "sen",
    "rep",
    "gov",
    "lt",
    "col",
    "capt",
    "sgt",
    "cpl",
    "rev",
    "hon",
    "mt",
    "ft",
    "fig",
    "vol",
    "pp",
    "vs",
    "cf",
    "approx",
    "e.g",
    "i.e",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "ave",
    "blvd",
    "dept",
    "est",
    "ca",
    "op",
}
# Before a year, say how it is meant: circa, born, died, reigned, flourished.
DATE_MARKS = {"c", "b", "d", "r", "fl"}
# May end a sentence ("... in the U.S. The ..."): split only before a typical opener.
SOMETIMES_FINAL = {
    "u.s",
    "u.k",
    "u.n",
    "u.s.a",
    "e.u",
    "inc",
    "ltd",
    "co",
    "corp",
    "jr",
    "sr",
    "etc",
    "a.m",
    "p.m",
    "bros",
    "plc",
}
OPENERS = {
    "the",
    "a",
    "an",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "in",
    "on",
    "at",
    "but",
    "and",
    "so",
    "yet",
    "however",
    "meanwhile",
    "his",
    "her",
    "their",
    "our",
    "after",
    "before",
    "when",
    "while",
    "as",
    "if",
    "for",
    "since",
    "then",
    "today",
    "now",
}
CLOSERS = "\"'”’)]»"
OPENING = "\"'“‘([«"
TERMINAL = ".!?…"
# A line this long that fills most of the paragraph's width was wrapped at the margin, so the
# next line continues it even after a capitalised word ("met President\nJoe Biden").
WRAP_MIN = 40
WRAP_SHARE = 0.8

# Capitals a sentence may open with: Latin, accented Latin, Greek and Cyrillic (Russian and
# Kazakh texts are pasted too).
OPENING_CAPITALS = "".join(
    c
    for c in map(chr, [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x370, 0x530)])
    if c.isupper()
)
BOUNDARY_RE = re.compile(
    rf"[{re.escape(TERMINAL)}]+[{re.escape(CLOSERS)}]*"
    rf"(?=\s+[{re.escape(OPENING)}]*[0-9{OPENING_CAPITALS}])"
)
WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
# A wrapped line ending like this continues on the next line even if that starts uppercase.
CONTINUING_END_RE = re.compile(
    r"([,;:\-–—(]|\b(?:and|or|but|nor|the|a|an|of|to|in|on|at|by|for|with|from|as|"
    r"that|than|into|onto|via|per|is|are|was|were|be|been|has|have|had|will|would))$",
    re.IGNORECASE,
)


# An encyclopedia's note marks, fixed to the word or stop before them: "Australia.[1]",
# "in 1912[citation needed]", "[a]". Words in brackets after a space ("said [the city]") stay.
NOTE_MARK_RE = re.compile(r"(?<=[\w.,;:!?\"”’')\]])\[(?:\d{1,4}|[a-z]|[A-Za-z][\w ,'’?–-]{1,38})\]")


# Where an encyclopedia's back matter begins: a heading line of its own after the text
# ("References", "See also", "External links [edit]", "## Notes").
BACK_MATTER_RE = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:References|Notes|Footnotes|Citations|Sources|Bibliography|"
    r"Further reading|External links|See also)[ \t]*(?:\[edit\])?[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A note's line in an encyclopedia's list of references: "^ "Title". nasa.gov. ...".
NOTE_LINE_RE = re.compile(r"^[ \t]*(?:\d{1,3}\.[ \t]*)?\^.*$", re.MULTILINE)


def split_sentences(text: str) -> list[str]:
    """Split text into sentences, collapsing whitespace inside each, without note marks or
    the references, notes and links that follow an encyclopedia's text."""
    sentences: list[str] = []
    for chunk in _chunks(NOTE_MARK_RE.sub("", _without_back_matter(text))):
        sentences.extend(_timeline(piece) for piece in _split_chunk(chunk))
    return sentences


def _without_back_matter(text: str) -> str:
    """Return the text before its back matter's first heading, without note lines."""
    for heading in BACK_MATTER_RE.finditer(text):
        if text[: heading.start()].strip():
            text = text[: heading.start()]
            break
    return NOTE_LINE_RE.sub("", text)


# A line of a timeline: "1949: ADM is listed on the New York Stock Exchange."
TIMELINE_RE = re.compile(r"^(?P<year>1\d{3}|20\d{2})\s*(?::|–|—| - )\s*(?=[A-Z])")


def _timeline(sentence: str) -> str:
    """Write a timeline's line as a sentence dated by its year: "In 1949, ADM is listed ..."."""
    found = TIMELINE_RE.match(sentence)
    if not found or not re.search(r"[.!]$", sentence):
        return sentence
    rest = sentence[found.end() :]
    if re.match(r"(?:The|A|An|This|These|Its|His|Her|Their) ", rest):
        rest = rest[0].lower() + rest[1:]  # "In 1923, the company acquires ..."
    return f"In {found['year']}, {rest}"


# The mark that opens an item of a list: "- ", "* ", "• ", "1. ", "2) ".
BULLET_RE = re.compile(r"^(?:[-*•·–]|\d{1,2}[.)])\s+(?=\S)")


def _chunks(text: str) -> list[str]:
    """Join wrapped lines; keep paragraphs and unpunctuated title lines apart."""
    chunks: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
        margin = max((len(line) for line in lines), default=0)
        current, previous = "", ""
        for line in lines:
            bullet = BULLET_RE.match(line)
            if bullet:
                # "- The Great Pyramid of Giza was built ...": each item of a list on its own.
                if current:
                    chunks.append(current)
                current = previous = line[bullet.end() :]
                continue
            wrapped = len(previous) >= WRAP_MIN and len(previous) >= WRAP_SHARE * margin
            if current and not wrapped and _is_break(current, line):
                chunks.append(current)
                current = line
            else:
                current = f"{current} {line}" if current else line
            previous = line
        if current:
            chunks.append(current)
    return chunks


def _is_break(previous: str, line: str) -> bool:
    """Tell whether a hard line break ends a title or byline line."""
    if previous.rstrip(CLOSERS)[-1:] in TERMINAL:
        # Ends like a sentence: the in-line splitter decides (it knows abbreviations).
        return False
    if CONTINUING_END_RE.search(previous):
        return False
    first = line.lstrip(OPENING)[:1]
    return first.isupper() or first.isdigit()


def _split_chunk(chunk: str) -> list[str]:
    pieces, start = [], 0
    for match in BOUNDARY_RE.finditer(chunk):
        if not _ends_sentence(chunk, match):
            continue
        pieces.append(chunk[start : match.end()])
        start = match.end()
    pieces.append(chunk[start:])
    pieces = [" ".join(piece.split()) for piece in pieces if piece.strip()]
    if pieces:
        pieces[0] = _without_dateline(pieces[0])
    return [piece for piece in pieces if piece]


# A news dateline: "CAPE CANAVERAL, Fla. -- ", "WASHINGTON -- " or "BERLIN (AP) — " before
# a paragraph's text.
DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z]{2,}(?:[ .'-]+[A-Z]{2,})*)(?P<where>(?:, [A-Z][A-Za-z.]+)*)"
    r"(?P<agency> \([A-Z][\w.&/ -]{0,30}\))?\s*(?:--|—|–)\s+(?=[A-Z“\"])"
)


def _without_dateline(sentence: str) -> str:
    """Drop a news dateline, a place in capitals before a dash, from a paragraph's start."""
    found = DATELINE_RE.match(sentence)
    if found and (found["where"] or found["agency"] or found["place"].lower() in CITIES):
        return sentence[found.end() :]
    return sentence


def _ends_sentence(chunk: str, match: re.Match) -> bool:
    punctuation = match.group().rstrip(CLOSERS)
    if punctuation != ".":
        return True
    before = WORD_BEFORE_RE.search(chunk[: match.start() + 1])
    if not before:
        return True
    word = before.group(1).lower()
    if word in ALWAYS_JOINED:
        return False
    if before.group(1) in DATE_MARKS and re.match(r"\s*\d", chunk[match.end() :]):
        return False  # "born c. 1027", "(d. 1083)", "(r. 1031-1060)": a year follows
    # An initial ("J. F. Kennedy") or a dotted abbreviation ("U.S.") is a single letter
    # before the final dot.
    if word == "i" and re.search(
        r"\b(?:War|Era|Phase|Part|Volume|Book|Act|Class) I\.$", chunk[: match.start() + 1]
    ):
        return True  # "after World War I. France ...": a numeral, not an initial
    if re.fullmatch(r"[a-z]", word) and before.group(1).isupper():
        # "John F. Kennedy": an initial. "Xerxes I. It lasted ...": a numeral ending the
        # sentence, since no name goes on with "It" or "The".
        following = re.match(r"\s+\W*(\w+)", chunk[match.end() :])
        if re.match(r"\s+[A-Z]\.", chunk[match.end() :]):
            return False  # "V. I. Ulyanov": initials, one after another
        numeral = word in ("i", "v", "x") and following and following.group(1).lower() in OPENERS
        return bool(numeral)
    if word in SOMETIMES_FINAL or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
        following = re.match(r"\s+\W*(\w+)", chunk[match.end() :])
        return following is not None and following.group(1).lower() in OPENERS
    return True
