"""Extract typed facts from new text with careful rules: every fact is what its sentence says.

A fact is only made where a question over it is sound: the value occurs once in its sentence,
no hedge ("more than", "by 2030") or negation lets a changed value stay true, and no other
sentence says something so alike that another value could also be right. Descriptions that
cannot be written soundly (an event, a role) are the sentence with the value blanked: the
generator then asks only fill-the-gap and true/false over the fact.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from quiz.facts import lexicon as lx
from quiz.facts.model import ENTITY_TYPES, Fact, FactValue
from quiz.facts.names import gender_of, ruler_name, ruler_styled, short_name
from quiz.facts.regions import cities_in, region_of
from quiz.facts.sentences import split_sentences
from quiz.facts.text import (
    BARE_SUBJECT_RE,
    BLANK,
    CATAPHORA_RE,
    CLEFT_RE,
    GENERIC_NOUNS,
    LATE_PRONOUN_RE,
    PARTICIPLE_PRONOUN_RE,
    drop_conversion,
    needs_antecedent,
    opening_he_or_she,
    word_matches,
)
from quiz.facts.topic import (
    LIST_END_RE,
    WHAT_END_RE,
    Topic,
    apposition_line,
    article_topic,
    common_topic,
    kind_topic,
    title_topic,
)

log = logging.getLogger(__name__)

MONTH_NAMES = "|".join(m.capitalize() for m in lx.MONTHS)
MONTH_SHORT = "|".join(m.capitalize() for m in lx.MONTH_ABBREVIATIONS)
MONTH = rf"(?:{MONTH_NAMES}|(?:{MONTH_SHORT})\.?)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[0-9]\d\d|20\d\d)"
DATE_RES = (
    re.compile(rf"(?<![\w-])(?P<m>{MONTH}) (?P<d>{DAY}),? (?P<y>{YEAR})(?![\w-])"),
    re.compile(rf"(?<![\w-])(?P<d>{DAY}) (?:of )?(?P<m>{MONTH}),? (?P<y>{YEAR})(?![\w-])"),
    re.compile(
        rf"(?<![\w/-])(?P<y>{YEAR})-(?P<mm>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
        rf"(?![\w/-])"
    ),
)
# A date without its year ("on June 2") is a time phrase too, but gives no fact.
PARTIAL_DATE_RE = re.compile(rf"(?<!\w)(?:{MONTH} {DAY}|{DAY} (?:of )?{MONTH})(?!\w)")
YEAR_RE = re.compile(rf"(?<![\w$€£.,/:'’-]){YEAR}(?![\w%/:'’-]|[.,]\d)")
NUMBER_RE = re.compile(
    # "US$45 million", "AUD$3 billion": a currency's letters before its sign.
    r"(?<![\w.,/:-])(?P<pre>(?:US|AUD|AU|A|CA|C|NZ|HK|S|R)?[$€£¥])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?"
    r"(?P<ord>st|nd|rd|th)?(?P<pct>%| percent| per cent)?(?![\w/:-]|[.,]\d)"
)
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# "May" as a month: capitalised inside a sentence, or before a day or year at its start.
MONTH_MAY_RE = re.compile(r"(?<=\S )May\b|^May(?=,? \d)")
_UP, _LOW = lx.CAPITALS, lx.SMALL
NAME_TOKEN = (
    # "St Mary's Hospital": a saint's name, owner and all, begins the name.
    rf"(?:(?:St\.?|Saint) [{_UP}][{_LOW}]+['’]s(?![\w])|(?:Mt|Mts|St|Ft)\."
    rf"|[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)*|[A-Z]\.|[A-Z]{{2,6}}"
    rf"|[OD]['’][{_UP}][{_LOW}]+|Mc[{_UP}][{_LOW}]+)"
)
# Heads that a name goes on after with "for": "Max Planck Institute for Quantum Optics",
# "Nobel Prize for Physics", "Centers for Disease Control".
FOR_HEADS = (
    "Institute|Institutes|Center|Centers|Centre|Centres|Council|Society|Foundation|Office|"
    "Commission|Committee|Ministry|Department|Agency|Academy|School|College|Fund|Prize|Award|"
    "Medal|Association|Union|League|Alliance"
)
_FOR = "(?:" + "|".join(f"(?<={head})" for head in FOR_HEADS.split("|")) + ") for"
# A ruler's number in one letter: "Henry I of France", "Elizabeth I was ..."; not the
# pronoun ("When I arrived").
ONE_LETTER_NUMERAL = (
    r"[IVX](?=[,;:.)]| \(| of [A-Z]"
    r"| (?:was|is|had|became|died|ruled|reigned|married|succeeded|and)\b|$)"
)
NAME_RE = re.compile(
    rf"(?<![\w'’–-]){NAME_TOKEN}(?:(?: (?:de|van|von|der|da|di|del|la|le|bin|ibn|al|of|the)"
    rf"|{_FOR})*"
    rf" (?:{NAME_TOKEN}|{ONE_LETTER_NUMERAL}))*(?![\w–-])"
)
PRONOUN_START = lx._words(
    "he|she|it|they|this|that|these|those|here|there|his|her|its|their|we|our|i|you|such|both|then"
)
SUBJECT_VERB_RE = re.compile(
    r"^(?:,? (?P<appo>(?:a|an|the|who|whose|whom) [^,;:“”\"]{1,80}),)?"
    r" (?P<verb>[a-z][a-z-]+)\b"
)
MIN_OVERLAP = 0.5
# Where one coordinated clause ends and the next begins: a "not" doubts only its own clause.
CLAUSE_BREAK_RE = re.compile(
    r";|,? but |, (?:although|though|whereas|while|yet|and|so) | [—–] | -- "
)
RELATIVE_RE = re.compile(
    r"(?: (?:\w+ )?(?:years?|months?|weeks?|days?|decades?|centuries|century|hours?))?"
    r",? (?:later|earlier|before|after|ago|afterwards|previously|on)\b"
)
# A rank in words: "the fifth-largest", "the seventh crewed mission", "Kenya's second city";
# not "the second half" or "a second time", whose word has no ranks to choose among.
RANK_WORD_RE = re.compile(
    r"(?:(?<=\bthe )|(?<='s )|(?<=’s ))(" + "|".join(lx.ORDINAL_WORDS) + r")"
    r"(?=[ -](?!(?:half|halves|hand|time|times|thought|thoughts|look|chance|nature|opinion|"
    r"person|wind|guess|fiddle|class|rate|best|of|and|or|to|in|at|on|by|for|with|"
    r"west|quest|interest|request|contest|protest|test|rest|nest|guest|chest|forest|harvest|"
    r"honest|modest)\b)[a-z])"
)
DEEP_TIME_RE = re.compile(r" (?:million|billion) years ago\b")
# "In 2008, two submersibles reached the bottom on 29 July": the year sets the scene.
SCENE_YEAR_RE = re.compile(rf"(?:In|During|By) (?P<y>{YEAR}), ")
ERA_RE = re.compile(
    r"(?<![\w.,])(?:(?:AD|A\.D\.) (?P<ad>\d{1,4})|(?P<ad2>\d{1,4}) (?:AD|CE|A\.D\.)"
    r"|(?P<bc>\d{1,4}) (?:BC|BCE|B\.C\.(?:E\.)?))(?![\w])"
)
PRONOUN_RE = re.compile(r"(He|She|His|Her|It|Its|They|Their)\b")
PERSON_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Tt]hey|[Tt]heir)\b")
# A subject that may be a thing, place or organisation the sentence does not name.
OTHER_SUBJECT_RE = re.compile(r"(?:It|Its|They|Their|This|These|That|Those|The|A|An)\b")
GENDERED = {"He": "male", "His": "male", "She": "female", "Her": "female"}
# "In 1899 he received ...": a pronoun subject after an opening time or place phrase.
LATE_PRONOUN_AT_RE = re.compile(
    LATE_PRONOUN_RE.pattern.replace("(?:he|she|they|", "(he|she|(?:they)|")
)
# A subject that singles itself out: "The largest tsunami on record", "The first ship".
SUPERLATIVE_SUBJECT_RE = re.compile(
    r"^(The (?:[a-z]+est|most [a-z]+|first|only) [a-z]+(?: [a-z]+)?"
    r"(?: (?:on record|ever recorded|in the world|in history))?)"
    r" (?P<verb>was|is|were|are|[a-z]+ed|became|rose|fell|came|took|won|struck|hit|began|grew"
    r"|ran|stood|lay|flew|sank|swept)\b"
    # "The largest reef system is the Great Barrier Reef": the name says which.
    r"(?: (?P<the>the )?(?P<name>[A-Z][\w’'-]*(?: (?:of |the )*[A-Z][\w’'-]*)*)(?=[\s,.;]))?"
)
POSSESSIVE_OPENING_RE = re.compile(r"^[A-Z][a-z]* (?:his|her|its) [a-z ]+, [A-Z]")
# "The 38-year-old pulled away ...": a person named by age alone.
AGED_SUBJECT_RE = re.compile(r"^The \d{1,3}-year-old(?= [a-z])")
# A name of capitalised words (and numbers after the first: "Apollo 11"), before its noun.
NAMED_WORDS = r"[A-Z][\w-]*(?: (?:[A-Z][\w-]*|\d+))*"
# Capitalised words that start a sentence or a phrase rather than a name.
OPENING_WORDS = frozenset(
    (
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "With",
        "This",
        "That",
        "These",
        "Those",
        "Its",
        "His",
        "Her",
        "Their",
        "Our",
        "When",
        "While",
        "After",
        "Before",
        "During",
        "Since",
        "Until",
        "Each",
        "Every",
        "Some",
        "Many",
        "Most",
        "All",
        "Both",
    )
)
# "In 2015, the tower received ...": a bare subject after an opening time or place phrase.
LATE_BARE_RE = re.compile(
    # "In 2015, the tower received ...", "In 1909 the tower was nearly torn down".
    r"^(?:In|On|At|By|During|After|Before|Since|From|Until)\b"
    rf"(?:[^,;]{{1,90}}, |(?: the)? \d{{3,4}}s? )(the) (?!{GENERIC_NOUNS})([a-z]+)"
    r"(?= (?:[a-z]+ed|was|were|is|are|has|had|became|won|took|held|will)\b)"
)
LATER_SUBJECT_RE = re.compile(r"[^,;]*, (he|she|it)\b")
RELATIVE_SPAN_RE = re.compile(
    r"\b(?:\d+|" + "|".join(lx.NUMBER_WORDS) + r"|a|an|one)"
    r" (?:years?|months?|weeks?|days?|decades?|centuries|century)"
    r" (?:later|earlier|before|after|ago|afterwards|previously)\b",
    re.IGNORECASE,
)
# "a population of 705,749": what a bare figure counts, said before it.
COUNTED_BEFORE_RE = re.compile(
    r"\b(?P<unit>population|attendance|crowd|workforce|membership|enrollment|enrolment) of"
    # "a population of just 6,000", "of about 380,000", "of more than 2 million"
    r"(?: (?:just|only|about|around|approximately|roughly|nearly|almost|some|over|more than|"
    r"fewer than|less than|under|up to))?$"
    # "symbol O and atomic number 8": an element's number, asked in a gap.
    r"|\b(?P<label>atomic number|mass number)(?: of)?$"
)
YEAR_PREPOSITION_RE = re.compile(r"(?<![\w-])(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|back to) $")
NOT_UNTIL_RE = re.compile(r"\b(?:not|[A-Za-z]+n['’]t) until\b")


@dataclass
class Found:
    """A value found in a sentence: where, what type, its value, and its wording."""

    start: int
    end: int
    type: str
    value: FactValue | None  # None for a time of day, which only dates a sentence
    unit: str | None = None
    name: str | None = None  # entity: the full name when the text is a short form
    hedge: str | None = None  # "about" when the article gives a round guess

    def text(self, sentence: str) -> str:
        return sentence[self.start : self.end]


def extract_facts(text: str) -> list[Fact]:
    """Return the sound facts of an article's text, each with its sentence."""
    return extract_from_sentences(split_sentences(text))


def extract_from_sentences(sentences: Sequence[str], title: str | None = None) -> list[Fact]:
    """Return the sound facts of an article's sentences (each sentence counted once).

    A title given beside the text ("Ada Lovelace", "Blue whale") is read as the article's
    title line, which says what or whom the article is about, when the text does not open
    with it already.
    """
    sentences = list(dict.fromkeys(sentences))
    read = sentences
    title = " ".join((title or "").split())
    if title and sentences and title.casefold() != sentences[0].strip().casefold():
        read = [title, *sentences]
    article = _Article(read)
    facts: list[Fact] = []
    for sentence in sentences:
        try:
            facts.extend(article.facts_of(sentence))
        except Exception:  # a rule tripped by a sentence no test foresaw costs its facts only
            log.exception("no facts from a sentence the rules could not read: %.80r", sentence)
    return _link_alike_dates(facts, article)


# "Henry Dunant (born Jean-Henri Dunant; 8 May 1828 – 30 October 1910), also known as ...":
# a life's dates in the parentheses after a name.
LIFESPAN_RE = re.compile(
    r"^(?P<name>[A-Z][\w’'.-]+(?: [A-Z][\w’'.–-]+){1,4}) \((?:[^();]*; )?(?:born )?"
    r"(?P<born>[^();–-]+?) ?[–-] ?(?P<died>[^();–-]+?)\)"
)


def _lifespan(sentence: str, times: list[Found], digest: str, people: dict[str, str]) -> list[Fact]:
    """Return the dates of a person's birth and death the parentheses after a name give."""
    life = LIFESPAN_RE.match(sentence)
    if not life:
        return []
    name = people.get(life["name"], life["name"])  # by the name the person is known by
    facts = []
    for part, event in (("born", f"{name} was born"), ("died", f"{name} died")):
        item = next((t for t in times if t.start == life.start(part)), None)
        if item is None or not isinstance(item.value, datetime.date):
            continue
        text = item.text(sentence)
        blanked = sentence[: item.start] + BLANK + sentence[item.end :]
        facts.append(
            Fact(
                key=f"d{digest}-{part}",
                type="date",
                about=f"“{blanked}”",
                sentence=sentence,
                value=item.value,
                text=text,
                event=f"“{event}”",
                claim=f"{event} on {{value}}.",
            )
        )
    return facts


def _head_before_of(tokens: list[str]) -> str | None:
    """Return the word before "of" in a name ("Wall" of "Great Wall of China"), if any."""
    return tokens[tokens.index("of") - 1] if "of" in tokens[1:] else None


# "Igneous rocks are those that form from volcanoes.", "Cumulus clouds form ...": a kind of
# thing, as the sentence's subject, and what it is or does.
KIND_TERM_RE = re.compile(
    r"^(?P<term>[A-Z][a-z-]+(?: [a-z-]+)? (?P<head>[a-z]{3,}s)) "
    r"(?P<verb>[a-z]+) (?:[\w’'-]+,? ){1,}"
)
# What a kind's sentence may say of it: it is, or does ("Red blood cells carry oxygen").
KIND_VERBS = frozenset(("are", "were", "have", "had"))
# Words that open a subject without saying which kind: "Many rocks are ...".
NOT_KIND_WORDS = frozenset(
    ("the", "these", "those", "some", "many", "most", "all", "both", "other", "such", "few")
)
KINDS_LEAST = 3  # kinds of one thing an article defines before one is asked among the others


