"""The problems panel: every file that was skipped while loading, with the reason (issue 5).

A sortable table (path, reason) with a filter box for long lists and a button that copies the
selected rows, or all of them, as ``path: reason`` lines, the same form the command line prints.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.bidi import first_strong_direction
from reader.model import LoadProblem
from reader.printable import printable
from reader.ui.common.i18n import add_arabic, current_language, t
from reader.ui.common.note_text import note_text
from reader.ui.common.plain import tooltip_text

add_arabic(
    {
        "Skipped files": "ملفات متجاوزة",
        "File": "الملف",
        "Reason": "السبب",
        "Copy": "نسخ",
        "Close": "إغلاق",
        "Filter…": "تصفية…",
        "Every file was read.": "قُرئت كل الملفات.",
        "{n} file could not be read.": "تعذّرت قراءة ملف واحد.",
        "{n} files could not be read.": "تعذّرت قراءة {n} ملفات.",
        "{n} file was read in part.": "قُرئ ملف واحد جزئيًّا.",
        "{n} files were read in part.": "قُرئت {n} ملفات جزئيًّا.",
        "Copy the selected rows, or all rows, as text": "نسخ الصفوف المحددة، أو كل الصفوف، نصًّا",
        "no extension": "بلا امتداد",
    }
)

COLUMNS = ("File", "Reason")
WRAPPED_ROWS = 2_000


def by_extension(problems: Iterable[LoadProblem]) -> list[tuple[str, int]]:
    """(extension, files) of the skipped files, most files first: ``[(".pdf", 2), (".docx", 1)]``.

    A file counts once however many problems it has (a JSON Lines file with two bad lines)."""
    counts = Counter(
        PurePosixPath(printable(path).replace("\\", "/")).suffix.lower()
        for path in dict.fromkeys(p.path for p in problems)
    )
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def extension_summary(problems: Iterable[LoadProblem]) -> str:
    """The skipped files by extension, ".pdf ×2, .docx ×1" (status bar, empty folder)."""
    text = ", ".join(f"{ext or t('no extension')} ×{n:,}" for ext, n in by_extension(problems))
    # in an Arabic sentence the list keeps its order (LRE … PDF): ".txt ×13, .md ×1", not
    # "txt ×13, .md ×1."
    return f"\u202a{text}\u202c" if text and current_language() == "ar" else text


def path_text(path: str) -> str:
    """A path as shown in a list: control characters visible, LRMs around "/" keeping Arabic
    folder names in path order (to be embedded left to right, LRE … PDF)."""
    return printable(path).replace("/", "\u200e/\u200e")


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
    }
)


class ProblemsModel(QAbstractTableModel):
    """LoadProblems as a two-column table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._problems: tuple[LoadProblem, ...] = ()

    def set_problems(self, problems: Sequence[LoadProblem]) -> None:
        self.beginResetModel()
        try:
            self._problems = tuple(problems)
        finally:
            self.endResetModel()

    def problem(self, row: int) -> LoadProblem:
        return self._problems[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._problems)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._problems):
            return None
        if role not in _ROLES:  # the view asks for many roles per cell and repaint
            return None
        problem = self._problems[index.row()]
        # names come from disk and reasons may quote the file: newlines and bidi overrides shown;
        # a reason is made printable before the translation: its isolates are the interface's
        if index.column() == 0:
            text = printable(problem.path)
        else:
            text = note_text(printable(problem.reason), current_language())
        # a path reads left to right in either interface (its Arabic folder names stay in order), and
        # a reason keeps the direction of its own language: LRE … PDF embeds them in an RTL table
        ltr = index.column() == 0 or first_strong_direction(text, "ltr") == "ltr"
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                # a zero-width space after each "/" lets a long path wrap between its folders
                wrappable = path_text(problem.path).replace("/", "/\u200b")
                return f"\u202a{wrappable}\u202c"
            return f"\u202a{text}\u202c" if ltr else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_text(text)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignLeft if ltr else Qt.AlignmentFlag.AlignRight
            return int(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return t(COLUMNS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


class ProblemsPanel(QDialog):
    """A dialog listing skipped files and why; sortable by either column, copyable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsPanel")
        self.resize(720, 420)
        self._summary = QLabel(self)
        self._filter = QLineEdit(self)
        self._filter.setClearButtonEnabled(True)
        self._model = ProblemsModel(self)
        self._skipped: frozenset[str] | None = None
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self._model)
        self._proxy.setFilterKeyColumn(-1)  # the filter looks at the path and the reason
        self._proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._filter.textChanged.connect(self._proxy.setFilterFixedString)
        self._table = QTableView(self)
        self._table.setModel(self._proxy)
        self._table.setSortingEnabled(True)
        self._table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # whole names and reasons, wrapped onto more lines rather than cut with "…" (the rows
        # grow to fit; see _size_columns); the tooltip shows each cell too
        self._table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._table.setWordWrap(True)
        self._table.verticalHeader().setVisible(False)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.sectionResized.connect(lambda *_: self._fit_rows())
        self._copy = QPushButton(self)
        self._copy.setObjectName("copyProblems")
        self._copy.clicked.connect(self.copy_to_clipboard)
        copy_keys = QAction(self)  # Ctrl+C in the table copies like the button
        copy_keys.setShortcut(QKeySequence.StandardKey.Copy)
        copy_keys.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        copy_keys.triggered.connect(self.copy_to_clipboard)
        self.addAction(copy_keys)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self._close = buttons.button(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self._copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._summary)
        layout.addWidget(self._filter)
        layout.addWidget(self._table)
        layout.addWidget(buttons)
        self._sized = True
        self.retranslate()

    def set_problems(
        self, problems: Sequence[LoadProblem], skipped: Iterable[str] | None = None
    ) -> None:
        """``skipped``: the paths that gave no article (all of the problems' when None); the
        others were read in part, and the summary counts them apart."""
        self._model.set_problems(problems)
        self._skipped = None if skipped is None else frozenset(skipped)
        # sizing the path column asks every row for its text (15 ms for a 100k folder's
        # problems): done when the dialog is shown, not on the GUI turn that installs a folder
        self._sized = False
        if self.isVisible():
            self._size_columns()
        self._update_summary()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._sized:
            self._size_columns()
        super().showEvent(event)

    def _size_columns(self) -> None:
        self._sized = True
        self._table.resizeColumnToContents(0)
        self._table.setColumnWidth(0, min(self._table.columnWidth(0), self.width() // 2))
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Rows as tall as their wrapped text; measured for the first WRAPPED_ROWS only (every
        row measured would stall on a folder with thousands of skipped files)."""
        if self._model.rowCount() <= WRAPPED_ROWS and self.isVisible():
            self._table.resizeRowsToContents()

    def model(self) -> ProblemsModel:
        return self._model

    def table(self) -> QTableView:
        return self._table

    def filter_box(self) -> QLineEdit:
        return self._filter

    def copy_text(self) -> str:
        """The selected rows, or every visible row when none is selected, as 'path: reason' lines."""
        rows = sorted({i.row() for i in self._table.selectionModel().selectedRows()})
        if not rows:
            rows = list(range(self._proxy.rowCount()))
        problems = [
            self._model.problem(self._proxy.mapToSource(self._proxy.index(r, 0)).row())
            for r in rows
        ]
        return "\n".join(str(p) for p in problems)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.copy_text())

    def retranslate(self) -> None:
        self.setWindowTitle(t("Skipped files"))
        self._filter.setPlaceholderText(t("Filter…"))
        self._copy.setText(t("Copy"))
        self._copy.setToolTip(t("Copy the selected rows, or all rows, as text"))
        if self._close is not None:
            self._close.setText(t("Close"))
        self._model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._update_summary()

    def _update_summary(self) -> None:
        # counted by file: a JSON Lines file with two bad lines is two rows and one file
        paths = {self._model.problem(row).path for row in range(self._model.rowCount())}
        skipped = len(paths if self._skipped is None else paths & self._skipped)
        sentences = []
        if skipped:
            sentences.append(_count_sentence(skipped, "{n} file could not be read."))
        if len(paths) > skipped:
            sentences.append(_count_sentence(len(paths) - skipped, "{n} file was read in part."))
        self._summary.setText(" ".join(sentences) if paths else t("Every file was read."))


_PLURALS = {
    "{n} file could not be read.": "{n} files could not be read.",
    "{n} file was read in part.": "{n} files were read in part.",
}


def _count_sentence(n: int, singular: str) -> str:
    return t(singular).format(n=n) if n == 1 else t(_PLURALS[singular]).format(n=f"{n:,}")
