"""File › Export Current Result from the window: the file dialog, then the writing in a
background task (100,000 articles take seconds), reported in the status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.printable import printable
from reader.ui.background.worker import Task, TaskHooks
from reader.ui.common.i18n import add_arabic, t
from reader.ui.common.settings import Settings
from reader.ui.status.status_bar import StatusArea
from reader.ui.window.export_dialog import FORMATS as EXPORT_FORMATS
from reader.ui.window.export_dialog import chosen_file, suggested_path
from reader.ui.window.export_result import current_articles, export_articles
from reader.ui.window.results import ResultsController
from reader.ui.window.window_session import Session

add_arabic(
    {
        "Export Current Result": "تصدير النتيجة الحالية",
        "Exported {n:,} articles to {path}": "صُدِّر {n:,} مقالاً إلى {path}",
        "Export failed: {error}": "فشل التصدير: {error}",
    }
)


class ResultExport(QObject):
    def __init__(
        self,
        window: QWidget,
        session: Session,
        results: ResultsController,
        settings: Settings,
        status: StatusArea,
    ) -> None:
        super().__init__(window)
        self._window, self._session, self._results = window, session, results
        self._settings, self._status = settings, status
        self.task: Task | None = None

    def choose(self) -> None:
        if self._session.library is None:
            return
        suggested = suggested_path(self._session.folder, self._settings.last_export_dir)
        path, chosen = QFileDialog.getSaveFileName(
            self._window,
            t("Export Current Result"),
            str(suggested),
            ";;".join(EXPORT_FORMATS.values()),
        )
        if not path:
            return
        target, fmt = chosen_file(path, chosen)
        self._settings.last_export_dir = str(target.parent)
        self.export_to(target, fmt)

    def export_to(self, path: Path, fmt: str) -> None:
        """Write the current result in the background."""
        library = self._session.library
        if library is None:
            return
        # taken here, on the thread that owns the library: a live folder changes it meanwhile
        articles = current_articles(library, self._results.ids)
        with_entities = library.has_entities
        identities = library.identities if with_entities else None
        user_state = self._session.user_state
        state = user_state.snapshot() if user_state else None

        def job(_hooks: TaskHooks) -> int:
            return export_articles(
                path,
                fmt,
                articles,
                with_entities=with_entities,
                identities=identities,
                state=state,
            )

        task = Task(job, "export")
        self.task = task
        note = self._status.set_note
        task.finished.connect(
            lambda n: note(
                t("Exported {n:,} articles to {path}").format(n=n, path=printable(str(path)))
            )
        )
        task.failed.connect(lambda error: note(t("Export failed: {error}").format(error=error)))
        task.start()

    def wait(self) -> None:
        """Until the export running, if any, has written its file (the window closes)."""
        if self.task is not None:
            self.task.wait()
