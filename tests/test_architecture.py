"""The core must not import Qt (docs/ARCHITECTURE.md): it is tested and scripted without a display."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import pytest

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


def test_every_top_level_module_has_a_layer() -> None:
    """The layer contract (pyproject.toml, checked by lint-imports) constrains only the modules it
    names: a new module of ``reader`` must be given its place there."""
    import tomllib
    from pathlib import Path

    config = tomllib.loads((Path(reader.__file__).parent.parent / "pyproject.toml").read_text())
    layers = next(
        c["layers"] for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"
    )
    named = {name.strip() for layer in layers for name in layer.replace(":", "|").split("|")}
    modules = {f"reader.{info.name}" for info in pkgutil.iter_modules(reader.__path__)}
    assert modules - named == set()


@pytest.mark.parametrize("package", ["reader.library", "reader.storage", "reader.ui"])
def test_every_module_of_a_layered_package_has_a_layer(package: str) -> None:
    """The packages whose stages have a contract of their own: a new module there must be given
    its step in that contract too, or nothing checks which way its imports run."""
    import tomllib
    from pathlib import Path

    config = tomllib.loads((Path(reader.__file__).parent.parent / "pyproject.toml").read_text())
    layers = next(
        c["layers"]
        for c in config["tool"]["importlinter"]["contracts"]
        if c["type"] == "layers" and c.get("containers") == [package]
    )
    named = {name.strip() for layer in layers for name in layer.split("|")}
    modules = {
        info.name for info in pkgutil.iter_modules(importlib.import_module(package).__path__)
    }
    assert modules - named == set()
