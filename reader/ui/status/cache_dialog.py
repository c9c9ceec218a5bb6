"""The disk cache in the window: File › Clear Cache… and the status-bar note when the cache had trouble.

The cache (``reader.storage.cache``) only makes reopening a folder fast; when it is damaged, from another
version, read-only or full, the folder is still read correctly from its files and the core leaves an
English note in ``Library.notes``. The window shows each note as a short sentence in the interface
language, with the note itself in the tooltip, so the user knows why this open was slow and that
nothing is wrong with the articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from reader.printable import printable
from reader.storage.cache import cache_size, clear_cache
from reader.ui.background.worker import Task
from reader.ui.common.i18n import add_arabic, t
from reader.ui.common.plain import make_plain, tooltip_text

add_arabic(
    {
        "Clear Cache": "مسح ذاكرة التخزين المؤقت",
        "Cancel": "إلغاء",
        "OK": "حسناً",
        "… and {n:,} more": "… و{n:,} غيرها",
        "The cache is empty; there is nothing to clear.": "ذاكرة التخزين المؤقت فارغة؛ لا شيء لمسحه.",
        "The cache takes {size} on disk.": "تشغل ذاكرة التخزين المؤقت {size} على القرص.",
        "It holds the articles, entities and index of the folders you opened, so that they open "
        "again in seconds. After clearing it, the next time a folder is opened every file is read "
        "again, which takes longer. The folder open now stays open.": (
            "تحفظ المقالات والكيانات والفهرس للمجلدات التي فتحتها كي تُفتح من جديد في ثوانٍ. "
            "بعد مسحها تُقرأ كل الملفات من جديد عند فتح أي مجلد في المرة القادمة، وهذا يستغرق "
            "وقتاً أطول. يبقى المجلد المفتوح الآن مفتوحاً."
        ),
        "Cache cleared: {size} freed": "مُسحت ذاكرة التخزين المؤقت: تحرّر {size}",
        "Part of the cache could not be deleted ({size} freed).": (
            "تعذّر حذف جزء من ذاكرة التخزين المؤقت (تحرّر {size})."
        ),
        "The cache could not be cleared.": "تعذّر مسح ذاكرة التخزين المؤقت.",
        "{n} bytes": "{n} بايت",
        "{n} KB": "{n} ك.ب",
        "{n} MB": "{n} م.ب",
        "{n} GB": "{n} غ.ب",
        "{n} TB": "{n} ت.ب",
        "Cache from another version: rebuilt": "ذاكرة مؤقتة من إصدار آخر: أُعيد بناؤها",
        "Damaged cache: rebuilt": "ذاكرة مؤقتة تالفة: أُعيد بناؤها",
        "Cache from another version: not used": "ذاكرة مؤقتة من إصدار آخر: لم تُستخدم",
        "Cache unusable: every file read": "ذاكرة مؤقتة غير صالحة: قُرئت كل الملفات",
        "No cache: every file read": "لا ذاكرة مؤقتة: قُرئت كل الملفات",
        "Cache read-only: changes not saved": "ذاكرة مؤقتة للقراءة فقط: لم تُحفظ التغييرات",
        "Cache not updated: disk full or read-only": "لم تُحدَّث الذاكرة المؤقتة: القرص ممتلئ أو للقراءة فقط",
        "Cache read failed: files read directly": "فشلت قراءة الذاكرة المؤقتة: قُرئت الملفات مباشرة",
        "Index not saved to the cache": "لم يُحفظ الفهرس في الذاكرة المؤقتة",
        "Cache: {note}": "الذاكرة المؤقتة: {note}",
        "The folder was read correctly from its files; the cache only makes reopening faster.": (
            "قُرئ المجلد من ملفاته قراءةً صحيحة؛ الذاكرة المؤقتة لا تفعل سوى تسريع إعادة الفتح."
        ),
    }
)

MAX_ERROR_LINES = 8
_UNITS = ("{n} bytes", "{n} KB", "{n} MB", "{n} GB", "{n} TB")

# (how a note of reader/storage/cache.py or reader/storage/snapshot.py begins, what the window says); the first
# match wins, so the more specific beginnings come first. tests/ui/test_cache_menu.py produces
# each case for real, so a reworded note in the core shows up as a failing test, not a raw note.
_NOTE_KINDS = (
    (
        "cache ignored and rebuilt (cache from another version",
        "Cache from another version: rebuilt",
    ),
    ("cache ignored and rebuilt", "Damaged cache: rebuilt"),
    ("cache unusable (cache from another version", "Cache from another version: not used"),
    ("cache unusable", "Cache unusable: every file read"),
    ("cache unavailable", "No cache: every file read"),
    ("cache read-only", "Cache read-only: changes not saved"),
    ("cache not updated", "Cache not updated: disk full or read-only"),
    ("cache read failed", "Cache read failed: files read directly"),
    ("index snapshot not saved", "Index not saved to the cache"),
)


def human_size(n: int) -> str:
    """Bytes in the unit a person reads at a glance: "512 bytes", "3.4 MB", "12 GB"."""
    if n < 1024:
        return t("{n} bytes").format(n=n)
    value, unit = float(n), 0
    while value >= 1024 and unit < len(_UNITS) - 1:
        value, unit = value / 1024, unit + 1
    shown = f"{value:.1f}".removesuffix(".0") if value < 10 else f"{value:.0f}"
    return t(_UNITS[unit]).format(n=shown)


def note_text(note: str) -> str:
    """A core cache note as the short sentence the status bar shows."""
    for start, text in _NOTE_KINDS:
        if note.startswith(start):
            return t(text)
    return t("Cache: {note}").format(note=note)


@dataclass(frozen=True, slots=True)
class Cleared:
    freed: int
    errors: tuple[str, ...]


def clear_now(base: Path | None = None) -> Cleared:
    """Delete the cache; what could not go becomes an error line, never an exception."""
    before = cache_size(base)
    try:
        errors = tuple(clear_cache(base))
    except OSError as exc:  # the cache directory itself cannot be listed
        errors = (f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "),)
    return Cleared(max(0, before - cache_size(base)), errors)


def confirm_clear(parent: QWidget, size: int) -> bool:
    """Ask before clearing, saying how much disk the cache takes and what clearing costs."""
    box = QMessageBox(parent)
    box.setObjectName("clearCacheDialog")
    box.setWindowTitle(t("Clear Cache"))
    if size == 0:
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(t("The cache is empty; there is nothing to clear."))
        _ok_button(box)
        box.exec()
        return False
    box.setIcon(QMessageBox.Icon.Question)
    box.setText(t("The cache takes {size} on disk.").format(size=human_size(size)))
    box.setInformativeText(
        t(
            "It holds the articles, entities and index of the folders you opened, so that they open "
            "again in seconds. After clearing it, the next time a folder is opened every file is read "
            "again, which takes longer. The folder open now stays open."
        )
    )
    clear = box.addButton(t("Clear Cache"), QMessageBox.ButtonRole.DestructiveRole)
    clear.setObjectName("confirmClearCache")
    # own buttons, not standard ones: Qt's own texts stay English without its translation files
    cancel = box.addButton(t("Cancel"), QMessageBox.ButtonRole.RejectRole)
    cancel.setObjectName("cancelClearCache")
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is clear


def cleared_text(cleared: Cleared) -> str:
    size = human_size(cleared.freed)
    if not cleared.errors:
        return t("Cache cleared: {size} freed").format(size=size)
    if cleared.freed:
        return t("Part of the cache could not be deleted ({size} freed).").format(size=size)
    return t("The cache could not be cleared.")


def report_errors(parent: QWidget, cleared: Cleared) -> None:
    """Tell the user what could not be deleted (a permission, a file in use), in a dialog."""
    box = QMessageBox(parent)
    box.setObjectName("clearCacheErrors")
    box.setTextFormat(Qt.TextFormat.PlainText)  # the lines name files on disk
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(t("Clear Cache"))
    box.setText(cleared_text(cleared))
    # every line in the box itself: Qt's "Show Details…" button has no Arabic without its
    # translation files
    lines = [printable(line) for line in cleared.errors[:MAX_ERROR_LINES]]
    if len(cleared.errors) > MAX_ERROR_LINES:
        lines.append(t("… and {n:,} more").format(n=len(cleared.errors) - MAX_ERROR_LINES))
    box.setInformativeText("\n".join(lines))
    _ok_button(box)
    box.exec()


def _ok_button(box: QMessageBox) -> None:
    ok = box.addButton(t("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(ok)
    box.setEscapeButton(ok)


class CacheNote(QLabel):
    """The status-bar note about the cache: its trouble during the last load, or what a clearing
    freed. Empty (and hidden) when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cacheNote")
        make_plain(self)  # notes quote errors that name files
        self._notes: tuple[str, ...] = ()
        self._cleared: Cleared | None = None
        self.setVisible(False)

    @property
    def notes(self) -> tuple[str, ...]:
        return self._notes

    def set_notes(self, notes: Sequence[str]) -> None:
        self._notes = tuple(dict.fromkeys(notes))
        self._cleared = None
        self.retranslate()

    def show_cleared(self, cleared: Cleared) -> None:
        self._notes = ()
        self._cleared = cleared
        self.retranslate()

    def retranslate(self) -> None:
        if self._cleared is not None:
            self.setText(cleared_text(self._cleared))
            self.setToolTip(tooltip_text("\n".join(printable(e) for e in self._cleared.errors)))
        else:
            self.setText(" · ".join(dict.fromkeys(note_text(n) for n in self._notes)))
            tip = [
                t(
                    "The folder was read correctly from its files; the cache only makes reopening faster."
                )
            ]
            notes = [printable(note) for note in self._notes]
            self.setToolTip(tooltip_text("\n".join([*notes, "", *tip])) if notes else "")
        self.setVisible(bool(self.text()))


