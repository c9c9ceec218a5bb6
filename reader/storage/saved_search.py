"""A saved search: a name for a query, its filters, date range and sort (issue 18).

Kept in the folder's user state (reader/storage/state.py) as plain JSON, so it survives restarts and
travels in a case file (reader/storage/casefile.py). ``seen`` holds the ids the search matched when it was
last opened: in a live folder, the matches not among them are the "new" ones the sidebar counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from reader.index.types import Filters, SortKey

# the Filters fields a saved search keeps (the date range is kept apart, as the window shows it)
_SET_FIELDS = tuple(
    f.name for f in fields(Filters) if f.name not in ("tags_mode", "since", "until")
)


@dataclass(frozen=True, slots=True)
class SavedSearch:
    name: str
    query: str = ""
    filters: Filters = field(default_factory=Filters)
    sort: SortKey = SortKey.NEWEST
    seen: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        # an order given by its name (as callers and older versions spell it) becomes the key
        object.__setattr__(self, "sort", SortKey(self.sort))

    @property
    def since(self) -> dt.date | None:
        return self.filters.since

    @property
    def until(self) -> dt.date | None:
        return self.filters.until

    def new_count(self, ids: Iterable[str]) -> int:
        """How many of a result's ids were not matched when the search was last opened."""
        seen = self.seen
        return sum(1 for i in ids if i not in seen)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict with sorted lists, so the same search always writes the same bytes."""
        f = self.filters
        out: dict[str, Any] = {
            "query": self.query,
            "sort": self.sort.stored,
            "tags_mode": f.tags_mode,
        }
        out["since"] = f.since.isoformat() if f.since else None
        out["until"] = f.until.isoformat() if f.until else None
        for name in _SET_FIELDS:
            values = getattr(f, name)
            if values:
                out[name] = sorted(list(v) if isinstance(v, tuple) else v for v in values)
        out["seen"] = sorted(self.seen)
        return out

    @classmethod
    def from_json(cls, name: str, data: object) -> SavedSearch:
        """Raises TypeError / ValueError on anything but what ``to_json`` writes."""
        if not isinstance(data, dict):
            raise TypeError(f"saved search {name!r} is not an object")
        query = data.get("query", "")
        sort = _sort(data.get("sort", SortKey.NEWEST.value))
        if not isinstance(query, str) or sort is None:
            raise TypeError(f"saved search {name!r}: bad query or sort")
        mode = data.get("tags_mode", "and")
        if mode not in ("and", "or"):
            raise ValueError(f"saved search {name!r}: tags_mode {mode!r}")
        values: dict[str, Any] = {"tags_mode": mode}
        for end in ("since", "until"):
            day = data.get(end)
            values[end] = dt.date.fromisoformat(day) if isinstance(day, str) else None
        for field_name in _SET_FIELDS:
            items = data.get(field_name, [])
            if not isinstance(items, list):
                raise TypeError(f"saved search {name!r}: {field_name} is not a list")
            values[field_name] = frozenset(_item(field_name, v) for v in items)
        seen = data.get("seen", [])
        if not isinstance(seen, list) or not all(isinstance(i, str) for i in seen):
            raise TypeError(f"saved search {name!r}: seen is not a list of ids")
        return cls(name, query, Filters(**values), sort, frozenset(seen))


def _sort(value: object) -> SortKey | None:
    """The stored order (also as an older version named it), or None for anything else."""
    if not isinstance(value, str):
        return None
    try:
        return SortKey(value)
    except ValueError:
        return None


def _item(field_name: str, value: object) -> str | tuple[str, ...]:
    """One value of a set field: a string, or (entities, note words) a list of strings."""
    if isinstance(value, str) and "entities" not in field_name and "note" not in field_name:
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise TypeError(f"{field_name}: unexpected value {value!r}")
