"""The list of files that could not be read, with their reasons."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QWidget

from reader.model import LoadProblem


class ProblemsPanel(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def set_problems(self, problems: Sequence[LoadProblem]) -> None:
        pass
