#!/usr/bin/env bash
# Launch the reader: bash scripts/app.sh [FOLDER] [options]   (installs what it needs on first run)
source "$(dirname "$0")/env.sh"
exec .venv/bin/python main.py "$@"
