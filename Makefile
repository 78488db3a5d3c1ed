# Réseau National des Budgets Participatifs — developer commands. `make help` lists them.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PORT ?= 8000
UV_VERSION := 0.13.9
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
PYTHON := .venv/bin/python
MANAGE := $(PYTHON) manage.py
BENCH_N ?= 1000,10000

.PHONY: help install run demo test test-browser browser-deps lint format check messages messages-check deploy-check referential bench bench-deps loadtest backup restore

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet "uv==$(UV_VERSION)"

install: $(if $(findstring .tools,$(UV)),.tools/bin/uv) ## Install Python dependencies from uv.lock into .venv
	$(UV) sync --frozen --quiet

run: install ## Set up the SQLite database with the demo content and serve on http://127.0.0.1:$(PORT)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	@echo ""
	@echo "  Site:   http://127.0.0.1:$(PORT)/  (English: http://127.0.0.1:$(PORT)/en/)"
	@echo "  Admin:  http://127.0.0.1:$(PORT)/admin/  (demo logins above)"
	@echo ""
	$(MANAGE) runserver 127.0.0.1:$(PORT)

demo: install ## Load the demo content into the configured database (idempotent)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content

test: install ## Run the test suite (on PostgreSQL when DATABASE_URL is set, else SQLite)
	$(UV) run --frozen pytest -m "not browser"

browser-deps: install ## Install Chromium (Debian), axe-core and the Nu HTML checker (npm)
	@command -v chromium >/dev/null && command -v java >/dev/null || \
		(apt-get update -qq && apt-get install -y -qq chromium chromium-driver default-jre-headless)
	npm ci --no-audit --no-fund --silent

test-browser: browser-deps ## Check every demo page in Chromium with axe-core, and with the Nu HTML checker
	$(UV) run --frozen pytest -m browser

lint: install ## Check code style (ruff)
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .

format: install ## Format the code (ruff)
	$(UV) run --frozen ruff check --fix .
	$(UV) run --frozen ruff format .

check: install ## Django system checks and missing migrations
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

deploy-check: install ## Production settings pass `check --deploy` without a warning
	DJANGO_SETTINGS_MODULE=cms.settings.production SECRET_KEY=deploy-check-$$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))') \
		ALLOWED_HOSTS=example.org $(MANAGE) check --deploy --fail-level WARNING

bench: install bench-deps ## Benchmark on PostgreSQL: seed BENCH_N practice sheets (1000,10000), measure pages under gunicorn
	BENCH_N=$(BENCH_N) $(PYTHON) -m bench.run

bench-deps: ## Install wrk (Debian), the HTTP client of the benchmark's throughput runs
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)

backup: install ## Back up the PostgreSQL database and MEDIA_ROOT into backups/<date-time>/ (dump, archive, SHA-256 manifest)
	$(MANAGE) backup --output $(or $(BACKUP_DIR),backups)

restore: install ## Restore BACKUP=backups/<date-time> into an empty database and an empty MEDIA_ROOT
	@test -n "$(BACKUP)" || (echo "Usage: make restore BACKUP=backups/<date-time>" && exit 2)
	$(MANAGE) restore "$(BACKUP)"

loadtest: install ## Load test on 127.0.0.1: 32 visitors for 60 s, gunicorn on PostgreSQL (rnbp_loadtest, demo content); fails on any error
	$(PYTHON) -m bench.loadtest

referential: install ## Rebuild the reference data of French authorities from the npm package (Etalab)
	npm ci --no-audit --no-fund --silent
	$(MANAGE) build_referential

# The creation date is dropped so that an unchanged catalogue compiles to the same bytes.
messages: install ## Update the message files (French source strings, English catalogue) and compile them
	$(MANAGE) makemessages --locale en --no-obsolete --ignore ".venv/*" --ignore ".tools/*" --ignore "node_modules/*"
	sed -i '/^"POT-Creation-Date/d' locale/en/LC_MESSAGES/django.po
	$(MANAGE) compilemessages --locale en --ignore ".venv/*" --ignore ".tools/*"

messages-check: messages ## Fail when the message files are not up to date
	git diff --exit-code -- locale/
