# Two commands on a fresh machine: `make run` and `make test`. `make help` lists the rest.
# Python 3.11, 3.12 or 3.13: the first found (or PYTHON=python3.x).
PYTHON ?= $(firstword $(shell command -v python3.11 python3.12 python3.13 python3 2>/dev/null))
VENV := .venv
SHELL := /bin/bash
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Extra pytest arguments, e.g. PYTEST_ARGS="-m 'not browser'" leaves out the browser tests.
PYTEST_ARGS ?=

.DEFAULT_GOAL := help

.PHONY: help
help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/pip install --quiet -r requirements.lock
	touch $@

.PHONY: install
install: $(VENV)/.installed  ## Create .venv and install the pinned dependencies

# Links in e-mails, "View live" and the demo Site use this address: `make run PORT=8123`
# works throughout.
BASE_URL ?= http://$(HOST):$(PORT)
setup run: export WAGTAILADMIN_BASE_URL = $(BASE_URL)

.PHONY: setup
setup: install  ## Migrate the database and load the demo content in all five languages
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo_content
	$(MANAGE) create_dev_admin --url $(BASE_URL)/admin/

.PHONY: run
run: setup  ## Set everything up and serve the site at http://127.0.0.1:8000 (SQLite)
	@echo "Serving $(BASE_URL)/  (admin: $(BASE_URL)/admin/, login above)"
	$(MANAGE) runserver $(HOST):$(PORT)

.PHONY: test
test: install  ## Run the whole test suite (set DATABASE_URL to test on PostgreSQL)
	bin/system-packages $(if $(findstring not browser,$(PYTEST_ARGS)),--browser-free)
	$(BIN)/pytest $(PYTEST_ARGS)

.PHONY: lint
lint: install  ## ruff (lint and format), Django's checks, the migration check, the lock file
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(MAKE) lock-check

LOCK_COMMAND = $(BIN)/pip-compile --quiet --extra test --strip-extras --no-emit-find-links \
	--no-emit-index-url pyproject.toml

.PHONY: lock
lock: install  ## Regenerate requirements.lock from pyproject.toml (pip-tools; keeps existing pins)
	$(LOCK_COMMAND) --output-file requirements.lock

.PHONY: lock-check
lock-check: install  ## Fail if requirements.lock is not what pyproject.toml gives
	@tmp=$$(mktemp -d) && cp requirements.lock $$tmp/requirements.lock && \
	$(LOCK_COMMAND) --output-file $$tmp/requirements.lock && \
	if diff -u <(grep -v '^#' requirements.lock) <(grep -v '^#' $$tmp/requirements.lock); then \
		echo "requirements.lock matches pyproject.toml"; rm -rf $$tmp; \
	else echo "requirements.lock differs from pyproject.toml: run make lock" >&2; rm -rf $$tmp; exit 1; fi

.PHONY: messages
messages: install  ## Update the .po catalogues of the interface and compile them
	$(MANAGE) makemessages --all --ignore='.venv/*' --no-obsolete
	$(MANAGE) compilemessages --ignore='.venv/*'
