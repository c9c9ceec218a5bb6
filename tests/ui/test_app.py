"""The app's entry point: which folder opens, and --screenshot end to end in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.ui.window.app import SEEDS, choose_folder

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("requested", "last", "expected"),
    [
        ("/some/folder", "", Path("/some/folder")),
        (None, "", SEEDS),
        (None, "/definitely/not/here", SEEDS),
    ],
)
def test_choose_folder(requested, last, expected) -> None:
    assert choose_folder(requested, last) == expected


def test_choose_folder_prefers_the_last_folder(tmp_path: Path) -> None:
    assert choose_folder(None, str(tmp_path)) == tmp_path


def test_screenshot_of_the_seeds(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    out = tmp_path / "shot.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the app must choose offscreen by itself
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var.lower())
    done = subprocess.run(
        [sys.executable, "main.py", "seeds", "--screenshot", str(out), "--size", "1000x700"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)


def test_screenshot_of_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    env = dict(os.environ)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var.lower())
    done = subprocess.run(
        [
            sys.executable,
            "main.py",
            str(tmp_path / "nope"),
            "--screenshot",
            str(tmp_path / "x.png"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "nope: not a folder" in done.stderr
