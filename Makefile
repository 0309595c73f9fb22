# Two commands for a newcomer: `make demo` and `make test`. Both set up what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Where the demo serves: load_demo prints its addresses and mails links under it.
DEMO_URL ?= http://$(HOST):$(PORT)

.PHONY: demo test lint bench bench-packages messages catalogues system-packages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The interface languages besides English; their catalogues live in locale/.
LANGUAGES := it ru zh_Hant

# Refresh the catalogues from the source: new strings appear untranslated (or fuzzy,
# when close to an old one) for translators; tests/cms/test_interface_strings.py
# fails until every one is translated. Then `make messages` compiles them.
catalogues: $(STAMP) system-packages
	$(BIN)/python manage.py makemessages $(addprefix -l ,$(LANGUAGES)) \
		--no-obsolete --no-location --ignore ".venv/*" --ignore "tests/*" \
		--ignore "bench/*" --ignore "examples/*" -v0

messages: $(STAMP) system-packages
	@if ls locale/*/LC_MESSAGES/*.po >/dev/null 2>&1; then $(BIN)/python manage.py compilemessages -v0 --ignore ".venv/*"; fi

demo: $(STAMP) messages
	$(BIN)/python manage.py migrate --no-input
	WAGTAILADMIN_BASE_URL=$(DEMO_URL) $(BIN)/python manage.py load_demo
	WAGTAILADMIN_BASE_URL=$(DEMO_URL) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The whole suite, then the core suite again with the plugins taken out of INSTALLED_APPS.
test: $(STAMP) messages
	$(BIN)/pytest -n 2 --create-db
	$(BIN)/pytest -n 2 --create-db \
		--ds=cms.settings.core -m "not browser" tests/cms tests/caseblocks

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

# Debian packages: gettext compiles the catalogues; Chromium runs the Playwright tests
# (Playwright cannot download its own browsers on these machines); DejaVu Sans and
# WenQuanYi Micro Hei are the fonts embedded in letters (caseblocks/letters).
system-packages:
	@missing=""; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing="$$missing fonts-wqy-microhei"; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

# Each benchmark prints ratios against a baseline measured in the same run.
bench: $(STAMP) bench-packages
	$(BIN)/python -m bench                     # delivery API vs Wagtail API v2 vs a bare view
	$(BIN)/python -m bench.publishing          # hit rate while publishing: tags vs one generation
	$(BIN)/python -m bench.search_bench        # documents vs modelsearch; publish on vs off
	$(BIN)/python -m bench.submissions_bench   # action submissions vs a bare view (PostgreSQL)
	$(BIN)/python -m bench.letters_bench       # a cached letter vs a cached detail; first letters
	$(BIN)/python -m bench.lifecycle_bench     # publish with every content subscriber vs none
	$(BIN)/python -m bench.scaling             # 1x, 4x, 16x the workers in clients (PostgreSQL, wrk)

# wrk, from Debian's packages, drives the scaling benchmark.
bench-packages:
	@command -v wrk >/dev/null 2>&1 || { \
		echo "Installing Debian packages: wrk"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

clean:
	rm -rf $(VENV) db.sqlite3 .test-media test-artifacts
