"""Plain-text helpers shared by extraction and generation."""

import re

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


# A sentence opening with a pronoun ("She moved...", "Its course...") or a demonstrative
# ("This is where...") does not stand alone as a prompt: it needs its antecedent.
PRONOUN_OPENING_RE = re.compile(
    r"^[“\"‘'(]*(?:He|She|It|They|His|Her|Its|Their|This|These|Those|That|Here|We|Our|I|You|"
    r"Such|Then|Him|Them|There(?! (?:is|are|was|were|has|have|had|will|may|might|could)\b))\b"
)
# "It was not until 1875 that ...", "It was Gagarin who ...": a cleft puts a time, a place or a
# name first. "It is 1,642 metres deep" is none, nor "It is best known for its eruption in AD 79
# that destroyed Pompeii", whose "that" belongs to the eruption.
CLEFT_RE = re.compile(
    r"^It (?:is|was|wasn['’]t|isn['’]t|has been|had been) (?:not |only |just )?"
    r"(?:until|in|on|at|during|after|before|when|because|since|through|by|here|there|then|"
    r"[A-Z0-9“\"])[^,;]{0,60}? (?:that|who)\b"
    # "It takes Jupiter nearly 12 years to ...", "It was difficult to ...": an "It" that stands
    # for what comes after, not for anything before.
    r"|^It (?:takes|took|will take|would take|can take) "
    r"|^It (?:is|was) (?:(?:very|not|so) )?(?:possible|impossible|difficult|hard|easy|"
    r"important|necessary|common|rare|usual|customary) (?:to|for)\b"
)


# "The lake is ...", "The ship's passengers included ...": a bare subject naming only its
# kind (or what belongs to it), then a verb.
# Nouns that name one thing for everyone, never the article's thing: "The world celebrated".
GENERIC_NOUNS = r"(?:world|public|sun|universe|sky|weather|economy|internet|press|media)\b"
BARE_SUBJECT_RE = re.compile(
    # "The race, first held in 1987, runs ...": an aside may stand between it and its verb.
    rf"The (?!{GENERIC_NOUNS})([a-z]+)(?=(?:['’]s(?: [a-z]+){{1,2}})?(?:, [^,;]{{1,60}},)? "
    r"(?:(?:first|later|then|also|now|soon|still|again|once|quickly|eventually) )?"
    r"(?:is|was|are|were|has|had|lies|lay|runs|ran|flows|came|fell|rose|began|"
    r"became|won|lost|took|holds|held|covers|stands|stood|will|would|can|could|must|"
    r"cut|put|set|hit|let|built|sank|grew|led|met|sent|spent|told|made|found|fought|brought|"
    r"bought|kept|left|paid|sold|knew|saw|spoke|struck|wrote|drew|drove|flew|gave|hid|rode|"
    r"froze|shook|broke|chose|ate|sang|swam|wore|tore|woke|rang|stole|threw|blew|slid|hung|"
    r"stuck|spun|dug|fed|fled|shot|bore|shone|sprang|sought|caught|taught|thought|bent|dealt|"
    r"felt|meant|heard|lit|sat|swore|withdrew|overcame|forgot|spread|burst|shut|split|"
    r"[a-z]+ed|[a-z]+[^s]s)\b)"
)


# "In 1899 he received ...": a pronoun subject after an opening time or place phrase.
LATE_PRONOUN_RE = re.compile(
    r"^(?:In|On|At|By|During|After|Before|Later|Then|From|Since|As of|Until|As(?= the\b)|"
    r"As a result|Today|Now|Currently|Eventually|Finally|Soon)\b"
    # "At Babbage's suggestion she ...": an owner's name may come in the opening phrase.
    r"(?: (?:[a-z0-9'’-]+,?|(?:BC|BCE|AD|CE|B\.C\.|A\.D\.),?|(?:[A-Z][\w-]* )*[A-Z][\w-]*['’]s"
    r"|(?:January|February|March|April|"
    r"May|June|July|August|September|October|November|December),?)){0,8}?"
    # "After graduating in 1952 from the V. I. Ulyanov Institute, he ...": names, then a comma.
    r"(?:[^,;:“”\"]{0,120}?,)?"
    r" (?:he|she|they|it|his|her|its|their)\b"
)


# "Founded in 1913 as the seat of government, it is ...", "Born in Warsaw, she ...", "Founded
# in 1636 and named for its benefactor, the clergyman John Harvard, it is ...": a pronoun
# subject after an opening participle, whose own commas it may hold; or after what the
# subject is ("An eminent biologist, he is remembered for ...").
PARTICIPLE_PRONOUN_RE = re.compile(
    r"^(?:(?:[A-Z][a-z]+ed|Built|Born|Known|Founded|Located|Situated|Made|Held|Run|Led|Set|"
    r"Begun)\b[^;:“”\"]{0,160}?|An? [a-z-]+(?: [a-z-]+){0,3}), (it|he|she)\b"
)


