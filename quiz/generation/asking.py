"""Questions asked inside the article's own sentence: "Kigali is the capital of which country?"

A fact's claim is its sentence with the value left open (antecedents named, other units left
out). Putting a question word where the value stands asks what the sentence says, in its own
words, without the reordering English questions usually need: "NASA has issued delivery
orders to how many companies?", "The City of Washington was founded in which year?". The
clause that holds the value is asked alone; a value in a list, a hedged value or a figure
without a unit gives no such question.
"""

from __future__ import annotations

import re

from quiz.facts import lexicon as lx
from quiz.facts.model import ENTITY_TYPES, Fact
from quiz.facts.text import needs_antecedent
from quiz.generation.formatting import capitalise

SLOT = "{value}"
MAX_WORDS = 40
# Prepositions after which a year is asked as "in which year"; after the others ("through
# 1996", "to 1995") it ends a range.
TIME_PREPOSITIONS = frozenset(("in", "on", "since", "during", "of", "circa", "around"))
PREPOSITIONS = TIME_PREPOSITIONS | frozenset(
    [
        "to",
        "for",
        "with",
        "at",
        "into",
        "onto",
        "near",
        "beside",
        "behind",
        "under",
        "over",
        "against",
        "about",
        "between",
        "among",
        "toward",
        "towards",
        "across",
        "through",
        "via",
        "like",
        "than",
        "from",
        "by",
        "after",
        "before",
        "until",
    ]
)
ARTICLES = ("the ", "The ")
# Words before a figure that say it is a guess or a bound, not where or when.
GUESS_WORDS = frozenset(("about", "around", "circa", "over", "under"))
# A value that is one of several ("Rwanda and Burundi", "Paris, London", "in 1976, 1990"):
# asked alone, the others stay beside the question word and read as a riddle.
LISTED_RE = re.compile(
    r"(?:[\w.’'-], (?:the )?|\band |\bor |\(|\b(?:including|such as|among) (?:the [a-z]+ of )?)"
    r"\{value\}"
    r"|\{value\}(?: \([^)]*\))?(?:,? (?:and|or) (?=(?:the )?[A-Z0-9“\"])|, (?:the )?[A-Z0-9]|\))"
    # "the daughter of {value}, mathematician, and poet Lord Byron": one of two, described
    r"|\{value\}, [a-z][\w-]*(?: [a-z][\w-]*){0,2}, (?:and|or) "
)
CURRENCY = ("$", "€", "£", "¥")
PLACE_UNITS = frozenset(
    [
        "country",
        "city",
        "town",
        "village",
        "river",
        "lake",
        "island",
        "sea",
        "ocean",
        "mountain",
        "state",
        "province",
        "region",
        "county",
        "district",
        "bay",
        "desert",
        "park",
        "planet",
        "kingdom",
        "republic",
        "empire",
    ]
)
ACRONYM_RE = re.compile(r"[A-Z]{2,6}")
# "{value}, Japan": a town and its country.
COUNTRY_AFTER_RE = re.compile(r"\{value\}, ((?:[A-Z][\w.]*)(?: [A-Z][\w.]*)?)(?=[\s,.;)])")
# Words that may follow a name asked as "which ...": a verb, a preposition, a conjunction.
# Any other word makes the name a modifier ("the United States federal government", "the
# Wells Fargo brand"), where "which country federal government" reads wrongly.
NAME_FOLLOWERS = lx.STOPWORDS | PREPOSITIONS | lx.COMMON_VERBS
# A value that qualifies a person's title: "France goalkeeper Hugo Lloris", "NASA astronaut
# Sally Ride".
TITLE_OF_NAME_RE = re.compile(r" [a-z][a-z-]+ [A-Z][\w’'.-]+ [A-Z]")
# Words inside a clause that point back to an earlier sentence.
REFERRING_RE = re.compile(
    r"\b(?:it|he|him|she|they|them|this|these|those)\b"
    r"|\b(?:during|in|at|on|of|from|by|after|before|for) that\b"
    r"|\b(?:that|the same|the following|the next|the previous) (?:year|month|week|day)\b"
)
# The kind of place a value is said to be, before it: "the city of", "the U.S. state of".
KIND_OF_RE = re.compile(
    r"(?:\b[Tt]he (?P<modifier>(?:[A-Z][\w.]*|[a-z-]+) )?)?\b(?P<kind>[a-z]+) of (?:the )?$"
)
# "aboard the space shuttle {value}": the kind said before the name, "which space shuttle".
KIND_BEFORE_RE = re.compile(r"\b[Tt]he (?P<modifier>[a-z-]+ )?(?P<kind>[a-z]+) $")
# A relative clause still open where the value stands.
RELATIVE_OPEN_RE = re.compile(r", (?:which|who|whom|whose|where|when)\b[^,]*$")
# A participle's phrase set off by commas, open where the value stands: ", discovered in ".
PARTICIPLE_OPEN_RE = re.compile(
    r"\w, (?:[a-z]+ly )?[a-z]+(?:ed|en|wn|lt)(?: [a-z]+ly)? (?:in|on|at|by|from|during|around) $"
)
# Someone's words quoted after a name that ends the value's clause ("Wyoming "as a public
# park""), not the words a noun or verb before them stands for ("the mission "to provide"").
QUOTED_AFTER_RE = re.compile(r"\b[A-Z][\w.’'-]*(,? [“\"])")
# Where one coordinated clause ends and the next begins.
# Where a clause ends; not before "but with ..." and the like, which has no verb of its own.
CLAUSE_BREAK_RE = re.compile(
    r"; |,? but (?!(?:with|without|at|in|on|by|for|of|from|to|as|only|not|also)\b)"
    r"|, (?:while|whereas|although|though) "
    # "..., and the product laid the foundation": "and" before a subject and its verb
    r"|, and (?=(?:it|they|he|she|we) |(?:the|its|his|her|their|this|these) (?:[a-z-]+ ){1,2}"
    r"(?:[a-z]+ed|is|are|was|were|has|had|have|will|would|can|could|became|began|grew|rose|fell"
    r"|laid|made|took|won|lost|went|came|left|sold|saw|gave|held|led|set|built|ran|remains?)\b)"
)
# "... to a height of {value}, ejecting molten rock ...": a participle clause after the value
# says more about the whole, and a question can end before it.
PARTICIPLE_AFTER_RE = re.compile(r", (?:[a-z]+ly )?[a-z]{3,}ing\b(?! (?:to|from|of)\b)")
# Words that make the value part of a longer phrase: "the original {value}", "modern-day".
MODIFIERS = frozenset(
    [
        "a",
        "an",
        "first",
        "second",
        "third",
        "last",
        "original",
        "former",
        "new",
        "its",
        "their",
        "his",
        "her",
        "our",
        "this",
        "that",
        "these",
        "those",
        "modern-day",
        "present-day",
        "then-",
    ]
)


