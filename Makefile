# KIMdesk: `make run` starts the app, `make test` runs the whole suite.
# Both create .venv on a fresh machine (Python 3.11) and install the project into it.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean translations qm dist dist-check screenshots

# Interface texts: German in the code, English in translations/kimdesk_en.ts (Qt Linguist).
TS := translations/kimdesk_de.ts translations/kimdesk_en.ts
QM_DIR := src/kimdesk/ui/translations
QM := $(QM_DIR)/kimdesk_en.qm $(QM_DIR)/kimdesk_de.qm

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 fehlt ($(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,postgres]'
	touch $(STAMP)

$(QM_DIR)/%.qm: translations/%.ts | $(STAMP)
	@mkdir -p $(QM_DIR)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

qm: $(QM)

# After changing interface texts: refresh the .ts files, then translate in pyside6-linguist.
translations: $(STAMP)
	for lang in de en; do \
	  $(BIN)/pyside6-lupdate $$(find src/kimdesk/ui -name '*.py' | sort) -ts translations/kimdesk_$$lang.ts \
	    -no-obsolete -locations none -source-language de -target-language $$lang; done
	$(MAKE) --no-print-directory -B $(QM)

run: $(STAMP) $(QM)
	$(BIN)/kimdesk gui $(if $(STORE),--store $(STORE))

test: $(STAMP) $(QM)
	sh .ci/ensure-postgres
	$(BIN)/ruff check src tests bench
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

bench: $(STAMP)
	-$(BIN)/python bench/legacy_import.py
	-$(BIN)/python bench/merge.py --store postgresql
	-$(BIN)/python bench/stats.py
	-$(BIN)/python bench/due.py
	-$(BIN)/python bench/land.py
	-QT_QPA_PLATFORM=offscreen $(BIN)/python bench/gui.py
	$(BIN)/python bench/report.py

# Every screen and dialog at 1280 x 720 in German and English, to look at: build/screens/.
screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py

# The installable application: PyInstaller onedir in dist/kimdesk/ (Windows: see packaging/windows).
dist: $(STAMP) $(QM)
	$(BIN)/python -m pip install --quiet -e '.[dist]'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
	  --workpath build/pyinstaller packaging/kimdesk.spec

dist-check: dist
	sh packaging/check-dist.sh dist/kimdesk/kimdesk

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