# "Locally nicknamed “La dame de fer”, it was built as ...": a pronoun subject after an opening
# phrase that names no one.
# An opening that is a clause of its own, whose subject a later pronoun can be.
CLAUSE_OPENING_RE = re.compile(
    r"(?:When|After|Before|As|Once|While|Although|Though|Because|Since|If|Until|Having|"
    r"Shortly after|Soon after|Just after)\b"
)
# The opening may hold a list of names and their years ("With the publications of Sense and
# Sensibility (1811), Pride and Prejudice (1813) and Emma (1815), she achieved ...").
OPENING = r"(?:[^,;()]|\([^(),;]*\)|, (?=[A-Z])){1,160}?"
AFTER_OPENING_RE = re.compile(rf"^(?P<opening>{OPENING}), (?:it|he|she|they)\b")
# The same, with the pronoun as its first group, where "he" or "she" is the subject.
HE_OR_SHE_AFTER_OPENING_RE = re.compile(rf"^{OPENING}, (he|she)\b")


# "The same year the company generated ...", "That year ...": a time an earlier sentence gave.
RELATIVE_TIME_RE = re.compile(
    r"^(?:The same|That|The following|The next|The previous|The preceding|Later that|Earlier "
    r"that"
    # "In December of that year", "By the end of the following year", "In the same month"
    r"|(?:In|By|During|Until|Later in|Early in|Late in|At the end of|By the end of)"
    r" (?:[A-Z][a-z]+ of |the (?:spring|summer|autumn|fall|winter|end|start) of )?"
    r"(?:that|the same|the following|the next|the previous))"
    r" (?:year|month|week|day|decade|century|season|spring|summer|autumn|fall|winter)\b"
)
# "Of these, 63 are ...", "Among them ...": a part of what an earlier sentence counted.
PART_OF_EARLIER_RE = re.compile(
    r"^(?:(?:Of|Among|Like|Unlike|Besides) (?:these|those|them|this)"
    # "The largest of them is the Selenga River", "Most of these ...", "Two of them ..."
    r"|(?:The [a-z]+|Most|Some|All|None|Many|Few|Several|Half|Each|Both|One|Two|Three|\d+)"
    r" of (?:them|these|those))\b"
)


# "In terms of its volume, Lake Victoria is ...", "During his reign, Peter built ...": the
# opening's "its" or "his" is the name that follows it.
CATAPHORA_RE = re.compile(
    r"^(?:(?:In|On|At|During|After|Before|Despite|For|Throughout|Within|Under|Since)\b"
    r"[^,;:“”\"]*?\b(?P<pronoun>its|his|her|their)\b"
    # "After he resigned from NASA in 1971, Armstrong taught ...": a clause of its own.
    r"|(?:After|Before|When|While|Although|Though|Since|As|Once|Until|Because|If)"
    r" (?P<subject>he|she|it)\b)"
    r"[^,;:“”\"]*, "
    r"(?!(?:The|This|That|These|Those|It|He|She|They|His|Her|Its|Their|There)\b)"
    r"(?P<name>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*) [a-z]"
)


def needs_antecedent(sentence: str) -> bool:
    """Tell whether a sentence opens with a pronoun (or a time) that refers to an earlier
    sentence."""
    if (
        LATE_PRONOUN_RE.match(sentence)
        and not CATAPHORA_RE.match(sentence)
        or RELATIVE_TIME_RE.match(sentence)
        or PARTICIPLE_PRONOUN_RE.match(sentence)
        or PART_OF_EARLIER_RE.match(sentence)
        or _after_opening(sentence)
    ):
        return True
    return bool(PRONOUN_OPENING_RE.match(sentence)) and not CLEFT_RE.match(sentence)


def _after_opening(sentence: str) -> re.Match[str] | None:
    """Return the match of a pronoun subject after an opening that does not say whom it
    means, or None ("When Gagarin returned, he ..." says whom)."""
    after = AFTER_OPENING_RE.match(sentence)
    if after is None:
        return None
    opening = re.sub(r"[“\"][^”\"]*[”\"]", "", after["opening"])
    if not re.search(r"(?<=\s)[A-Z]", opening) or not CLAUSE_OPENING_RE.match(opening):
        # "Within the Department of War, it was ...": a place, not whom "it" is
        return after
    return None


def opening_he_or_she(sentence: str) -> re.Match[str] | None:
    """Return the match of a "he" or "she" subject after an opening that names no one else
    ("With the publications of Emma (1815), she achieved ..."; group 1 is the pronoun), or
    None."""
    return HE_OR_SHE_AFTER_OPENING_RE.match(sentence) if _after_opening(sentence) else None


# "_____ (278 feet) high", "{value} (38,000 mph; 61,000 km/h)": the same value in other units,
# which a prompt must not show beside its blank (or beside a changed value).
CONVERSION_RE = re.compile(
    r"(?P<keep>(?:\{value\}|_____)(?:[ -][a-z][a-z/]*){0,2}) ?"
    r"\((?:about |approximately |roughly |c\. )?(?:minus |−|-)?[\d.,]+[^()]*\)"
)


# "the bakery of {value} (or Farynor)": another spelling of the name, which would give it away.
OTHER_SPELLING_RE = re.compile(
    r"(?P<keep>\{value\}|_____)(?:['’]s)? \(or [A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}\)"
)


def drop_conversion(text: str) -> str:
    """Remove the other units, or another spelling of a name, written in parentheses after a
    blank or an open value."""
    return OTHER_SPELLING_RE.sub(r"\g<keep>", CONVERSION_RE.sub(r"\g<keep>", text))
