# The two set-up commands (see README): `make demo` and `make test`. Both create .venv and install into it.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DEMO_DB ?= thucydides.db

.PHONY: demo test install install-dev bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Code the bundled sample corpus with the real pipeline into the embedded database and print a summary.
# A second `make demo` skips what is already stored (add --recode to the command to code it again).
demo: install
	$(BIN)/thucydides code samples/ --db $(DEMO_DB)
	$(BIN)/thucydides stats --db $(DEMO_DB)
	@echo "stored in $(DEMO_DB); try: $(BIN)/thucydides code samples/ --format table"

# The whole test suite (tests that need ../shared skip cleanly when it is absent).
test: install-dev
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/read_throughput.py
	$(BIN)/python bench/actors.py
	$(BIN)/python bench/events.py
	$(BIN)/python bench/store.py

lint: install-dev
	$(BIN)/python -m ruff check thucydides tests bench

clean:
	rm -rf $(VENV) $(DEMO_OUT) .pytest_cache
