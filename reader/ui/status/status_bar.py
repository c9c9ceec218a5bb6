"""The window's status bar: loading progress, the lasting note, the cache note, the skipped
files (a button that opens the problems panel) and the entity legend."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QStatusBar, QWidget

from reader.model import LoadProblem
from reader.ui.common.i18n import add_arabic, t
from reader.ui.common.plain import plain_label, tooltip_text
from reader.ui.status.cache_dialog import CacheNote
from reader.ui.status.legend import EntityLegend
from reader.ui.status.problems import ProblemsPanel, extension_summary
from reader.ui.status.status_panel import LoadStatus, problems_label

add_arabic(
    {
        "{skipped}: {kinds}. Click to see each file and why.": "{skipped}: {kinds}. انقر لترى كل ملف وسببه.",
    }
)


class StatusArea:
    """The widgets of the status bar, and the problems panel the skipped-files button opens."""

    def __init__(self, bar: QStatusBar, window: QWidget) -> None:
        self.load_status = LoadStatus()
        self.problems_button = QPushButton()
        self.problems_button.setObjectName("problemsButton")
        self.problems_button.setFlat(True)
        self.problems_button.setVisible(False)
        # notes name files and quote errors and queries: plain text
        self.note = plain_label()
        self.note.setObjectName("statusNote")
        self.cache_note = CacheNote()
        self.legend = EntityLegend()
        self.legend.setObjectName("entityLegend")
        bar.addWidget(self.load_status)
        bar.addWidget(self.note, 1)
        bar.addPermanentWidget(self.cache_note)
        bar.addPermanentWidget(self.problems_button)
        bar.addPermanentWidget(self.legend)
        self.problems_panel = ProblemsPanel(window)
        self.problems_button.clicked.connect(self.show_problems)

    def set_note(self, text: str) -> None:
        self.note.setText(text)

    def show_problems(self) -> None:
        self.problems_panel.show()
        self.problems_panel.raise_()

    def set_problems(self, problems: list[LoadProblem], skipped: set[str] | None = None) -> None:
        """``skipped``: the paths that gave no article (all of the problems' when None)."""
        self.problems_panel.set_problems(problems, skipped)
        paths = {p.path for p in problems}
        n_skipped = len(paths if skipped is None else skipped & paths)
        label = problems_label(n_skipped, len(paths) - n_skipped)
        self.problems_button.setText(label)
        # which kinds of file were skipped, by extension: ".pdf ×2, .docx ×1"
        self.problems_button.setToolTip(
            tooltip_text(
                t("{skipped}: {kinds}. Click to see each file and why.").format(
                    skipped=label, kinds=extension_summary(problems)
                )
            )
            if paths
            else ""
        )
        self.problems_button.setVisible(bool(paths))
