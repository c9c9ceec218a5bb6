"""Start the desktop app (``python main.py [FOLDER]``) or render it to a PNG (``--screenshot``)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.ui.common.settings import Settings
    from reader.ui.window.main_window import MainWindow

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
DEFAULT_SIZE = (1400, 900)


def _needs_offscreen() -> bool:
    return not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ) and sys.platform.startswith("linux")


def choose_folder(requested: str | None, last_folder: str) -> Path:
    """The command-line folder, else the last folder opened, else the bundled samples."""
    if requested:
        return Path(requested).expanduser()
    if last_folder and Path(last_folder).is_dir():
        return Path(last_folder)
    return SEEDS


def run_app(args: argparse.Namespace) -> int:
    screenshot = getattr(args, "screenshot", None)
    if screenshot and _needs_offscreen():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from reader.ui.common.appearance import apply_ui_font, load_fonts
    from reader.ui.common.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Arabic News Reader")
    load_fonts()
    apply_ui_font(app)
    settings = Settings()
    folder = choose_folder(getattr(args, "folder", None), settings.last_folder)
    if not folder.is_dir():
        print(f"{folder}: not a folder", file=sys.stderr)
        if screenshot:
            return 2
    if screenshot:
        # a screenshot in another look does not change what the user chose in the View menu
        kept = (settings.theme, settings.language)
        window = start_window(settings, folder, args, open_now=False)
        try:
            return _screenshot(app, window, folder, args)
        finally:
            settings.theme, settings.language = kept
    start_window(settings, folder, args)
    return app.exec()


def start_window(
    settings: Settings, folder: Path, args: argparse.Namespace, *, open_now: bool = True
) -> MainWindow:
    """The window, shown, with ``folder`` opening; a folder that does not exist is said in the
    window (the user can open another from there) rather than ending the app."""
    from reader.ui.window.main_window import MainWindow

    window = MainWindow(settings, use_cache=not getattr(args, "no_cache", False))
    theme, language = getattr(args, "theme", None), getattr(args, "language", None)
    if theme:
        window.set_theme(theme)
    if language:
        window.set_language(language)
    screenshot = getattr(args, "screenshot", None)
    size = getattr(args, "size", None) or (DEFAULT_SIZE if screenshot else None)
    if size:
        window.resize(*size)
    elif settings.geometry is None:
        window.resize(*DEFAULT_SIZE)
    window.show()
    if not open_now:
        return window
    if folder.is_dir():
        window.open_folder(folder)
    else:
        window.show_missing_folder(folder)
    return window


def _screenshot(app: object, window: object, folder: Path, args: argparse.Namespace) -> int:
    """Load fully (entities included), apply --query/--select, grab the window, exit."""
    from PySide6.QtCore import QEventLoop

    from reader.ui.window.main_window import MainWindow

    assert isinstance(window, MainWindow)
    loop = QEventLoop()
    window.loader.idle.connect(loop.quit)
    window.open_folder(folder)
    if window.loader.busy:
        loop.exec()
    for problem in window.library.problems if window.library else ():
        print(problem, file=sys.stderr)
    query = getattr(args, "query", None)
    if query:
        window.search_bar.box.setText(query)
        window.results.set_query(query)
    select = getattr(args, "select", None)
    if select is not None:
        window.select_row(max(0, select - 1))
    app.processEvents()  # type: ignore[attr-defined]
    pixmap = window.grab()
    ok = pixmap.save(str(args.screenshot))
    window.loader.shutdown()
    window.session.save_state()
    if not ok:
        print(f"{args.screenshot}: could not write the PNG", file=sys.stderr)
        return 1
    return 0
