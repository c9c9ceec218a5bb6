"""The right column: the article over the panel that came with it (read also, appended,
entities), and under both the reader's own tags and note (issue 18)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from reader.ui.reading.case_box import CaseBox
from reader.ui.reading.reading_view import ReadingView

# the panel under the article (related headlines, entities) takes at most this share of the pane
# unless the user drags it taller, and never less than a line or two
EXTRAS_SHARE = 0.25
MIN_EXTRAS_PX = 60


class ReadingColumn(QWidget):
    extras_dragged = Signal(int)  # the height the user dragged the panel to, 0 when shut

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingColumn")
        self.view = ReadingView()
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setObjectName("readingSplitter")
        self.split.addWidget(self.view)
        self.split.addWidget(self.view.extras)
        # the article takes what the window gains; the panel under it is as tall as its content
        # (at most EXTRAS_SHARE of the pane, or the height the user dragged it to) and folds away
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 0)
        self.split.setCollapsible(0, False)
        self.split.setCollapsible(1, True)
        self.split.setSizes([700, 160])
        self.case_box = CaseBox()
        # a layout, not a splitter: the box is as tall as its content (the note editor grows with
        # its text), and everything else goes to the article
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.split, 1)
        column.addWidget(self.case_box, 0)
        self.split.splitterMoved.connect(
            lambda _p, _i: self.extras_dragged.emit(self.extras_height())
        )

    def extras_height(self) -> int:
        return self.split.sizes()[1]

    def fit_extras(self, *, collapsed: bool, dragged_height: int | None) -> None:
        """Size the panel to its content (capped at the height the user dragged it to, else at
        EXTRAS_SHARE), or fold it when the user hid it."""
        total = sum(self.split.sizes())
        if total <= 0:
            return
        if collapsed:
            self.split.setSizes([total, 0])
            return
        extras = self.view.extras
        content = round(extras.document().size().height()) + 2 * extras.frameWidth() + 4
        cap = dragged_height or round(total * EXTRAS_SHARE)
        height = max(MIN_EXTRAS_PX, min(content, cap))
        self.split.blockSignals(True)
        self.split.setSizes([total - height, height])
        self.split.blockSignals(False)
