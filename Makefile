# `make run` sets up and serves the site; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: run test lint bench clean

run: $(VENV)/.runtime-installed .secret_key
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_content --verbosity 0
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py ensure_admin
	@echo "Serving on http://127.0.0.1:8000 (press Ctrl+C to stop)"
	$(BIN)/gunicorn --config cramps_site/gunicorn.conf.py

test: $(VENV)/.dev-installed .secret_key lint
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates editorial/templates

bench: $(VENV)/.dev-installed .secret_key
	bash bench/run.sh

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime-installed: requirements.txt | $(VENV)/bin/python
	$(PIP) -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PIP) -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

# A random secret key for this checkout, kept out of git (see .gitignore).
.secret_key: | $(VENV)/bin/python
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
