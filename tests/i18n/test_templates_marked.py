"""Every word a template shows is inside a translation call: text and the attributes read aloud."""

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "quiz" / "templates"
# Names that read the same in every language.
SAME_EVERYWHERE = {"GIFT", "Aiken", "CSV", "Open Trivia DB", "PIN"}
SPOKEN_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder", "aria-description")


def unmarked(source: str) -> list[str]:
    """Return the words of a template that no `_()`/`ngettext()` call covers."""
    text = re.sub(r"\{#.*?#\}", " ", source, flags=re.S)
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", text, flags=re.S)
    found = [
        f'{name}="{value}"'
        for name, value in re.findall(r'\s([a-z-]+)="([^"]*)"', text)
        if name in SPOKEN_ATTRIBUTES and re.search(r"[A-Za-z]{2,}", value)
    ]
    text = re.sub(r"<script.*?</script>|<style.*?</style>", " ", text, flags=re.S)
    text = re.sub(r"<[^>]*>", " ", text)
    # Attributes a macro writes into the tag that calls it.
    text = re.sub(r'[a-z-]+="[^"]*"', " ", text)
    for words in re.findall(r"[A-Za-z][A-Za-z'’.,:;!?()\- ]*[A-Za-z.!?)]", text):
        if words.strip() not in SAME_EVERYWHERE:
            found.append(words.strip())
    return found


@pytest.mark.parametrize(
    "template",
    sorted(str(p.relative_to(TEMPLATES)) for p in TEMPLATES.rglob("*.html")),
)
def test_no_template_shows_text_outside_a_translation(template):
    assert unmarked((TEMPLATES / template).read_text()) == [], (
        "wrap these in {{ _('...') }}, then run `make translations` and translate"
    )


def test_the_check_finds_plain_text_and_spoken_attributes():
    source = '<p>Hello {{ name }}</p><img alt="A rocket" src="x"><p>{{ _("Fine") }}</p>'
    assert unmarked(source) == ['alt="A rocket"', "Hello"]
    assert unmarked('<td>GIFT</td> <a href="/x">{{ _("Go") }}</a>') == []
