# Two commands on a fresh machine: `make run` and `make test`. `make help` lists the rest.
PYTHON ?= python3.11
VENV := .venv
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
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/pip install --quiet -r requirements.lock
	touch $@

.PHONY: install
install: $(VENV)/.installed  ## Create .venv and install the pinned dependencies

.PHONY: setup
setup: install  ## Migrate the database and load the demo content in all five languages
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo_content
	$(MANAGE) setup_legal_review
	$(MANAGE) setup_translator_teams
	$(MANAGE) setup_signature_moderators
	$(MANAGE) create_dev_admin --url http://$(HOST):$(PORT)/admin/

.PHONY: run
run: setup  ## Set everything up and serve the site at http://127.0.0.1:8000 (SQLite)
	@echo "Serving http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/, login above)"
	$(MANAGE) runserver $(HOST):$(PORT)

.PHONY: test
test: install  ## Run the whole test suite (set DATABASE_URL to test on PostgreSQL)
	$(BIN)/pytest $(PYTEST_ARGS)

.PHONY: lint
lint: install  ## ruff, Django's checks and the migration check
	$(BIN)/ruff check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

.PHONY: messages
messages: install  ## Update the .po catalogues of the interface and compile them
	$(MANAGE) makemessages --all --ignore='.venv/*' --no-obsolete
	$(MANAGE) compilemessages --ignore='.venv/*'
