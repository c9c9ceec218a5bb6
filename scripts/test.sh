#!/usr/bin/env bash
# The whole test suite: lint, format check, then pytest.   (installs what it needs on first run)
EXTRAS="dev"
source "$(dirname "$0")/env.sh"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
exec .venv/bin/python -m pytest "$@"