def in_sentence(fact: Fact) -> str | None:
    """Return the fact's claim asked with a question word where its value stands, or None."""
    claim = fact.claim
    # A round guess is asked as one ("locates about how many earthquakes?"), options far apart.
    guess = fact.hedge and fact.type == "number" and not lx.bound_of(fact.hedge)
    if not claim or fact.hedge and not guess or claim.count(SLOT) != 1 or fact.type == "list":
        return None
    whole = claim.rstrip().rstrip(".!").rstrip()
    clause = _clause(whole)
    at = clause.index(SLOT)
    before, after = clause[:at], clause[at + len(SLOT) :]
    # The word right before the value: "in 1908 {value}" has none, "named for {value}" has.
    tail = re.search(r"([A-Za-z’'-]+) $", before)
    last = tail[1].lower() if tail else ""
    if _unaskable_clause(fact, clause, whole) or _unaskable_spot(before, after, last, clause):
        return None
    preposition = last if last in PREPOSITIONS else None
    article = before.endswith(ARTICLES)
    if fact.type in ("place", "organisation") and TITLE_OF_NAME_RE.match(after):
        return None  # "sends France goalkeeper Hugo Lloris": "which country goalkeeper"
    if (fact.type in ENTITY_TYPES or fact.type == "number") and article and _modifies(after):
        # "the {value} federal government": "which country federal government"; "the {value}
        # project": "how much project"
        return None
    if fact.type in ENTITY_TYPES and preposition and _modifies(after):
        return None  # "a group of {value} school boys": "of which city school boys"
    # "In 1908, {value} chose ...": the subject after an opening phrase is asked "who".
    first = at == 0 or (not last and preposition_at_start(before))
    asked = _question_words(fact, first, preposition, article)
    if asked is None:
        return None
    if fact.type == "number" and fact.unit and after.startswith(f" {fact.unit}"):
        asked = "how many"  # "lasted three years": the unit stays where the article has it
    kind = KIND_OF_RE.search(before) or KIND_BEFORE_RE.search(before)
    if kind and asked == f"which {kind['kind']}":
        # "the city of {value}" becomes "which city", not "city of which city"; "the U.S.
        # state of {value}", "which U.S. state".
        at = kind.start()
        asked = f"which {kind['modifier'] or ''}{kind['kind']}"
    elif article:
        at -= 4  # "the {value}" becomes "which river"
    if guess:
        # "carries some {value}", "an estimated {value}": asked as "about how many ...".
        hedge = re.search(rf"(?:\b{re.escape(str(fact.hedge))} )$", clause[:at], re.IGNORECASE)
        at = hedge.start() if hedge else at
        asked = f"about {asked}"
    question = capitalise(clause[:at] + asked + clause[clause.index(SLOT) + len(SLOT) :]) + "?"
    if question.count("(") != question.count(")"):
        return None  # "Who (née Skłodowska?": the clause ended inside brackets
    return question if len(question.split()) <= MAX_WORDS else None


