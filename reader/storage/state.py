"""What the user did to articles (read, starred, own tags, notes) and saved searches, kept across restarts.

Kept in the user's data directory (platformdirs), one small JSON file per opened folder, so the
articles themselves stay untouched and read-only folders work. A ``UserState`` is bound to its
folder's file when it is made and only ever saves there. Writes go to a temporary file in the
same directory, synced, and moved over the old one with ``os.replace``: a crash mid-write leaves
the previous state, never half a file.

Reading never raises and never blocks: a file that is not a regular file (a FIFO would block the
read forever), that is too big, that does not decode or that does not hold the expected lists is
damage. The state then starts empty, the file is kept aside as ``<name>.damaged`` (so the next
save loses nothing), and ``note`` says so; the window shows it in the status bar.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from reader.index.facets import facet_key
from reader.index.marks import Marks, NoteIndex
from reader.printable import printable
from reader.storage.saved_search import SavedSearch
from reader.storage.state_file import (
    FORMAT,
    Damaged,
    ViewState,
    decode,
    decode_view,
    folder_key,
    free_name,
    read_regular,
    state_path,
)

__all__ = ["UserState", "ViewState", "state_path"]


class UserState:
    """Read and starred flags, own tags and notes of the articles of one folder, keyed by article
    id, and the folder's saved searches.

    Making one never raises: whatever is wrong with the saved file becomes ``note``. ``readonly``
    (the command line): a damaged file is only reported, never moved, and ``save`` refuses.
    """

    def __init__(self, folder: Path, path: Path | None = None, *, readonly: bool = False) -> None:
        self.folder = Path(folder)
        self._read: set[str] = set()
        self._starred: set[str] = set()
        self._my_tags: dict[str, tuple[str, ...]] = {}
        self._notes: dict[str, str] = {}
        self._searches: dict[str, SavedSearch] = {}
        # the snapshot the index filters with, made again only after a change
        self._marks: Marks | None = None
        self._frozen_read: frozenset[str] | None = None
        self._frozen_starred: frozenset[str] | None = None
        self._tag_maps: tuple[dict[str, frozenset[str]], dict[str, str]] | None = None
        self._note_index: NoteIndex | None = None
        self._readonly = readonly
        self._view = ViewState()
        self.note: str | None = None
        self.dirty = False
        # the file could not be used nor moved aside: never write over it
        self._kept_in_place = False
        self.path = path if path is not None else state_path(self.folder)
        self._load()

    def _load(self) -> None:
        try:
            data = read_regular(self.path)
        except FileNotFoundError:
            return
        except Damaged as err:
            self._set_aside(str(err))
            return
        except OSError as err:  # unreadable: kept aside too, so a save cannot overwrite it
            self._set_aside(f"could not be read: {err.strerror or err}", damaged=False)
            return
        try:
            read, starred, my_tags, notes, searches = decode(data)
        except UnicodeDecodeError:  # before ValueError, its base class
            self._set_aside("not UTF-8")
            return
        except RecursionError:  # JSON nested thousands deep
            self._set_aside("JSON nested too deeply")
            return
        except json.JSONDecodeError as err:
            self._set_aside(f"invalid JSON: {err}")
            return
        except (ValueError, KeyError, TypeError) as err:
            self._set_aside(f"{type(err).__name__}: {err}")
            return
        try:
            view = decode_view(data)
        except (ValueError, TypeError) as err:  # damage in the view section is damage too
            self._set_aside(f"{type(err).__name__}: {err}")
            return
        self._read, self._starred, self._view = read, starred, view
        self._my_tags, self._notes, self._searches = my_tags, notes, searches

    def _set_aside(self, reason: str, *, damaged: bool = True) -> None:
        """The file cannot be used: keep it as ``<name>.damaged`` and start empty, with a note.

        When it cannot be moved, this session's marks are not saved over it (``save`` raises)."""
        self._read, self._starred = set(), set()
        what = f"{printable(str(self.path))}: saved state " + (
            f"is damaged ({reason})" if damaged else reason
        )
        if self._readonly:
            self._kept_in_place = True
            self.note = f"{what}; read as empty"
            return
        aside = free_name(self.path.with_name(self.path.name + ".damaged"))
        try:
            self.path.replace(aside)
        except OSError as err:
            self._kept_in_place = True
            self.note = (
                f"{what} and could not be kept aside ({err.strerror or err}); starting empty,"
                " marks are not saved"
            )
            return
        self.note = f"{what}; kept as {printable(aside.name)}, starting empty"

    def is_read(self, article_id: str) -> bool:
        return article_id in self._read

    def is_starred(self, article_id: str) -> bool:
        return article_id in self._starred

    def set_read(self, article_id: str, value: bool = True) -> None:
        self._set(self._read, article_id, value)

    def set_starred(self, article_id: str, value: bool = True) -> None:
        self._set(self._starred, article_id, value)

    def _set(self, bucket: set[str], article_id: str, value: bool) -> None:
        if value and article_id not in bucket:
            bucket.add(article_id)
            self._changed(bucket)
        elif not value and article_id in bucket:
            bucket.discard(article_id)
            self._changed(bucket)

    def _changed(self, what: set[str] | str | None = None) -> None:
        """Something changed: ``what`` is the read or starred set, "tags", "notes" or "searches"
        (None: anything). The parts that did not change keep their frozen copies, so the index
        keeps their bitmaps and the notes are not tokenised again."""
        self.dirty = True
        if what == "searches":
            return  # not part of the marks
        self._marks = None
        if what is None or what is self._read:
            self._frozen_read = None
        if what is None or what is self._starred:
            self._frozen_starred = None
        if what is None or what == "tags":
            self._tag_maps = None
        if what is None or what == "notes":
            self._note_index = None

    # ---- own tags -------------------------------------------------------------------------
    def my_tags(self, article_id: str) -> tuple[str, ...]:
        """The reader's own tags of an article, in the order given."""
        return self._my_tags.get(article_id, ())

    def set_my_tags(self, article_id: str, tags: Iterable[str]) -> None:
        """Replace an article's own tags; blanks dropped, spaces collapsed, a tag given twice
        (after Arabic normalisation: غزة and غزه are one tag) kept once."""
        kept: dict[str, str] = {}
        for given in tags:
            tag = " ".join(given.split())
            if tag and facet_key(tag):
                kept.setdefault(facet_key(tag), tag)
        new = tuple(kept.values())
        if new == self.my_tags(article_id):
            return
        if new:
            self._my_tags[article_id] = new
        else:
            self._my_tags.pop(article_id, None)
        self._changed("tags")

    def add_my_tag(self, article_id: str, tag: str) -> None:
        self.set_my_tags(article_id, (*self.my_tags(article_id), tag))

    def remove_my_tag(self, article_id: str, tag: str) -> None:
        key = facet_key(tag)
        self.set_my_tags(article_id, [t for t in self.my_tags(article_id) if facet_key(t) != key])

    def all_my_tags(self) -> dict[str, int]:
        """Every own tag in use (its first-seen form) with how many articles carry it, for
        completion and the "My tags" facet; ordered by name."""
        counts: dict[str, int] = {}
        names: dict[str, str] = {}
        for tags in self._my_tags.values():
            for tag in tags:
                name = names.setdefault(facet_key(tag), tag)
                counts[name] = counts.get(name, 0) + 1
        return dict(sorted(counts.items()))

    # ---- notes ------------------------------------------------------------------------------
    def article_note(self, article_id: str) -> str:
        return self._notes.get(article_id, "")

    def set_article_note(self, article_id: str, text: str) -> None:
        """A note per article; an empty (or blank) note removes it."""
        if text == self.article_note(article_id):
            return
        if text.strip():
            self._notes[article_id] = text
        else:
            self._notes.pop(article_id, None)
        self._changed("notes")

    @property
    def noted_ids(self) -> frozenset[str]:
        return frozenset(self._notes)

    # ---- saved searches ---------------------------------------------------------------------
    @property
    def searches(self) -> tuple[SavedSearch, ...]:
        """The saved searches, by name."""
        return tuple(self._searches[name] for name in sorted(self._searches))

    def saved_search(self, name: str) -> SavedSearch | None:
        return self._searches.get(name)

    def save_search(self, search: SavedSearch) -> None:
        """Add a saved search, or replace the one of that name."""
        if self._searches.get(search.name) != search:
            self._searches[search.name] = search
            self._changed("searches")

    def rename_search(self, old: str, new: str) -> bool:
        """False when there is no ``old`` or ``new`` is taken or blank."""
        new = " ".join(new.split())
        if old not in self._searches or not new or (new != old and new in self._searches):
            return False
        if new != old:
            search = self._searches.pop(old)
            self._searches[new] = SavedSearch(
                new, search.query, search.filters, search.sort, search.seen
            )
            self._changed("searches")
        return True

    def delete_search(self, name: str) -> None:
        if self._searches.pop(name, None) is not None:
            self._changed("searches")

    def snapshot(self) -> UserState:
        """A copy for another thread (an export in the background); it never saves."""
        copy = object.__new__(UserState)
        copy.__dict__.update(self.__dict__)
        copy._read, copy._starred = set(self._read), set(self._starred)
        copy._my_tags, copy._notes = dict(self._my_tags), dict(self._notes)
        copy._searches = dict(self._searches)
        copy._kept_in_place = True
        return copy

    # ---- what the index filters with --------------------------------------------------------
    def marks(self) -> Marks:
        """A snapshot for ``Index.search(marks=...)``; the same object until something changes."""
        if self._marks is None:
            if self._tag_maps is None:
                by_key: dict[str, set[str]] = {}
                names: dict[str, str] = {}
                for article_id, tags in self._my_tags.items():
                    for tag in tags:
                        key = facet_key(tag)
                        names.setdefault(key, tag)
                        by_key.setdefault(key, set()).add(article_id)
                self._tag_maps = ({k: frozenset(v) for k, v in by_key.items()}, names)
            if self._note_index is None:
                self._note_index = NoteIndex(self._notes)
            if self._frozen_read is None:
                self._frozen_read = frozenset(self._read)
            if self._frozen_starred is None:
                self._frozen_starred = frozenset(self._starred)
            self._marks = Marks(
                starred=self._frozen_starred,
                read=self._frozen_read,
                my_tags=self._tag_maps[0],
                my_tag_names=self._tag_maps[1],
                notes=self._note_index,
            )
        return self._marks

    def rename(self, old_id: str, new_id: str) -> None:
        """An article's id changed (its file was renamed or moved): its flags follow it.

        Idempotent: flags the old id no longer has leave the new id's flags alone.
        """
        for bucket in (self._read, self._starred):
            if old_id in bucket:
                bucket.discard(old_id)
                if new_id not in bucket:
                    bucket.add(new_id)
                self._changed()
        tags = self._my_tags.pop(old_id, None)
        if tags is not None:
            self._changed()
            self.set_my_tags(new_id, (*self.my_tags(new_id), *tags))
        note = self._notes.pop(old_id, None)
        if note is not None:
            self._changed()
            if new_id not in self._notes:
                self._notes[new_id] = note

    @property
    def view(self) -> ViewState:
        return self._view

    def set_view(self, view: ViewState) -> None:
        if view != self._view:
            self._view = view
            self.dirty = True

    @property
    def starred_ids(self) -> frozenset[str]:
        return frozenset(self._starred)

    @property
    def read_ids(self) -> frozenset[str]:
        return frozenset(self._read)

    def save(self) -> None:
        """Write atomically (temp file, fsync, os.replace) to this folder's own file.

        Raises OSError when the directory is not writable, or when the file there could not
        be read nor kept aside (saving would destroy it)."""
        if self._kept_in_place:
            raise PermissionError(f"not saved over {self.path.name}, which could not be kept aside")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # a lone surrogate (a folder name that is not UTF-8) has no UTF-8; "backslashreplace"
        # writes it as the JSON escape \udcff, which reads back as the same string
        data = json.dumps(self.to_json(), ensure_ascii=False).encode("utf-8", "backslashreplace")
        fd, tmp = tempfile.mkstemp(prefix=".state-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            Path(tmp).replace(self.path)  # os.replace: atomic on POSIX and Windows
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self.dirty = False

    def to_json(self) -> dict:
        """Everything this state holds as a JSON-ready dict, lists sorted (same state, same bytes)."""
        payload: dict = {
            "format": FORMAT,
            "folder": folder_key(self.folder),
            "read": sorted(self._read),
            "starred": sorted(self._starred),
            "my_tags": {i: list(tags) for i, tags in sorted(self._my_tags.items())},
            "notes": dict(sorted(self._notes.items())),
            "searches": {s.name: s.to_json() for s in self.searches},
        }
        if self._view != ViewState():
            payload["view"] = {
                "article": self._view.article_id,
                "article_scroll": self._view.article_scroll,
                "list_scroll": self._view.list_scroll,
            }
        return payload

    def replace_with(self, data: bytes) -> None:
        """Take the marks, tags, notes and searches of a state's (or case file's) bytes; raises
        ValueError / TypeError / KeyError on anything else and then changes nothing."""
        read, starred, my_tags, notes, searches = decode(data)
        self._read, self._starred = read, starred
        self._my_tags, self._notes, self._searches = my_tags, notes, searches
        self._changed()
