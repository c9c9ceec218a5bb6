#!/usr/bin/env bash
# The whole test suite: lint, format check, layer contract, type check, then pytest.   (installs what it needs on first run)
EXTRAS="dev"
source "$(dirname "$0")/env.sh"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/lint-imports
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
