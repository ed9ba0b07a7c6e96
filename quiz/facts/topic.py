"""What an article is about, so that "The city" or "It" in a later sentence can be named.

An encyclopedia entry, a profile or a report opens by saying what its subject is: "Kigali is
the capital and largest city of Rwanda", "RMS Titanic was a British passenger liner that
sank ...". That first statement names the topic and the kinds of thing it is (a city, a
capital; a liner). A later "The town has been ..." or "The ship's passengers ..." then means
the topic, when the article names nothing else of that kind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.facts import lexicon as lx

# Words for one kind of thing: "the town" of an article about a city is that city.
KIND_GROUPS = (
    frozenset(("city", "town", "capital", "municipality", "metropolis")),
    frozenset(("ship", "liner", "vessel", "steamer", "steamship")),
    frozenset(("company", "firm", "corporation", "bank", "business", "conglomerate", "group")),
    # A crewed mission is named as its spacecraft is: "Apollo 13 ... The craft was launched".
    frozenset(
        (
            "spacecraft",
            "probe",
            "craft",
            "satellite",
            "observatory",
            "mission",
            "spaceflight",
            "flight",
            "expedition",
        )
    ),
    frozenset(
        (
            "agency",
            "bureau",
            "service",
            "administration",
            "organisation",
            "organization",
            "charity",
            "association",
            "federation",
            "foundation",
            "league",
            "society",
            "union",
        )
    ),
    frozenset(("country", "nation", "state", "republic", "kingdom")),
    frozenset(("university", "college", "school", "institute")),
    frozenset(("band", "group", "ensemble", "orchestra", "choir")),
    frozenset(("river",)),
    frozenset(("lake",)),
    frozenset(("island",)),
    frozenset(("park",)),
)

NAME = r"[A-Z][\w’'.&-]*(?: (?:[A-Z0-9][\w’'.&-]*|of|the|de|and))*"
# "Kigali (Kinyarwanda: ...) is the capital ...", "Voyager 1 is a space probe used by ...",
# "Patagonia, Inc. is an American retailer ...".
DEFINING_RE = re.compile(
    rf"^(?:The )?(?P<name>{NAME})(?:,? (?:Inc|Ltd|LLC|Corp|Co|plc|AG|GmbH)\.?)?"
    rf"(?: \([^)]*\))?(?:, [^,]{{1,80}},)? (?:is|was|are|were) "
    r"(?:a|an|the|one of the|[A-Z][\w.-]*['’]s) (?P<what>[^.;:()]*)"
)
# A comma that ends the noun phrase rather than joining its adjectives.
LIST_END_RE = re.compile(
    r",\s*(?=(?:which|who|whose|where|when|and|but|or|a|an|the|its|their|is|was|[A-Z0-9])\b)"
)
# Where the noun phrase that says what the topic is ends.
WHAT_END_RE = re.compile(
    r" (?:that|which|who|whose|where|when|of|in|on|at|by|from|to|with|for|above|below|near|"
    r"along|across|among|between|within|beyond|off|used|based|located|"
    r"operated|owned|founded|built|named|known|made)\b"
)


PRONOUNS = frozenset(("He", "She", "It", "They", "This", "That", "These", "Those", "There"))

# Where the topic's name ends: not inside a longer name ("The Danube Commission" is not the
# Danube).
NAME_ENDS = r"(?![\w’']| [A-Z])"


@dataclass(frozen=True)
class Topic:
    """The article's subject as its first statement names it, and the kinds it is said to be."""

    name: str
    kinds: frozenset[str]
    said: str  # as the first statement writes it at its start: "The Eiffel Tower", "Kigali"
    plural: bool = False  # "The Beatles were ...": "They" is the topic, not "It"
    common: bool = False  # "Photosynthesis is ...", later "of photosynthesis": no name

    def inside(self) -> str:
        """Return the topic as the middle of a sentence writes it ("the Eiffel Tower",
        "photosynthesis")."""
        if self.common:
            return self.said[:1].lower() + self.said[1:]
        return self.said.replace("The ", "the ", 1)

    def is_a(self, noun: str) -> bool:
        """Tell whether "the <noun>" can mean the topic: the article said it is one."""
        noun = noun.lower()
        return noun in self.kinds or any(
            noun in group and group & self.kinds for group in KIND_GROUPS
        )

    def _names(self) -> str:
        """Return a pattern of the topic's name, or its name without the kind ("Baikal" of
        "Lake Baikal", "Everest" of "Mount Everest")."""
        words = self.name.split()
        heads = lx.PLACE_HEADS | {"mount", "mt"}
        short = None
        if len(words) == 2 and words[0].lower() in heads:
            short = words[1]
        elif len(words) == 2 and words[1].lower() in heads:
            short = words[0]
        names = [self.name] + ([short] if short and len(short) >= 4 else [])
        return "(?:" + "|".join(re.escape(name) for name in names) + ")"

    def opens(self, sentence: str) -> bool:
        """Tell whether a sentence's subject is the topic ("Wachovia provided ...")."""
        return bool(re.match(rf"(?:The )?{self._names()}{NAME_ENDS}", sentence))

    def leads(self, sentence: str) -> bool:
        """Tell whether a sentence opens with the topic or what is its ("Voyager 1's team",
        "Baikal is ..." of Lake Baikal): an "It" after it means the topic, as the subject runs
        on."""
        return bool(re.match(rf"(?:The )?{self._names()}(?:['’]s)?{NAME_ENDS}", sentence))