def _kind_terms(sentences: Sequence[str]) -> dict[str, Found]:
    """Return, per sentence, the kind of thing it opens with when the article defines at
    least KINDS_LEAST kinds of that thing so ("Igneous rocks are …", "Sedimentary rocks are
    …", "Metamorphic rocks are …"): each is asked among the others."""
    found: dict[str, list[tuple[str, Found]]] = {}
    for sentence in sentences:
        term = KIND_TERM_RE.match(sentence)
        if not term or term["term"].split()[0].lower() in NOT_KIND_WORDS | lx.STOPWORDS:
            continue
        verb = term["verb"]
        if verb not in KIND_VERBS and (verb in lx.STOPWORDS or verb.endswith(("ly", "s"))):
            continue  # "Red blood cells in ...", "Cirrus clouds usually ...": no verb here
        item = Found(0, term.end("term"), "thing", term["term"], unit=term["head"])
        found.setdefault(term["head"], []).append((sentence, item))
    terms: dict[str, Found] = {}
    for items in found.values():
        if len({item.value for _sentence, item in items}) >= KINDS_LEAST:
            terms.update(items)
    return terms


def _as_written(topic: Topic | None, statements: Sequence[str]) -> Topic | None:
    """Return a title's topic as the article's text writes it: a headline in Title Case
    ("The Sample Return Capsule") over a text that writes "the sample return capsule" names
    no proper name."""
    if topic is None:
        return None
    lower = topic.name.lower()
    for sentence in statements:
        at = sentence.lower().find(lower)
        written = sentence[at : at + len(lower)] if at >= 0 else ""
        if written and written != topic.name and written[1:] == written[1:].lower():
            said = f"The {lower}" if topic.said.startswith("The ") else lower.capitalize()
            return replace(topic, name=lower, said=said, common=True)
    return topic


def _other_plural_opening(sentence: str, topic: Topic) -> bool:
    """Tell whether a sentence opens with a plural subject other than the topic ("Males
    usually live alone", "Cirrus clouds are wispy" in an article on clouds): a "They" after
    it may mean that."""
    found = PLURAL_OPENING_RE.match(sentence)
    return found is not None and found["subject"].lower() != topic.said.lower()


# "Males usually ...", "Cirrus clouds are ...", "These animals ...": a plural subject.
PLURAL_OPENING_RE = re.compile(
    r"^(?:(?:The|These|Those|Some|Many|Most|All|Both|Other|Their|Its) )?"
    r"(?P<subject>(?:[A-Za-z-]+ )?[A-Za-z][a-z]+(?:s|men|people|children|young))\b(?! of\b)"
)


def _maybe_people(sentence: str, people: dict[str, str]) -> set[str]:
    """Return the first words of names in a sentence that no list knows but that may be a
    person's: a known given name ("William the Conqueror") or one after a title ("King")."""
    found = set()
    for _start, end, tokens, titled in _mentions(sentence):
        if " ".join(tokens) in people or not (titled or gender_of(tokens[0])):
            continue
        kind = _kind(tokens, titled, sentence[end:])
        if kind is None or kind[0] == "person":  # not "King of England": a place
            found.add(tokens[0])
    return found


def _antecedent(word: str, person: str | None, thing: str | None, lone: str | None) -> str | None:
    """Return whom "He"/"She" or what "It" refers to, when that is certain."""
    gender = GENDERED.get(word)
    if gender and person and gender_of(person.split(" ")[0]) in (gender, None):
        return person  # the sentence before opened with this person (of this gender, or unknown)
    if gender and lone and gender_of(lone.split(" ")[0]) in (gender, None):
        return lone  # "He" when the article has named one person only
    if word in ("It", "Its") and thing:
        return thing
    return None


@dataclass(frozen=True)
class _Hero:
    """The person a life story is about: their full name, the name to say, their gender."""

    full: str
    said: str
    gender: str


# A first statement that says who someone was: "Marie Curie (1867–1934) was a ...".
HERO_RE = re.compile(
    r"^(?P<name>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){1,3})(?: \([^)]*\))?(?:, [^,]{1,80},)? "
    r"(?:is|was) (?:a|an|the)\b"
)


# "She was born Maria Skłodowska": the same person, by the name she was born with.
BIRTH_NAME_RE = re.compile(r"\b(?:born|née|nee)\s+$")
# A relative who opens a clause, and so may be the next sentence's "She": "Her mother
# encouraged ...", "..., and her mother, left bitter, encouraged ..."; not "she followed
# her elder sister".
KIN_SUBJECT_RE = re.compile(
    r"(?:^|(?<=[.!?] )|, and |, but |; )(?:[Hh]er|[Hh]is|[Tt]he|[Aa]) (?:[a-z]+ )?"
    rf"({'|'.join(sorted(lx.KIN['female'] | lx.KIN['male']))})\b"
)


# "In the women's race, ", "After the war, ": a phrase of time or place before the subject.
OPENING_PHRASE_RE = re.compile(
    r"^(?:In|On|At|During|After|Before|By|Later|Earlier|Since|From|Until|Under|Despite)\b"
    r"[^,;:“”\"]{1,60}, "
)


# A line of the page around an article, not of the article: its copyright.
SITE_LINE_RE = re.compile(
    r"^(?:Copyright\b|©|\([Cc]\) |Retrieved \d|Archived from\b)|\bAll rights reserved\b"
)


# Words that end a description's modifiers: "the summit of the mountain" describes a summit.
FUNCTION_WORDS = (
    "(?:" + "|".join(sorted(lx.PREPOSITION_WORDS | {"of", "the", "a", "an", "and"})) + ")"
)


