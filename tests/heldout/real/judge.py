"""Judge generated questions against the hand-made keys of the real held-out texts.

Pure Python, no test framework: tests/facts/test_heldout_real.py and bench/heldout.py both use it,
and `unresolved_subject` / `grammar_slip` can be reused by the generator itself.

A question is judged by its facts (`fact_keys`): each fact is looked up in the key by the
sentence fragment and the span (see README.md). A question none of whose facts is in the key
is *unkeyed*: not a failure, but counted and printed. A keyed question is *wrong* when its
keyed answer contradicts the key, a distractor is a value the key says is also true, or the
key does not allow that use of the fact.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- Unresolved subjects -------------------------------------------------------------------

# Words that refer back to something named earlier: a statement opening with one of them
# names no subject of its own.
PRONOUNS = _words("""
    it its it's they them their theirs he him his she her hers we our ours us this these
    those that such
""")

# "The <noun> <verb>": a bare definite noun phrase ("The lake is", "The company was
# organized") stands for something named earlier. The phrase is resolved when it names
# itself: a proper name ("The National Weather Service"), a number, or a complement
# ("The speed of tsunami waves", "The largest tsunami on record").
VERBS = _words("""
    is was are were be been has have had will would can could may might must shall should
    does did do became becomes become remains remained includes included contains contained
    depends depended lies lay stands stood holds held says said shows showed makes made
    takes took gives gave uses used means meant covers covered provides provided requires
    required consists consisted began begins grew grows went goes came comes sank rose ran
    runs
""")
STOPS = _words("""
    of on in at with for from by to about under over between among during since after
    before than as and or but which who whose that where when while near within without
    into onto
""")
# A capitalised generic noun after "The" is still a short form of a name given earlier
# ("The Bureau became part of ...", "The Company ...").
GENERIC_TITLES = _words("""
    agency bureau center centre city college committee company council court department
    government institute mission organization organisation program programme project
    service society state town university
