"""A folder's user state as one JSON file, to move a case to another machine (issue 18).

The case file holds the read and starred marks, own tags, notes and saved searches, and not the
folder's path (it differs on the other machine). Its bytes are fixed by its content: keys sorted,
two-space indent, UTF-8 with Arabic as itself, a final newline; so exporting a state, importing it
anywhere and exporting again gives the same bytes. Reading one uses the state file's own checks
(a regular file of a sane size, valid JSON of the expected shape) and changes nothing on failure.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from reader.storage.state import UserState
from reader.storage.state_file import read_state_bytes

KIND = "arabic-news-reader case file"


def case_bytes(state: UserState) -> bytes:
    """The case file of a state."""
    # the folder's path and where its window was scrolled belong to this machine
    payload = {k: v for k, v in state.to_json().items() if k not in ("folder", "view")}
    payload["kind"] = KIND
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    # a lone surrogate (an id from a file name that is not UTF-8) as its JSON escape
    return text.encode("utf-8", "backslashreplace")


def export_case(state: UserState, path: Path) -> None:
    """Write the case file atomically (a temporary file moved over ``path``)."""
    data = case_bytes(state)
    fd, tmp = tempfile.mkstemp(prefix=".case-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class CaseFileError(Exception):
    """A case file that cannot be imported; the message is ``path: reason``."""


def import_case(state: UserState, path: Path) -> None:
    """Replace the state's marks, tags, notes and searches with a case file's (then save the
    state as usual). Raises ``CaseFileError`` and leaves the state as it was when it cannot."""
    try:
        data = read_state_bytes(path)
        value = json.loads(data.decode("utf-8"))
        if not isinstance(value, dict) or value.get("kind") != KIND:
            raise ValueError("not a case file of this reader")
        state.replace_with(data)
    except OSError as err:
        raise CaseFileError(f"{path}: {err.strerror or err}") from err
    except UnicodeDecodeError as err:
        raise CaseFileError(f"{path}: not UTF-8") from err
    except RecursionError as err:
        raise CaseFileError(f"{path}: JSON nested too deeply") from err
    except (ValueError, KeyError, TypeError) as err:
        raise CaseFileError(f"{path}: {err}") from err
