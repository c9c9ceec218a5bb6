"""One sentence saying why the list is empty and what to do, with that action as a button.

When a folder gave no article at all, the files it held are listed under the sentence with the
reason each could not be read (issue 16: nothing is skipped in silence), the first few here and
every one in the skipped-files dialog a second button opens.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from reader.bidi import first_strong_direction
from reader.model import LoadProblem
from reader.printable import printable
from reader.ui.common.i18n import add_arabic, current_language, t
from reader.ui.common.note_text import note_text
from reader.ui.common.plain import isolated, plain_label
from reader.ui.status.problems import extension_summary, path_text

add_arabic(
    {
        "No folder is open. Open one with File › Open Folder… (Ctrl+O) or drop it here.": (
            "لا يوجد مجلد مفتوح. افتح مجلداً من ملف › فتح مجلد… (Ctrl+O) أو أسقطه هنا."
        ),
        "This folder holds no article that could be read.": "لا يحتوي هذا المجلد على مقال يمكن قراءته.",
        "No article matches «{query}». Remove a filter or check the spelling.": (
            "لا يوجد مقال يطابق «{query}». أزل عامل تصفية أو تحقق من الإملاء."
        ),
        "No article matches the current filters. Remove a filter.": (
            "لا يوجد مقال يطابق عوامل التصفية الحالية. أزل عامل تصفية."
        ),
        "Open Folder…": "فتح مجلد…",
        "Clear search and filters": "مسح البحث وعوامل التصفية",
        "Loading…": "جارٍ التحميل…",
        "1 file could not be read: {kinds}": "تعذّرت قراءة ملف واحد: {kinds}",
        "{n:,} files could not be read: {kinds}": "تعذّرت قراءة {n:,} ملفات: {kinds}",
        "… and {n:,} more": "… و{n:,} غيرها",
        "Show Skipped Files…": "عرض الملفات المتجاوزة…",
    }
)

# problems listed in the empty state; the dialog lists them all
LISTED_PROBLEMS = 10


def problem_lines(problems: Sequence[LoadProblem], limit: int = LISTED_PROBLEMS) -> list[str]:
    """The first ``limit`` problems as "path: reason" lines (names with their control characters
    made visible), then "… and N more"."""
    lines = []
    for problem in problems[:limit]:
        path = path_text(problem.path)
        reason = note_text(printable(problem.reason), current_language())
        # the path reads left to right in either interface (LRE … PDF), and so does an English
        # reason after it; an Arabic reason keeps its own direction
        if first_strong_direction(reason, "ltr") == "ltr":
            lines.append(f"\u202a{path}: {reason}\u202c")
        else:
            # embedded right to left, so its Latin words (EPUB, Word) keep their places in it
            lines.append(f"\u202a{path}\u202c: {isolated(reason)}")
    if len(problems) > limit:
        lines.append(t("… and {n:,} more").format(n=len(problems) - limit))
    return lines


class EmptyState(QWidget):
    action_requested = Signal(str)  # "open" | "clear" | "problems"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        # the query and the file names in these come from the user and from disk: plain text
        self.label = plain_label()
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setObjectName("emptyMessage")
        self.details = plain_label()
        self.details.setObjectName("emptyProblems")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setVisible(False)
        self.button = QPushButton()
        self.button.setObjectName("emptyAction")
        self._action = ""
        self.button.clicked.connect(lambda: self.action_requested.emit(self._action))
        self.problems_button = QPushButton()
        self.problems_button.setObjectName("emptyShowProblems")
        self.problems_button.clicked.connect(lambda: self.action_requested.emit("problems"))
        self.problems_button.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        buttons.addWidget(self.problems_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self._action = ""
        self._message: tuple[str, dict[str, str]] = ("", {})
        self._problems: tuple[LoadProblem, ...] = ()

    def set_message(self, message: str, action: str = "", **values: str) -> None:
        """``message`` is the English source text; it is translated here so a language switch can
        redo it. The list of problems is cleared: ``set_problems`` adds one after."""
        self._action = action
        self._message = (message, values)
        self._problems = ()
        self.retranslate()

    def set_problems(self, problems: Sequence[LoadProblem]) -> None:
        """The files of a folder that gave no article, with why each could not be read."""
        self._problems = tuple(problems)
        self.retranslate()

    def retranslate(self) -> None:
        message, values = self._message
        self.label.setText(t(message).format(**values) if message else "")
        labels = {"open": t("Open Folder…"), "clear": t("Clear search and filters")}
        self.button.setText(labels.get(self._action, ""))
        self.button.setVisible(self._action in labels)
        problems = self._problems
        files = len({p.path for p in problems})
        if problems:
            template = (
                "1 file could not be read: {kinds}"
                if files == 1
                else "{n:,} files could not be read: {kinds}"
            )
            head = t(template).format(n=files, kinds=extension_summary(problems))
            self.details.setText("\n".join([head, *problem_lines(problems)]))
        else:
            self.details.clear()
        self.details.setVisible(bool(problems))
        self.problems_button.setText(t("Show Skipped Files…"))
        self.problems_button.setVisible(bool(problems))
