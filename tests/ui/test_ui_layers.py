"""The window's sub-packages have a layer contract of their own (pyproject.toml, lint-imports)."""

from __future__ import annotations

import pkgutil
import tomllib
from pathlib import Path

import reader
import reader.ui


def test_every_ui_sub_package_has_a_layer() -> None:
    """A new sub-package of ``reader.ui`` must be given its place in the contract, or nothing
    checks which way its imports run."""
    config = tomllib.loads((Path(reader.__file__).parent.parent / "pyproject.toml").read_text())
    layers = next(
        c["layers"]
        for c in config["tool"]["importlinter"]["contracts"]
        if c["type"] == "layers" and c.get("containers") == ["reader.ui"]
    )
    named = {name.strip() for layer in layers for name in layer.split("|")}
    packages = {info.name for info in pkgutil.iter_modules(reader.ui.__path__) if info.ispkg}
    assert packages == named
