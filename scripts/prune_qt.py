"""Remove the parts of PySide6 the reader never loads: QML and Qt Quick, Designer, Help, the
Wayland compositor, Lottie, their plugins, the developer tools and build metadata.

PySide6-Essentials is the smallest Qt wheel, yet two fifths of it is QML and tooling; without
them the app's whole environment fits in well under 300 MB. Nothing the app imports links to a
removed library (this script refuses to finish if something left behind would), and re-running
it is harmless. Standard library only.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

# Qt libraries (by name prefix) and Python modules no part of the reader or its tests uses
LIBRARIES = (
    "libQt6Qml",
    "libQt6Quick",
    "libQt6Labs",
    "libQt6Lottie",
    "libQt6Designer",
    "libQt6Help",
    "libQt6UiTools",
    "libQt6WaylandCompositor",
    "libQt6WaylandEglCompositor",
    "libQt6WlShellIntegration",
    "libpyside6qml",
)
MODULES = (
    "QtQml",
    "QtQuick",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtDesigner",
    "QtHelp",
    "QtUiTools",
)
FOLDERS = (
    "Qt/qml",
    "Qt/metatypes",
    "Qt/plugins/designer",
    "Qt/plugins/qmllint",
    "Qt/plugins/qmltooling",
    "Qt/plugins/wayland-graphics-integration-server",
    "include",
    "typesystems",
    "glue",
    "doc",
)
TOOLS = (
    "assistant",
    "designer",
    "linguist",
    "lrelease",
    "lupdate",
    "qmlformat",
    "qmllint",
    "qmlls",
    "svgtoqml",
)
# plugins of a kept kind that load the removed libraries (the virtual keyboard is QML)
PLUGINS = (
    "platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "vectorimageformats/libqlottievectorimage.so",
    "wayland-shell-integration/libwl-shell-plugin.so",
)
# translations the app can use: Qt's own strings in the two interface languages
KEEP_TRANSLATIONS = ("qtbase_ar.qm", "qtbase_en.qm", "qt_ar.qm", "qt_en.qm")


def pyside_dir() -> Path | None:
    try:
        import PySide6
    except ImportError:
        return None
    return Path(PySide6.__file__).parent


def doomed(root: Path) -> list[Path]:
    """What to remove. The kept modules' type stubs stay: the test command's mypy reads them."""
    found: list[Path] = []
    lib = root / "Qt" / "lib"
    if lib.is_dir():
        found += [p for p in lib.iterdir() if p.name.startswith(LIBRARIES)]
    found += [p for p in root.iterdir() if p.name.startswith(LIBRARIES)]
    for module in MODULES:
        found += [p for p in root.glob(f"{module}.*") if p.suffix in {".so", ".pyi"}]
    found += [root / name for name in (*FOLDERS, *TOOLS) if (root / name).exists()]
    plugins = root / "Qt" / "plugins"
    found += [plugins / name for name in PLUGINS if (plugins / name).exists()]
    translations = root / "Qt" / "translations"
    if translations.is_dir():
        found += [p for p in translations.iterdir() if p.name not in KEEP_TRANSLATIONS]
    return found


def main() -> int:
    root = pyside_dir()
    if root is None:
        return 0
    targets = doomed(root)
    if not targets:
        return 0
    removed = {p.name for p in targets if ".so" in p.name}
    folders = [p for p in targets if p.is_dir()]
    keep = [
        p
        for p in root.rglob("*.so*")
        if p not in targets and not any(p.is_relative_to(folder) for folder in folders)
    ]
    # check before deleting: a library still needed by a kept one stays, and so does the set
    broken = still_needed_among(root, keep, removed)
    if broken:
        print("prune_qt: nothing removed; still needed: " + "; ".join(broken), file=sys.stderr)
        return 0
    for path in targets:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return 0


def still_needed_among(root: Path, keep: list[Path], removed: set[str]) -> list[str]:
    if not shutil.which("ldd"):
        return []
    broken: list[str] = []
    for so in keep:
        if not so.is_file():
            continue
        result = subprocess.run(
            ["ldd", str(so)], capture_output=True, text=True, check=False, errors="replace"
        )
        needs = {line.split(" => ")[0].strip() for line in result.stdout.splitlines()}
        if needs & removed:
            broken.append(f"{so.relative_to(root)} needs {', '.join(sorted(needs & removed))}")
    return broken


if __name__ == "__main__":
    sys.exit(main())
