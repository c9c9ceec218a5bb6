"""Where File › Export suggests saving, and the file name it writes (as Zotero and Calibre do).

The dialog opens in the folder of the last export, else the user's documents (else home), with a
name made of the open folder's name and today's date; a name typed without an extension gets the
one of the chosen format, so "result" becomes "result.jsonl" and opens in the tool that reads it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths

FORMATS = {"jsonl": "JSON Lines (*.jsonl)", "csv": "CSV (*.csv)"}


def start_folder(last_export_dir: str) -> Path:
    """The last export's folder while it exists, else the documents folder, else home."""
    if last_export_dir and Path(last_export_dir).is_dir():
        return Path(last_export_dir)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def suggested_path(
    folder: Path | None, last_export_dir: str, fmt: str = "jsonl", today: dt.date | None = None
) -> Path:
    """ "<folder name>-YYYY-MM-DD.jsonl" in ``start_folder``."""
    day = (today or dt.date.today()).isoformat()
    stem = f"{folder.name}-{day}" if folder is not None and folder.name else f"export-{day}"
    return start_folder(last_export_dir) / f"{stem}.{fmt}"


def chosen_file(path: str, chosen_filter: str) -> tuple[Path, str]:
    """The file to write and its format: from the extension typed, else from the filter chosen
    (whose extension is then added)."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix in (".jsonl", ".csv"):
        return target, suffix[1:]
    fmt = "csv" if chosen_filter == FORMATS["csv"] else "jsonl"
    return target.with_name(f"{target.name}.{fmt}"), fmt
