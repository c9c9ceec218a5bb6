"""The article list: a thin Qt model over the ids a search returned.

Like Anki's browser table, the model holds only ids and builds each row when the view asks for it,
so 100,000 rows cost a tuple of strings, and a new search is one reset.

Why a QStringListModel underneath: a QListView lays out by asking the model for an index per row,
and ``index()`` asks ``rowCount()``; a Python ``rowCount`` then costs one Python call per row on
every layout (160 ms for 31,000 rows, measured). The C++ string list (of empty strings) answers
the row count and the indexes in C++, so only the visible rows ever reach Python (``data``).
Its reset and insert signals are emitted by Qt around the change, so a view never sees the ids and
the row count disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt, Signal

from reader.index.types import SortKey
from reader.model import Article, Span
from reader.storage.state import UserState
from reader.ui.common.plain import isolated, tooltip_text

Lookup = Callable[[str], Article | None]
SnippetFn = Callable[[Article], tuple[str, Sequence[Span]]]
AnyIndex = QModelIndex | QPersistentModelIndex

INSERT_CHUNK = 256  # rows per insertRows call while a folder loads (see append_ids)


class Roles:
    ID = Qt.ItemDataRole.UserRole + 1
    DATE = Qt.ItemDataRole.UserRole + 2
    SOURCE = Qt.ItemDataRole.UserRole + 3
    SNIPPET = Qt.ItemDataRole.UserRole + 4  # (text, spans) or None when not searching
    READ = Qt.ItemDataRole.UserRole + 5
    STARRED = Qt.ItemDataRole.UserRole + 6
    TITLE = Qt.ItemDataRole.UserRole + 7
    # the reader's note mark and own tags, "✎ · tag, tag" ("" when neither; issue 18)
    MARKS = Qt.ItemDataRole.UserRole + 8


def sort_ids(ids: Sequence[str], lookup: Lookup, key: SortKey) -> tuple[str, ...]:
    """``ids`` in the order the sort selector asks for; ``relevance`` keeps the search's order.

    Python's sort is stable, so articles with equal keys keep the index's order.
    """
    if key == SortKey.RELEVANCE:
        return tuple(ids)

    def article(i: str) -> Article | None:
        return lookup(i)

    if key in (SortKey.NEWEST, SortKey.OLDEST):
        # undated articles go last in both directions
        def date_key(i: str) -> tuple[int, int]:
            a = article(i)
            if a is None or a.date is None:
                return (1, 0)
            ordinal = a.date.toordinal()
            return (0, -ordinal if key == SortKey.NEWEST else ordinal)

        return tuple(sorted(ids, key=date_key))
    if key == SortKey.TITLE:
        return tuple(sorted(ids, key=lambda i: ((a := article(i)) is None, a.title if a else "")))
    if key == SortKey.SOURCE:
        return tuple(
            sorted(
                ids,
                key=lambda i: ((a := article(i)) is None or not a.source, (a and a.source) or ""),
            )
        )
    raise ValueError(f"unknown sort key {key!r}")


def _no_article(_: str) -> Article | None:
    return None


class ArticleListModel(QStringListModel):
    # a read or starred flag changed through the model (the window schedules a save)
    user_flags_changed = Signal()

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._ids: tuple[str, ...] = ()
        self._lookup: Lookup = _no_article
        self._state: UserState | None = None
        self._snippet_fn: SnippetFn | None = None
        self._snippets: dict[str, tuple[str, Sequence[Span]]] = {}
        self._rows: dict[str, int] | None = None
        self._scanned = False  # row_of's one scan since the last change of the ids

    # ---- feeding
    @property
    def ids(self) -> tuple[str, ...]:
        return self._ids

    @property
    def has_snippets(self) -> bool:
        return self._snippet_fn is not None

    def set_ids(
        self,
        ids: Sequence[str],
        lookup: Lookup | None = None,
        snippet_fn: SnippetFn | None = None,
    ) -> None:
        self._ids = tuple(ids)
        if lookup is not None:
            self._lookup = lookup
        self._snippet_fn = snippet_fn
        self._snippets = {}
        self._rows = None
        self._scanned = False
        # one reset, emitted by Qt around the swap of the row count
        self.setStringList([""] * len(self._ids))

    def append_ids(self, ids: Iterable[str]) -> None:
        """Rows arriving while a folder loads: one insert per batch, not per article."""
        new = tuple(ids)
        if not new:
            return
        first = len(self._ids)
        # the ids run ahead of the row count only while the rows go in: a view asks only for
        # rows below the count, and those ids are already right
        self._ids = self._ids + new
        self._rows = None
        self._scanned = False
        # a few hundred rows per insert: QStringListModel inserts its strings one by one at the
        # same row, each in front of the ones just added, so one insert of n rows moves n²/2
        # strings (25,000 rows appended to a loading 100k list: 50-110 ms on the GUI thread,
        # against ~1 ms in chunks of 256). Each insert emits rowsAboutToBeInserted/rowsInserted.
        for start in range(first, first + len(new), INSERT_CHUNK):
            self.insertRows(start, min(INSERT_CHUNK, first + len(new) - start))

    def set_lookup(self, lookup: Lookup) -> None:
        self._lookup = lookup

    def set_state(self, state: UserState | None) -> None:
        self._state = state
        self._flags_changed(0, len(self._ids) - 1)

    # ---- queries
    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: str) -> int:
        """The row of an id, or -1.

        The first lookup after a reset (the article kept shown when a new result comes, on every
        search) scans the ids in C: 0.7 ms at 100,000 rows, where building the reverse map took
        20-28 ms of the GUI thread. A second lookup of the same result builds the map."""
        if self._rows is None:
            if not self._scanned:
                self._scanned = True
                try:
                    return self._ids.index(article_id)
                except ValueError:
                    return -1
            self._rows = dict(zip(self._ids, range(len(self._ids)), strict=True))
        return self._rows.get(article_id, -1)

    def article_at(self, row: int) -> Article | None:
        article_id = self.id_at(row)
        return None if article_id is None else self._lookup(article_id)

    # ---- user flags
    def set_read(self, row: int, value: bool) -> None:
        article_id = self.id_at(row)
        if article_id is None or self._state is None:
            return
        self._state.set_read(article_id, value)
        self._flags_changed(row, row)
        self.user_flags_changed.emit()

    def set_starred(self, row: int, value: bool) -> None:
        article_id = self.id_at(row)
        if article_id is None or self._state is None:
            return
        self._state.set_starred(article_id, value)
        self._flags_changed(row, row)
        self.user_flags_changed.emit()

    def _marks(self, article_id: str) -> str:
        state = self._state
        if state is None:
            return ""
        note = "✎" if state.article_note(article_id) else ""
        return " · ".join(part for part in (note, "، ".join(state.my_tags(article_id))) if part)

    def marks_changed(self, article_id: str) -> None:
        """An own tag or the note of an article changed: repaint its row."""
        row = self.row_of(article_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row), self.index(row), [Roles.MARKS])

    def _flags_changed(self, first: int, last: int) -> None:
        if last >= first >= 0:
            self.dataChanged.emit(self.index(first), self.index(last), [Roles.READ, Roles.STARRED])

    # ---- Qt model interface
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.column() != 0 or not 0 <= index.row() < len(self._ids):
            return None
        article_id = self._ids[index.row()]
        if role == Roles.ID:
            return article_id
        if role == Roles.READ:
            return self._state is not None and self._state.is_read(article_id)
        if role == Roles.STARRED:
            return self._state is not None and self._state.is_starred(article_id)
        if role == Roles.MARKS:
            return self._marks(article_id)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Roles.TITLE,
            Roles.DATE,
            Roles.SOURCE,
            Roles.SNIPPET,
        ):
            return None
        article = self._lookup(article_id)
        if article is None:
            return article_id if role == Qt.ItemDataRole.DisplayRole else None
        if role in (Qt.ItemDataRole.DisplayRole, Roles.TITLE):
            return article.title or article_id  # painted as plain text by the delegate
        if role == Qt.ItemDataRole.ToolTipRole:
            # embedded in its own direction: an Arabic title's closing quote or "!" stays at its
            # end in the English interface's tooltip too
            return tooltip_text(isolated(article.title or article_id))
        if role == Roles.DATE:
            return article.date
        if role == Roles.SOURCE:
            return article.source
        return self._snippet(article)

    def _snippet(self, article: Article) -> tuple[str, Sequence[Span]] | None:
        if self._snippet_fn is None:
            return None
        cached = self._snippets.get(article.id)
        if cached is None:
            cached = self._snippet_fn(article)
            self._snippets[article.id] = cached
        return cached