class _Article:
    """What the whole article says, which each sentence's facts are checked against."""

    def __init__(self, sentences: list[str]):
        self.sentences = sentences
        self.stems = {s: _stems(s) for s in sentences}
        self._named_kinds: dict[str, set[str]] = {}
        self.people = _people(sentences)
        self.firms = _firms(sentences)
        self.acronyms = _acronyms(sentences)
        self.unresolved: set[str] = set()
        self.mentioned = {phrase.lower() for s in sentences for phrase in _capitalised(s)}
        self.statements = statements = [s for s in sentences if self._statement(s)]
        self.terms = _kind_terms(statements)
        # A heading that says what the topic is ("Kilimanjaro, the highest mountain ...")
        # states nothing, but says what kind of thing the article is about.
        headed = [s for s in sentences if s in statements or apposition_line(s)]
        self.topic = article_topic(headed, list(self.people))
        if self.topic is None and sentences and not self._statement(sentences[0]):
            self.topic = _as_written(title_topic(sentences[0], list(self.people)), statements)
            if self.topic is None and len(sentences) > 1:
                self.topic = kind_topic(sentences[0], sentences[1])  # "Blue whale"
        if self.topic is None:
            self.topic = common_topic(statements)  # "Coral reefs are underwater structures"
        try:
            self.hero = self._hero()
            if self.hero and self.topic and self.topic.name == self.hero.full:
                self.topic = None  # a person: "she", never "it" (the first statement said who)
            self.openings = self._openings()
        except Exception:  # then no pronoun is named: its sentences give no question
            log.exception("the rules could not read whom this article's pronouns mean")
            self.hero, self.openings = None, {}
            self.unresolved.update(
                s for s in sentences if needs_antecedent(s) or BARE_SUBJECT_RE.match(s)
            )
        self.years = _context_years(sentences)

    def _openings(self) -> dict[str, tuple[int, int, str]]:
        """Map each sentence whose subject is a pronoun or a bare "The lake" with a certain
        antecedent to (where the words start, where they end, the words that replace them)."""
        found: dict[str, tuple[int, int, str]] = {}
        person = thing = None  # the subject a following "She" or "It" can refer to
        named: list[str] = []  # the people the article has named so far
        # The words of names so far that may be other people no list knows ("William the
        # Conqueror", "King Edward"): a "He" may mean them, so no one is the only one named.
        maybe: set[str] = set()
        topic = self.topic
        about_topic = False  # whether the sentence before opened with the article's topic
        stranger: set[str] = set()  # the words of a name no list knows the sentence before
        for number, sentence in enumerate(self.sentences):
            # "He" when the article has named one person only; not after "Kipchoge set ...",
            # whose subject may be another person, one the lists do not know.
            if number:
                # Everyone the sentence before named, whatever it opened with.
                named += [
                    self.people[" ".join(m[2])]
                    for m in _mentions(self.sentences[number - 1])
                    if " ".join(m[2]) in self.people
                ]
                maybe |= _maybe_people(self.sentences[number - 1], self.people)
            lone = named[0] if len(set(named)) == 1 else None
            if lone and stranger and not stranger & set(re.split(r"[\s–-]+", lone)):
                lone = None
            if lone and maybe - set(re.split(r"[\s–-]+", lone)):
                lone = None
            stranger = set()
            after_topic, about_topic = about_topic, bool(topic and topic.leads(sentence))
            opening = PRONOUN_RE.match(sentence)
            late = (
                LATE_PRONOUN_AT_RE.match(sentence)
                or PARTICIPLE_PRONOUN_RE.match(sentence)
                or opening_he_or_she(sentence)
            )
            if self._cataphora(sentence):
                # "In terms of its volume, Lake Victoria holds ...", "After he resigned ...,
                # Armstrong taught ...": the name after it already says whom.
                person = thing = None
                continue
            bare = BARE_SUBJECT_RE.match(sentence)
            if opening and not CLEFT_RE.match(sentence):
                pronoun: tuple[int, int] | None = (0, opening.end())
            else:
                # "In 1899 he received ...", "Later that year, it ...": a subject after the
                # opening; not "In 1871 the treaty made it possible", whose "it" is an object.
                as_subject = late is not None and bool(
                    re.search(
                        r"(?:\d|,|\bBCE?|\bAD|\bCE|B\.C\.|A\.D\.) $", sentence[: late.start(1)]
                    )
                    or re.fullmatch(
                        r"(?:Today|Now|Currently|Eventually|Finally|Soon),? ",
                        sentence[: late.start(1)],
                    )
                    or late.group(1).lower() in ("his", "her", "its")  # "Before its acquisition"
                    or late.group(1) in ("he", "she")  # a subject, whatever opens the sentence
                )
                pronoun = (late.start(1), late.end(1)) if late and as_subject else None
                later = late and LATER_SUBJECT_RE.match(sentence, late.end(1))
                if late and later and late.group(1).lower() in ("his", "her", "its"):
                    # "At its height, it was one of ...": the subject is the one to name.
                    pronoun = later.start(1), later.end(1)
            if pronoun:
                # "She moved ...", or "In 1891 she moved ...": the pronoun's antecedent.
                start, end = pronoun
                word = sentence[start:end].capitalize()
                name = _antecedent(word, person, thing, lone)
                gender = GENDERED.get(word)
                nearby = (self.sentences[number - 1] + " " if number else "") + sentence[:start]
                if name and gender and self._rivalled(name, gender, nearby):
                    name = None  # "Her tutor was Mary Somerville. She ...": which of the two
                if name is None and self._means_hero(gender, number, sentence[:start], found):
                    name = self.hero.said if self.hero else None  # "In 1835 she married ..."
                kind_runs_on = (
                    topic is not None
                    and topic.plural
                    and topic.common
                    and word in ("They", "Their")
                    and not (number and _other_plural_opening(self.sentences[number - 1], topic))
                )  # "Coral reefs are ... They ...": an article on a kind says "they" of it
                if (
                    name is None
                    and topic
                    and (after_topic or kind_runs_on)
                    and word in (("They", "Their") if topic.plural else ("It", "Its"))
                ):
                    # "Voyager 1's team announced ... It passed out of the heliosphere."
                    name = topic.said if start == 0 else topic.inside()
                    about_topic = True
                if name is None:
                    person = thing = None
                    continue
                possessive = word in ("His", "Her", "Its", "Their")
                if start and name.startswith("The "):
                    name = "the " + name[4:]  # "During the Berlin Wall’s existence, ..."
                owns = "’" if name.endswith("s") else "’s"  # "The Beatles’", "Lake Victoria’s"
                found[sentence] = (start, end, name + (owns if possessive else ""))
                continue
            aged = AGED_SUBJECT_RE.match(sentence)
            if aged:
                # "The 38-year-old pulled away ...": the person the sentence before opened with.
                if person is None:
                    self.unresolved.add(sentence)
                    thing = None
                    continue
                found[sentence] = (0, aged.end(), person)
                thing = None
                continue
            if bare and (
                subject := self._by_head(bare.group(1)) or self._by_phrase(bare.group(1), sentence)
            ):
                found[sentence] = (0, bare.end(1), subject)
                person, thing = None, subject
                continue
            if bare and topic and topic.is_a(bare[1]) and self._means_topic(bare[1], number, found):
                # "The town has been Rwanda's hub ..." in an article on the city of Kigali.
                found[sentence] = (0, bare.end(1), topic.said)
                person, thing, about_topic = None, topic.said, True
                continue
            if bare and (subject := self._by_named_noun(bare.group(1), sentence)):
                # "The mission is led by ..." after "NASA's Psyche mission launched ...".
                found[sentence] = (0, bare.end(1), subject)
                person, thing = None, subject
                continue
            if bare and (subject := self._by_description(bare.group(1), sentence)):
                # "The capsule carried ..." after "The sample return capsule landed ...".
                found[sentence] = (0, bare.end(1), subject)
                person, thing = None, subject
                continue
            late_bare = LATE_BARE_RE.match(sentence)
            if (
                late_bare
                and topic
                and topic.is_a(late_bare[2])
                and self._means_topic(late_bare[2], number, found)
            ):
                # "In 2015, the tower received ..." in an article on the Eiffel Tower.
                words = topic.inside()
                found[sentence] = (late_bare.start(1), late_bare.end(2), words)
                person, thing, about_topic = None, topic.said, True
                continue
            if late_bare and (subject := self._by_head(late_bare[2])):
                # "After 60 days of tests, the telescope will ..." beside "Hubble Telescope".
                words = subject.replace("The ", "the ", 1)
                found[sentence] = (late_bare.start(1), late_bare.end(2), words)
                person, thing = None, subject
                continue
            if bare or late_bare or self._short_form(sentence):
                # "The town has been ...", "The Bureau became ...", "After 60 days, the
                # spacecraft will ...": which one, the sentence alone cannot say, and no
                # question over it would stand alone.
                self.unresolved.add(sentence)
                person = thing = None
                continue
            inner = list(OBJECT_IT_RE.finditer(sentence))
            owner = OWNER_OPENING_RE.match(sentence)
            if inner and owner and not (topic and owner.group(1) in topic.said):
                # "The Delaware Valley's population of 7.2 million makes it the eighth-largest
                # ...": "it" may be the owner (or, "Kazakhstan's government leased it", the
                # topic), and which the words alone cannot say.
                self.unresolved.add(sentence)
                person = thing = None
                continue
            if topic and after_topic and len(inner) == 1 and not INNER_ITS_RE.search(sentence):
                # "Sputnik 1 was the first satellite. The Soviet Union launched it ...": the
                # "it" the sentence after the topic's carries is the topic, and so is the next "It".
                found[sentence] = (*inner[0].span(1), topic.inside())
                person, thing, about_topic = None, topic.said, True
                continue
            if him := OBJECT_HIM_RE.search(sentence):
                # "Aldrin joined him 19 minutes later": the man the sentence before opened
                # with, unless this one names him too; else no question stands alone.
                name = _antecedent("He", person, None, None)
                first = next(iter(_mentions(sentence)), None)
                said_here = first is not None and self.people.get(" ".join(first[2])) == name
                if name and not said_here and not _quoted(sentence, him.start()):
                    found[sentence] = (him.start(1), him.end(1), name)
                else:
                    self.unresolved.add(sentence)
            person, thing = self._topic(sentence)
            opener = next(iter(_mentions(sentence)), None)
            if (
                person is None
                and opener is not None
                and opener[0] == 0
                and " ".join(opener[2]) not in self.people
                and _kind(opener[2], opener[3], sentence[opener[1] :]) is None
            ):
                stranger = set(re.split(r"[\s–-]+", " ".join(opener[2])))
        # "The group's first single" of The Beatles: "The Beatles' first single".
        for sentence, (start, end, words) in found.items():
            if words.endswith("s") and sentence[end : end + 2] in ("'s", "’s"):
                found[sentence] = (start, end + 2, words + sentence[end])
        return found

    def _hero(self) -> _Hero | None:
        """Return the person a life story is about: its title names them, or its first
        statement opens on them and says who they were ("Augusta Ada King-Noel, better known
        as Ada Lovelace, was an English mathematician ...")."""
        sentences = self.sentences
        titled = bool(sentences) and not self._statement(sentences[0])
        # "Sir Alexander Fleming": the person, without the title.
        title = " ".join(_trim(sentences[0].split())[0]) if titled else ""
        opening = HERO_RE.match(sentences[1 if titled else 0]) if len(sentences) > titled else None
        if title in self.people:
            full, said = self.people[title], title
        elif opening and opening["name"] in self.people:
            # "Maria Salomea Skłodowska-Curie, known simply as Marie Curie": called so.
            full = said = self.people[opening["name"]]
        elif (
            opening
            and _plain_name(opening["name"].split(" "))
            and opening["name"] not in self.firms
            and self._says_who(opening.string[opening.end() :])
        ):
            # "Wangari Muta Maathai was a Kenyan ... activist": a person whose names no list
            # knows, by what the first statement says she was.
            full = said = opening["name"]
            if title and title.split(" ")[-1] == full.split(" ")[-1]:
                said = title  # the title's shorter "Wangari Maathai"
            for name in {full, said, short_name(full)}:
                self.people.setdefault(name, full)
        else:
            return None
        gender = gender_of(full.split(" ")[0])
        if gender not in ("female", "male"):
            # A given name no list knows: the pronouns the article uses most for someone.
            text = " ".join(sentences).lower()
            she = len(re.findall(r"\b(?:she|her)\b", text))
            he = len(re.findall(r"\b(?:he|his|him)\b", text))
            gender = "female" if she > 3 * he else "male" if he > 3 * she else None
        return _Hero(full, said, gender) if gender else None

    @staticmethod
    def _says_who(what: str) -> bool:
        """Tell whether what a first statement says someone is names a person's calling
        ("a Kenyan social, environmental and political activist")."""
        phrase = WHAT_END_RE.split(LIST_END_RE.split(what, maxsplit=1)[0], maxsplit=1)[0]
        return bool(set(re.findall(r"[a-z]+", phrase.lower())) & lx.PERSON_NOUNS)

    def _means_hero(
        self, gender: str | None, number: int, before: str, found: dict[str, tuple[int, int, str]]
    ) -> bool:
        """Tell whether a "She" or "His" means the person a life story is about: of their
        gender, and the nearest sentence back (three at most) that names them or someone else
        it may mean names them alone ("Her daughter Irène was born ... The family moved ...
        She won ...": the daughter, perhaps)."""
        hero = self.hero
        if hero is None or gender != hero.gender or self._rivalled(hero.full, gender, before):
            return False
        for back in range(number - 1, max(number - 4, -1), -1):
            earlier = self.sentences[back]
            start, _end, said = found.get(earlier, (0, 0, ""))
            if back < number - 1 and start == 0 and said.startswith(hero.said + "’"):
                # "His father, Hermann Einstein, was a salesman. In 1896 he entered ...
                # He married ...": a relative introduced as theirs may be the very next
                # "he", no later one.
                return True
            if self._rivalled(hero.full, gender, earlier):
                return False
            if self._names_hero(earlier) or said.startswith(hero.said):
                return True
        return False

    def _names_hero(self, sentence: str) -> bool:
        """Tell whether a sentence names the life story's person, by any of their names or
        their given name alone ("Ada began to demonstrate ...")."""
        hero = self.hero
        if hero is None:
            return False
        # The given name alone ("Ada began ..."), or the surname alone ("Einstein was born
        # ..."), as a life story calls its person, unless the sentence names a namesake too.
        alone = {hero.full.split(" ")[0], hero.said.split(" ")[0], short_name(hero.full)}
        mentioned = [" ".join(tokens) for _start, _end, tokens, _titled in _mentions(sentence)]
        namesakes = [
            name
            for name in mentioned
            if self.people.get(name) not in (None, hero.full)
            and short_name(name) == short_name(hero.full)
        ]
        return not namesakes and any(
            hero.full in (name, self.people.get(name)) or name == hero.said or name in alone
            for name in mentioned
        )

    def _rivalled(self, name: str, gender: str, nearby: str) -> bool:
        """Tell whether someone else a "She" or "His" could mean is named in the words before
        it (the sentence before, and its own opening): another person of that gender or of
        none the lists know, or a relative ("her mother")."""
        for start, _end, tokens, titled in _mentions(nearby):
            who = self.people.get(" ".join(tokens))
            if who is None and (not titled or not _plain_name(tokens) or lx.is_country(tokens[-1])):
                continue  # no person ("the first President of Kazakhstan": a country)
            if who == name or BIRTH_NAME_RE.search(nearby[:start]):
                continue  # the one meant, or their name at birth
            if who is None or gender_of(who.split(" ")[0]) != lx.OTHER_GENDER[gender]:
                return True  # "Lord Byron", "Mary Somerville": another who may be meant
        kin = KIN_SUBJECT_RE.finditer(nearby)
        return any(found[1].lower() in lx.KIN[gender] for found in kin)

    def _by_phrase(self, noun: str, sentence: str) -> str | None:
        """Return how an earlier sentence opens on this noun with a name ("The annual science
        fair at Riverside High School ..."), when one does: "The fair" is that one."""
        opening = re.compile(
            rf"^The (?:[a-z-]+ )*{re.escape(noun)}(?: (?:at|of|in|on) (?:the )?"
            r"[A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|of|the|and))*)(?= [a-z])"
        )
        for earlier in reversed(self.sentences[: self.sentences.index(sentence)]):
            if found := opening.match(earlier):
                return found.group()
            if any(start == 0 for start, *_ in _mentions(earlier)):
                # "Durban has the largest ... The city was named ...": a sentence since has
                # opened with another name, which "The city" may now be.
                return None
        return None

    def _by_description(self, noun: str, sentence: str) -> str | None:
        """Return how earlier sentences open on this noun with words that say which one ("The
        sample return capsule landed ..."), when they all open so alike and no sentence since
        opens with a name: "The capsule" is that one."""
        opening = re.compile(rf"^The (?:[a-z-]+ ){{1,3}}{re.escape(noun)}(?= [a-z])")
        before = self.sentences[: self.sentences.index(sentence)]
        said: set[str] = set()
        for earlier in reversed(before):
            if found := opening.match(earlier):
                said.add(found.group())
            elif not said and any(start == 0 for start, *_ in _mentions(earlier)):
                break  # a name opened a sentence since: "The capsule" may be that
        if not said and before:
            # "China opened the world's longest cross-sea bridge ... The bridge, with ...":
            # the one such noun the sentence before describes.
            # Its words say which one; "the summit of the mountain" is a summit.
            inside = re.compile(
                rf"\b(?:the|a|an) ((?:(?!{FUNCTION_WORDS}\b)[\w’'-]+ ){{1,4}}){re.escape(noun)}\b"
            )
            found_all = inside.findall(before[-1])
            words = {f"The {mods}{noun}" for mods in found_all if mods[:1].islower()}
            named = re.search(rf"\b[A-Z][\w-]* {re.escape(noun)}\b", before[-1])
            return words.pop() if len(found_all) == len(words) == 1 and not named else None
        return said.pop() if len(said) == 1 else None

    def _by_named_noun(self, noun: str, sentence: str) -> str | None:
        """Return the one thing earlier sentences name before this noun ("NASA's Psyche
        mission", "a SpaceX Falcon Heavy rocket"): "The mission" is that one. None when they
        name two ("the Apollo 11 mission ... the Apollo 12 mission") or none."""
        noun_re = re.escape(noun)
        named = re.compile(
            rf"(?:\b(?P<owner>{NAMED_WORDS})['’]s )?\b(?P<name>{NAMED_WORDS}) {noun_re}\b"
            # "a metal-rich asteroid also named Psyche": the asteroid Psyche.
            rf"|\b{noun_re},? (?:also )?(?:named|called) (?P<called>{NAMED_WORDS})"
        )
        found: dict[str, str] = {}  # the name, and how to write the subject
        for earlier in self.sentences[: self.sentences.index(sentence)]:
            for match in named.finditer(earlier):
                words = (match["name"] or match["called"]).split()
                while words and words[0] in OPENING_WORDS:
                    words.pop(0)  # "The Apollo 11 mission": the name is "Apollo 11"
                name = " ".join(words)
                if not words or name in self.people:
                    continue  # "The mission", a person's name: no thing's name
                owner = match["owner"]
                if match["called"]:
                    said = f"The {noun} {name}"
                else:
                    # As the article writes it: "NASA's Psyche mission", "The Psyche mission".
                    said = match.group() if owner else f"The {name} {noun}"
                    if owner and owner.split()[0] in OPENING_WORDS:
                        continue  # "The Agency's ...": whose, the words cannot say
                found.setdefault(name, said)
        if len(found) != 1 or self._named_kind(noun):
            # Two named, or one more whose name holds the noun ("the Great Wall of China"
            # beside "the Ming wall"): which one, the words cannot say.
            return None
        return found.popitem()[1]

    def _short_form(self, sentence: str) -> bool:
        """Tell whether a sentence opens with a one-word short form of a longer name the
        article uses ("The Bureau became ..." after "the Weather Bureau")."""
        short = SHORT_FORM_RE.match(sentence)
        if not short:
            return False
        word = short.group(1)
        return any(
            len(m[2]) >= 2 and word in m[2][1:] for s in self.sentences for m in _mentions(s)
        )

    def _dated_beside(self, sentence: str, times: list[Found]) -> bool:
        """Tell whether a sentence with "five years after" gives a second time, or follows a
        sentence that gives one: then one date gives the other away. "Signed on 28 June
        1919, five years after the assassination" alone gives nothing away."""
        if sum(t.type in ("date", "year") for t in times) > 1:
            return True
        at = self.sentences.index(sentence)
        before = _times(self.sentences[at - 1]) if at else []
        return any(t.type in ("date", "year") for t in before)

    def _cataphora(self, sentence: str) -> bool:
        """Tell whether an opening's "its", "his" or "he" means the name after the opening
        ("Before its acquisition by Wells Fargo, Wachovia was ...", "After he resigned ...,
        Armstrong taught ..."), so the sentence says whom as it stands; not when the name
        cannot be it (a woman's name after "his", a person's after "its", a group after
        "their")."""
        found = CATAPHORA_RE.match(sentence)
        if not found or "their" in (found["pronoun"], found["subject"]):
            return False
        name = found["name"]
        # "Abai" of "Abai Kunanbaev": a person called by the given name alone, too.
        given = {full for full in self.people.values() if full.startswith(f"{name} ")}
        person = (
            self.people.get(name)
            or self.people.get(short_name(name))
            or (given.pop() if len(given) == 1 else None)
        )
        word = found["pronoun"] or found["subject"]
        if word in ("its", "it"):
            return not person
        return person is not None and gender_of(person.split(" ")[0]) != lx.OTHER_GENDER.get(
            GENDERED[{"he": "He", "she": "She"}.get(word, word.capitalize())]
        )

    def _means_topic(self, noun: str, number: int, found: dict[str, tuple[int, int, str]]) -> bool:
        """Tell whether "The lake" means the article's topic (a lake): the nearest sentence
        back (three at most) that names a lake or the topic names the topic alone, or, when
        none does, the article names no other lake ("The lake" after "Lake Superior in North
        America" was mentioned in passing, two sentences earlier, still means the topic)."""
        topic = self.topic
        if topic is None:
            return False
        head = noun.capitalize()
        for back in range(number - 1, max(number - 4, -1), -1):
            earlier = self.sentences[back]
            start, _end, subject = found.get(earlier, (0, 0, ""))
            # Its subject named: "It ...", "In 2019 it ...", "Established in 1947 ..., it ...";
            # not an object ("Wells Fargo bought it").
            opened = start == 0 or bool(re.search(r"(?:\d|,) $", earlier[:start]))
            if topic.opens(earlier) or opened and subject.lower() == topic.said.lower():
                return True  # the sentence before was about the topic, whatever it mentions
            names = [" ".join(m[2]) for m in _mentions(earlier)]
            if any(head in name.split() and name != topic.name for name in names):
                return False  # "Lake Superior ... The lake": which, the words cannot say
            if topic.name in names:
                return True
        return not self._named_kind(noun)

    def _named_kind(self, noun: str) -> bool:
        """Tell whether the article names some thing by this noun ("Lake" of "Lake Baikal")."""
        head = noun.capitalize()
        topic = self.topic.name if self.topic else None
        return any(
            head in m[2] and " ".join(m[2]) != topic for s in self.sentences for m in _mentions(s)
        )

    def _topic(self, sentence: str) -> tuple[str | None, str | None]:
        """Return the person or the named thing a sentence opens with, as (person, thing)."""
        if INNER_IT_RE.search(sentence):
            # "The Soviet Union launched it into orbit. It was a sphere": the "It" after is
            # the "it" inside, not the subject, and what that is this sentence cannot say.
            return None, None
        if self.topic and self.topic.opens(sentence):
            return None, self.topic.said
        if unique := SUPERLATIVE_SUBJECT_RE.match(sentence):
            if unique["name"] and unique["verb"] in ("is", "was"):
                return None, f"The {unique['name']}" if unique["the"] else unique["name"]
            return None, unique.group(1)  # "The largest tsunami on record rushed past ..."
        opening = OPENING_PHRASE_RE.match(sentence)
        for start, end, tokens, titled in _mentions(sentence):
            name = " ".join(tokens)
            if opening and end < opening.end():
                continue  # "In the women's race, ...": a phrase before the subject
            if opening and start == opening.end() and len(tokens) >= 2:
                # "In the women's race, Grace Wanjiru set a record. She ...": the subject.
                return (name, None) if self.people.get(name) == name else (None, None)
            if sentence[:start] not in ("", "The ") or sentence[end : end + 2] in ("'s", "’s"):
                # Not the subject, or its owner: after "NASA's Psyche mission launched ...",
                # "It" is not NASA.
                break
            if len(tokens) >= 2 and self.people.get(name) == name:
                return name, None
            if len(tokens) == 1 and name in self.people:
                return self.people[name], None  # "Kipchoge set ...": Eliud Kipchoge
            if (
                name in self.people
                or _kind(tokens, titled, sentence[end:]) is None
                and (
                    len(tokens) < 2
                    or not _plain_name(tokens)
                    and tokens[-1].lower() not in lx.THING_HEADS
                )
            ):
                break
            return None, sentence[:start] + name
        return None, None

    def _by_head(self, noun: str) -> str | None:
        """Return the one named thing of the article whose name holds this noun ("Lake")."""
        head = noun.capitalize()
        named = {
            " ".join(m[2])
            for s in self.sentences
            for m in _mentions(s)
            # "Lake Baikal", "Angara River", "Treaty of Versailles": the kind first or last;
            # "Great Wall of China": before "of".
            if (head in (m[2][0], m[2][-1]) or _head_before_of(m[2]) == head)
            and 2 <= len(m[2]) <= 5
            and " ".join(m[2]) not in self.people
        }
        # "the Great Wall" is the "Great Wall of China" said short.
        named = {name for name in named if not any(o.startswith(f"{name} of ") for o in named)}
        if len(named) != 1:
            return None
        name = named.pop()
        if head not in (name.split(" ")[0], name.split(" ")[-1]) and self._other_named(noun):
            return None  # "the Great Wall of China" beside "the Ming wall": which, unsaid
        told = self.statements
        if any(f" {name.lower()}" in s for s in told) and not any(name in s for s in told):
            # A headline's "Sample Return Capsule" over a text that writes it in lower case.
            return f"The {name.lower()}"
        topic = self.topic
        if topic and name != topic.name and (head in topic.name.split() or topic.is_a(noun)):
            return None  # "The festival" in an article on the Edinburgh Festival Fringe
        last = name.split(" ")[-1]
        if " of " in name or (last == head and last.lower() not in UNARTICLED_HEADS):
            return f"The {name}"  # "The Angara River", "The Treaty of Versailles"
        return name  # "Lake Baikal", "Harvard University"

    def _other_named(self, noun: str) -> bool:
        """Tell whether the article calls some thing by a name before this noun ("the Ming
        wall")."""
        before = re.compile(rf"\b([A-Z][\w-]*) {re.escape(noun)}\b")
        return any(
            m.group(1) not in OPENING_WORDS for s in self.sentences for m in before.finditer(s)
        )

    def facts_of(self, sentence: str) -> list[Fact]:
        doubt = _doubt_start(sentence)
        if doubt == 0 or not self._statement(sentence) or sentence in self.unresolved:
            return []  # a doubtful sentence, or a title or credit line that states nothing
        times = _times(sentence)
        found = [f for f in times if f.type in ("date", "year")] + _numbers(sentence, times)
        found += _entities(sentence, self.people, self.firms, self.acronyms)
        if term := self.terms.get(sentence):
            found.append(term)  # "Igneous rocks are ...", beside the other kinds of rock
        if doubt is not None:
            # "On 9 November 1989, the government announced that citizens could visit ...":
            # the announcement is dated; what it says may happen is not a fact.
            found = [f for f in found if f.start < doubt]
        denied = _negated(sentence)
        found = [f for f in found if not any(a <= f.start < b for a, b in denied)]
        dated = [
            f
            for f in found
            if f.type in ("date", "year") or f.type == "number" and YEAR_RE.match(f.text(sentence))
        ]
        if RELATIVE_SPAN_RE.search(sentence) and self._dated_beside(sentence, times):
            # "in 1871, five years before the 1876 patent", "Ten years later, in 480 BC":
            # one date gives the other away, in this sentence or the one before.
            found = [f for f in found if f not in dated]
        facts: list[Fact] = []
        seen: set[tuple[str, str]] = set()
        digest = hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:8]
        for item in found:
            text = item.text(sentence)
            if (item.type, str(item.value)) in seen or not _once(text, sentence):
                continue
            if item.type in ENTITY_TYPES and not self._unique(sentence, text, item.type):
                continue
            seen.add((item.type, str(item.value)))
            prefix = {"place": "l"}.get(item.type, item.type[0])
            key = f"{prefix}{digest}-{len(facts) + 1}"
            fact = self._fact(sentence, item, times, key, self.openings.get(sentence))
            if fact is not None:
                facts.append(fact)
        return facts + _lifespan(sentence, times, digest, self.people)

    def _statement(self, sentence: str) -> bool:
        """Tell whether a sentence states something: it ends like one, or it is the article's
        last sentence and reads like one though its full stop is missing."""
        if SITE_LINE_RE.search(sentence) or apposition_line(sentence):
            # "Copyright 2024 Example News.", "All rights reserved.", "Kilimanjaro, the
            # highest mountain in Africa." (a heading: a name and what it is, no verb)
            return False
        if re.search(r"[.!][”’\"')]?$", sentence):
            return True
        words = sentence.split()
        lower = [w for w in words if w[:1].islower()]
        return sentence == self.sentences[-1] and len(words) >= 6 and len(lower) * 2 >= len(words)

    def _unique(self, sentence: str, text: str, type_: str) -> bool:
        """Tell whether no other sentence says nearly the same of another one of the kind (so
        another name could fit)."""
        # The topic's own name is in most of its article's sentences: it tells none apart.
        topic = _stems(self.topic.said) if self.topic else set()
        own = _stems(sentence.replace(text, " ")) - _stems(text) - topic
        if not own:
            return False
        # The same person however named ("Neil Armstrong", "Armstrong").
        full = self.people.get(text, text)
        names = {text} | {name for name, person in self.people.items() if person == full}
        for other in self.sentences:
            if other == sentence or any(word_matches(name, other) for name in names):
                continue  # a sentence naming the same one says nothing against it
            if len(own & self.stems[other]) >= MIN_OVERLAP * len(own) and self._may_name(
                other, type_
            ):
                return False
        return True

    def _may_name(self, sentence: str, type_: str) -> bool:
        """Tell whether a sentence names, or may mean, one of a kind (a person, a place ...):
        "The Sydney Opera House is a performing arts centre" names no person."""
        if type_ == "person" and PERSON_PRONOUN_RE.search(sentence):
            return True  # "He won it again in 2022": whoever "He" is
        if type_ != "person" and OTHER_SUBJECT_RE.match(sentence):
            return True  # "It opened in 1990", "The bridge was ..."
        kinds = self._named_kinds.get(sentence)
        if kinds is None:
            kinds = {f.type for f in _entities(sentence, self.people, self.firms, self.acronyms)}
            self._named_kinds[sentence] = kinds
        return type_ in kinds

    def _fact(
        self,
        sentence: str,
        item: Found,
        times: list[Found],
        key: str,
        opening: tuple[int, int, str] | None,
    ) -> Fact | None:
        if item.value is None:
            return None
        text = item.text(sentence)
        blanked = sentence[: item.start] + BLANK + sentence[item.end :]
        described = f"“{blanked}”"
        if opening and not opening[0] <= item.start < opening[1]:
            # "It is the deepest lake" is asked as "Lake Baikal is the deepest lake".
            start, end, words = opening
            said = sentence[:start] + words + sentence[end:]
            shift = len(words) - (end - start)

            def moved(found: Found) -> Found:
                if found.start < end:
                    return found
                return replace(found, start=found.start + shift, end=found.end + shift)

            said_item = moved(item)
            times = [said_item if moved(t).start == said_item.start else moved(t) for t in times]
        elif needs_antecedent(sentence):
            return None  # "She moved to Paris in 1891": no question stands alone without her
        else:
            said, said_item = sentence, item
        claim = _claim(said, said_item) if said else None
        common: dict[str, Any] = {
            "key": key,
            "type": item.type,
            "about": described,
            "sentence": sentence,
            "claim": claim,
        }
        if item.type in ("year", "date"):
            return Fact(
                value=item.value,
                text=text,
                event=(_event(said, said_item, times) if said else None) or described,
                **common,
            )
        if item.type == "number":
            count = _count_role(said, said_item) if said and not item.hedge else None
            return Fact(
                value=item.value, text=text, unit=item.unit, hedge=item.hedge, role=count, **common
            )
        role = _role(sentence, item) or described
        unit = item.unit
        # "the Soviet Union": a country named with "the" reads wrongly as "the Benin".
        plain = item.type == "place" and not sentence[: item.start].lower().endswith("the ")
        country = COUNTRY_AFTER_RE.match(sentence, item.end)
        within = country[1] if country and lx.is_country(country[1]) and unit != "country" else None
        if unit == "city" and within is None:
            # "... located in Manaus, in the heart of the rainforest in Brazil": in that country.
            within = next(
                (
                    name
                    for start, _end, tokens, _titled in _mentions(sentence)
                    if start > item.end
                    and re.search(rf"\bin (?:(?:{'|'.join(REGION_WORDS)}) )?$", sentence[:start])
                    and lx.is_country(name := " ".join(tokens))
                ),
                None,
            )
        if (
            unit == "city"
            and within is None
            and (of := PEOPLES_CITY_RE.search(sentence[: item.start]))
        ):
            # "the Brazilian city of Belem": Brazil's other cities; a people the lists do not
            # know ("the Bavarian city of") leaves only the article's own cities.
            within = lx.DEMONYM_COUNTRIES.get(of[1], of[1])
        year = self.years.get(sentence)
        wrong = self._wrong_places(unit, key, item.name or text, within, year) if plain else ()
        return Fact(
            value=item.name or text,
            text=None if item.name else text,
            role=role,
            unit=unit,
            wrong=wrong,
            **common,
        )

    def _wrong_places(
        self,
        unit: str | None,
        key: str,
        answer: str,
        within: str | None = None,
        year: int | None = None,
    ) -> tuple[str, ...]:
        """Return three countries or cities the article never mentions (certainly wrong), of
        the answer's own continent when there are enough of them, and countries that existed
        in the year of the sentence's event."""
        pool = {"country": lx.COUNTRIES, "city": lx.CITIES, "planet": lx.PLANETS}.get(unit or "")
        if not pool or (year is not None and year < MODERN and unit != "planet"):
            return ()  # today's countries and cities set against Athens in 490 BC read wrongly
        names = sorted(
            name
            for name in pool
            if name not in self.mentioned
            and " " not in name
            and (unit != "country" or lx.existed(name, year))
        )
        region = "Solar System" if unit == "planet" else region_of(answer)
        if within and unit == "city":
            # A city named with its country ("Geneva, Switzerland"): a city of another country
            # would contradict the sentence itself; other cities of that country do not.
            names = [
                name.lower()
                for name in cities_in(within)
                if name.lower() not in self.mentioned and name.lower() != answer.lower()
            ]
            if len(names) < 3:
                return ()
        elif region is None or within:
            return ()  # a town the lists do not know, or a place named with its country
        near = [name for name in names if unit == "planet" or region_of(name) == region]
        if len(near) >= 3:
            names = near
        names.sort(key=lambda name: hashlib.sha256(f"{key}{name}".encode()).hexdigest())
        return tuple(name.title() for name in names[:3])