def _without_country(text: str) -> str:
    """Leave out the country named after the value ("{value}, Japan"): not a list."""
    return COUNTRY_AFTER_RE.sub(lambda m: SLOT if lx.is_country(m[1]) else m[0], text)


def _unaskable_clause(fact: Fact, clause: str, whole: str) -> bool:
    """Tell whether the clause cannot stand as a question about this value."""
    # An appositive ("its sister spacecraft, {value}") reads as a list here too: "its sister
    # spacecraft, which spacecraft?" asks nothing.
    if LISTED_RE.search(_without_country(clause)) or re.search(r"[“”\"]", clause):
        return True  # one of a list, or someone's words
    if REFERRING_RE.search(clause):
        return True  # "built it in three years", "during that mission": which one, it says not
    if clause != whole and needs_antecedent(capitalise(clause.replace(SLOT, "2000"))):
        return True  # "...; in 1871, it created ...": "it" is in the clause before
    noun = (fact.unit or "").split(" ")[-1]
    if fact.type == "number" and noun and re.search(rf"\d (?:[a-z-]+ )?{re.escape(noun)}", clause):
        return True  # "16 ..., which includes 15 earthquakes and one ...": sums give it away
    # "NOAA" beside its full name, or among names: the letters give it away.
    return fact.type == "organisation" and bool(ACRONYM_RE.fullmatch(str(fact.value)))


def _unaskable_spot(before: str, after: str, last: str, clause: str) -> bool:
    """Tell whether no question word fits where the value stands in the clause."""
    described = (
        re.search(r"\b(?:a|an|the) [\w-]+ $", before, re.IGNORECASE) and last not in PREPOSITIONS
    )
    if described or last in MODIFIERS or last.endswith(("'s", "’s", "s'", "s’")):
        # "an incredible {value}", "the original {value}", "NASA's {value}", "the League of
        # Nations' {value}"
        return True
    if re.search(r"[\w.](?:'s|’s|s'|s’) [a-z-]+ $", before):
        return True  # "Warsaw's clandestine {value}": "Warsaw's clandestine which university"
    if re.search(r"\b[A-Z][\w-]* of $", before):
        return True  # "the Geneva Convention of {value}": the value completes a name
    name_word = re.search(r"(?<=[\w,] )([A-Z][\w.-]*) $", before)
    if name_word and name_word[1].lower() not in lx.PREPOSITION_WORDS:
        return True  # "the Apollo Lunar Module {value}": the value ends a longer name
    if after.startswith(("'s", "’s", "' ", "’ ")) or re.search(r"\bcan\b", clause):
        return True  # "{value}'s mirror", "the {value}' Health Organization", "can be 1.5 metres"
    if RELATIVE_OPEN_RE.search(before):
        return True  # "the bridge, which opened in which year, ..."
    if after.startswith(",") and PARTICIPLE_OPEN_RE.search(before):
        return True  # "The Tengiz field, discovered in which year, is ..."
    opening = before.rsplit(": ", 1)[-1]  # "... at home: In {value}, her husband died"
    if after.startswith(",") and not re.search(r"[,;]", opening) and preposition_at_start(opening):
        return True  # "In {value}, the tower received ...": "In which year, ..." reads wrongly
    if before.strip().lower() == last and last in PREPOSITIONS - GUESS_WORDS:
        # "In {value} the government designated ...": a question would need "did ... designate".
        # ("About {value} runners took part" is asked "About how many runners took part?")
        return True
    return not before and after.startswith(", ")  # "Who, the team's doctor, died ..."


