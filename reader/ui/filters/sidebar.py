"""The filter sidebar: the reader's case (views, saved searches), timeline, tags, own tags,
sections, sources and entities (helper D2's widgets) in one column.

Each gesture in a panel becomes a transition of the immutable FilterState ("include this tag",
"exclude that source"); the sidebar emits the transition and the window applies it to whatever
the current state is at that moment, so a click can never act on a stale copy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from reader.index import FacetValue, SearchResult
from reader.index.types import MY_TAG_FIELD, NONE_VALUE
from reader.model import ENTITY_KINDS
from reader.ui.common.i18n import add_arabic, t
from reader.ui.filters.case_panel import CasePanel
from reader.ui.filters.facets import EntityFacet, FacetPanel, TagFacet
from reader.ui.filters.filter_state import FilterState
from reader.ui.filters.timeline import TimelineWidget

if TYPE_CHECKING:
    from reader.entities.identity import Identities

add_arabic({"Tags": "الوسوم", "Sources": "المصادر", "My tags": "وسومي", "Sections": "الأقسام"})

Transition = Callable[[FilterState], FilterState]


class FilterSidebar(QScrollArea):
    transition = Signal(object)  # Transition: FilterState -> FilterState

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.tag_facet = TagFacet(t("Tags"))
        self.tag_facet.setObjectName("tagFacet")
        self.source_facet = FacetPanel(t("Sources"))
        self.source_facet.setObjectName("sourceFacet")
        self.case_panel = CasePanel()
        self.my_tag_facet = FacetPanel(t("My tags"))
        self.my_tag_facet.setObjectName("myTagFacet")
        self.category_facet = FacetPanel(t("Sections"))
        self.category_facet.setObjectName("categoryFacet")
        self.entity_facet = EntityFacet()
        self.entity_facet.setObjectName("entityFacet")
        self.timeline = TimelineWidget()
        self.timeline.setObjectName("timeline")
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(4, 4, 4, 4)
        for w in (
            self.case_panel,
            self.timeline,
            self.tag_facet,
            self.my_tag_facet,
            self.category_facet,
            self.source_facet,
            self.entity_facet,
        ):
            layout.addWidget(w)
        layout.addStretch(1)
        self.setWidgetResizable(True)
        # the column follows the sidebar's width: scrolling sideways would hide the counts
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(column)
        self.setMinimumWidth(220)
        self._connect()

    def _emit(self, step: Transition) -> None:
        self.transition.emit(step)

    def _connect(self) -> None:
        tag, source, entity, e = self.tag_facet, self.source_facet, self.entity_facet, self._emit
        tag.include_requested.connect(lambda v: e(lambda s: s.toggle_include_tag(v)))
        tag.exclude_requested.connect(lambda v: e(lambda s: s.exclude_tag(v)))
        tag.cleared.connect(lambda v: e(lambda s: s.clear_tag(v)))
        tag.mode_changed.connect(lambda m: e(lambda s: s.set_tags_mode(m)))
        source.include_requested.connect(lambda v: e(lambda s: s.toggle_include_source(v)))
        source.exclude_requested.connect(lambda v: e(lambda s: s.exclude_source(v)))
        source.cleared.connect(lambda v: e(lambda s: s.clear_source(v)))
        entity.include_requested.connect(lambda k, v: e(lambda s: s.toggle_include_entity(k, v)))
        entity.exclude_requested.connect(lambda k, v: e(lambda s: s.exclude_entity(k, v)))
        entity.cleared.connect(lambda k, v: e(lambda s: s.clear_entity(k, v)))
        self.timeline.range_selected.connect(lambda a, b: e(lambda s: s.set_range(a, b)))
        mine, section = self.my_tag_facet, self.category_facet
        mine.include_requested.connect(lambda v: e(lambda s: s.toggle_include_my_tag(v)))
        mine.exclude_requested.connect(lambda v: e(lambda s: s.exclude_my_tag(v)))
        mine.cleared.connect(lambda v: e(lambda s: s.clear_my_tag(v)))
        section.include_requested.connect(lambda v: e(lambda s: s.toggle_include_category(v)))
        section.exclude_requested.connect(lambda v: e(lambda s: s.exclude_category(v)))
        section.cleared.connect(lambda v: e(lambda s: s.clear_category(v)))
        self.case_panel.view_requested.connect(lambda v: e(lambda s: s.set_view(v)))

    def show_result(
        self, result: SearchResult, state: FilterState, identities: Identities | None = None
    ) -> None:
        """Counts of the current result; active filters shown checked or struck through;
        ``identities``: the folder's, whose variants the entity values' tooltips list."""
        facets = {name: with_none(result, name) for name in result.facets}
        distinct = result.distinct
        self.tag_facet.set_values(
            facets.get("tag", ()), state.include_tags, state.exclude_tags, distinct.get("tag")
        )
        self.tag_facet.set_mode(state.tags_mode)
        self.source_facet.set_values(
            facets.get("source", ()),
            state.include_sources,
            state.exclude_sources,
            distinct.get("source"),
        )
        self.category_facet.set_values(
            facets.get("category", ()),
            state.include_categories,
            state.exclude_categories,
            distinct.get("category"),
        )
        self.my_tag_facet.set_values(
            result.facets.get(MY_TAG_FIELD, ()), state.include_my_tags, state.exclude_my_tags
        )
        self.entity_facet.set_identities(identities)
        self.entity_facet.set_values(
            {k: facets.get(k, ()) for k in ENTITY_KINDS},
            state.include_entities,
            state.exclude_entities,
            distinct,
        )
        self.timeline.set_counts(result.timeline)
        self.timeline.set_range(state.since, state.until)

    def clear(self) -> None:
        self.tag_facet.set_values((), frozenset(), frozenset())
        self.source_facet.set_values((), frozenset(), frozenset())
        self.category_facet.set_values((), frozenset(), frozenset())
        self.my_tag_facet.set_values((), frozenset(), frozenset())
        self.entity_facet.set_values({}, frozenset(), frozenset())
        self.timeline.set_counts(())

    def entities_pending(self, pending: bool) -> None:
        """The entity lists say "Finding entities…" until the entity stage has run."""
        self.entity_facet.set_pending(pending)

    def retranslate(self) -> None:
        self.tag_facet.set_title(t("Tags"))
        self.source_facet.set_title(t("Sources"))
        self.my_tag_facet.set_title(t("My tags"))
        self.category_facet.set_title(t("Sections"))


def with_none(result: SearchResult, name: str) -> tuple[FacetValue, ...]:
    """A facet's values and, last, "(none)" for the articles of the result without one, so the
    counts add up to the result (issue 18)."""
    values = tuple(result.facets.get(name, ()))
    missing = result.missing.get(name, 0)
    if missing and len(values) > 0 and missing < result.total:
        return (*values, FacetValue(NONE_VALUE, missing))
    return values