def article_topic(sentences: Sequence[str], people: Sequence[str] = ()) -> Topic | None:
    """Return the topic its first statement defines ("X is a ..."), or None.

    Only the first two sentences are looked at (a title line may come first); a person is no
    topic here (a pronoun finds people by their name's gender).
    """
    headed = None  # "Kilimanjaro, the highest mountain in Africa.": a line naming what it is
    for sentence in sentences[:2]:
        if (line := apposition_line(sentence)) and line["name"] not in people:
            headed = line
            continue
        found = DEFINING_RE.match(sentence)
        if not found:
            named = _named_subject(sentence, people)
            if named is not None:
                return named
            continue
        name = found["name"].strip()
        if name in PRONOUNS:
            continue  # "She was a pioneer ...": whom "She" means, the sentence before says
        if name in people or len(name) < 2:
            return None
        kinds = _kinds(found["what"])
        if headed and headed["name"] == name:
            kinds |= _kinds(headed["what"])  # a mountain and an inactive volcano
        said = sentence[: found.end("name")]
        plural = bool(re.match(r" (?:are|were) ", sentence[found.end("name") :].split(",")[0]))
        plural = plural or bool(re.search(r" (?:are|were) (?:a|an|the)", found.group()))
        # A common noun the article writes in lower case elsewhere ("the process of
        # photosynthesis") is no name: inside a sentence it is written so too.
        lower = said[:1].lower() + said[1:]
        common = (
            said == name
            and said != lower
            and any(re.search(rf"(?<=[a-z,] ){re.escape(lower)}\b", other) for other in sentences)
        )
        return Topic(name, kinds, said, plural, common) if kinds else None
    if headed and (kinds := _kinds(headed["what"])):
        return Topic(headed["name"], kinds, headed["name"])
    return None


# "Kilimanjaro, the highest mountain in Africa.": a name and what it is, with no verb; a
# heading that says what the article is about, and states nothing a question could ask.
APPOSITION_LINE_RE = re.compile(
    rf"^(?P<name>{NAME}), (?:a|an|the|one of the) (?P<what>[^,;:()]+)\.$"
)
FINITE_WORDS = lx._words(
    "is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|should|does|did"
)


def apposition_line(sentence: str) -> re.Match[str] | None:
    """Return the match of a line that only names a thing and says what it is, or None."""
    found = APPOSITION_LINE_RE.match(sentence)
    if not found:
        return None
    words = found["what"].split()
    if any(w in FINITE_WORDS or re.fullmatch(r"[a-z]{3,}ed", w) for w in words):
        return None  # "Kibo, the higher summit rises to ...": a sentence missing a comma
    return found


# "The Battle of Hastings was fought on ...", "The Golden Gate Bridge was opened in ...": a
# named thing the first statement tells of, whose name says what kind of thing it is.
NAMED_SUBJECT_RE = re.compile(
    rf"^(?:The )?(?P<name>{NAME}) (?:is|was) (?:[a-z]+ed|fought|built|held|won|made|set|"
    r"run|known|begun|struck|sunk|laid|found|led|shot|drawn|written|given|taken|sold|lost)\b"
)


def _named_subject(sentence: str, people: Sequence[str]) -> Topic | None:
    """Return the topic a first statement opens with when its name's head says its kind
    ("Battle" of "Battle of Hastings", "Bridge" of "Golden Gate Bridge"), or None."""
    found = NAMED_SUBJECT_RE.match(sentence)
    if not found or found["name"] in people:
        return None
    words = found["name"].split()
    head = words[0] if len(words) >= 3 and words[1] == "of" else words[-1]
    if len(words) < 2 or head.lower() not in lx.NAMED_THING_HEADS | lx.PLACE_HEADS:
        return None
    return Topic(found["name"], frozenset((head.lower(),)), sentence[: found.end("name")])


