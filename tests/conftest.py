"""Test setup shared by every test module.

Qt renders offscreen here so the suite runs on machines without a display (CI, SSH sessions);
it is set before anything can import Qt.
"""

from __future__ import annotations

import os
import tarfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# keep QSettings and the user's data/cache directories of the tests away from the real ones
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point the XDG data, cache and config directories at a fresh temporary folder per test."""
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    yield


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def jawhara_dir(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Jawhara FM corpus (10,161 TREC files) unpacked once for every corpus test."""
    archive = shared_dir / "corpus" / "ant-jawharafm-2017.tar.xz"
    if not archive.is_file():
        pytest.skip(f"{archive} is not present")
    into = tmp_path_factory.mktemp("jawhara")
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / "ant_v11"
