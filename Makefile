# The two commands of the README:
#   make run    create .venv, install mailmanager into it, start the desktop app
#   make test   install everything the tests need, then ruff, mypy and the whole pytest suite
VENV    ?= .venv
PYTHON  ?= python3
PY      := $(VENV)/bin/python
PIP     := $(PY) -m pip --disable-pip-version-check -q

.PHONY: run test check lint typecheck pytest system-deps-run system-deps-test translations bench screenshots clean

run: system-deps-run $(VENV)/.run-installed
	$(VENV)/bin/mailmanager

test: system-deps-test $(VENV)/.test-installed
	$(MAKE) --no-print-directory check

check: lint typecheck pytest

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck:
	$(VENV)/bin/mypy

pytest:
	$(PY) -m pytest $(PYTEST_ARGS)

system-deps-run:
	@scripts/install-system-deps.sh run

system-deps-test:
	@scripts/install-system-deps.sh test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-installed: $(VENV)/bin/python pyproject.toml
	$(PIP) install -e .
	@touch $@

$(VENV)/.test-installed: $(VENV)/bin/python pyproject.toml
	$(PIP) install -e '.[test]'
	@touch $@ $(VENV)/.run-installed

# Rebuild the .qm files from the .ts sources (needs PySide6's tools, installed with the app).
translations: $(VENV)/.run-installed
	$(PY) scripts/ts_tool.py update

bench: $(VENV)/.test-installed
	$(PY) -m bench

screenshots: $(VENV)/.test-installed
	xvfb-run -a -s "-screen 0 1280x800x24" $(PY) scripts/screenshots.py

clean:
	rm -rf $(VENV) build dist *.egg-info
