# KIMdesk: `make run` starts the app, `make test` runs the whole suite.
# Both create .venv on a fresh machine (Python 3.11) and install the project into it.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 fehlt ($(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,postgres]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/kimdesk gui $(if $(STORE),--store $(STORE))

test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python bench/legacy_import.py
	$(BIN)/python bench/merge.py
	$(BIN)/python bench/stats.py
	$(BIN)/python bench/gui.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
