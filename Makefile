# The two commands of the README:
#   make run    create .venv, install mailmanager into it, start the desktop app
#   make test   install everything the tests need, then ruff, mypy and the whole pytest suite
VENV    ?= .venv
PYTHON  ?= python3
PY      := $(VENV)/bin/python
PIP     := $(PY) -m pip --disable-pip-version-check -q

.PHONY: run test check lint typecheck pytest system-deps-run system-deps-test system-deps-screenshots translations bench screenshots clean

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

# Each says what it installs and about how long it takes; nothing when all is there already.
system-deps-run:
	@scripts/install-system-deps.sh run

system-deps-test:
	@scripts/install-system-deps.sh test

system-deps-screenshots:
	@scripts/install-system-deps.sh screenshots

$(VENV)/bin/python:
	@echo "make: creating the virtual environment $(VENV)"
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-installed: $(VENV)/bin/python pyproject.toml
	@echo "make: installing mailmanager and its libraries (PySide6, keyring, qasync, ...) into" \
	  "$(VENV) with pip: about a minute the first time (over 100 MB to download; pip prints" \
	  "nothing meanwhile), seconds later"
	@start=$$(date +%s); $(PIP) install -e . && echo "make: pip done in $$(($$(date +%s) - start)) s"
	@touch $@

$(VENV)/.test-installed: $(VENV)/bin/python pyproject.toml
	@echo "make: installing mailmanager, its libraries and the test tools (pytest, ruff, mypy," \
	  "trustme, aiosmtpd, ...) into $(VENV) with pip: 1-2 minutes the first time (over 100 MB" \
	  "to download; pip prints nothing meanwhile), seconds later"
	@start=$$(date +%s); $(PIP) install -e '.[test]' && echo "make: pip done in $$(($$(date +%s) - start)) s"
	@touch $@ $(VENV)/.run-installed

# Rebuild the .qm files from the .ts sources (needs PySide6's tools, installed with the app).
translations: $(VENV)/.run-installed
	$(PY) scripts/ts_tool.py update

bench: $(VENV)/.test-installed
	$(PY) -m bench

screenshots: system-deps-screenshots $(VENV)/.test-installed
	xvfb-run -a -s "-screen 0 1280x800x24" $(PY) scripts/screenshots.py

clean:
	rm -rf $(VENV) build dist *.egg-info
