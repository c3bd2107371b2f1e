PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Newer than setup.cfg/pyproject.toml means the venv matches the declared dependencies.
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=
ARGS ?=

.PHONY: run test lint venv sysdeps clean translations

run: sysdeps venv
	$(BIN)/jack-desktop $(ARGS)

# ruff runs first but does not stop pytest, so one run reports both; pytest's exit code
# (5 = no tests collected) wins when it fails, and its summary stays the last line.
test: sysdeps venv
	@status=0; \
	$(BIN)/ruff check . || status=1; \
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS) || status=$$?; \
	exit $$status

lint: venv
	$(BIN)/ruff check .

sysdeps:
	@PYTHON=$(PYTHON) bash scripts/ensure-system-deps.sh

venv: $(STAMP)

# Debian's python3 lacks ensurepip until python3-venv is installed, and a failed
# `python3 -m venv` leaves a pip-less .venv behind, hence the rm before retrying.
$(STAMP): setup.cfg pyproject.toml
	@if [ ! -x $(BIN)/python ]; then \
		$(PYTHON) -m venv $(VENV) || { \
			rm -rf $(VENV); \
			PYTHON=$(PYTHON) bash scripts/ensure-system-deps.sh --python && \
			$(PYTHON) -m venv $(VENV); }; \
	fi
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# Domain messages: one gettext catalog (English msgids, German reference translation).
# Qt strings of ui/: one Qt Linguist file, English source text, German translation.
LOCALES := resources/locale
QT_TS := resources/i18n/jack_de.ts
translations: venv
	$(BIN)/pybabel extract --no-location --sort-output -k _ -k N_ -k ngettext:1,2 \
		--project "Jack Desktop" -o $(LOCALES)/jack.pot tenant_store jack_desktop
	$(BIN)/pybabel update --no-fuzzy-matching -i $(LOCALES)/jack.pot -d $(LOCALES) -D jack
	$(BIN)/pybabel compile --use-fuzzy -d $(LOCALES) -D jack
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $$(find ui -name '*.py' | sort) \
		-ts $(QT_TS)
	$(BIN)/pyside6-lrelease $(QT_TS) -qm $(QT_TS:.ts=.qm)