# --- sentences that give nothing ---------------------------------------------------------


# "the Brazilian city of ", "a Russian port town of ": a people's adjective before the kind.
PEOPLES_CITY_RE = re.compile(r"\b([A-Z][a-z]+) (?:[a-z]+ )?(?:city|town|port|capital) of $")


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD_RE.findall(text)]


# "announced that ...": what follows is what was said, in the words of whoever said it.
REPORTED_THAT_RE = re.compile(
    r"\b(?:said|says|announced|announces|stated|states|declared|declares|reported|reports|"
    r"confirmed|confirms|warned|warns|wrote|writes|added|adds) that\b"
)


def _doubt_start(sentence: str) -> int | None:
    """Return where what a sentence says becomes a guess, a condition or a question: 0 for
    the whole sentence, the start of a reported "that" clause holding the only doubt
    ("announced that citizens could visit ..."), or None when nothing is in doubt."""
    # "“Kazakhstan is an active participant ...": a quotation running on over sentences is
    # someone's words, and a gap in it reads as a misquote.
    if "?" in sentence or sentence.count("“") != sentence.count("”"):
        return 0
    # "on 6 May 1994", "in May": the month, not the verb that doubts.
    plain = MONTH_MAY_RE.sub(lambda m: " " * len(m[0]), sentence)
    doubts = [m.start() for m in WORD_RE.finditer(plain) if m[0].lower() in lx.DOUBTS]
    if not doubts:
        return None
    reported = REPORTED_THAT_RE.search(sentence)
    if reported and min(doubts) > reported.end():
        return reported.end()
    return 0


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """Return the spans of a sentence's coordinated clauses ("..., but ...", "...; ...")."""
    spans, start = [], 0
    for m in CLAUSE_BREAK_RE.finditer(sentence):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(sentence)))
    return spans


# "No. 4", "no. 10": a number's sign, not a denial.
NUMBER_SIGN_RE = re.compile(r"\b[Nn]o\. ?(?=\d)")


def _negated(sentence: str) -> list[tuple[int, int]]:
    """Return the spans of the clauses that deny what they say."""
    spans = []
    for a, b in _clauses(sentence):
        # "It wasn't until 1875 that ...": the year is exact, nothing is denied.
        clause = NUMBER_SIGN_RE.sub(" ", sentence[a:b])  # "the No. 4 reactor": no denial
        words = _words(MONTH_MAY_RE.sub(" ", NOT_UNTIL_RE.sub(" until ", clause)))
        if any(w.endswith("n't") for w in words) or set(words) & lx.NEGATIONS:
            spans.append((a, b))
    return spans


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "'s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _stems(text: str) -> set[str]:
    return {_stem(w) for w in _words(text) if w not in lx.STOPWORDS and len(w) > 2}


def _once(text: str, sentence: str) -> bool:
    return len(word_matches(text, sentence)) == 1


def _before(sentence: str, start: int, count: int = 3) -> list[str]:
    return _words(sentence[:start])[-count:]


def _hedged(sentence: str, start: int, end: int) -> bool:
    """Tell whether a value is a bound, a guess or part of a range or list."""
    return _hedge(sentence, start, end) is not None


NUMBER_WORD_ALTERNATION = "|".join(sorted(lx.NUMBER_WORDS, key=len, reverse=True))
# The first end of a range just before a value: a figure or number word, perhaps with its era
# ("700 to", "two to", "206 BC to").
ERA = r"(?:BCE?|AD|CE|B\.C\.|A\.D\.)"
RANGE_START_RE = re.compile(rf"(?:\d|\b(?:{NUMBER_WORD_ALTERNATION}))(?:\s+{ERA})?\s+to\s+$")


def _hedge(sentence: str, start: int, end: int, amount: bool = False) -> str | None:
    """Return "approx" for a round guess ("about 2,000"), "bound" for a bound, a range or a
    list ("more than 500", "1990 to 1995"), or None for a value stated exactly."""
    before = _before(sentence, start)
    not_until = (
        before[-1:] == ["until"]
        and len(before) >= 2
        and (before[-2] == "not" or before[-2].endswith("n't"))
    )
    # "dating back to 1865": the year it began, stated exactly.
    exact = not_until or before[-2:] == ["back", "to"]
    # "From 500 candidates ..., 7 became astronauts": where they came from, not a range.
    source = before[-1:] == ["from"] and not re.search(
        r"^[^.;]{0,60}?\b(?:to|through|until|till)\b", sentence[end:]
    )
    # "issued orders to three companies": "to" ends a range only after "from" or "between",
    # or right after a figure ("an elevation of 700 to 900 metres").
    if RANGE_START_RE.search(sentence[:start]):
        return "bound"  # "two to three times as wide", "206 BC to 220 AD"
    to_only = before[-1:] == ["to"] and not {"from", "between"} & set(_before(sentence, start, 8))
    for size in () if exact or source else (3, 2, 1):
        phrase = " ".join(before[-size:])
        if size == 1 and to_only:
            break
        if len(before) >= size and phrase in lx.HEDGES:
            if amount and phrase == "by":
                break  # "won by 9 seconds", "grew by 5%": a margin, stated exactly
            if phrase in lx.APPROXIMATIONS and _plain_after(sentence, end):
                return "bound" if _listed_before(sentence, start) else "approx"
            return "bound"
    return "bound" if not _plain_after(sentence, end) or _listed_before(sentence, start) else None


def _listed_before(sentence: str, start: int) -> bool:
    return bool(re.search(r"(?:\d\s*[-–,]|\b(?:or|and))\s*$", sentence[:start]))


