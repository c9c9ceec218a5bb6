# Sourced by the other scripts: make .venv hold what pyproject.toml asks for.
# Set EXTRAS before sourcing ("" for the app alone, "dev" for the tests). Reinstalls only when
# pyproject.toml changed since the last install of those extras, so repeated runs are fast.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=${PYTHON:-python3}
EXTRAS=${EXTRAS:-}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Python 3.11 or newer is needed (found: $("$PY" -V 2>&1))." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
key=$(sha256sum pyproject.toml | cut -c1-16)
stamp=.venv/.installed-${EXTRAS:-app}-$key
# the test extras hold everything the app needs, so their stamp serves the app too
if [ ! -f "$stamp" ] && { [ -n "$EXTRAS" ] || [ ! -f ".venv/.installed-dev-$key" ]; }; then
  echo "Installing what the ${EXTRAS:-app} needs into .venv (first run only)..." >&2
  # Only the dependencies are installed: main.py runs the package from this folder, so there is
  # nothing to build (and no build-backend warnings on the way).
  .venv/bin/python scripts/requirements.py $EXTRAS > .venv/requirements.txt
  # no byte-compiling of every installed module: Python compiles what the app imports
  .venv/bin/python -m pip install --quiet --quiet --disable-pip-version-check --no-compile \
    -r .venv/requirements.txt
  # Qt's QML, Quick, Designer and tools are two fifths of PySide6 and never loaded here
  .venv/bin/python scripts/prune_qt.py
  rm -f .venv/.installed-${EXTRAS:-app}-*
  touch "$stamp"
fi
