# Two commands on a fresh clone: `make serve` and `make test`.
# Everything runs from .venv, created here from the hash-pinned lock files.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SITE_DEPS := $(VENV)/.site-deps
DEV_DEPS := $(VENV)/.dev-deps
# The engine that renders the compiled tree: mkdocs (default) or zensical, which has its own
# venv and lock (installed on first use).
ENGINE ?= mkdocs
ZENSICAL_VENV := .venv-zensical
ZENSICAL_DEPS := $(ZENSICAL_VENV)/.deps
ENGINE_DEPS := $(SITE_DEPS) $(if $(filter zensical,$(ENGINE)),$(ZENSICAL_DEPS))
# Dates come from the last commit, never the clock, so builds are reproducible.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)


.PHONY: serve build compile check changes test lint bench reader lock accept-seed addresses schemas new-edition clean

serve: $(ENGINE_DEPS)  ## preview at http://127.0.0.1:8000, rebuilt on every change (ENGINE=zensical too)
	$(PY) -m scripts serve --engine $(ENGINE) --dev-addr 127.0.0.1:8000

build: $(ENGINE_DEPS)  ## write the site to site/ (only if the whole build succeeds); ENGINE=zensical too
	$(PY) -m scripts build --engine $(ENGINE) --site-dir site

compile: $(SITE_DEPS)  ## write the compiled docs tree and the engines' configs to build/
	$(PY) -m scripts compile

check: $(SITE_DEPS)  ## check the data files and report every problem
	$(PY) -m scripts check

changes: $(SITE_DEPS)  ## what changes for readers since BASE (default: the merge base with main)
	$(PY) -m scripts changes $(if $(BASE),--base "$(BASE)")

test: $(DEV_DEPS) $(ZENSICAL_DEPS)  ## lint, type-check and run the whole test suite (both engines)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(PY) -m pytest

bench: $(DEV_DEPS) $(ZENSICAL_DEPS)  ## speed and size figures, printed as ratios and budgets
	$(PY) bench/run.py

lint: $(DEV_DEPS)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

reader:  ## bundle the reader's script (reader/*.js) into docs/assets/edition.js; commit both (needs `npm ci`)
	node reader/build.mjs

accept-seed: $(SITE_DEPS)  ## record seeds/essay.txt as the accepted revision
	$(PY) -m scripts accept-seed

addresses: $(SITE_DEPS)  ## add newly published addresses to addresses.txt (never removes any)
	$(PY) -m scripts addresses

new-edition: $(SITE_DEPS)  ## start a fresh edition: make new-edition ESSAY=path/to/essay.txt [TITLE="..."]
	$(PY) -m scripts new-edition --essay "$(ESSAY)" $(if $(TITLE),--title "$(TITLE)")

schemas: $(SITE_DEPS)  ## rewrite schemas/*.schema.json (editors' copies) from scripts/ingest/schema.py
	$(PY) -m scripts schemas

UV := $(or $(shell command -v uv 2>/dev/null),.venv-lock/bin/uv)
lock: $(UV)  ## re-pin dependencies with uv (installed in .venv-lock when missing); commit the lock files
	$(UV) pip compile requirements.in --generate-hashes --universal --python-version 3.11 -o requirements.lock
	$(UV) pip compile requirements-dev.in --generate-hashes --universal --python-version 3.11 -o requirements-dev.lock
	$(UV) pip compile requirements-zensical.in --generate-hashes --universal --python-version 3.11 -o requirements-zensical.lock

.venv-lock/bin/uv:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet uv

$(PY):
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)

$(SITE_DEPS): requirements.lock | $(PY)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	touch $@

$(ZENSICAL_DEPS): requirements-zensical.lock
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements-zensical.lock
	touch $@

$(DEV_DEPS): requirements-dev.lock | $(PY)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements-dev.lock
	touch $@ $(SITE_DEPS)

clean:
	rm -rf site .site-new .site-old build .venv $(ZENSICAL_VENV) .venv-lock .pytest_cache .mypy_cache .ruff_cache
