# The two commands a newcomer needs: `make run` and `make test` (see README).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Node tools for the tests (axe-core), installed from package-lock.json when the lock file is newer
# than the stamp or axe-core is missing; the stamp lives in node_modules, which git ignores.
NODE_STAMP := node_modules/.installed
NODE_MISSING := $(if $(wildcard node_modules/axe-core/axe.min.js),,FORCE)

# The English catalog, compiled from locale/en/LC_MESSAGES/django.po (the .mo is not committed).
MO := locale/en/LC_MESSAGES/django.mo

.PHONY: run test bench lint format venv system node messages clean-db worker FORCE

$(STAMP): requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $(STAMP)

venv: $(STAMP)

$(NODE_STAMP): package.json package-lock.json $(NODE_MISSING)
	npm ci --no-audit --no-fund --silent
	touch $(NODE_STAMP)

node: system $(NODE_STAMP)

FORCE:

$(MO): locale/en/LC_MESSAGES/django.po
	msgfmt --check-format -o $(MO) locale/en/LC_MESSAGES/django.po

messages: system $(MO)

system:
	@bash scripts/system-packages.sh

# The app with demo data on http://127.0.0.1:8000, and the task worker beside it.
run: venv system messages
	DEBUG=$${DEBUG:-on} $(PY) manage.py migrate --noinput
	@mkdir -p var
	@if [ ! -f var/.demo-loaded ]; then DEBUG=$${DEBUG:-on} $(PY) manage.py seed_demo --scale small && touch var/.demo-loaded; fi
	DEBUG=$${DEBUG:-on} bash scripts/run-server.sh

worker: venv
	DEBUG=$${DEBUG:-on} $(PY) manage.py db_worker

# All tests, browser tests included. SQLite unless DATABASE_URL is set.
test: venv system node messages
	$(PY) -m ruff check .
	DEBUG=on $(PY) manage.py makemigrations --check --dry-run >/dev/null || (echo "Thiếu migration: chạy manage.py makemigrations" && exit 1)
	$(PY) -m pytest $(PYTEST_ARGS)

bench: venv system messages
	$(PY) -m bench

lint: venv
	$(PY) -m ruff check . && $(PY) -m ruff format --check .

format: venv
	$(PY) -m ruff format . && $(PY) -m ruff check --fix .
