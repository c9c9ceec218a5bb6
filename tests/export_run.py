"""``main.py export`` run as a user runs it, in a process of its own, for the tests that check
what the command writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_export(*args: str) -> subprocess.CompletedProcess[bytes]:
    """``main.py export ARGS``: its exit code, stdout and stderr as bytes."""
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "export", *args],
        capture_output=True,
        check=False,
        timeout=120,
    )


def export_records(folder: Path, *args: str) -> tuple[list[dict], list[str]]:
    """The JSON Lines records of ``main.py export FOLDER --no-entities ARGS`` and its stderr
    lines; the command must succeed."""
    done = run_export(str(folder), "--no-entities", *args)
    assert done.returncode == 0, done.stderr.decode()
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    return records, done.stderr.decode("utf-8").splitlines()