def _kinds(what: str) -> frozenset[str]:
    """Return the words of what a first statement says its topic is, up to where that noun
    phrase ends ("a privately held, family-owned company with ...": adjectives run on past a
    comma)."""
    what = LIST_END_RE.split(what, maxsplit=1)[0]
    what = WHAT_END_RE.split(what, maxsplit=1)[0]
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", what) if len(w) > 2]
    # "one of the African Great Lakes": a lake.
    return frozenset(words) | {_singular(w) for w in words if w.endswith("s")}


def _singular(word: str) -> str:
    """Return a plural noun's singular ("lakes": lake, "cities": city)."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if not word.endswith("ss") else word


# A title line: "National Weather Service: History", "Kigali - the capital".
TITLE_RE = re.compile(rf"^(?P<name>{NAME})(?:\s*(?::|–|—| - ).*)?$")


def title_topic(title: str, people: Sequence[str] = ()) -> Topic | None:
    """Return the topic a title line names when its last word says what kind of thing it is
    ("National Weather Service": a service, so "The agency" later is it), or None."""
    found = TITLE_RE.match(title.strip())
    if not found:
        return None
    name = found["name"].strip()
    words = name.split()
    head = words[-1].lower()
    if name in people or not 2 <= len(words) <= 6 or not any(head in g for g in KIND_GROUPS):
        return None
    said = name if words[0] == "The" else f"The {name}"
    return Topic(name.removeprefix("The "), frozenset((head,)), said)


# "The blue whale (Balaenoptera musculus) is a marine mammal ...", "Coral reefs are underwater
# structures ...": a kind of thing, defined by the first statement, with no name.
COMMON_DEFINING_RE = re.compile(
    r"^(?:The (?P<noun>[a-z][a-z-]*(?: [a-z][a-z-]*){0,2})(?: \([^)]*\))? (?:is|was) "
    r"(?:a|an|one of the) "
    r"|(?P<plural>[A-Z][a-z-]*(?: [a-z][a-z-]*){0,2}s)(?: \([^)]*\))? (?:are|were) "
    r"(?:(?:a|an|the|one of the) )?)"
    r"(?P<what>[^.;:()]*)"
)
# Words that open a plural subject without naming a kind: "Many scientists are ...".
QUANTIFIERS = frozenset(
    [
        "many",
        "some",
        "most",
        "all",
        "both",
        "several",
        "few",
        "such",
        "other",
        "our",
        "their",
        "these",
        "those",
        "its",
        "his",
        "her",
        "there",
        "they",
        "we",
        "you",
    ]
)


def common_topic(sentences: Sequence[str]) -> Topic | None:
    """Return the kind of thing the first statement defines ("The blue whale is a marine
    mammal", "Coral reefs are underwater structures"), or None."""
    for sentence in sentences[:2]:
        found = COMMON_DEFINING_RE.match(sentence)
        if not found:
            continue
        phrase = found["noun"] or found["plural"]
        words = phrase.lower().split()
        if words[0] in QUANTIFIERS or any(w in lx.STOPWORDS for w in words):
            return None
        kinds = _kinds(found["what"])
        if not kinds:
            return None
        head = words[-1]
        kinds |= {head, _singular(head)}  # "The whale", "The reefs"
        if found["noun"]:
            return Topic(phrase, kinds, f"The {phrase}", common=True)
        return Topic(phrase, kinds, phrase, plural=True, common=True)
    return None


def kind_topic(title: str, sentence: str) -> Topic | None:
    """Return the topic of an article on a kind of thing, which its title names and its first
    statement defines ("Blue whale", then "The blue whale (Balaenoptera musculus) is a marine
    mammal ..."), or None."""
    words = title.strip()
    if not re.fullmatch(r"[A-Za-z]+(?: [a-z]+){0,3}", words):
        return None
    found = re.match(
        rf"^The ((?i:{re.escape(words)}))(?: \([^)]*\))? (?:is|was) (?:a|an|the|one of the) "
        r"(?P<what>[^.;:()]*)",
        sentence,
    )
    if not found:
        return None
    kinds = _kinds(found["what"])
    kinds |= {words.split()[-1].lower()}  # "The elephant's pregnancy": its own head noun
    return Topic(found[1], kinds, f"The {found[1]}") if kinds else None
