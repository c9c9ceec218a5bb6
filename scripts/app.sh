#!/usr/bin/env bash
# Launch the reader: bash scripts/app.sh [FOLDER] [options]   (installs what it needs on first run)
EXTRAS=""
source "$(dirname "$0")/env.sh"
# Qt's X11 plugin needs system libraries a pip install cannot bring: name (and install) them
.venv/bin/python scripts/qt_check.py "$@"
exec .venv/bin/python main.py "$@"