def _plain_after(sentence: str, end: int) -> bool:
    """Tell whether nothing after a value makes it part of a range or list."""
    after = sentence[end:]
    # "began in 1988 and employed ...": a second clause, not a range or a list.
    clause = re.match(r"\s*and\s+([a-z]+)\b", after)
    second_clause = clause and clause.group(1) not in lx.OPEN_ENDS.union(lx.NUMBER_WORDS)
    if re.match(r",\s*(?:1[0-9]|20)\d\d(?:,| and | or )", after):
        return False  # "in 1976, 1990, 1995 ...": one of a list of years
    return not (
        not second_clause
        and re.match(
            rf"\s*[-–]\s*\d|\s*\(?(?:or|and|plus|\+)\b|s\b|\s*-"
            rf"|\s*(?:{ERA}\s+)?to (?:\W*\d|{MONTH}|the |present|today|date)",
            after,
        )
    )


# --- dates, years and numbers --------------------------------------------------------------


def _month(text: str) -> int:
    name = text.rstrip(".").lower()
    return lx.MONTHS.index(name) + 1 if name in lx.MONTHS else lx.MONTH_ABBREVIATIONS[name]


def _times(sentence: str) -> list[Found]:
    """Return every time expression: full dates and years as facts, partial dates as None."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    for regex in DATE_RES:
        for m in regex.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            month = int(m["mm"]) if m.groupdict().get("mm") else _month(m["m"])
            day = int(m["d"].rstrip("stndrh"))  # "21st" is 21
            try:
                value = datetime.date(int(m["y"]), month, day)
            except ValueError:
                continue
            taken.append((m.start(), m.end()))
            found.append(Found(m.start(), m.end(), "date", value))
    scene = SCENE_YEAR_RE.match(sentence)
    for m in PARTIAL_DATE_RE.finditer(sentence):
        if not any(a <= m.start() < b for a, b in taken):
            taken.append((m.start(), m.end()))
            found.append(_partial_date(m, scene, len(found) == 0))
    for m in ERA_RE.finditer(sentence):
        # "490 BC" is a year before the era's start, "AD 476" one of it.
        digits = m["ad"] or m["ad2"] or m["bc"]
        start = m.start("ad") if m["ad"] else m.start("ad2") if m["ad2"] else m.start("bc")
        if any(a <= start < b for a, b in taken) or not 0 < int(digits) <= 9999:
            continue
        taken.append((m.start(), m.end()))
        if m["bc"]:
            found.append(Found(start, m.end(), "year", -int(digits)))  # "490 BC" is -490
        else:
            found.append(Found(start, start + len(digits), "year", int(digits)))
    for m in YEAR_RE.finditer(sentence):
        if any(a <= m.start() < b for a, b in taken):
            continue
        following = re.match(r"\s+([a-z]+)", sentence[m.end() :])
        after_month = re.search(rf"(?<![\w-]){MONTH},? $", sentence[: m.start()])
        # "will fly in 2011 aboard", "created in 1868 near": after "in" it is a year.
        counted = following and following.group(1) not in lx.STOPWORDS | {"when"}
        # "in 2011 aboard", "a 2001 merger", "the 2008 financial crisis": a year, never a
        # count of a singular noun ("in 1500 workers" stays a count).
        dating = bool(
            YEAR_PREPOSITION_RE.search(sentence[: m.start()])
            or re.search(r"(?<![\w-])(?:[Aa]n?|[Tt]he) $", sentence[: m.start()])
        ) and bool(following and not following.group(1).endswith("s"))
        # "In 1903 soldiers built ...": a sentence opening with its year sets the scene.
        dating = dating or bool(
            re.fullmatch(r"(?:In|Since|By|Until|During) ", sentence[: m.start()])
        )
        if counted and not after_month and not dating:
            continue  # "1500 workers" is a number, not a year; "December 1993" is a year
        if re.match(r"\s+[A-Z]{1,4}\d", sentence[m.end() :]):
            continue  # "1998 KY26" is the name of an asteroid, not a year
        if ZONED_CLOCK_RE.match(sentence, m.end()):
            found.append(Found(m.start(), m.end(), "time", None))  # "at 1220 GMT"
            continue
        found.append(Found(m.start(), m.end(), "year", int(m.group())))
    for item in found:
        if item.type != "time" and _hedged(sentence, item.start, item.end):
            item.type = "time"  # still a time phrase, but no sound fact
    return sorted(found, key=lambda item: item.start)


def _partial_date(m: re.Match, scene: re.Match | None, first: bool) -> Found:
    """A day and month: a date when the sentence opens with its year ("In 2008, ... on
    29 July"), else a time phrase that gives no fact."""
    text = m.group()
    plain = re.fullmatch(
        rf"(?P<d>\d{{1,2}}) (?P<m>{MONTH_NAMES})|(?P<m2>{MONTH_NAMES}) (?P<d2>\d{{1,2}})", text
    )
    if scene is None or not first or plain is None:
        return Found(m.start(), m.end(), "time", None)
    try:
        value = datetime.date(
            int(scene["y"]), _month(plain["m"] or plain["m2"]), int(plain["d"] or plain["d2"])
        )
    except ValueError:
        return Found(m.start(), m.end(), "time", None)
    return Found(m.start(), m.end(), "date", value)


def _numbers(sentence: str, times: list[Found]) -> list[Found]:
    found = []
    for m in NUMBER_RE.finditer(sentence):
        if any(t.start <= m.start() < t.end or m.start() <= t.start < m.end() for t in times):
            continue
        if YEAR_RE.fullmatch(m.group()) and not m["pct"]:
            following = re.match(r"\s+([a-z]+)", sentence[m.end() :])
            if not following or following.group(1) in lx.STOPWORDS:
                continue  # a year that was hedged away, never a number
        item = _number(sentence, m.start(), m.end(), m)
        if item is not None:
            found.append(item)
    for m in RANK_WORD_RE.finditer(sentence):
        # "the fifth-largest natural satellite", "the second most populous city": a rank.
        found.append(Found(m.start(), m.end(), "number", lx.ORDINAL_WORDS[m.group(1)]))
    for m in re.finditer(
        r"(?<![\w-])(" + "|".join(lx.NUMBER_WORDS) + r")(?![\w-])", sentence, re.IGNORECASE
    ):
        noun = re.match(r" ([a-z]+s)\b", sentence[m.end() :])
        if RELATIVE_RE.match(sentence[m.end() :]):
            continue  # "Three years later": a step from another date, not a quantity
        if re.search(rf"\b(?:{'|'.join(lx.NUMBER_WORDS)})[ -]$", sentence[: m.start()], re.I):
            continue  # "four hundred", "twenty-one": a number said in several words
        if noun and sentence[m.end() + noun.end() :].startswith(":"):
            continue  # "three countries: Kenya, Uganda and Tanzania": the list counts them
        if _in_compound_time(sentence, m.start()):
            continue  # "two hours one minute 39 seconds": one time, not a count of hours
        if noun and noun.group(1) not in lx.STOPWORDS and not _hedged(sentence, m.start(), m.end()):
            found.append(
                Found(
                    m.start(),
                    m.end(),
                    "number",
                    lx.NUMBER_WORDS[m.group(1).lower()],
                    unit=noun.group(1),
                )
            )
    return found


def _bound(sentence: str, start: int, end: int) -> str | None:
    """Return the words that make a figure a plain bound ("more than", "up to"), or None
    for a range, a list or anything else."""
    before = _before(sentence, start)
    if not _plain_after(sentence, end) or _listed_before(sentence, start):
        return None
    for size in (2, 1):
        phrase = " ".join(before[-size:])
        if len(before) >= size and lx.bound_of(phrase):
            return phrase
    return None


def _approximation(sentence: str, start: int) -> str:
    """Return the words that make a figure a guess ("about", "an estimated")."""
    before = _before(sentence, start)
    for size in (3, 2, 1):
        if " ".join(before[-size:]) in lx.APPROXIMATIONS:
            return " ".join(before[-size:])
    return before[-1]


# "2 days, 22 hours and 50 minutes": one length of time said in several units.
TIME_UNITS = r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)"
# "2 days, 22 hours and 50 minutes", "3 minutes 49.11 seconds", "two hours one minute 39
# seconds": one time in several units.
TIME_AMOUNT = rf"(?:\d+(?:\.\d+)?|\b(?i:{NUMBER_WORD_ALTERNATION}|one|an?))"
COMPOUND_TIME_RE = re.compile(
    rf"{TIME_AMOUNT} {TIME_UNITS}(?:,? (?:and )?{TIME_AMOUNT} {TIME_UNITS})+"
)


def _in_compound_time(sentence: str, start: int) -> bool:
    """Tell whether a figure starting there is one part of a time said in several units."""
    return any(a <= start < b for a, b in (c.span() for c in COMPOUND_TIME_RE.finditer(sentence)))


# "8 p.m.", "6:30 am", "9 o'clock": a time of day.
CLOCK_RE = re.compile(r"(?::\d\d)? ?(?:[ap]\.m\.|[ap]m\b|o['’]clock\b)", re.IGNORECASE)
# "at 1220 GMT": a time of day written in four figures before its time zone.
ZONED_CLOCK_RE = re.compile(r" (?:GMT|UTC|[A-Z][SD]T|CET|CEST|MSK|IST|JST)\b")


# The plural a count's first word leads to: "7 military men", "79 known natural satellites".
PLURAL_NEXT_RE = re.compile(r"() ([a-z][a-z-]*s|[a-z-]*men|people|children)\b")
PLURAL_AFTER_NEXT_RE = re.compile(
    r"((?: [a-z][a-z-]*)?) ([a-z][a-z-]*s|[a-z-]*men|people|children)\b"
)


def _number(sentence: str, start: int, end: int, m: re.Match) -> Found | None:
    if _in_compound_time(sentence, start):
        return None  # one part of "2 days, 22 hours and 50 minutes" is not the time it took
    hedge, guess = _hedge(sentence, start, end, amount=True), None
    if hedge == "bound":
        guess = _bound(sentence, start, end)
        if guess is None:
            return None  # a range, a list, or a bound read no further
    before = sentence[:start].rstrip()
    if re.search(r"\d[^()]*\([^()]*$", before):
        return None  # "1,083 ft (330 m)": the same length in a second unit
    # "84.7 meters (278 feet)": asked with the other units left out (drop_conversion).
    if RELATIVE_RE.match(sentence[end:]) and not DEEP_TIME_RE.match(sentence[end:]):
        # "three years later": a step from another date, not a quantity (but "4.5 billion
        # years ago" is an age: it does not move with the date of the article)
        return None
    if re.search(r"\b(?:magnitude|level|category|grade|class|stage|phase|size)$", before):
        return None  # "magnitude 7": a point on a scale, not a count
    # "Apollo 11", "No. 5", "Flight 370": a label, not a quantity.
    previous = re.search(r"([A-Za-z.#]+)$", before)
    if (
        previous
        and (previous.group(1)[:1].isupper() or previous.group(1) in ("#", "No."))
        and previous.group(1).lower() not in lx.COMMON_CAPITALS | lx.APPROXIMATIONS
        and start > 0
        and not _sentence_start(before)
    ):
        return None
    rest = sentence[end:]
    if CLOCK_RE.match(rest) or (
        re.fullmatch(r"\d{3,4}", sentence[start:end]) and ZONED_CLOCK_RE.match(rest)
    ):
        return None  # "at 8 p.m.", "at 1220 GMT": a time of day, not a quantity
    scale = re.match(r" (" + "|".join(lx.SCALES) + r")\b", rest)
    tail_start = end + (scale.end() if scale else 0)
    noun = re.match(
        r"(?:[ -](?:U\.S\. )?|\s?(?=°))"
        r"((?:cubic |square |metric )?[a-z][a-z-]*(?:[²³]|(?<=m)[23])?(?!\w)"
        r"|[A-Z][a-z]+(?:an|ek|ite)s\b|°[CF]?(?!\w))",
        sentence[tail_start:],
    )  # "268 U.S. astronauts": the country's name is no unit; "300 Spartans" are counted;
    # "464 °C" is a temperature
    if m["pre"] and not m["pct"] and noun and noun.group(1) not in lx.CURRENCY_WORDS:
        noun = None  # "the $300 million project": the sum is in its currency, not in projects
    unit_end = tail_start
    unit = None
    if m["pct"]:
        unit = "percent"
    elif (
        noun
        and noun.group(1) not in lx.STOPWORDS
        and not noun.group(1).endswith("ly")
        and not _verb_with_object(noun.group(1), sentence[tail_start + noun.end() :])
    ):
        unit = noun.group(1)
        unit_end = tail_start + noun.end()
        # "7 military men", "79 known natural satellites": the counted noun comes later.
        # "56 adapted translations as ...": the noun right after, before the one after that.
        plural = next(
            (
                found
                for pattern in (PLURAL_NEXT_RE, PLURAL_AFTER_NEXT_RE)
                if (found := pattern.match(sentence[unit_end:]))
                and found.group(2) not in lx.STOPWORDS
                and found.group(1).strip() not in lx.STOPWORDS | lx.COMMON_VERBS
            ),
            None,
        )
        if not unit.endswith("s") and plural:
            unit = f"{unit}{plural.group(1)} {plural.group(2)}"
            unit_end += plural.end()
        if noun.group(0).startswith("-"):
            unit_end = tail_start  # "1,200-metre crossing": keep the hyphenated word whole
        pair = re.match(r" (?:and|or) ([a-z]+s)\b", sentence[unit_end:])
        if unit.endswith("s") and pair and pair[1] not in lx.STOPWORDS | lx.COMMON_VERBS:
            # "330 rivers and streams": both counted, or the gap would leave "and streams"
            unit, unit_end = f"{unit}{pair[0]}", unit_end + pair.end()
        per = re.match(r"/[a-z]+\b", sentence[unit_end:])
        if per and not noun.group(0).startswith("-"):
            unit, unit_end = unit + per.group(), unit_end + per.end()  # "17 km/s"
    elif counted := COUNTED_BEFORE_RE.search(before):
        unit = counted["unit"] or counted["label"]  # "a population of just 6,000"
        if re.search(r"\bestimated \w+ of$", before):
            # "an estimated population of 705,749": a guess, asked against options far apart
            hedge, guess = "approx", "estimated"
    elif not (m["pre"] or scale or m["ord"]):
        return None  # a bare figure: no unit or noun says what it counts
    text_end = unit_end if unit_end > tail_start else tail_start
    if sentence[text_end : text_end + 1] == "-":
        return None
    if unit and sentence[text_end:].startswith(":"):
        return None  # "three countries: Kenya, Uganda and Tanzania": the list counts them
    open_end = re.match(r",? (?:and|or) ([a-z]+)\b", sentence[text_end:])
    if open_end and open_end.group(1) in lx.OPEN_ENDS:
        return None  # "500 members or more" stays true at 600
    if YEAR_RE.fullmatch(m.group()) and unit and not unit.endswith("s"):
        return None  # "1988 saw only 7": a year as a subject, not a count of "saw"
    raw = m["num"].replace(",", "") + (m["dec"] or "")
    value: int | Decimal = Decimal(raw) if m["dec"] else int(raw)
    if scale and not unit:
        unit = scale.group(1)
    elif scale:
        unit = f"{scale.group(1)} {unit}"
    approx = _approximation(sentence, start) if hedge == "approx" else None
    return Found(start, text_end, "number", value, unit=unit, hedge=guess or approx)


# What follows a verb as its object: "makes it", "gives the city", "puts Kenya".
OBJECT_AFTER_RE = re.compile(
    r" (?:it|them|him|her|its|his|their|the|a|an|this|that|these|those|[A-Z])\b"
)


def _verb_with_object(word: str, after: str) -> bool:
    """Tell whether the word after a figure is the sentence's verb, not what the figure counts:
    "a population of 7.2 million makes it the eighth-largest"."""
    return word in lx.COMMON_VERBS and OBJECT_AFTER_RE.match(after) is not None


