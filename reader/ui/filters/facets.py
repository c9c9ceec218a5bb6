"""The facet panels built on FacetPanel (reader/ui/filters/facet_panel.py): the tag facet with its
all/any switch, and one panel per entity kind headed by the kind's colour."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QButtonGroup, QToolButton, QVBoxLayout, QWidget

from reader.model import ENTITY_KINDS
from reader.ui.common.i18n import add_arabic, t
from reader.ui.common.theme import ENTITY_COLOURS
from reader.ui.filters.facet_panel import FacetPanel

if TYPE_CHECKING:
    from reader.entities.identity import Identities
    from reader.index import FacetValue

add_arabic(
    {
        "all": "الكل",
        "any": "أيّ",
        "Articles with all the selected tags": "مقالات تحمل كل الوسوم المختارة",
        "Articles with any of the selected tags": "مقالات تحمل أيًّا من الوسوم المختارة",
        "People": "أشخاص",
        "Places": "أماكن",
        "Organisations": "منظمات",
        "Other": "أخرى",
        "Finding entities…": "جارٍ استخراج الكيانات…",
    }
)

ENTITY_TITLES = {"PERS": "People", "LOC": "Places", "ORG": "Organisations", "MISC": "Other"}


class TagFacet(FacetPanel):
    """The tag facet, with an all/any switch for how several selected tags combine."""

    mode_changed = Signal(str)  # "and" or "or"

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        self._mode_buttons: dict[str, QToolButton] = {}
        super().__init__(title, parent)
        group = self._mode_group = QButtonGroup(self)
        group.setExclusive(True)
        for mode in ("and", "or"):
            button = QToolButton(self)
            button.setObjectName(f"tagMode_{mode}")
            button.setCheckable(True)
            button.setAutoRaise(True)
            group.addButton(button)
            self._header_row.insertWidget(self._header_row.count() - 1, button)
            self._mode_buttons[mode] = button
        self._mode_buttons["and"].setChecked(True)
        group.buttonToggled.connect(self._on_mode_button)
        self._show_mode_switch(False)
        self.retranslate()

    def set_values(
        self,
        values: Sequence[FacetValue],
        included: AbstractSet[str],
        excluded: AbstractSet[str],
        distinct: int | None = None,
    ) -> None:
        super().set_values(values, included, excluded, distinct)
        # all/any only means something once two tags are included; hidden before, to keep it quiet
        self._show_mode_switch(len(included) >= 2)

    def _show_mode_switch(self, shown: bool) -> None:
        for button in self._mode_buttons.values():
            button.setVisible(shown)

    def set_mode(self, mode: str) -> None:
        """Reflect the state's mode without emitting ``mode_changed``."""
        button = self._mode_buttons.get(mode)
        if button is not None and not button.isChecked():
            # the group, not the button, emits buttonToggled: silence the group
            self._mode_group.blockSignals(True)
            button.setChecked(True)
            self._mode_group.blockSignals(False)

    def mode(self) -> str:
        return "or" if self._mode_buttons["or"].isChecked() else "and"

    def retranslate(self) -> None:
        super().retranslate()
        if not self._mode_buttons:
            return
        self._mode_buttons["and"].setText(t("all"))
        self._mode_buttons["and"].setToolTip(t("Articles with all the selected tags"))
        self._mode_buttons["or"].setText(t("any"))
        self._mode_buttons["or"].setToolTip(t("Articles with any of the selected tags"))

    def _on_mode_button(self, button: QToolButton, checked: bool) -> None:
        if checked:
            self.mode_changed.emit("or" if button is self._mode_buttons["or"] else "and")


class EntityFacet(QWidget):
    """One facet list per entity kind (People, Places, Organisations, Other), headed by its colour."""

    include_requested = Signal(str, str)  # kind, value
    exclude_requested = Signal(str, str)
    cleared = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._panels: dict[str, FacetPanel] = {}
        for kind in ENTITY_KINDS:
            panel = FacetPanel(t(ENTITY_TITLES[kind]), self)
            panel.setObjectName(f"entityFacet_{kind}")
            panel.include_requested.connect(lambda v, k=kind: self.include_requested.emit(k, v))
            panel.exclude_requested.connect(lambda v, k=kind: self.exclude_requested.emit(k, v))
            panel.cleared.connect(lambda v, k=kind: self.cleared.emit(k, v))
            layout.addWidget(panel)
            self._panels[kind] = panel
        self.set_theme("light")

    def set_identities(self, identities: Identities | None) -> None:
        """The folder's entity identities: each value's tooltip lists its other spellings."""
        for kind, panel in self._panels.items():
            panel._model.variants = (
                None if identities is None else partial(identities.variants, kind)
            )

    def set_values(
        self,
        facets: Mapping[str, Sequence[FacetValue]],
        included: AbstractSet[tuple[str, str]],
        excluded: AbstractSet[tuple[str, str]],
        distinct: Mapping[str, int] | None = None,
    ) -> None:
        """``facets`` maps a kind (PERS, LOC, ORG, MISC) to its values; other keys are ignored."""
        for kind, panel in self._panels.items():
            panel.set_values(
                facets.get(kind, ()),
                {v for k, v in included if k == kind},
                {v for k, v in excluded if k == kind},
                (distinct or {}).get(kind),
            )

    def panels(self) -> Mapping[str, FacetPanel]:
        return self._panels

    def panel(self, kind: str) -> FacetPanel:
        return self._panels[kind]

    def set_pending(self, pending: bool) -> None:
        for panel in self._panels.values():
            panel.set_pending("Finding entities…" if pending else "")

    def set_theme(self, name: str) -> None:
        colours = ENTITY_COLOURS.get(name, ENTITY_COLOURS["light"])
        for kind, panel in self._panels.items():
            panel.set_header_icon(
                swatch_icon(QColor(colours[kind].background), QColor(colours[kind].text))
            )

    def retranslate(self) -> None:
        for kind, panel in self._panels.items():
            panel.set_title(t(ENTITY_TITLES[kind]))
            panel.retranslate()


def swatch_icon(fill: QColor, border: QColor, size: int = 12) -> QIcon:
    """A small rounded square of an entity colour (shared with the legend)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(border, 1))
    painter.setBrush(fill)
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 2.5, 2.5)
    painter.end()
    return QIcon(pixmap)


# the sidebar and the case panel take the panel from here, with the panels built on it
__all__ = ["ENTITY_TITLES", "EntityFacet", "FacetPanel", "TagFacet", "swatch_icon"]
