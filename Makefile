# Set up and run Baikonur Quiz. Needs only Python 3.11+ on PATH.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000

# The quick tests: everything but the browser, load and slow ones (pytest markers), on two
# processes (pytest-xdist).
QUICK := not browser and not load and not slow
CHECK_WORKERS ?= 2

.PHONY: run test lint check bench init clean translations

run: $(VENV)/.installed
	$(BIN)/quiz init
	$(BIN)/quiz serve --host $(HOST) --port $(PORT)

init: $(VENV)/.installed
	$(BIN)/quiz init

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Style and types, as CI checks them: fails on any finding.
lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Before a commit: lint, then the quick tests.
check: lint
	$(BIN)/python -m pytest -q -r fE -n $(CHECK_WORKERS) -m "$(QUICK)" $(PYTEST_ARGS)

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py

# Extract the messages of the code and templates into the .pot, then merge it into each
# language's .po: new messages arrive empty, changed ones fuzzy, for a translator to fill in.
# (tests/i18n checks with the same keywords that nothing is left out.)
translations: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k lazy_ngettext:1,2 -k N_plural:1,2 \
		--add-location=file --sort-by-file --project="Baikonur Quiz" --version=0.1 \
		--msgid-bugs-address="" --copyright-holder="Baikonur Quiz" \
		-o quiz/translations/messages.pot .
	$(BIN)/pybabel update -i quiz/translations/messages.pot -d quiz/translations \
		--ignore-obsolete

$(VENV)/bin/python:
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(VENV)/bin/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/bin/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) instance .pytest_cache .mypy_cache .ruff_cache