""")
LEAD_IN = re.compile(
    r"^(?:fill in the gap|true or false|complete the sentence)\s*:\s*", re.IGNORECASE
)
QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")
ADVERBIAL = re.compile(
    r"^(?:(?:in|on|by|since|from|after|before|until|as of)\s+(?:[\w.]+\s+){0,3}?"
    r"(?:\d{3,4}|_____)\s+(?![,;:])"
    r"|(?:in|on|at|by|from|after|before|during|since|until|within|starting in|as of|"
    r"for|over|under|with|while|when|once|later|then|today|now)\b[^,;:]{0,60},\s*)",
    re.IGNORECASE,
)
WORD = re.compile(r"[\w'’.-]+|_____|[,;:()]")


def statements(prompt: str) -> list[str]:
    """Return the parts of a prompt that must name their own subject.

    That is the sentence after a lead-in such as "Fill in the gap:" or "True or false:",
    and every quoted description inside a question ("What year does the article give for
    “...”?"); a plain question with neither is its own statement.
    """
    quoted = QUOTED.findall(prompt)
    stripped = LEAD_IN.sub("", prompt)
    if stripped != prompt:
        return [stripped] + quoted
    return quoted or [prompt]


def unresolved_subject(prompt: str) -> str | None:
    """Return the opening words that leave a prompt's subject unresolved, or None.

    A statement (see `statements`) is unresolved when, after an optional fronted adverbial
    ("In 1901 he ...", "Within the Department of War, it was ..."), it opens with

    - a pronoun or demonstrative in PRONOUNS ("It was an incredible ...", "Its encounter",
      "This tsunami", "Such victims"), or
    - a bare "The <noun>": "The" and up to five lowercase words (no name, number, blank or
      complement such as "of ...") followed by a verb in VERBS, a word ending in -ed, or a
      comma ("The lake is", "The ship's passengers included", "The group named in 1978"),
      or "The" with one capitalised generic noun ("The Bureau became ...").
    """
    for text in statements(prompt):
        found = _unresolved(text.strip().lstrip("([\"'“‘"))
        if found:
            return found
    return None


def _unresolved(text: str) -> str | None:
    rest = ADVERBIAL.sub("", text, count=1)
    words = WORD.findall(rest)
    if not words:
        return None
    first = words[0].casefold().replace("’", "'")
    if first in PRONOUNS:
        return " ".join(words[:3])
    if first != "the" or len(words) < 3:
        return None
    head = words[1]
    if head[:1].isupper():
        if (
            head.casefold() in GENERIC_TITLES
            and words[2][:1].islower()
            and (words[2].casefold() in VERBS or words[2].endswith("ed"))
        ):
            return " ".join(words[:3])
        return None
    for n, word in enumerate(words[1:7], start=1):
        low = word.casefold()
        if n > 1 and (low in VERBS or (low.endswith("ed") and len(low) > 4) or word == ","):
            return " ".join(words[: n + 1])
        if (
            low in STOPS
            or not word[:1].islower()
            or word == "_____"
            or any(ch.isdigit() for ch in word)
        ):
            return None
    return None


# --- Grammar slips ---------------------------------------------------------------------------

SLIP = re.compile(
    r"(?<![\d.,])(?:1|one)\s+(?!series\b|species\b|means\b|news\b)"
    r"([a-z]+(?<!s)s)\b",
    re.IGNORECASE,
)
# "The which city lies ...", and a fronted question phrase without "did": "In which year the
# government designated ...?".
WORD_ORDER = re.compile(
    r"\b(?:the|a|an) (?:which|how many)\b"
    r"|^(?:In|On|Since|By|During|After|Before|Until|At|From) (?:which|what) [a-z]+ "
    r"(?:the|a|an)\b",
    re.IGNORECASE,
)
NOT_PLURAL = re.compile(r"(?:ss|us|is|ics)$")
NOT_NOUNS = _words("was has does goes its this thus plus yes gas bus as")


def grammar_slip(text: str) -> str | None:
    """Return a singular count with a plural noun ("1 hours", "one elements"), or a question
    word in the wrong place ("The which city", "In which year the ... designated?"), or None.

    A number that ends a name ("Voyager 1 was", "Apollo 1 crews") is not a count.
    """
    if order := WORD_ORDER.search(text):
        return order[0]
    for match in SLIP.finditer(text):
        noun = match[1].casefold()
        before = text[: match.start()].split()
        if NOT_PLURAL.search(noun) or noun in NOT_NOUNS:
            continue
        if before and before[-1][:1].isupper() and match[0][:1].isdigit():
            continue
        return match[0]
    return None


# --- Second units --------------------------------------------------------------------------

AMOUNT = r"[$€£]?\d[\d,.]*(?:×10\S*)?\s*(?:[a-zA-Z/%°][\w/°%-]*)"
SECOND_UNIT = re.compile(
    rf"_____(?:/\w+)?\s*\(\s*(?:about\s+)?{AMOUNT}"  # "_____ (278 feet)"
    rf"|\(\s*(?:[^()]*;\s*)?_____[^()]*\)"  # "84.7 meters (_____)", "(38,000 mph; _____/h)"
)


def second_unit(prompt: str) -> str | None:
    """Return the part of a gap prompt that gives the blanked value in another unit, or None.

    "It was _____ (278 feet) high" keeps the answer's other unit beside the blank, and
    "84.7 meters (_____) high" asks for a conversion of a value the prompt shows.
    """
    match = SECOND_UNIT.search(prompt)
    if not match:
        return None
    if match[0].startswith("("):
        before = prompt[: match.start()].rstrip()
        if not re.search(rf"{AMOUNT}$", before):
            return None
        return before.split()[-2] + " " + before.split()[-1] + " " + match[0]
    return match[0]


# --- Values ----------------------------------------------------------------------------------

NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
}
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_RE = "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
DATE_RES = (
    re.compile(rf"^(?P<m>{MONTH_RE})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y>\d{{3,4}}))?$"),
    re.compile(rf"^(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?P<m>{MONTH_RE})\.?(?:,? (?P<y>\d{{3,4}}))?$"),
    re.compile(r"^(?P<y>\d{4})-(?P<mm>\d{2})-(?P<d>\d{2})$"),
)
QUANTITY = re.compile(r"^(?P<pre>[$€£]?)(?P<num>\d[\d,]*(?:\.\d+)?|[a-z]+)\b\s*(?P<unit>.*)$")


def normalise(text: str) -> str:
    """Fold case, accents, quotes and spacing; drop a leading "the" and trailing dots."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("–", "-").replace("—", "-").casefold()
    text = re.sub(r"\s+", " ", text).strip(" .,;:")
    return re.sub(r"^the ", "", text)


def parse_date(text: str) -> tuple[int | None, int, int] | None:
    """Return (year or None, month, day) for a written date, else None."""
    low = normalise(text)
    for pattern in DATE_RES:
        match = pattern.match(low)
        if match:
            if "mm" in match.groupdict():
                month = int(match["mm"])
            else:
                month = next(n for n, name in enumerate(MONTHS, 1) if name.startswith(match["m"]))
            year = int(match["y"]) if match["y"] else None
            return year, month, int(match["d"])
    return None


HEDGE = re.compile(
    r"^(?:about|approximately|around|roughly|nearly|almost|some|just|only|over|under|below|"
    r"above|more than|fewer than|less than|at least|at most|up to)\s+"
)


def unhedged(text: str) -> str:
    """Drop a leading hedge or bound ("about 20,000" -> "20,000"), folded as `normalise`."""
    return HEDGE.sub("", normalise(text))


def parse_quantity(text: str) -> tuple[str, Decimal, str] | None:
    """Return (currency sign, number, unit words) for "1,200 metres", "$36 million", "six".

    A leading hedge or bound word is ignored: "about 20,000" is the number 20,000.
    """
    match = QUANTITY.match(unhedged(text))
    if not match:
        return None
    raw = match["num"]
    if raw in NUMBER_WORDS:
        number = Decimal(NUMBER_WORDS[raw])
    else:
        try:
            number = Decimal(raw.replace(",", ""))
        except InvalidOperation:
            return None
    return match["pre"], number, match["unit"].strip()


def same(a, b) -> bool:
    """Tell whether two written values are the same value.

    Dates compare as dates (a date without a year matches any year), quantities by number,
    currency and unit (a missing unit on one side matches, "7 military" matches "7 military
    men"), anything else as normalised text.
    """
    a, b = str(a), str(b)
    date_a, date_b = parse_date(a), parse_date(b)
    if date_a and date_b:
        return date_a[1:] == date_b[1:] and (
            None in (date_a[0], date_b[0]) or date_a[0] == date_b[0]
        )
    if bool(date_a) != bool(date_b):
        return False
    qa, qb = parse_quantity(a), parse_quantity(b)
    if qa and qb:
        if qa[0] != qb[0] or qa[1] != qb[1]:
            return False
        unit_a, unit_b = qa[2].split(), qb[2].split()
        shorter = min(len(unit_a), len(unit_b))
        return unit_a[:shorter] == unit_b[:shorter]
    return normalise(a) == normalise(b)


def among(text, values) -> bool:
    return any(same(text, value) for value in values)


# --- Keys ------------------------------------------------------------------------------------


@dataclass
class Article:
    """One real text with its key."""

    name: str
    text: str
    source: str
    licence: str
    kind: str
    facts: list[dict]
    top: list[dict]

    @property
    def words(self) -> int:
        return len(self.text.split())


def article_names(folder: Path = HERE) -> list[str]:
    return sorted(path.stem for path in folder.glob("*.txt"))


def load_article(name: str, folder: Path = HERE) -> Article:
    text = (folder / f"{name}.txt").read_text(encoding="utf-8")
    key = tomllib.loads((folder / f"{name}.toml").read_text(encoding="utf-8"))
    return Article(
        name=name,
        text=text,
        source=key["source"],
        licence=key["licence"],
        kind=key["kind"],
        facts=key.get("fact", []),
        top=key.get("top", []),
    )


def key_problems(article: Article) -> list[str]:
    """Return every way the key itself is malformed or does not match its text."""
    flat = re.sub(r"\s+", " ", article.text)
    problems = []
    known = {
        "sentence",
        "span",
        "uses",
        "also",
        "value",
        "when",
        "forms",
        "note",
        "within",
        "bound",
    }
    for n, entry in enumerate(article.facts, 1):
        label = f"{article.name} fact #{n} ({entry.get('span')!r})"
        for name in entry:
            if name not in known:
                problems.append(f"{label}: unknown field {name!r}")
        sentence, span = entry.get("sentence"), entry.get("span")
        if not sentence or not span:
            problems.append(f"{label}: needs sentence and span")
            continue
        if flat.count(sentence) != 1:
            problems.append(f"{label}: sentence fragment found {flat.count(sentence)} times")
            continue
        if span not in _sentence_around(article.text, sentence):
            problems.append(f"{label}: span not in the sentence")
        for use in entry.get("uses", []):
            if use not in USES:
                problems.append(f"{label}: unknown use {use!r}")
        if entry.get("bound") not in (None, "lower", "upper"):
            problems.append(f"{label}: bound is 'lower' or 'upper'")
        if "event" in entry.get("uses", []) and "when" not in entry:
            problems.append(f"{label}: an event use needs `when`")
    if len(article.top) != 5:
        problems.append(f"{article.name}: top lists {len(article.top)} facts, not 5")
    for item in article.top:
        if top_entry(article, item) is None:
            problems.append(f"{article.name}: top fact {item} is not a keyed fact")
    return problems


def _sentence_around(text: str, fragment: str) -> str:
    """Return the paragraph that holds a fragment, whitespace collapsed."""
    for paragraph in re.split(r"\n\s*\n", text):
        flat = re.sub(r"\s+", " ", paragraph)
        if fragment in flat:
            return flat
    return ""


def top_entry(article: Article, item: dict) -> dict | None:
    """Return the key entry a `top` item names (same span, one sentence fragment in the other)."""
    for entry in article.facts:
        if entry["span"] == item["span"] and (
            item["sentence"] in entry["sentence"] or entry["sentence"] in item["sentence"]
        ):
            return entry
    return None


# --- Judging ---------------------------------------------------------------------------------

# What a question does with its fact, by kind: the key lists the uses that are sound.
USES = ("cloze", "true_false", "event", "who", "which", "figure")
KIND_USES = {
    "cloze": "cloze",
    "true_false": "true_false",
    "year": "event",
    "date": "event",
    "short": "event",
    "first": "event",
    "when": "event",
    "order": "event",
    "between": "event",
    "who": "who",
    "where": "which",
    "which": "which",
    "what": "which",
    "how_many": "figure",
    "figure": "figure",
    # Claims as the article says them or with a value changed, as true/false has them.
    "statement": "true_false",
    "odd_one_out": "true_false",
}
# Kinds over several claims, one per fact: every fact must be keyed to judge them.
CLAIM_KINDS = ("statement", "odd_one_out")
# Kinds whose answer is the fact's own value: they test the fact itself.
VALUE_KINDS = (
    "cloze",
    "choice",
    "year",
    "date",
    "short",
    "who",
    "where",
    "which",
    "what",
    "how_many",
    "figure",
    "when",
)


def use_of(question, facts) -> str:
    if question.kind == "number":
        return "event" if len(question.fact_keys) == 2 else "figure"
    typed_name = question.kind == "short" and facts[0].type not in ("year", "date")
    if typed_name and question.template_key == "type-the-missing-name":
        return "cloze"  # a typed gap is judged as a gap with options is
    if question.kind == "choice" or typed_name:
        return "who" if facts[0].type == "person" else "which"
    return KIND_USES.get(question.kind, question.kind)


def entry_for(fact, article: Article) -> dict | None:
    """Return the key entry for an extracted fact, or None when the key does not have it."""
    for entry in article.facts:
        if entry["sentence"] not in fact.sentence:
            continue
        spans = {unhedged(span) for span in (entry["span"], *entry.get("forms", []))}
        if fact.text is not None and _spans_match(unhedged(fact.text), spans):
            return entry
        if fact.text is None and among(fact.value, rights(entry)):
            return entry
    return None


def _spans_match(text: str, spans: set[str]) -> bool:
    """An extracted span matches a keyed one when equal, or when it is a figure cut short of
    its unit words ("16 major" of "16 major earthquakes"), never when it runs past them."""
    if text in spans:
        return True
    quantity = parse_quantity(text)
    return quantity is not None and any(span.startswith(text + " ") for span in spans)


def rights(entry: dict) -> list[str]:
    return [entry["span"], *entry.get("forms", []), *([entry["value"]] if "value" in entry else [])]


def wrongs(entry: dict) -> list[str]:
    """Values a distractor must not be: the right ones and those listed as also true."""
    return rights(entry) + list(entry.get("also", []))


def also_true(entry: dict, text: str) -> bool:
    """Tell whether a value would also make the entry's sentence true.

    Besides `also` and the right values: with `within = 0.1` (a hedged value, "about
    20,000") any value within that share of it; with `bound = "lower"` (the span is a lower
    bound: "more than 40", "8.0 or greater") any smaller value; with `bound = "upper"` ("up
    to $30.1 million", "below 5 feet 11 inches", "by 1964") any larger value.
    """
    if among(text, wrongs(entry)):
        return True
    if "within" not in entry and "bound" not in entry:
        return False
    given, real = parse_quantity(text), parse_quantity(entry["span"])
    if not given or not real or given[0] != real[0]:
        return False
    if "within" in entry and abs(given[1] - real[1]) <= Decimal(str(entry["within"])) * real[1]:
        return True
    return (entry.get("bound") == "lower" and given[1] < real[1]) or (
        entry.get("bound") == "upper" and given[1] > real[1]
    )


@dataclass
class Verdict:
    """What the key says about one article's questions."""

    questions: list = field(default_factory=list)
    keyed: list = field(default_factory=list)
    unkeyed: list = field(default_factory=list)
    wrong: list = field(default_factory=list)  # (question, reason)
    unresolved: list = field(default_factory=list)  # (question, opening)
    slips: list = field(default_factory=list)  # (question, slip)
    second_units: list = field(default_factory=list)  # (question, the value in another unit)
    top_asked: set = field(default_factory=set)  # indexes into article.top


def judge(article: Article, facts, questions) -> Verdict:
    by_key = {fact.key: fact for fact in facts}
    verdict = Verdict(questions=list(questions))
    for q in questions:
        opening = unresolved_subject(q.prompt)
        if opening:
            verdict.unresolved.append((q, opening))
        other = second_unit(q.prompt)
        if other:
            verdict.second_units.append((q, other))
        for text in (q.prompt, q.answer, *q.options):
            slip = grammar_slip(text)
            if slip:
                verdict.slips.append((q, slip))
                break
        own = [by_key[key] for key in q.fact_keys]
        entries = [entry_for(fact, article) for fact in own]
        if not any(entries) or (q.kind in CLAIM_KINDS and not all(entries)):
            verdict.unkeyed.append(q)
            continue
        verdict.keyed.append(q)
        if q.kind == "true_false" and q.answer == "False" and entries[0]:
            stated = _stated(q, own[0])
            if stated and _beside_other_unit(stated, q.prompt):
                verdict.second_units.append((q, f"changes {stated!r} but not its other unit"))
        reason = _wrong(q, own, entries)
        if reason:
            verdict.wrong.append((q, reason))
        elif q.kind in VALUE_KINDS or (q.kind == "number" and len(own) == 1):
            for n, item in enumerate(article.top):
                if top_entry(article, item) is entries[0]:
                    verdict.top_asked.add(n)
    return verdict


def _wrong(q, own, entries) -> str | None:
    """Return why a keyed question is wrong by the key, or None when it is right."""
    if not all(entries):
        pairs = zip(own, entries, strict=True)
        missing = [fact.text or str(fact.value) for fact, e in pairs if not e]
        return f"asks a pair with a fact the key does not have: {missing}"
    use = use_of(q, own)
    for entry in entries:
        if use not in entry.get("uses", []):
            return f"uses {entry['span']!r} as {use!r}, which the key does not allow"
    if q.kind in CLAIM_KINDS:
        return _wrong_claims(q, own, entries)
    entry, fact = entries[0], own[0]
    if q.kind == "true_false":
        stated = _stated(q, fact)
        if stated is None:
            return "true/false statement does not follow the fact's claim"
        if q.answer == "True" and not among(stated, rights(entry)):
            return f"says True for {stated!r}, the key has {entry['span']!r}"
        if q.answer == "False" and also_true(entry, stated):
            return f"says False for {stated!r}, which the key says is true"
        return None
    if q.kind == "first":
        earlier = min(zip(entries, own, strict=True), key=lambda pair: pair[0]["when"])
        if _when_tie(entries):
            return "asks which came first of two events the key dates alike"
        if normalise(q.answer) != normalise(earlier[1].event or ""):
            return f"answers {q.answer!r}, the key dates {earlier[0]['span']!r} first"
        return None
    if q.kind == "number" and len(own) == 2:
        years = sorted(int(e["when"][:4]) for e in entries)
        if q.answer != str(years[1] - years[0]):
            return f"answers {q.answer!r}, the key gives {years[1] - years[0]} years"
        return None
    if len(own) > 1:
        return _wrong_order(q, own, entries)
    if q.kind == "year" or (q.kind == "short" and fact.type in ("year", "date")):
        if q.answer != entry["when"][:4]:
            return f"answers {q.answer!r}, the key dates it {entry['when'][:4]}"
    elif q.kind == "date":
        if len(entry["when"]) < 10 or parse_date(q.answer) != parse_date(entry["when"]):
            return f"answers {q.answer!r}, the key dates it {entry['when']}"
    elif not among(q.answer, rights(entry)):
        return f"answers {q.answer!r}, the key has {entry['span']!r}"
    for option in q.options:
        if option != q.answer and also_true(entry, option):
            return f"offers {option!r} as wrong, but the key says it is also true"
    return None


def _wrong_claims(q, own, entries) -> str | None:
    """Judge "which of these does the article say" (the answer is the one claim as said) and
    its odd one out (the answer is the one claim changed), claim by claim."""
    for fact, entry in zip(own, entries, strict=True):
        found = [(option, _claimed(option, fact)) for option in q.options]
        found = [(option, value) for option, value in found if value is not None]
        if len(found) != 1:
            return f"no one claim of the options follows the fact {entry['span']!r}"
        option, value = found[0]
        said = (option == q.answer) == (q.kind == "statement")
        if said and not among(value, rights(entry)):
            return f"offers {option!r} as said, the key has {entry['span']!r}"
        if not said and also_true(entry, value):
            return f"offers {option!r} as changed, which the key says is true"
    return None


def _claimed(text: str, fact) -> str | None:
    """Return the value a claim puts where its fact's claim has {value}, or None."""
    if not fact.claim:
        return None
    before, after = fact.claim.split("{value}")
    for head in dict.fromkeys((before, before[:1].upper() + before[1:])):
        if text.startswith(head) and text.endswith(after) and len(text) > len(head) + len(after):
            return text[len(head) : len(text) - len(after)]
    return None


def _wrong_order(q, own, entries) -> str | None:
    """Judge a question over several dated facts whose answer names their events in order.

    The key must date the events apart, and the answer must name every event, earliest
    first. Any other kind over several facts cannot be judged by the key: say so.
    """
    for n, a in enumerate(entries):
        for b in entries[n + 1 :]:
            if _when_tie([a, b]):
                return f"orders {a['span']!r} and {b['span']!r}, which the key dates alike"
    answer = normalise(q.answer)
    places = [answer.find(normalise(fact.event or "")) for fact in own]
    if not all(fact.event for fact in own) or min(places) < 0:
        return f"the key cannot judge a {q.kind!r} question over {len(own)} facts"
    by_time = [
        place
        for _entry, place in sorted(
            zip(entries, places, strict=True), key=lambda pair: pair[0]["when"]
        )
    ]
    if by_time != sorted(places):
        return f"answers {q.answer!r}, not in the order the key dates the events"
    return None


def _beside_other_unit(value: str, prompt: str) -> bool:
    """Tell whether a value stands beside the same quantity in another unit, "84.8 meters
    (278 feet)": changing one half makes the statement contradict itself."""
    value = re.escape(value)
    return bool(
        re.search(rf"{value}\s*\(\s*(?:about\s+)?{AMOUNT}", prompt)
        or re.search(rf"{AMOUNT}\s*\((?:[^()]*;\s*)?{value}\s*[;)]", prompt)
    )


def _when_tie(entries) -> bool:
    a, b = (e["when"] for e in entries)
    short = min(len(a), len(b))
    return a[:short] == b[:short]


def _stated(q, fact) -> str | None:
    """Return the value a true/false prompt puts in place of its fact's span.

    Read from the fact's claim ("... on {value}, at 20:17 UTC.") when it has one, else from
    the fact's sentence: the part of the prompt that differs from it, widened to whole words.
    """
    rest = LEAD_IN.sub("", q.prompt)
    if fact.claim and "{value}" in fact.claim:
        before, after = fact.claim.split("{value}")
        if rest.endswith(after) and normalise(rest[: len(before)]) == normalise(before):
            return rest[len(before) : len(rest) - len(after)]
    return _changed_words(rest, fact)


def _changed_words(rest: str, fact) -> str | None:
    """Return the words of a statement that differ from its fact's sentence (the fact's own
    span when nothing differs), or None when the statement is not that sentence at all."""
    said, source = rest.split(), fact.sentence.split()
    head = 0
    while head < min(len(said), len(source)) and said[head] == source[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(said), len(source)) - head
        and said[len(said) - 1 - tail] == source[len(source) - 1 - tail]
    ):
        tail += 1
    if head + tail == len(said) == len(source):
        return fact.text if fact.text is not None else str(fact.value)
    if head + tail == len(source) and tail:  # words inserted: take the word they qualify
        tail -= 1
    changed = said[head : len(said) - tail]
    if not changed or len(changed) > 12:
        return None
    return re.sub(r"(?:'s|’s)?[,.;:]*$", "", " ".join(changed))
