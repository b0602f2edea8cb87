# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

LOCK := requirements/lock.txt

.PHONY: run test lint format install install-test browser postgres lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

# Everything from the lock (hashes checked, pip and setuptools included), then our own package
# alone: nothing is resolved at install time. `make lock` rewrites the lock.
$(STAMP): $(LOCK) pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/lll demo

# Debian's Chromium for the browser tests; skipped where it is already installed.
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

# PostgreSQL's server binaries: the tests run each catalogue test on a throwaway cluster of
# their own too (tests/postgres_support.py). Debian's package, where no initdb is found.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends postgresql >/dev/null)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python scripts/audit.py $(LOCK)

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# LLL_REQUIRE_POSTGRES: a missing PostgreSQL fails the tests instead of skipping its half.
# The suite in TEST_WORKERS processes (pytest-xdist); a test file stays in one process, for its
# module fixtures and its tests that count across the file. TEST_WORKERS=0: one process.
TEST_WORKERS ?= 2
test: install browser postgres lint
	LLL_REQUIRE_POSTGRES=1 $(BIN)/pytest -q -n $(TEST_WORKERS) --dist loadfile

# The lock (requirements/lock.txt: pyproject.toml with the postgres and test extras, plus
# requirements/build.in and tools.in) and the image's subset (requirements/production.txt).
# Keeps the pinned versions; `make lock UPGRADE=1` moves every pin to the newest release.
LOCK_FLAGS := --quiet --generate-hashes --python-version 3.11.5 --python-platform linux --no-header
lock: install
	$(BIN)/uv pip compile pyproject.toml requirements/build.in requirements/tools.in \
		--extra postgres --extra test $(LOCK_FLAGS) $(if $(UPGRADE),--upgrade) -o $(LOCK)
	$(BIN)/uv pip compile pyproject.toml requirements/build.in --extra postgres -c $(LOCK) \
		$(LOCK_FLAGS) -o requirements/production.txt
	for lock in $(LOCK) requirements/production.txt; do \
		cat requirements/header.txt $$lock > $$lock.new && mv $$lock.new $$lock; done
	# pip-audit asks for CacheControl[filecache]: under --require-hashes pip matches a
	# requirement with extras only to a pin that names them, else it looks past the pin (and
	# fails once a newer CacheControl is out).
	sed -i 's/^cachecontrol==/cachecontrol[filecache]==/' $(LOCK)

clean:
	rm -rf $(VENV) var
