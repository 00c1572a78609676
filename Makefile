# The two commands: `make demo` and `make test`. Each sets itself up on a fresh machine that
# has only Python 3.11+ and pip: it installs uv if missing, then the locked environment.
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
RUN := $(UV) run --frozen --no-sync
export UV_PYTHON_DOWNLOADS := never

.PHONY: demo test setup bench clean

demo: setup
	$(RUN) articlewatch backfill seeds/
	$(RUN) articlewatch changes

test: setup
	$(RUN) pytest

setup: .venv/.articlewatch-synced

.venv/.articlewatch-synced: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen
	@touch $@

bench: setup  # slow (the near-duplicate scale run builds a 100,000-article warehouse)
	$(RUN) python -m bench.positions
	$(RUN) python -m bench.watch
	$(RUN) python -m bench.neardup

clean:
	rm -rf .venv .pytest_cache warehouse/*.duckdb warehouse/*.duckdb.wal
