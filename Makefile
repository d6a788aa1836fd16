# Two commands on a fresh clone: `make serve` and `make test`.
# Everything runs from .venv, created here from the hash-pinned lock files.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SITE_DEPS := $(VENV)/.site-deps
DEV_DEPS := $(VENV)/.dev-deps
# Dates come from the last commit, never the clock, so builds are reproducible.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: serve build check test lint bench lock accept-seed addresses schemas new-edition clean

serve: $(SITE_DEPS)  ## preview at http://127.0.0.1:8000, rebuilt on every change
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

build: $(SITE_DEPS)  ## write the site to site/ (only if the whole build succeeds)
	rm -rf .site-new
	$(PY) -m mkdocs build --strict --site-dir .site-new
	rm -rf site && mv .site-new site

check: $(SITE_DEPS)  ## check the data files and report every problem
	$(PY) -m scripts check

test: $(DEV_DEPS)  ## lint, type-check and run the whole test suite
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(PY) -m pytest

bench: $(DEV_DEPS)  ## speed and size figures, printed as ratios and budgets
	$(PY) bench/run.py

lint: $(DEV_DEPS)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

accept-seed: $(SITE_DEPS)  ## record seeds/essay.txt as the accepted revision
	$(PY) -m scripts accept-seed

addresses: $(SITE_DEPS)  ## add newly published addresses to addresses.txt (never removes any)
	$(PY) -m scripts addresses

new-edition: $(SITE_DEPS)  ## start a fresh edition: make new-edition ESSAY=path/to/essay.txt [TITLE="..."]
	$(PY) -m scripts new-edition --essay "$(ESSAY)" $(if $(TITLE),--title "$(TITLE)")

schemas: $(SITE_DEPS)  ## rewrite schemas/*.schema.json (editors' copies) from scripts/schema.py
	$(PY) -m scripts schemas

lock:  ## re-pin dependencies (needs uv); commit both lock files
	uv pip compile requirements.in --generate-hashes --universal --python-version 3.11 -o requirements.lock
	uv pip compile requirements-dev.in --generate-hashes --universal --python-version 3.11 -o requirements-dev.lock

$(PY):
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)

$(SITE_DEPS): requirements.lock | $(PY)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	touch $@

$(DEV_DEPS): requirements-dev.lock | $(PY)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements-dev.lock
	touch $@ $(SITE_DEPS)

clean:
	rm -rf site .site-new .venv .pytest_cache .mypy_cache .ruff_cache
