# The one entry point for people and CI. Needs only Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint fmt messages wheel-check bench

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/samling demo

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/samling makemigrations --check --dry-run
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Extract new strings into the four catalogues and compile them (needs GNU gettext).
messages: $(STAMP)
	cd samling && ../$(BIN)/samling makemessages --no-obsolete --no-location -l da -l sv -l nb -l en --ignore 'programme/importer/*' --ignore 'groups/allocator/*'
	cd samling && ../$(BIN)/samling compilemessages

# Build the wheel, install it in a fresh venv and run the command from it.
wheel-check: $(STAMP)
	rm -rf build dist /tmp/samling-wheel-venv
	$(BIN)/python -m pip wheel --quiet --no-deps -w dist .
	$(PYTHON) -m venv /tmp/samling-wheel-venv
	/tmp/samling-wheel-venv/bin/pip install --quiet dist/samling-*.whl
	/tmp/samling-wheel-venv/bin/samling --help > /dev/null
	/tmp/samling-wheel-venv/bin/python -c "import samling, pathlib; p = pathlib.Path(samling.__file__).parent; assert (p / 'locale/da/LC_MESSAGES/django.mo').exists(); assert (p / 'templates/public/event.html').exists()"
	echo "wheel ok"

bench: $(STAMP)
	for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script; done
