# The two commands: `make demo` and `make test`. Everything else here serves them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# PostgreSQL for the second test run: DATABASE_URL when it names PostgreSQL, otherwise
# the local server. pytest-django creates and drops its own `test_...` database there.
ifneq ($(filter postgres%,$(DATABASE_URL)),)
PG_TEST_URL ?= $(DATABASE_URL)
else
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/portal
endif

export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: demo test install install-test messages lint check test-sqlite test-postgres serve bench lighthouse screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

# The Nu Html Checker for the HTML validity test (Java runs it). Without npm the test
# says it was skipped (and fails under CI, whose .ci/run installs npm and Java).
VNU_VERSION := 26.9.27
$(VENV)/vnu/.installed-$(VNU_VERSION): | $(BIN)/python
	@if command -v npm >/dev/null 2>&1; then \
		npm install --silent --no-audit --no-fund --prefix $(VENV)/vnu vnu-jar@$(VNU_VERSION) \
		&& touch $@; \
	else \
		echo "SKIPPED: npm not found, so no Nu Html Checker: the HTML validity test will skip."; \
	fi

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test $(VENV)/vnu/.installed-$(VNU_VERSION)

messages: install
	$(MANAGE) compile_catalogues

demo: install messages
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	@echo "Serving the demo portal at http://127.0.0.1:8000 (admin at /admin/). Ctrl-C stops it."
	$(MANAGE) runserver 127.0.0.1:8000

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

check: install-test messages
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run

test-sqlite: install-test messages
	env -u DATABASE_URL $(BIN)/pytest

# In CI a missing PostgreSQL is a failure, not a skip; locally it is said plainly.
test-postgres: install-test messages
	@if $(BIN)/python scripts/db_answers.py "$(PG_TEST_URL)"; then \
		DATABASE_URL="$(PG_TEST_URL)" $(BIN)/pytest; \
	elif [ -n "$$CI" ]; then \
		echo "PostgreSQL does not answer at $(PG_TEST_URL): CI needs it." >&2; exit 1; \
	else \
		echo "SKIPPED: PostgreSQL does not answer at $(PG_TEST_URL); the suite ran on SQLite only."; \
	fi

test: lint check test-sqlite test-postgres

bench: install-test messages
	$(BIN)/python bench/run.py

# Lighthouse scores of every public page type in English and Arabic, on a demo portal the
# script serves itself (bench/lighthouse.py). Pinned: Lighthouse 13 needs Node 22.
LIGHTHOUSE_VERSION := 12.2.3
$(VENV)/lighthouse/.installed-$(LIGHTHOUSE_VERSION): | $(BIN)/python
	npm install --silent --no-audit --no-fund --prefix $(VENV)/lighthouse -E lighthouse@$(LIGHTHOUSE_VERSION)
	touch $@

lighthouse: install messages $(VENV)/lighthouse/.installed-$(LIGHTHOUSE_VERSION)
	$(BIN)/python bench/lighthouse.py

# The editors' guide's screenshots (docs/images/editors/), taken by the browser tests of
# each role's journey.
screenshots: install-test messages
	DOCS_SCREENSHOTS=1 env -u DATABASE_URL $(BIN)/pytest -q tests/editorial/test_browser_journeys.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .test-media test-artifacts