# Before this year, today's countries and cities are no wrong options for a place.
MODERN = 1500


def _context_years(sentences: list[str]) -> dict[str, int]:
    """Map each sentence to the year it tells of: its own first year ("490 BC" is -490), else
    the last one an earlier sentence gave, as a story runs on."""
    years: dict[str, int] = {}
    current = None
    for sentence in sentences:
        era = next((m for m in ERA_RE.finditer(sentence) if m["bc"]), None)
        year = YEAR_RE.search(sentence)
        if era and (year is None or era.start() <= year.start()):
            current = -int(era["bc"])
        elif year:
            current = int(year.group())
        if current is not None:
            years[sentence] = current
    return years


def _sentence_start(before: str) -> bool:
    return not before or before[-1:] in "“\"‘'("


# --- events, roles and claims ---------------------------------------------------------------


# "The Bureau became ...": a capitalised word standing for a longer name, then a verb.
SHORT_FORM_RE = re.compile(
    r"The ([A-Z][a-z]+)(?= (?:(?:first|later|then|also|now|soon|still|again|once) )?"
    r"(?:is|was|are|were|has|had|became|[a-z]+ed)\b)"
)
# The phrase that dates a clause: "in 1891", "on July 20, 1969", "during May 1966".
DATING_RE = re.compile(rf",? (?:in|on|during)(?: {MONTH})? $")
# What may open a clause before its date: "In 1871, ...", "During a trip in 1859, ...".
OPENING_DATE_RE = re.compile(
    rf"^(?:(?:[Ii]n|[Oo]n|[Dd]uring|Starting in|Beginning in)(?: the year)?(?: {MONTH})? |"
    rf"(?:During|After|Before|Following|Just|Later|Soon|Then)\b[^,;:“”\"]{{0,60}}?,? "
    rf"(?:in|on|during)(?: {MONTH})? )$"
)
# A time of day joined to a date ("on July 20, 1969, at 20:17 UTC") goes with it.
CLOCK_AFTER_RE = re.compile(r"^,? at \d{1,2}[:.]\d\d(?: ?(?:UTC|GMT|[AaPp]\.?[Mm]\.?))?")
# After a removed date, the clause goes on with one of these: the date was an adjunct.
GOES_ON_RE = re.compile(
    r"^,? (?:and|to|at|from|for|with|aboard|as|after|before|when|while|that|following|"
    r"because|until|under|by|near|off|during|through|via|amid)\b"
)


# Who says so: the date may be of the saying. ("when", "after" and the like are fine here.)
SAYING = lx.REPORTED - lx._words(
    "when|while|after|before|until|since|once|because|which|who|whom|whose|where|that|later|earlier"
)
EVENT_WORDS = 36


def _event(sentence: str, item: Found, times: list[Found]) -> str | None:
    """Describe what a sentence dates: the clause that holds the date, without its date phrase,
    when that phrase is a plain adjunct ("in 1891", "On July 20, 1969, ...")."""
    if sentence.count("“") != sentence.count("”") or sentence.count('"') % 2:
        return None
    if (quote := re.search(r" [“\"]", sentence[item.end :])) is not None:
        # "... established the park “as a public park ...”": the clause before the quotation.
        sentence = sentence[: item.end + quote.start()]
    first = sentence.rfind(";", 0, item.start) + 1
    last = sentence.find(";", item.end)
    last = len(sentence) if last == -1 else last
    before, after = sentence[first : item.start].lstrip(), sentence[item.end : last]
    words = _words(before + after)
    if not words or set(words) & SAYING:
        return None  # "Officials said that in 1990 ...": the date of what is said is unsure
    if any(t is not item and t.value is not None and first <= t.start < last for t in times):
        return None  # "opened in 1990 and closed in 2005": without its date, it reads wrongly
    after = CLOCK_AFTER_RE.sub("", after)
    if any(t.start >= item.end and t.value is None for t in times) and re.match(r"^,? at", after):
        return None
    if OPENING_DATE_RE.match(before) and (after.startswith(", ") or re.match(r" [A-Z]", after)):
        rest = after[2:] if after.startswith(", ") else after[1:]
        event = rest[:1].upper() + rest[1:]
    elif dating := DATING_RE.search(before):
        head = before[: dating.start()]
        if re.match(r"^[.!]?$", after):
            event = head
        elif re.match(r"^, (?:which|who) |^, (?:and|but) (?:[A-Z]|the |a |an )", after):
            # "... in 1937, which went on to ...", "... in 2019, and Brussels paid ...": the
            # clause the date belongs to.
            event = head
        elif GOES_ON_RE.match(after):
            # "Voyager 1 was launched on September 5, 1977, to study ...": without its date.
            event = head + (" " + after[2:] if after.startswith(", ") else after)
        else:
            return None  # "The group named in 1978 was ...": the date names the subject
    else:
        return None
    event = event.rstrip(" ,;:!")
    if not ABBREVIATION_END_RE.search(event):
        event = event.rstrip(".")  # but "founded Tottenham Hotspur F.C." keeps its dots
    event = re.sub(r"(?: (?:as|a|an|the|of|to|and|or|with|for|in|on|at|by))+$", "", event)
    event = event.strip()
    if not 3 <= len(event.split()) <= EVENT_WORDS or not (
        event[:1].isupper() or event[:1].isdigit()
    ):
        return None
    if _words(event)[0] in PRONOUN_START or needs_antecedent(event) or re.search(r"[“”\"]", event):
        return None
    if BARE_SUBJECT_RE.match(event):
        return None  # "The town became ...": which town, the prompt alone cannot say
    return f"“{event}”"


def _claim(sentence: str, item: Found) -> str | None:
    """Return the sentence as a claim with its value left open, when that reads soundly."""
    if sentence.count("“") != sentence.count("”") or sentence.count('"') % 2:
        return None
    # "At its height, Wachovia was ...": the possessive refers to the subject named after it.
    named_after = POSSESSIVE_OPENING_RE.match(sentence)
    if needs_antecedent(sentence) and not named_after:
        return None
    if not sentence[:1].isupper() and sentence[:1] not in "“\"‘'":
        return None
    return drop_conversion(sentence[: item.start] + "{value}" + sentence[item.end :])


# "Washington was named for ": a passive clause whose agent or place is the entity.
PASSIVE_RE = re.compile(
    r"^(?P<subject>[A-Z][\w.’'-]*(?: [\w.’'-]+){0,6}?) (?P<aux>is|was|are|were)"
    r" (?P<done>[a-z]+(?:ed|en|wn|lt|nt|ght))(?P<how> (?:by|for|after|in|at|from|near))$"
)


def _passive_role(sentence: str, item: Found) -> str | None:
    """Return "was Washington named for" of "Washington was named for George Washington.",
    when the entity ends the sentence, or stands before an appositive that ends it."""
    clause = sentence[: item.start]
    if ", " in clause:
        head, clause = clause.rsplit(", ", 1)
        if needs_antecedent(clause) or not clause[:1].isupper():
            return None
    found = PASSIVE_RE.match(clause.rstrip())
    rest = sentence[item.end :]
    if not found or not re.match(r"(?:, (?:the|a|an) [^;:“”\"]+)?[.!]?$", rest):
        return None
    subject = found["subject"]
    if _words(subject)[0] in PRONOUN_START or BARE_SUBJECT_RE.match(clause):
        return None
    if item.type == "place" and found["how"] not in (" in", " at", " near", " from"):
        return None
    if item.type != "place" and found["how"] not in (" by", " for", " after"):
        return None
    return f"{found['aux']} {subject} {found['done']}{found['how']}"


# Where a clause may begin before a count: the sentence's start, a semicolon, or an opening
# phrase ("Since then, 8 additional groups have been selected ...").
COUNT_OPENING_RE = re.compile(r"(?:^|; |^[A-Z][^,;:“”\"]{0,80}, )$")


def _count_role(sentence: str, item: Found) -> str | None:
    """Return what a count that is its clause's subject did: "have been selected with a mix
    of pilots" of "Since then, 8 additional groups have been selected with a mix of pilots."
    """
    before = sentence[: item.start]
    if not item.unit or item.unit in ("percent",) or not COUNT_OPENING_RE.search(before):
        return None
    if needs_antecedent(before.split(", ")[-1] if before else sentence):
        return None
    rest = sentence[item.end :]
    end = rest.find(";")
    rest = (rest if end == -1 else rest[:end]).rstrip(".! ")
    verb = re.match(r" (?:(?:have|has|had) been|were|was|are|is|became|become|[a-z]+ed)\b", rest)
    if not verb or re.search(r"[“”\"]|\d", rest) or not 2 <= len(rest.split()) <= 25:
        return None
    if item.unit.split(" ")[-1] in lx.STOPWORDS or not item.unit.endswith(("s", "men", "people")):
        return None  # "How many" needs a plural noun: "how many groups", never "how many 1"
    return rest.strip()


def _role(sentence: str, item: Found) -> str | None:
    """Return what the sentence says its subject did, when the entity is that subject."""
    before = sentence[: item.start].lower().split()
    if item.type == "person":
        subject = all(word in lx.TITLES for word in before)
    elif item.type in ("place", "organisation") and item.unit:
        subject = before in ([], ["the"])
    else:
        return None
    if not subject:
        return _passive_role(sentence, item)
    found = SUBJECT_VERB_RE.match(sentence[item.end :])
    if not found or found["verb"] in lx.STOPWORDS - {"is", "was", "has", "had", "did"}:
        return None
    if found["appo"] and item.type != "person":
        return None
    start = item.end + found.start("verb")
    role = sentence[start:].rstrip(".!").strip()
    if re.search(r"[“”\"]", role) or set(_words(role)) & lx.SHARED:
        return None
    return role if 2 <= len(role.split()) <= 30 else None


# --- people, places and organisations --------------------------------------------------------


def _capitalised(sentence: str) -> list[str]:
    return [m.group() for m in NAME_RE.finditer(sentence)]


def _known_place(name: str) -> bool:
    """Tell whether the lists know a name as a country or a city ("New York", "South Africa")."""
    return lx.is_country(name) or name.lower() in lx.CITIES or region_of(name) is not None


def _trim(
    tokens: list[str], after_the: bool = False, keep_first: bool = False
) -> tuple[list[str], bool]:
    """Drop leading sentence words and titles; say whether a title was there. An ordinal
    after "the" begins the name ("During the First World War"); so does a first word the
    caller knows to be the name's ("New York")."""
    titled = False
    while (
        tokens
        and not keep_first
        and (tokens[0] not in ORDINAL_NAMES or len(tokens) < 2 or not after_the)
        and (
            tokens[0].lower() in lx.COMMON_CAPITALS
            or tokens[0].lower() in lx.TITLES
            or tokens[0].lower().rstrip(".") in lx.TITLES
            or _rank_before_name(tokens)
        )
    ):
        titled = (
            titled
            or tokens[0].lower() in lx.TITLES
            or tokens[0].lower().rstrip(".") in lx.TITLES
            or _rank_before_name(tokens)
        )
        after_the = tokens[0].lower() == "the"
        tokens = tokens[1:]
    while tokens and tokens[-1].lower() in ("of", "the", "de", "van", "von", "al"):
        tokens = tokens[:-1]
    return tokens, titled


def _rank_before_name(tokens: list[str]) -> bool:
    """Tell whether a name opens with a rank before a person's name ("Duke Robert"), not
    the rank of a land ("Duke of Normandy")."""
    return len(tokens) >= 2 and tokens[0].lower() in lx.RANKS and tokens[1] not in ("of", "the")


# Words that make a different place of the name they precede.
COMPASS = {
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "new",
    "upper",
    "lower",
}


# Heads of names said without "the": "Harvard University", "Heathrow Airport", "Central Park"
# (but "the Angara River", "the Eiffel Tower").
UNARTICLED_HEADS = frozenset(
    [
        "university",
        "college",
        "school",
        "academy",
        "airport",
        "park",
        "street",
        "avenue",
        "road",
        "square",
        "station",
        "hall",
        "abbey",
        "castle",
        "palace",
        "cathedral",
        "island",
        "county",
    ]
)
# The words that make a region of a continent or country: "Southeastern Europe".
REGION_WORDS = COMPASS | {
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "mainland",
    "continental",
}

# Capitalised words that begin a name inside a sentence ("to New York", "All Nippon Airways",
# "in South Africa"), though a sentence may open with them as common words.
NAME_START_WORDS = frozenset(
    ("new", "all", "north", "south", "east", "west", "northern", "southern", "eastern", "western")
)
# Ordinals that begin a name after "the": "the First World War", "the Second Vatican Council".
ORDINAL_NAMES = frozenset(("First", "Second", "Third", "Fourth", "Fifth"))
# Words of a name written short, with a dot the name keeps.
ABBREVIATED = frozenset(("Corp", "Inc", "Co", "Ltd", "Jr", "Sr", "Bros"))
# A name's abbreviation at the end of a clause: "F.C.", "U.S.", "Inc.", "Jr.".
ABBREVIATION_END_RE = re.compile(
    rf"(?:\b[A-Za-z]\.){{2,}}$|\b(?:{'|'.join(sorted(ABBREVIATED))})\.$"
)
FIRM_WORDS = (
    "brand|brands|and Company|& Co|Inc|Corp|Corporation|Company|Bank|bank|company|stores|"
    "shares|stock|products|Group|Ltd|LLC|plc"
)
# The lowercase words of FIRM_WORDS: after a name, they say it is a firm's.
FIRM_NOUNS = frozenset(w for w in FIRM_WORDS.split("|") if w.islower())
# Capitalised words that name no one: units, media, abbreviations of common words.
NOT_NAMES = frozenset(
    re.findall(
        r"\S+",
        "UTC GMT ET EST EDT PT PST PDT CT CST CDT MT MST BST CET CEST IST JST AEST "
        "TV AM PM DNA RNA CEO GDP USB GPS ID PhD FM UV HQ CO2 BC AD CE BCE UK US USA UAE "
        "PC PCs IPO OS AI IT CPU RAM HTML LED LCD DVD CD URL PDF VIP SUV ATM HIV AIDS UFO MRI IQ "
        "API SMS CFO COO CTO Inc Inc. Ltd Ltd. Corp Corp. LLC Plc Navy Army Marines "
        "AUD USD EUR GBP CAD NZD JPY CNY INR RUB KZT CHF HKD SGD",
    )
)
# An organisation's kind said alone, capitalised as part of a longer name ("Wells Fargo and
# Company"): no one's name. ("Congress" and "Parliament" are names.)
GENERIC_ORG_WORDS = frozenset(
    [
        "company",
        "corporation",
        "bank",
        "group",
        "university",
        "college",
        "institute",
        "agency",
        "department",
        "ministry",
        "council",
        "committee",
        "association",
        "society",
        "foundation",
        "office",
        "bureau",
        "board",
        "commission",
        "organization",
        "organisation",
        "authority",
    ]
)
# Peoples and regions' adjectives: "African American soldiers" names no person.
DEMONYMS = frozenset(
    re.findall(
        r"\S+",
        "American British English French German Russian Soviet Chinese Japanese Italian Spanish "
        "African Asian European Canadian Australian Indian Mexican Polish Kazakh Dutch Swiss "
        "Swedish Norwegian Finnish Danish Irish Scottish Welsh Greek Turkish Arab Arabic Korean "
        "Brazilian Argentine Egyptian Persian Roman Latin Native Black White",
    )
)


# A title said just before a name ("President", "Dr.").
TITLE_BEFORE_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(t) for t in sorted(lx.TITLES)) + r")\s*$", re.IGNORECASE
)


