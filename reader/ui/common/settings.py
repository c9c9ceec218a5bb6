"""Everything the app remembers between runs, declared once with its default.

A small typed wrapper over QSettings: the rest of the UI reads ``settings.zoom``, never a string
key, so a typo cannot silently create a second setting. Values are validated on the way in,
because a hand-edited or older settings file must not crash the app.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings

from reader.index.types import SortKey
from reader.ui.common.i18n import LANGUAGES, system_language
from reader.ui.common.theme import THEMES

ORGANISATION = "arabic-news-reader"
APPLICATION = "reader"
MAX_RECENT = 8
ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 50, 300, 10


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings or QSettings(ORGANISATION, APPLICATION)

    def _str(self, key: str, default: str) -> str:
        value = self._q.value(key, default)
        return value if isinstance(value, str) else default

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._q.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    # ---- look
    @property
    def theme(self) -> str:
        value = self._str("view/theme", "light")
        return value if value in THEMES else "light"

    @theme.setter
    def theme(self, value: str) -> None:
        self._q.setValue("view/theme", value if value in THEMES else "light")

    @property
    def language(self) -> str:
        value = self._str("view/language", "")
        return value if value in LANGUAGES else system_language()

    @language.setter
    def language(self, value: str) -> None:
        self._q.setValue("view/language", value if value in LANGUAGES else "en")

    @property
    def zoom(self) -> int:
        try:
            value = int(self._q.value("view/zoom", 100))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return 100
        return min(ZOOM_MAX, max(ZOOM_MIN, value))

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._q.setValue("view/zoom", min(ZOOM_MAX, max(ZOOM_MIN, int(value))))

    # ---- folders
    @property
    def last_folder(self) -> str:
        return _restored(self._str("folders/last", ""))

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._q.setValue("folders/last", _stored(value))

    @property
    def recent_folders(self) -> list[str]:
        value = self._q.value("folders/recent", [])
        if isinstance(value, str):  # QSettings returns a one-item list as a plain string
            value = [value]
        if not isinstance(value, list):
            return []
        return [_restored(v) for v in value if isinstance(v, str) and v][:MAX_RECENT]

    def add_recent_folder(self, folder: str) -> None:
        recent = [folder, *(f for f in self.recent_folders if f != folder)][:MAX_RECENT]
        self._q.setValue("folders/recent", [_stored(f) for f in recent])
        self.last_folder = folder

    def clear_recent_folders(self) -> None:
        self._q.setValue("folders/recent", [])

    # ---- window layout
    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._q.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._q.setValue("window/state", value)

    @property
    def splitter_state(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self._q.setValue("window/splitter", value)

    @property
    def sort_key(self) -> SortKey:
        try:
            return SortKey(self._str("list/sort", SortKey.NEWEST.value))
        except ValueError:
            return SortKey.NEWEST  # a name no version wrote: the default order

    @sort_key.setter
    def sort_key(self, value: SortKey) -> None:
        self._q.setValue("list/sort", value.stored)

    @property
    def last_export_dir(self) -> str:
        return self._str("folders/last_export", "")

    @last_export_dir.setter
    def last_export_dir(self, value: str) -> None:
        self._q.setValue("folders/last_export", value)

    @property
    def extras_collapsed(self) -> bool:
        """The reading pane's entity panel folded to its heading."""
        return self._str("window/extras_collapsed", "false") == "true"

    @extras_collapsed.setter
    def extras_collapsed(self, value: bool) -> None:
        self._q.setValue("window/extras_collapsed", "true" if value else "false")

    @property
    def extras_height(self) -> int:
        """The height the user gave the entity panel by dragging (0: fitted to its content)."""
        try:
            value = int(self._q.value("window/extras_height", 0))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return 0
        return max(0, value)

    @extras_height.setter
    def extras_height(self, value: int) -> None:
        self._q.setValue("window/extras_height", max(0, int(value)))

    def sync(self) -> None:
        self._q.sync()


# A folder whose name is not valid UTF-8 reaches Python with lone surrogates, which Qt's strings
# cannot hold: such a path is kept as the hex of its bytes, so Open Recent opens that folder.
_BYTES_PREFIX = "fsbytes:"


def _stored(path: str) -> str:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return _BYTES_PREFIX + os.fsencode(path).hex()
    return path


def _restored(text: str) -> str:
    if text.startswith(_BYTES_PREFIX):
        try:
            return os.fsdecode(bytes.fromhex(text[len(_BYTES_PREFIX) :]))
        except ValueError:
            return ""
    return text
