"""What the user is filtering on: the query, included/excluded facet values and a date range.

Plain Python with no Qt, so the window, the chips and the tests share one definition of "the current
filters". A ``FilterState`` is immutable: every method returns a new state, so the window can keep
the previous one (undo, comparison to skip a redundant search) and never sees a half-applied change.

Chip keys are small hashable tuples; ``FilterChips`` hands them back untouched through
``remove_requested`` and ``FilterState.remove`` understands them:

    ("tag", "+", value)  ("tag", "-", value)  ("source", "+"|"-", value)
    ("entity", "+"|"-", kind, value)          ("range",)
    ("category", "+"|"-", value)  ("mytag", "+"|"-", value)  ("view",)

``view`` is the sidebar's one-click view of the reader's marks: "all", "starred" or "unread".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from reader.ui.common.i18n import add_arabic, t
from reader.ui.common.theme import ENTITY_LABELS

if TYPE_CHECKING:
    from reader.index import Filters

ChipKey = tuple[Hashable, ...]
RANGE_KEY: ChipKey = ("range",)

add_arabic(
    {
        "tag": "وسم",
        "source": "المصدر",
        "since": "منذ",
        "until": "حتى",
        "Person": "شخص",
        "Place": "مكان",
        "Organisation": "منظمة",
        "Other": "أخرى",
        "section": "القسم",
        "my tag": "وسمي",
        "Starred": "المميزة",
        "Unread": "غير المقروءة",
    }
)
VIEWS = ("all", "starred", "unread")
VIEW_KEY: ChipKey = ("view",)

_EMPTY: frozenset = frozenset()


def _toggled(include: frozenset, exclude: frozenset, item: object) -> tuple[frozenset, frozenset]:
    """Include ``item`` (dropping it from the excluded set), or un-include it when already included."""
    if item in include:
        return include - {item}, exclude
    return include | {item}, exclude - {item}


def _excluded(include: frozenset, exclude: frozenset, item: object) -> tuple[frozenset, frozenset]:
    return include - {item}, exclude | {item}


def _cleared(include: frozenset, exclude: frozenset, item: object) -> tuple[frozenset, frozenset]:
    return include - {item}, exclude - {item}


@dataclass(frozen=True, slots=True)
class FilterState:
    """The query text plus every active filter. ``query`` is not a chip: the search box shows it."""

    query: str = ""
    include_tags: frozenset[str] = _EMPTY
    exclude_tags: frozenset[str] = _EMPTY
    tags_mode: Literal["and", "or"] = "and"
    include_sources: frozenset[str] = _EMPTY
    exclude_sources: frozenset[str] = _EMPTY
    include_entities: frozenset[tuple[str, str]] = _EMPTY
    exclude_entities: frozenset[tuple[str, str]] = _EMPTY
    since: dt.date | None = None
    until: dt.date | None = None
    include_categories: frozenset[str] = _EMPTY
    exclude_categories: frozenset[str] = _EMPTY
    include_my_tags: frozenset[str] = _EMPTY
    exclude_my_tags: frozenset[str] = _EMPTY
    view: str = "all"

    # --- query -------------------------------------------------------------------------------
    def with_query(self, query: str) -> FilterState:
        return replace(self, query=query)

    # --- tags ----------------------------------------------------------------------------------
    def toggle_include_tag(self, tag: str) -> FilterState:
        inc, exc = _toggled(self.include_tags, self.exclude_tags, tag)
        return replace(self, include_tags=inc, exclude_tags=exc)

    def exclude_tag(self, tag: str) -> FilterState:
        inc, exc = _excluded(self.include_tags, self.exclude_tags, tag)
        return replace(self, include_tags=inc, exclude_tags=exc)

    def clear_tag(self, tag: str) -> FilterState:
        inc, exc = _cleared(self.include_tags, self.exclude_tags, tag)
        return replace(self, include_tags=inc, exclude_tags=exc)

    def set_tags_mode(self, mode: str) -> FilterState:
        if mode == "and":
            return replace(self, tags_mode="and")
        if mode == "or":
            return replace(self, tags_mode="or")
        raise ValueError(f"tags mode must be 'and' or 'or', not {mode!r}")

    # --- sources -------------------------------------------------------------------------------
    def toggle_include_source(self, source: str) -> FilterState:
        inc, exc = _toggled(self.include_sources, self.exclude_sources, source)
        return replace(self, include_sources=inc, exclude_sources=exc)

    def exclude_source(self, source: str) -> FilterState:
        inc, exc = _excluded(self.include_sources, self.exclude_sources, source)
        return replace(self, include_sources=inc, exclude_sources=exc)

    def clear_source(self, source: str) -> FilterState:
        inc, exc = _cleared(self.include_sources, self.exclude_sources, source)
        return replace(self, include_sources=inc, exclude_sources=exc)

    # --- entities ------------------------------------------------------------------------------
    def toggle_include_entity(self, kind: str, value: str) -> FilterState:
        inc, exc = _toggled(self.include_entities, self.exclude_entities, (kind, value))
        return replace(self, include_entities=inc, exclude_entities=exc)

    def exclude_entity(self, kind: str, value: str) -> FilterState:
        inc, exc = _excluded(self.include_entities, self.exclude_entities, (kind, value))
        return replace(self, include_entities=inc, exclude_entities=exc)

    def clear_entity(self, kind: str, value: str) -> FilterState:
        inc, exc = _cleared(self.include_entities, self.exclude_entities, (kind, value))
        return replace(self, include_entities=inc, exclude_entities=exc)

    # --- sections and own tags (issue 18) ------------------------------------------------------
    def toggle_include_category(self, value: str) -> FilterState:
        inc, exc = _toggled(self.include_categories, self.exclude_categories, value)
        return replace(self, include_categories=inc, exclude_categories=exc)

    def exclude_category(self, value: str) -> FilterState:
        inc, exc = _excluded(self.include_categories, self.exclude_categories, value)
        return replace(self, include_categories=inc, exclude_categories=exc)

    def clear_category(self, value: str) -> FilterState:
        inc, exc = _cleared(self.include_categories, self.exclude_categories, value)
        return replace(self, include_categories=inc, exclude_categories=exc)

    def toggle_include_my_tag(self, value: str) -> FilterState:
        inc, exc = _toggled(self.include_my_tags, self.exclude_my_tags, value)
        return replace(self, include_my_tags=inc, exclude_my_tags=exc)

    def exclude_my_tag(self, value: str) -> FilterState:
        inc, exc = _excluded(self.include_my_tags, self.exclude_my_tags, value)
        return replace(self, include_my_tags=inc, exclude_my_tags=exc)

    def clear_my_tag(self, value: str) -> FilterState:
        inc, exc = _cleared(self.include_my_tags, self.exclude_my_tags, value)
        return replace(self, include_my_tags=inc, exclude_my_tags=exc)

    def set_view(self, view: str) -> FilterState:
        if view not in VIEWS:
            raise ValueError(f"view must be one of {VIEWS}, not {view!r}")
        return replace(self, view=view)

    # --- dates ---------------------------------------------------------------------------------
    def set_range(self, since: dt.date | None, until: dt.date | None) -> FilterState:
        """A date range, both ends inclusive; ends given in the wrong order are swapped."""
        if since is not None and until is not None and since > until:
            since, until = until, since
        return replace(self, since=since, until=until)

    # --- all of them ---------------------------------------------------------------------------
    def remove(self, key: ChipKey) -> FilterState:
        """The state without the filter a chip stands for (unknown keys change nothing)."""
        if key == RANGE_KEY:
            return self.set_range(None, None)
        match key:
            case ("tag", "+" | "-", str(value)):
                return self.clear_tag(value)
            case ("source", "+" | "-", str(value)):
                return self.clear_source(value)
            case ("entity", "+" | "-", str(kind), str(value)):
                return self.clear_entity(kind, value)
            case ("category", "+" | "-", str(value)):
                return self.clear_category(value)
            case ("mytag", "+" | "-", str(value)):
                return self.clear_my_tag(value)
            case ("view",):
                return self.set_view("all")
        return self

    def clear(self) -> FilterState:
        """Every filter removed; the query and the AND/OR choice for tags are kept."""
        return FilterState(query=self.query, tags_mode=self.tags_mode)

    def has_filters(self) -> bool:
        """True when at least one chip would be shown."""
        return bool(
            self.include_tags
            or self.exclude_tags
            or self.include_sources
            or self.exclude_sources
            or self.include_entities
            or self.exclude_entities
            or self.since
            or self.until
            or self.include_categories
            or self.exclude_categories
            or self.include_my_tags
            or self.exclude_my_tags
            or self.view != "all"
        )

    def is_empty(self) -> bool:
        """True when nothing narrows the collection: no filter and no query words."""
        return not self.has_filters() and not self.query.strip()

    def chips(self) -> list[tuple[ChipKey, str]]:
        """One ``(key, label)`` per active filter, in a stable order, labels in the UI language."""
        out: list[tuple[ChipKey, str]] = []
        for sign, values in (("+", self.include_tags), ("-", self.exclude_tags)):
            out.extend((("tag", sign, v), _label(sign, t("tag"), v)) for v in sorted(values))
        for sign, values in (("+", self.include_sources), ("-", self.exclude_sources)):
            out.extend((("source", sign, v), _label(sign, t("source"), v)) for v in sorted(values))
        for sign, pairs in (("+", self.include_entities), ("-", self.exclude_entities)):
            for kind, value in sorted(pairs):
                name = t(ENTITY_LABELS.get(kind, kind))
                out.append((("entity", sign, kind, value), _label(sign, name, value)))
        for sign, values in (("+", self.include_categories), ("-", self.exclude_categories)):
            out.extend(
                (("category", sign, v), _label(sign, t("section"), v)) for v in sorted(values)
            )
        for sign, values in (("+", self.include_my_tags), ("-", self.exclude_my_tags)):
            out.extend((("mytag", sign, v), _label(sign, t("my tag"), v)) for v in sorted(values))
        if self.view != "all":
            out.append((VIEW_KEY, t({"starred": "Starred", "unread": "Unread"}[self.view])))
        if self.since or self.until:
            out.append((RANGE_KEY, self.range_label()))
        return out

    def range_label(self) -> str:
        if self.since and self.until:
            # LRE … PDF: the range reads left to right in the Arabic interface too; without it the
            # bidi algorithm puts the end date first in a right-to-left line
            return f"\u202a{self.since.isoformat()} – {self.until.isoformat()}\u202c"
        if self.since:
            return f"{t('since')} {self.since.isoformat()}"
        if self.until:
            return f"{t('until')} {self.until.isoformat()}"
        return ""

    def to_filters(self) -> Filters:
        """The index's view of these filters (the query goes to ``Index.search`` separately)."""
        from reader.index import Filters

        return Filters(
            include_tags=self.include_tags,
            exclude_tags=self.exclude_tags,
            tags_mode=self.tags_mode,
            include_sources=self.include_sources,
            exclude_sources=self.exclude_sources,
            include_entities=self.include_entities,
            exclude_entities=self.exclude_entities,
            since=self.since,
            until=self.until,
            include_categories=self.include_categories,
            exclude_categories=self.exclude_categories,
            include_marks=frozenset() if self.view == "all" else frozenset({self.view}),
            include_my_tags=self.include_my_tags,
            exclude_my_tags=self.exclude_my_tags,
        )

    @classmethod
    def from_filters(cls, query: str, filters: Filters) -> FilterState:
        """The state a saved search restores (the inverse of ``to_filters``)."""
        marks = filters.include_marks
        view = "starred" if "starred" in marks else "unread" if "unread" in marks else "all"
        return cls(
            query=query,
            include_tags=filters.include_tags,
            exclude_tags=filters.exclude_tags,
            tags_mode=filters.tags_mode,
            include_sources=filters.include_sources,
            exclude_sources=filters.exclude_sources,
            include_entities=filters.include_entities,
            exclude_entities=filters.exclude_entities,
            since=filters.since,
            until=filters.until,
            include_categories=filters.include_categories,
            exclude_categories=filters.exclude_categories,
            include_my_tags=filters.include_my_tags,
            exclude_my_tags=filters.exclude_my_tags,
            view=view,
        )


def _label(sign: str, field_name: str, value: str) -> str:
    # U+2212 MINUS SIGN marks an exclusion; it reads the same in both directions
    prefix = "−" if sign == "-" else ""
    return f"{prefix}{field_name}: {value}"
