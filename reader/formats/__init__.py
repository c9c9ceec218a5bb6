"""Turn article files into ``Article`` records: every layout, every encoding, nothing lost.

Public API (the library and the UI build on these names):

- ``parse_file(path, root) -> ParseResult``: one file, any layout; never raises on bad content.
- ``scan_folder(root) -> (paths, problems)``: the article-like files under a folder, sorted.
- ``read_folder(root, ...) -> FolderResult``: scan and parse a whole folder (in parallel when it
  pays), with progress, cancellation and batches of articles as they are parsed.
- ``FolderError`` (an ``OSError``): raised by both when the folder itself cannot be read.

A file that cannot be read becomes a ``LoadProblem`` (``path: reason``), never an exception and
never a silently empty article.
"""

from __future__ import annotations

from reader.formats.file_bytes import MAX_FILE_BYTES
from reader.formats.folder import FolderResult, read_folder
from reader.formats.parse import ParseResult, parse_file
from reader.formats.scan import FolderError, scan_folder

__all__ = [
    "MAX_FILE_BYTES",
    "FolderError",
    "FolderResult",
    "ParseResult",
    "parse_file",
    "read_folder",
    "scan_folder",
]
