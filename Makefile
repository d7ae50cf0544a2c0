# Two commands do all set-up: `make run` and `make test`. See README.md.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
FLASK := FLASK_APP=wsgi.py $(VENV)/bin/flask
PORT ?= 5000
WORKERS ?= $(shell nproc)
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run dev test test-sqlite test-postgres test-deps bench soak migration translations messages clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@

## Compiled catalogues are build products (.mo is ignored by git): build them from the .po files.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard translations/*/LC_MESSAGES/messages.po))
translations: $(MO_FILES)

translations/%/LC_MESSAGES/messages.mo: translations/%/LC_MESSAGES/messages.po $(VENV)/.installed
	$(VENV)/bin/pybabel --quiet compile --use-fuzzy -d translations -l $*

## After changing a user-facing text: extract the catalogue and merge it into each language (then translate).
messages: $(VENV)/.installed
	$(VENV)/bin/pybabel -q extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output -o translations/messages.pot .
	$(VENV)/bin/pybabel -q update --ignore-obsolete -i translations/messages.pot -d translations

setup: $(VENV)/.installed translations
	$(FLASK) db upgrade
	$(FLASK) bootstrap

## Serve on http://127.0.0.1:$(PORT) with gunicorn, one worker per core, and the intake worker beside it
## (gunicorn.conf.py runs `flask intake work` when PORTAL_INTAKE_WORKER=1; production runs it as its own service).
run: setup
	PORTAL_INTAKE_WORKER=1 $(VENV)/bin/gunicorn --workers $(WORKERS) --bind 127.0.0.1:$(PORT) --access-logfile - wsgi:app

## The same with Flask's reloader, for development.
dev: setup
	$(FLASK) run --debug --port $(PORT)

## Install PostgreSQL and Chromium when missing, then run the whole suite on SQLite and on PostgreSQL.
test: test-deps $(VENV)/.installed-test translations
	scripts/run_tests.sh

test-deps:
	scripts/install_test_deps.sh

bench: $(VENV)/.installed-test
	bench/run.sh

## Mixed traffic for SOAK_TIME (10m) against the production server on PostgreSQL at half the floor's rate; prints a
## report (p95 per page, errors, memory per worker, queue age), not an exit code. See bench/README.md, "Soak".
soak: $(VENV)/.installed-test translations
	$(PY) bench/soak.py

## Regenerate the initial migration from the models (until the first release).
migration: $(VENV)/.installed
	scripts/regen_initial_migration.sh

clean:
	rm -rf $(VENV) .pytest_cache
