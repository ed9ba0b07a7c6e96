"""The catalogs: every message of the code and templates translated, nothing stale or fuzzy."""

import re
import tomllib
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from quiz.i18n import CATALOGS, LANGUAGES, compile_catalogs

ROOT = Path(__file__).resolve().parents[2]
# The keywords `make translations` passes to pybabel extract, beside Babel's defaults.
KEYWORDS = {"_l": None, "lazy_gettext": None, "lazy_ngettext": (1, 2), "N_plural": (1, 2)}
TRANSLATED = sorted(set(LANGUAGES) - {"en"})


def _keywords() -> dict:
    from babel.messages.extract import DEFAULT_KEYWORDS

    return {**DEFAULT_KEYWORDS, **KEYWORDS}


@pytest.fixture(scope="module")
def source_messages() -> dict[str, object]:
    """Extract the messages of today's sources, as `make translations` does."""
    with (ROOT / "babel.cfg").open() as f:
        method_map, options_map = parse_mapping_cfg(f)
    found = {}
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=_keywords(), strip_comment_tags=True
    ):
        key = message if isinstance(message, str) else message[0]
        found[key] = message
    return found


def _catalog(path: Path, locale=None):
    with path.open("rb") as f:
        return read_po(f, locale=locale)


def _ids(catalog) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


def test_the_extraction_finds_the_pages_and_the_code(source_messages):
    # Guards the guard: a mapping that matched nothing would make every other test pass.
    assert "Play a round" in source_messages  # a template
    assert "Class settings saved." in source_messages  # a flash message
    assert "Type a nickname." in source_messages  # a form error (lazy_gettext)
    assert "The token is not valid." in source_messages  # an API error
    assert "%(num)s question" in source_messages  # a plural


def test_the_template_catalog_matches_the_sources(source_messages):
    pot = _ids(_catalog(CATALOGS / "messages.pot"))
    missing = sorted(set(source_messages) - pot)
    stale = sorted(pot - set(source_messages))
    assert not missing, f"run `make translations`: not in messages.pot: {missing}"
    assert not stale, f"run `make translations`: no longer in the sources: {stale}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated(source_messages, language):
    catalog = _catalog(CATALOGS / language / "LC_MESSAGES" / "messages.po", language)
    by_id = {(m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog if m.id}
    untranslated, fuzzy = [], []
    for key in source_messages:
        message = by_id.get(key)
        strings = (
            ()
            if message is None
            else (message.string if isinstance(message.string, tuple) else (message.string,))
        )
        if message is None or not strings or not all(strings):
            untranslated.append(key)
        elif message.fuzzy:
            fuzzy.append(key)
    stale = sorted(set(by_id) - set(source_messages))
    assert not untranslated, f"{language}: not translated: {untranslated}"
    assert not fuzzy, f"{language}: fuzzy, to check and confirm: {fuzzy}"
    assert not stale, f"{language}: run `make translations`, stale: {stale}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_every_placeholder_and_the_language_plural_forms(language):
    catalog = _catalog(CATALOGS / language / "LC_MESSAGES" / "messages.po", language)
    problems = [(m.id, [str(e) for e in errors]) for m, errors in catalog.check()]
    assert not problems
    # CLDR: Russian has one, few and many; Kazakh one and other.
    assert catalog.num_plurals == {"ru": 3, "kk": 2}[language]
    for message in catalog:
        if message.id and message.pluralizable:
            assert len(message.string) == catalog.num_plurals, message.id


def test_the_makefile_extracts_with_the_same_keywords():
    makefile = (ROOT / "Makefile").read_text()
    command = re.search(r"pybabel extract[^\n]*(?:\\\n[^\n]*)*", makefile).group(0)
    for keyword, spec in KEYWORDS.items():
        flag = f"-k {keyword}" + (":" + ",".join(map(str, spec)) if spec else "")
        assert flag in command


def test_catalogs_compile_next_to_the_po_files_or_elsewhere(tmp_path):
    source = tmp_path / "translations"
    for language in TRANSLATED:
        folder = source / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        po = CATALOGS / language / "LC_MESSAGES" / "messages.po"
        (folder / "messages.po").write_bytes(po.read_bytes())
    written = compile_catalogs(source, source)
    assert sorted(p.parent.parent.name for p in written) == TRANSLATED
    with (source / "ru" / "LC_MESSAGES" / "messages.mo").open("rb") as f:
        catalog = read_mo(f)
    assert catalog.get("Play a round").string == "Сыграть раунд"
    # Up to date: nothing is written again.
    assert compile_catalogs(source, source) == []
    # Into another folder, as when the package folder is read-only.
    elsewhere = tmp_path / "instance" / "translations"
    assert len(compile_catalogs(source, elsewhere)) == len(TRANSLATED)
    assert (elsewhere / "kk" / "LC_MESSAGES" / "messages.mo").exists()


def test_the_wheel_ships_the_catalogs():
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    for language in TRANSLATED:
        package = f"quiz.translations.{language}.LC_MESSAGES"
        assert package in setuptools["packages"]
        assert "*.po" in setuptools["package-data"][package]
    assert "*.pot" in setuptools["package-data"]["quiz.translations"]
