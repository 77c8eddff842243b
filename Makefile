# The two set-up commands (see README): `make demo` and `make test`. Both create .venv and install into it.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DEMO_OUT ?= thucydides-demo.jsonl

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

# Code the bundled sample corpus with the real pipeline and print a summary (records go to $(DEMO_OUT)).
demo: install
	$(BIN)/thucydides code samples/ --format jsonl -o $(DEMO_OUT)
	@echo "records written to $(DEMO_OUT); try: $(BIN)/thucydides code samples/ --format table"

# The whole test suite (tests that need ../shared skip cleanly when it is absent).
test: install-dev
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/read_throughput.py
	$(BIN)/python bench/actors.py
	$(BIN)/python bench/events.py

lint: install-dev
	$(BIN)/python -m ruff check thucydides tests bench

clean:
	rm -rf $(VENV) $(DEMO_OUT) .pytest_cache
