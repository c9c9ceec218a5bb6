"""The core must not import Qt (docs/ARCHITECTURE.md): it is tested and scripted without a display."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import reader

CHECK = """
import builtins, importlib, sys
real_import = builtins.__import__
def guarded(name, *a, **k):
    if name.split('.')[0] in ('PySide6', 'shiboken6'):
        raise ImportError('core module imported Qt: ' + name)
    return real_import(name, *a, **k)
builtins.__import__ = guarded
for mod in sys.argv[1:]:
    importlib.import_module(mod)
print('ok')
"""


def core_modules() -> list[str]:
    mods = []
    for info in pkgutil.walk_packages(reader.__path__, "reader."):
        if info.name.startswith("reader.ui"):
            continue
        mods.append(info.name)
    return mods


def test_core_imports_without_qt() -> None:
    mods = core_modules()
    assert "reader.model" in mods
    out = subprocess.run(
        [sys.executable, "-c", CHECK, *mods], capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