class CacheClearing(QObject):
    """File › Clear Cache…: confirm, delete in a background task, say what was freed.

    Deleting 314 MB of cache (41,700 articles) took 143 ms on this machine: at 100,000 articles
    that would stall the window well past the 100 ms it may, so the deletion runs in a Task. One
    clearing at a time, and none while a folder loads (the load reads and writes the cache:
    clearing it meanwhile would pull it from under it); the action is disabled meanwhile.
    """

    cleared = Signal(object)  # Cleared, once the status bar says what was freed

    def __init__(self, window: QWidget, action: QAction, note: CacheNote) -> None:
        super().__init__(window)
        self._window, self._action, self._note = window, action, note
        self.task: Task | None = None
        self._loading = False  # from the loader's started to its idle (its thread may end sooner)

    def set_loading(self, loading: bool) -> None:
        self._loading = loading
        self._enable()

    def clear(self) -> None:
        if self._loading or self.task is not None:
            return  # the action is disabled meanwhile; a shortcut or script may still call
        if not confirm_clear(self._window, cache_size()):
            return
        # looked up at call time (tests substitute it)
        task = Task(lambda _hooks: clear_now(), "clear-cache")
        self.task = task
        self._enable()
        task.finished.connect(self._done)
        # clear_now turns OS errors into lines; a failure is anything else, said the same way
        task.failed.connect(lambda error: self._done(Cleared(0, (error,))))
        task.start()

    def wait(self) -> None:
        """Block until a clearing in progress has ended (before a load, at window close)."""
        if self.task is not None:
            self.task.wait()

    def _done(self, cleared: Cleared) -> None:
        self.wait()
        self.task = None
        self._enable()
        self._note.show_cleared(cleared)
        if cleared.errors:
            report_errors(self._window, cleared)
        self.cleared.emit(cleared)

    def _enable(self) -> None:
        self._action.setEnabled(not self._loading and self.task is None)