def _modifies(after: str) -> bool:
    """Tell whether the word after the value makes it a modifier of a noun."""
    found = re.match(r" ([a-z][a-z-]*)\b", after)
    if not found:
        return False
    word = found[1]
    return word not in NAME_FOLLOWERS and not word.endswith(("ed", "ing"))


def preposition_at_start(before: str) -> bool:
    """Tell whether the words before the value open with a preposition ("In", "By 1900")."""
    first = before.split(" ", 1)[0].lower()
    return first in PREPOSITIONS


def _clause(claim: str) -> str:
    """Return the clause of a claim that holds its value ("...; 6 of the 35 were women"), up to
    someone's words quoted after it ("established {value} in 1872 "as a public park"...")."""
    at = claim.index(SLOT)
    start = max((m.end() for m in CLAUSE_BREAK_RE.finditer(claim, 0, at)), default=0)
    end = CLAUSE_BREAK_RE.search(claim, at)
    quoted = QUOTED_AFTER_RE.search(claim, at)
    participle = PARTICIPLE_AFTER_RE.search(claim, at)
    stops = [end.start()] if end else []
    stops += [quoted.start(1)] if quoted else []
    stops += [participle.start()] if participle else []
    return claim[start : min(stops, default=len(claim))]


def _question_words(fact: Fact, first: bool, preposition: str | None, article: bool) -> str | None:
    """Return what stands in the value's place: "which country", "how many people", "whom"."""
    unit = (fact.unit or "").lower()
    if fact.type == "person":
        # "Who stepped onto ...", "named for whom": not as the subject of a later clause.
        return "who" if first else "whom" if preposition else None
    if fact.type == "place":
        head = _name_head(str(fact.value))
        if unit not in PLACE_UNITS and head in lx.PLACE_HEADS:
            unit = head  # "the Poniatowski Bridge": which bridge
        return f"which {unit}" if unit in PLACE_UNITS or unit == head else "which place"
    if fact.type == "organisation":
        head = _name_head(str(fact.value))
        if unit == "company" or head in lx.ASKED_ORG_HEADS:
            return f"which {'company' if unit == 'company' else head}"  # "which school"
        return "which organisation"
    if fact.type == "thing":
        return f"which {unit}" if unit else None
    if fact.type == "year":
        if preposition not in TIME_PREPOSITIONS or article:
            return None  # "a 2001 merger", "from 1959 through 1996": no "which year" fits
        return "which year"
    if fact.type == "number":
        return _how_many(fact)
    return None


def _name_head(name: str) -> str:
    """Return the word of a name that says its kind: the word before "of" ("Kingdom" of "the
    Kingdom of Rwanda", "University" of "the University of Copenhagen"), else its last word
    ("River" of "the Volga River"), lowercased."""
    words = name.split(" ")
    return words[words.index("of") - 1 if "of" in words[1:] else -1].lower()


# Units written short, as a question counts them ("how many km" reads as letters).
UNIT_NAMES = {
    "km": "kilometres",
    "m": "metres",
    "cm": "centimetres",
    "mm": "millimetres",
    "mi": "miles",
    "ft": "feet",
    "kg": "kilograms",
    "lb": "pounds",
    "lbs": "pounds",
    "km²": "square kilometres",
    "km2": "square kilometres",
    "m²": "square metres",
    "m2": "square metres",
    "ha": "hectares",
}


def _how_many(fact: Fact) -> str | None:
    text = fact.text or ""
    unit = fact.unit or ""
    if text.startswith(CURRENCY):
        return "how much"
    if not unit or unit in ("percent",) or re.search(r"\d(?:st|nd|rd|th)\b", text):
        return None  # a bare figure, a share, or a rank ("20th") has no "how many"
    if text.lower() in lx.ORDINAL_WORDS:
        return None  # a rank in words ("the fifth-largest")
    unit = UNIT_NAMES.get(unit, unit)  # "2,872 km": how many kilometres
    last = unit.split(" ")[-1]
    if unit.split(" ")[0] in ("million", "billion", "thousand", "trillion"):
        return None  # "2 million visitors": asked as a figure, not a count
    if not (last.endswith("s") or last in ("men", "women", "people", "children", "feet")):
        return None  # "1 hour", "a 750-ton block": no plural to count
    return f"how many {unit}"