# The capitalised words (and the little words between them) just before a name.
NAME_RUN_RE = re.compile(r"(?:[A-Z][\w-]* (?:(?:and|of|for|the|on|&) )?)+$")


def _spelled_out(sentence: str, start: int, end: int) -> int | None:
    """Return where a name joined by "and" to the words before it starts, when the letters in
    brackets after it spell them all ("National Oceanic and Atmospheric Administration
    (NOAA)"), or None."""
    letters = re.match(r" \(([A-Z]{3,8})\)", sentence[end:])
    run = NAME_RUN_RE.search(sentence[:start])
    if not letters or not run or not sentence[:start].endswith(("and ", "& ")):
        return None
    initials = "".join(w[0] for w in sentence[run.start() : end].split() if w[0].isupper())
    # The letters may leave out the first word ("the United States Geological Survey (USGS)").
    spelled = initials.endswith(letters[1]) and len(initials) <= len(letters[1]) + 1
    return run.start() if spelled else None


@functools.lru_cache(maxsize=4096)
def _mentions(sentence: str) -> tuple[tuple[int, int, list[str], bool], ...]:
    """Return (start, end, tokens, titled) for each capitalised phrase, trimmed; read once
    per sentence, however many times the article's checks ask."""
    found: list[tuple[int, int, list[str], bool]] = []
    for m in NAME_RE.finditer(sentence):
        if re.search(r"\b[A-Z]\.$", sentence[: m.start()]):
            continue  # "S. Congress" of "U.S. Congress": part of a name cut at its dots
        tokens = m.group().split(" ")
        if len(tokens) >= 2 and re.fullmatch(r"[IVX]\.", tokens[-1]) and m.end() == len(sentence):
            tokens[-1] = tokens[-1][:-1]  # "as King William I.": the full stop is the sentence's
        whole = _spelled_out(sentence, m.start(), m.end())
        if whole is not None:
            # "the National Oceanic and Atmospheric Administration (NOAA)": one name, as its
            # letters say, not "National Oceanic" and "Atmospheric Administration".
            found = [mention for mention in found if mention[0] < whole]
            tokens = sentence[whole : m.end()].split(" ")
        if re.search(r"-based$", tokens[0]) or re.search(r"\bsymbols? $", sentence[: m.start()]):
            continue  # "Charlotte-based First Union", "ticker symbol WB": no name as written
        if (
            len(tokens) >= 2
            and tokens[0].lower() in NAME_START_WORDS
            and (re.search(r"[\w,] $", sentence[: m.start()]) or _known_place(" ".join(tokens)))
        ):
            # "flew to New York", "All Nippon Airways", "in South Africa": inside a sentence,
            # or a place the lists know, the capitalised first word is the name's own.
            trimmed, titled = _trim(tokens, keep_first=True)
        else:
            trimmed, titled = _trim(tokens, after_the=sentence[: m.start()].endswith("the "))
        if trimmed and re.search(r"-born$", trimmed[0]):
            trimmed = trimmed[1:]  # "The Scottish-born Bell": where, then who
        if not trimmed or " ".join(trimmed) in NOT_NAMES:
            continue
        if "of" in trimmed:
            # "Eliud Kipchoge of Kenya", "Kristín Jónsdóttir of the Met Office": a person and
            # where they come from or work, not one name.
            cut = trimmed.index("of")
            where = trimmed[cut + 1 :]
            body = where[0] == "the" or where[-1].lower() in lx.ORG_HEADS
            if (
                2 <= cut <= 3
                and _plain_name(trimmed[:cut])
                and (lx.is_country(" ".join(where)) or body and gender_of(trimmed[0]))
            ):
                trimmed = trimmed[:cut]
        first = tokens.index(trimmed[0])
        if first and tokens[first - 1].lower() in COMPASS:
            continue  # "South Australia" is a state, not the country Australia
        text = " ".join(trimmed)
        start = (
            sentence.index(text, whole) if whole is not None else m.start() + m.group().index(text)
        )
        if re.match(r"[A-Z]{2,}$", text) and re.match(
            r" [A-Z][A-Z]", sentence[start + len(text) :]
        ):
            continue  # part of a run of capitals (a headline, a dateline)
        titled = titled or bool(TITLE_BEFORE_RE.search(sentence[:start]))
        found.append((start, start + len(text), trimmed, titled))
    return tuple(found)


def _kind(tokens: list[str], titled: bool, after: str) -> tuple[str, str] | None:
    """Classify a capitalised phrase as a place, organisation or person (with a unit)."""
    if "for" in tokens[1:]:
        # "Max Planck Institute for Quantum Optics": what it is, the words before "for" say.
        kind = _kind(tokens[: tokens.index("for")], titled, after)
        return kind if kind and kind[0] != "person" else None
    name = " ".join(tokens)
    lower = name.lower()
    if lower in lx.COUNTRIES:
        return "place", "country"
    if lower in lx.CITIES:
        return "place", "city"
    if lower in lx.CONTINENTS:
        return None
    if len(tokens) == 2 and tokens[0].lower() in ERA_WORDS and tokens[1].lower() in lx.COUNTRIES:
        return "place", "country"  # "Nazi Germany", "Tsarist Russia": a country in its time
    if (
        tokens[-1].lower() in lx.ORG_HEADS
        or tokens[0].lower() in lx.ORG_HEADS
        or (len(tokens) == 1 and re.fullmatch(r"[A-Z]{2,6}", name))
    ):
        return "organisation", "organisation"
    if lower in lx.PLANETS:
        # "the Mercury, Gemini and early Apollo missions", "the Mercury program": no planet
        return None if PROGRAMME_AFTER_RE.match(after) else ("place", "planet")
    # A lake is offered only against other lakes: a river "beside the railway" may be true.
    if tokens[-1].lower() in lx.PLACE_HEADS:
        return "place", _place_unit(tokens[-1])
    if tokens[0].lower() in lx.PLACE_HEADS:
        return "place", _place_unit(tokens[0])
    if thing := _thing_head(tokens):
        return "thing", thing
    if (
        len(tokens) >= 2
        and tokens[0].lower() in REGION_WORDS
        and (" ".join(tokens[1:]).lower() in lx.CONTINENTS or lx.is_country(" ".join(tokens[1:])))
    ):
        # "Southeastern Europe", "Northern Ireland", "East Germany": a part of a continent or
        # country, never a person's name.
        return "place", "region"
    if any(t.lower() in lx.THING_HEADS for t in tokens):
        return None
    first = tokens[0].lower()
    given = first not in lx.TITLES | lx.RANKS and (
        titled or (gender_of(tokens[0]) is not None and not lx.is_country(tokens[0]))
    )
    given = given and first not in lx.CITIES
    if ruler_name(tokens, given):
        return "person", "person"  # "Henry VIII", "Joan of Arc", "William the Conqueror"
    if any(
        t.lower() in lx.COMMON_CAPITALS
        or re.fullmatch(r"[A-Z]{2,6}", t)
        or t.lower() in ("of", "the")
        for t in tokens
    ):
        return None
    verb = re.match(r",? ([a-z]+)\b", after)
    speaks = verb is not None and (
        verb.group(1) in lx.SPEECH_VERBS
        or (verb.group(1).endswith("ed") and verb.group(1) not in lx.STOPWORDS)
    )
    described = APPOSITIVE_RE.match(after)
    if described and FINITE_VERB_RE.search(f" {described.group(1)}"):
        described = None  # "Downstream, the Ucayali River is formed ...": a clause, no appositive
    if described and not FINITE_VERB_RE.match(after[described.end() :]):
        # "Mauretania Caesariensis, the Roman province covering ...": what the words after
        # the name call it says what it is. (Not "Virginia, the city is ...": a new clause.)
        words = described.group(1).lower().split()
        if place := next((w for w in words if w in lx.PLACE_HEADS), None):
            return "place", _place_unit(place)
        if any(w in ("country", "nation") for w in words):
            # "Destination Kenya, a country in East Africa": no person, and no country the
            # lists know by that name (the known ones were found above).
            return None
        if any(w in lx.ORG_HEADS for w in words):
            return "organisation", "organisation"
        if any(w in lx.THING_HEADS or w in lx.NAMED_THING_HEADS for w in words):
            return None
    if tokens[0] in PLACE_ARTICLES and not titled:
        return None  # "La Palma erupted", "towards El Paso": a place's name, not a person's
    if 2 <= len(tokens) <= 4 and (
        titled or speaks or re.match(r", (?:a|an|the|who) ", after) or LIFE_AFTER_RE.match(after)
    ):
        return "person", "person"
    # "Mark Korir came second", "James A. Johnson": a known given name before a surname
    # (perhaps with a middle initial) names a person.
    if (
        2 <= len(tokens) <= 3
        and gender_of(tokens[0])
        and len(tokens[-1]) > 2
        and _plain_name([tokens[0], *(t for t in tokens[1:-1] if not INITIAL_RE.fullmatch(t))])
        and _plain_name(tokens[-1:])
    ):
        return "person", "person"
    if len(tokens) == 1 and titled:
        return "surname", "person"
    return None


INITIAL_RE = re.compile(r"[A-Z]\.")


def _place_unit(head: str) -> str:
    """Return the kind of place a head word names, written out ("Mt." is a mountain)."""
    return {"mt.": "mountain", "mt": "mountain", "mount": "mountain", "mts.": "mountains"}.get(
        head.lower(), head.lower()
    )


# What the words after a name call it, up to where the description ends: ", the Roman
# province covering ...", ", a Welsh journalist and explorer".
APPOSITIVE_RE = re.compile(
    r", (?:a|an|the) ((?:[A-Za-z-]+ ){0,3}?[a-z-]+)(?=,|\.|$| (?:of|in|on|at|"
    r"for|from|with|by|and|or|who|which|that|covering|[a-z]+ing|[a-z]+ed|is|was|are|were|has|had)\b)"
)
# Words that name a country in one period: "Nazi Germany", "Soviet Russia".
ERA_WORDS = frozenset(
    (
        "nazi",
        "soviet",
        "imperial",
        "weimar",
        "ancient",
        "medieval",
        "tsarist",
        "ottoman",
        "colonial",
        "communist",
        "fascist",
        "victorian",
        "roman",
        "occupied",
    )
)
# Names before the kind of a space programme: ", Gemini and early Apollo missions".
PROGRAMME_AFTER_RE = re.compile(
    r"(?:,? (?:and |or )?(?:[a-z]+ )?[A-Z][\w-]*)* "
    r"(?:missions?|programs?|programmes?|projects?|spacecraft|capsules?|flights?|astronauts?"
    r"|rockets?|launchers?|boosters?|probes?)\b"
)
# Articles that open the names of places in Spanish and French: "La Palma", "El Paso".
PLACE_ARTICLES = frozenset(("La", "Las", "Los", "El", "Le", "Les"))
# A life's years after a name: "Zhores Alferov (1930–2019)", "Theodor W. Hänsch (born ...".
LIFE_AFTER_RE = re.compile(r" \((?:born\b|(?:c\. ?)?\d{3,4} ?[–-] ?\d{3,4}\))")
# A verb that makes the words before it a clause of their own, not a description.
FINITE_VERB_RE = re.compile(r" (?:is|was|are|were|has|had|have|will|would|can|could)\b")


def _thing_head(tokens: list[str]) -> str | None:
    """Return the head of a named thing's name: "Hubble Space Telescope" (telescope),
    "Battle of Solferino" (battle), "White Star Line" (line); else None."""
    last, first = tokens[-1].lower(), tokens[0].lower()
    if first in lx.PREPOSITION_WORDS:
        return None  # "Within the Department of War": an opening phrase, not a name
    if len(tokens) >= 2 and last in lx.NAMED_THING_HEADS:
        return last
    if len(tokens) >= 3 and first in lx.NAMED_THING_HEADS and tokens[1] == "of":
        return first
    return None


# "it" or "its" inside a sentence, after its opening words.
INNER_IT_RE = re.compile(r"(?<=\w )(?:it|its)\b")
# "it" as the object of a verb: "launched it into orbit", "renamed it in 1990".
# Not "made it possible to ...", "called it Nokia" (another thing's naming), "it is".
OBJECT_IT_RE = re.compile(
    r"\b[a-z]+(?:ed|s)? (it)\b(?! (?:(?:is|was|has|had|will|would|possible|impossible|clear|"
    r"difficult|easy|hard|necessary|likely|to|that)\b|[A-Z]))"
)
INNER_ITS_RE = re.compile(r"(?<=\w )its\b")
# A man the sentence does not name, as its object: "Aldrin joined him 19 minutes later".
OBJECT_HIM_RE = re.compile(r"(?<=\w )(him)\b(?!self)")
# A sentence that opens with a name's possession: "The Delaware Valley's population ...".
OWNER_OPENING_RE = re.compile(r"^(?:The )?([A-Z][\w.-]*(?: [A-Z][\w.-]*)*)['’]s ")
# A named thing's head said before its name: "the shuttle Endeavour", "its sister spacecraft,
# Voyager 2", "the command module Columbia", "the book A Memory of Solferino".
THING_BEFORE_RE = re.compile(
    r"\b(?:the|a|an|its|his|her|their) (?:[a-z-]+ )?([a-z]+),? (?:(A|An|The) )?$"
)
# ... or after it, in lower case: "a Pegasus XL rocket".
THING_AFTER_RE = re.compile(r"(?P<number> \d{1,3})? (?P<head>[a-z]+)\b")
# A numeral that ends a name: "World War I", "Henry VIII".
ROMAN_AFTER_RE = re.compile(r" [IVX]{1,4}\b(?![’'-])")
# A number that ends a thing's name: "Voyager 2", "Vostok 1".
NAME_NUMBER_RE = re.compile(r" \d{1,3}(?![\d,.:/-]\d|\w)")


def _named_thing(sentence: str, start: int, end: int, tokens: list[str]) -> Found | None:
    """Return a named thing whose head noun stands beside its name, or None."""
    before = THING_BEFORE_RE.search(sentence[:start])
    after = THING_AFTER_RE.match(sentence, end)
    if before and before[1] in lx.NAMED_THING_HEADS:
        head = before[1]
        if before[2] and head in lx.WORKS:
            start = before.start(2)  # "the book A Memory of Solferino": the title's own "A"
    elif (
        after
        and after["head"] in lx.NAMED_THING_HEADS
        and len(tokens) <= 3
        and re.search(r"\b(?:a|an|the|its|their|his|her) $", sentence[:start])
    ):
        head = after["head"]  # "a Pegasus XL rocket"; not "the first artificial Earth satellite"
    else:
        return None
    if not all(t[:1].isupper() or t in ("of", "the") for t in tokens):
        return None
    number = NAME_NUMBER_RE.match(sentence, end)
    if number:
        end = number.end()  # "Voyager 2", "an Ariane 5 rocket"
    return Found(start, end, "thing", sentence[start:end], unit=head)


def _inner_thing(sentence: str, start: int, tokens: list[str]) -> Found | None:
    """Return the name after a head inside a capitalised run: "Apollo Lunar Module Eagle"."""
    for n, token in enumerate(tokens[:-1]):
        rest = tokens[n + 1 :]
        if token.lower() in lx.CRAFT and len(rest) <= 2 and _plain_name(rest):
            name = " ".join(rest)
            at = sentence.index(name, start)
            return Found(at, at + len(name), "thing", name, unit=token.lower())
    return None


def _plain_name(tokens: list[str]) -> bool:
    """Tell whether capitalised words could be a person's name (no heads, no common words)."""
    heads = lx.THING_HEADS | lx.ORG_HEADS | lx.PLACE_HEADS | lx.COMMON_CAPITALS
    return all(
        t.lower() not in heads and not re.fullmatch(r"[A-Z]{2,6}|[A-Z]\.", t) for t in tokens
    )


def _acronyms(sentences: list[str]) -> dict[str, tuple[str, str]]:
    """Map the letters a named thing is introduced with ("the James Webb Space Telescope
    (JWST)") to what that thing is ("thing", "telescope")."""
    found: dict[str, tuple[str, str]] = {}
    for sentence in sentences:
        for start, end, tokens, _titled in _mentions(sentence):
            letters = re.match(r" \(([A-Z]{2,8})\)", sentence[end:])
            if letters is None or not _initials_after(tokens, sentence[end:]):
                continue
            thing = _named_thing(sentence, start, end, tokens)
            head = thing.unit if thing is not None else _thing_head(tokens)
            if head:
                found.setdefault(letters[1], ("thing", head))
    return found


def _firms(sentences: list[str]) -> frozenset[str]:
    """Return the two- and three-word names the article writes as a firm's ("the Wells Fargo
    brand", "Wells Fargo and Company"), though they could read as a person's."""
    text = " ".join(sentences)
    return frozenset(
        " ".join(m[2])
        for s in sentences
        for m in _mentions(s)
        if 2 <= len(m[2]) <= 3
        and re.search(rf"{re.escape(' '.join(m[2]))},? (?:{FIRM_WORDS})\b", text)
    )


def _people(sentences: list[str]) -> dict[str, str]:
    """Map each person's full name, and each unambiguous surname, to the full name."""
    full: set[str] = set()
    for sentence in sentences:
        for start, end, tokens, titled in _mentions(sentence):
            if sentence[:start].endswith("(") and not titled:
                continue  # "Finnish Cable Works (Suomen Kaapelitehdas, ...)": another name
            kind = _kind(tokens, titled, sentence[end:])
            if kind and kind[0] == "person":
                full.add(" ".join(tokens))
    # "Kipchoge" said alone in another sentence: "Eliud Kipchoge" is a person.
    alone = {" ".join(m[2]) for s in sentences for m in _mentions(s) if len(m[2]) == 1 and m[0] > 0}
    for sentence in sentences:
        for _start, end, tokens, titled in _mentions(sentence):
            repeated = 2 <= len(tokens) <= 3 and tokens[-1] in alone and len(tokens[-1]) > 3
            if repeated and _kind(tokens, titled, sentence[end:]) is None and _plain_name(tokens):
                full.add(" ".join(tokens))
    # "the Wells Fargo brand", "Wells Fargo and Company": a firm's name, not a person's.
    firms = _firms(sentences)
    full = {name for name in full if name not in firms and not set(name.split(" ")) & DEMONYMS}
    names = {name: name for name in full}
    aliases = _aliases(sentences, full) | _middle_named(full)
    for other, name in aliases.items():
        # "Katherine Coleman" -> "Katherine G. Johnson" -> "Katherine Johnson": one person.
        seen = {other}
        while name in aliases and name not in seen:
            seen.add(name)
            name = aliases[name]
        names[other] = name
    surnames: dict[str, set[str]] = {}
    for name in full - set(aliases):
        surnames.setdefault(short_name(name), set()).add(name)
    for name in full - set(aliases):
        # "Harold" of "King Harold II" beside "Harold Godwinson": maybe either, so neither.
        given = name.split(" ")[0]
        if given in surnames and any(ruler_styled(owner) for owner in surnames[given]):
            surnames[given].add(name)
    # "Hubble" is the telescope as often as the astronomer: a surname that is also part of
    # another name, or said twice in one sentence, is not resolved.
    others = {" ".join(m[2]) for s in sentences for m in _mentions(s)} - full
    plain = [s for s in sentences if not ALIAS_RE.search(s)]
    for surname, owners in surnames.items():
        clash = any(surname in phrase.split(" ") and phrase != surname for phrase in others)
        twice = any(len(re.findall(rf"\b{re.escape(surname)}\b", s)) > 1 for s in plain)
        if len(owners) == 1 and surname not in names and not clash and not twice:
            names[surname] = next(iter(owners))
    return names


def _middle_named(full: set[str]) -> dict[str, str]:
    """Map a name said with a middle name ("Valentina Vladimirovna Tereshkova") to the same
    person said without it ("Valentina Tereshkova"), when only one such person is named."""
    short: dict[tuple[str, str], list[str]] = {}
    for name in full:
        words = name.split(" ")
        if len(words) == 2:
            short.setdefault((words[0], words[1]), []).append(name)
    found = {}
    for name in full:
        words = name.split(" ")
        owners = short.get((words[0], words[-1]), [])
        if len(words) >= 3 and len(owners) == 1:
            found[name] = owners[0]
    return found


# "Henry Dunant (born Jean-Henri Dunant; ...), also known as Henri Dunant, was ...", "Maria
# Salomea Skłodowska-Curie, known simply as Marie Curie" (the name kept), "Katherine G.
# Johnson, born Katherine Coleman on August 26, 1918, ...", "Ada Byron, who by marriage
# became Ada Lovelace (1815 – 1852)".
ALIAS_RE = re.compile(
    r"\((?:born|née|né) (?P<born>[^;,)]+)|, (?:born|née|né) (?P<named>[A-Z][^;,)]+)"
    r"|\balso known as (?P<also>[^,;.)]+)"
    r"|\b(?:(?:better|commonly|popularly|widely) )?known (?:simply |popularly )?as "
    r"(?P<known>[^,;.)]+)"
    r"|, who (?:by marriage |later )?became (?P<became>[A-Z][^,;.(]+)"
)


def _aliases(sentences: list[str], full: set[str]) -> dict[str, str]:
    """Map the other names a person is introduced with to the name the sentence opens with;
    but the name they are known as ("better known as Ada Lovelace") is the one kept."""
    found: dict[str, str] = {}
    for sentence in sentences:
        spans = [(m.lastgroup, m.span(m.lastgroup or 0)) for m in ALIAS_RE.finditer(sentence)]
        first = next(iter(_mentions(sentence)), None)
        if not spans or first is None or first[0] != 0 or " ".join(first[2]) not in full:
            continue
        name = " ".join(first[2])
        for group, (start, end) in spans:
            for other in full - {name}:
                if other in sentence[start:end] and group == "known" and name not in found:
                    found[name] = other
                elif other in sentence[start:end]:
                    found[other] = name
    return found


def _entities(
    sentence: str,
    people: dict[str, str],
    firms: frozenset[str] = frozenset(),
    acronyms: dict[str, tuple[str, str]] | None = None,
) -> list[Found]:
    found = []
    for start, end, tokens, titled in _mentions(sentence):
        name = " ".join(tokens)
        spelled = (acronyms or {}).get(name)
        if spelled and spelled[0] == "thing" and not _initials_of_before(name, sentence[:start]):
            # "JWST" after "the James Webb Space Telescope (JWST)": a telescope, no organisation
            found.append(Found(start, end, "thing", name, unit=spelled[1]))
            continue
        if QUOTE_OPENS_RE.search(sentence[:start]) and QUOTE_CLOSES_RE.match(sentence[end:]):
            continue  # the "Jupiter" symphony, "Don Giovanni": a work's title, not a planet
        if tokens[-1] in ABBREVIATED and sentence[end : end + 1] == ".":
            # "Orbital Sciences Corp.": the dot is the name's, or the gap would keep it
            end, name, tokens = end + 1, name + ".", [*tokens[:-1], tokens[-1] + "."]
        if sentence[end : end + 2] in ("'s", "’s") and name not in people:
            continue
        # One of a list of names ("Ann, Bob and Carl walked"): any of them fits the gap. Two
        # joined by "and" are a pair, each asked in a gap beside the other (never "Who ...?").
        listed = _listed_name(sentence, start, end)
        if name in people and listed:
            continue
        if set(tokens) & DEMONYMS and name not in people and not _thing_head(tokens):
            continue  # "African American soldiers", "Native American tribes"
        if name in people:
            if _shared(sentence):
                continue  # "Ann also won ...": someone else did the same, so another name fits
            full = people[name]
            if full != name and _quoted(sentence, start):
                continue  # “Mr. Watson, come here”: words quoted are never said otherwise
            if full != name and any(full in m.group() for m in ALIAS_RE.finditer(sentence)):
                continue  # "Maria ..., known simply as Marie Curie": both names, said here
            found.append(
                Found(
                    start, end, "person", full, unit="person", name=full if full != name else None
                )
            )
            continue
        thing = _named_thing(sentence, start, end, tokens) or _inner_thing(sentence, start, tokens)
        if thing and not set(tokens) & DEMONYMS:
            found.append(thing)
            continue
        kind = _kind(tokens, titled, sentence[end:])
        if name in firms and (kind is None or kind[0] == "person"):
            kind = "organisation", "company"  # "acquisition by Wells Fargo"
        if re.match(r", (?:[A-Z]\.){2}", sentence[end:]):
            continue  # "Washington, D.C.": a gap on the first word would keep the rest
        called = PLACE_OF_RE.search(sentence[:start])
        if kind is None and called and len(tokens) <= 3 and _plain_name(tokens):
            kind = "place", called.group(1)  # "near the town of Tampere"
        elif (
            kind is None
            and len(tokens) <= 3
            and _plain_name(tokens)
            and _in_country(sentence, start, end)
        ):
            # "based in Charlotte": a city. "Southampton, UK", but also "Campania, Italy": a
            # place the lists do not know may be a region, so no "which city" is asked of it.
            kind = "place", "city" if BASED_IN_RE.search(sentence[:start]) else "place"
        if kind and kind[0] == "place" and name.lower() == kind[1]:
            continue  # "State parties": a common word at a sentence's start
        if kind and kind[0] == "thing" and (numeral := ROMAN_AFTER_RE.match(sentence, end)):
            end, name = numeral.end(), name + numeral.group()  # "World War I"
        if kind and kind[0] == "organisation" and name.lower() in GENERIC_ORG_WORDS:
            continue  # "Wells Fargo and Company": a head word alone names no one
        if kind and kind[0] == "organisation" and _modifier(sentence[end:]):
            continue  # "the Microsoft Office suite", "a PC line": a product, not who did it
        if _initials_after(tokens, sentence[end:]) or _initials_of_before(name, sentence[:start]):
            continue  # "the National Oceanic and Atmospheric Administration (NOAA)": the
            # letters beside any gap or wrong name would give the answer away
        if kind and kind[0] in ("place", "organisation", "thing"):
            found.append(Found(start, end, kind[0], name, unit=kind[1]))
    people_here = sorted((f for f in found if f.type == "person"), key=lambda f: f.start)
    # A list of three or more names is a group: any of them could fill another's place. But
    # "commanded by Neil Armstrong, with Buzz Aldrin as lunar module pilot and Michael Collins
    # as command module pilot" gives each a part of their own.
    joined = any(
        re.fullmatch(r",? (?:and |or )?|, ", sentence[a.end : b.start])
        for a, b in zip(people_here, people_here[1:], strict=False)
    )
    if len(people_here) >= 3 and joined:
        found = [f for f in found if f.type != "person"]
    return found


# A name quoted whole: the quotation marks right before and after it.
QUOTE_OPENS_RE = re.compile(r"[“\"‘](?:The |A |An )?$")
QUOTE_CLOSES_RE = re.compile(r"[,.!?]?[”\"’]")


def _quoted(sentence: str, start: int) -> bool:
    """Tell whether a place in a sentence lies inside a quotation."""
    before = sentence[:start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _initials_after(tokens: list[str], after: str) -> bool:
    """Tell whether the letters in brackets after a name are its initials ("(NOAA)")."""
    letters = re.match(r" \(([A-Z]{2,8})\)", after)
    initials = "".join(token[0] for token in tokens if token[0].isupper())
    return letters is not None and len(initials) >= 2 and initials.endswith(letters[1])


def _initials_of_before(name: str, before: str) -> bool:
    """Tell whether a name in brackets is the initials of the name before it ("NOAA")."""
    run = NAME_RUN_RE.search(before[:-1]) if before.endswith(" (") else None
    words = before[run.start() : -1].split() if run else []
    initials = "".join(word[0] for word in words if word[0].isupper())
    return name.isupper() and len(initials) >= 2 and initials.endswith(name)


def _modifier(after: str) -> bool:
    """Tell whether a singular common noun follows a name, making the name its modifier ("the
    Microsoft Office suite"); a verb ("NASA launched", "IBM sells") or a plural may follow an
    organisation itself."""
    found = re.match(r" (?:\d+ )?([a-z][a-z-]*)\b", after)  # "a UNIVAC 1 computer"
    if not found:
        return False
    word = found[1]
    return not (
        word in FIRM_NOUNS  # "the Wells Fargo brand" is the firm's
        or word in lx.STOPWORDS
        or word in lx.PREPOSITION_WORDS
        or word in lx.COMMON_VERBS
        or word.endswith(("s", "ed", "ing"))
    )


def _listed_name(sentence: str, start: int, end: int) -> bool:
    """Tell whether a name is one of a list of three or more ("Ann, Bob and Carl"), or of
    names joined by "or"; two joined by "and" are a pair, not a list."""
    before, after = sentence[:start], sentence[end:]
    if re.search(r"[A-Z][\w.’'-]*(?:,| or) $", before) or re.match(r"(?:,| or) [A-Z]", after):
        return True
    return bool(re.search(r", [A-Z][\w.’' -]* and $", before))  # "Ann, Bob and {name}"


# "the town of Tampere", "the island of Kos": the kind of place a name is, said before it.
PLACE_OF_RE = re.compile(
    r"\b(town|city|village|port|island|region|province|state|county|district) of $"
)
COUNTRY_AFTER_RE = re.compile(r", ((?:[A-Z][\w.]*)(?: [A-Z][\w.]*)?)(?=[\s,.;)])")
BASED_IN_RE = re.compile(r"\b(?:based|headquartered|located|born|settled) in $")


def _in_country(sentence: str, start: int, end: int) -> bool:
    """Tell whether a name is a town: "Southampton, UK", "Tampere, Finland", "based in X"."""
    country = COUNTRY_AFTER_RE.match(sentence, end)
    return bool(country and lx.is_country(country[1]) or BASED_IN_RE.search(sentence[:start]))


NEAR_SHARED = frozenset(("with", "together", "joined", "along", "alongside"))


def _shared(sentence: str) -> bool:
    """Tell whether the sentence says others did what its people did: "also", "among",
    "co-founded". ("Idestam together with Leo Mechelin formed ...": each names the other, so
    a gap on either has one answer; a "who" question is kept from them by its role.)"""
    unquoted = re.sub(r"“[^”]*”|\"[^\"]*\"", " ", sentence)  # not the words of a quotation
    return bool(set(_words(unquoted)) & lx.SHARED - NEAR_SHARED)


# --- dates the article gives for alike events ---------------------------------------------


def _link_alike_dates(facts: list[Fact], article: _Article) -> list[Fact]:
    """Give dated facts of nearly the same sentence one event, so neither year is offered
    as wrong for the other."""
    dated = [f for f in facts if f.type in ("year", "date")]
    shared: dict[str, str] = {}
    for a in dated:
        own = _stems(a.sentence) - {str(a.value)}
        for b in dated:
            if b.sentence == a.sentence or b.key in shared:
                continue
            other = _stems(b.sentence)
            if own and len(own & other) >= MIN_OVERLAP * min(len(own), len(other)):
                shared[b.key] = shared.get(a.key, a.about)
                shared.setdefault(a.key, a.about)
    return [replace(f, event=shared[f.key]) if f.key in shared else f for f in facts]
