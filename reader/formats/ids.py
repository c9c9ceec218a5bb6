"""Article ids made unique across a folder: the one place a clash between two ids is broken.

An id is the article's file relative to the folder, with ``#N`` for the N-th article of a file
that holds several (``reader.model.Article``). Two articles can still come out with one id, and
the library, keyed by id, would silently keep only one of them:

* two file names that differ only in bytes that are not UTF-8 (``t\\xe1.txt``, ``t\\xe2.txt``) are
  both shown as ``t\\ufffd.txt`` (``parse.printable_path``);
* the second item of a JSON file ``feed`` is ``feed#2``, and so is a file named ``feed#2``.

The scan makes the files' relative paths unique (``unique_rels``); ``IdClaims.settle`` then gives
each file's articles those paths and, in folder order, renames an id already taken: the later
article gets ``~2`` (``~3``, ...) and a note, on the article and as a ``LoadProblem``. Full
loads, cached reopens and ``read_folder`` settle the files in folder order, so the same folder
gets the same ids every time; a live update settles its files against the ids already loaded.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from reader.model import Article, LoadProblem

CLASH_MARK = "~"


def unique_rels(rels: Sequence[str]) -> list[str]:
    """``rels`` (printable relative paths, in folder order) with repeats renamed ``rel~2``,
    ``rel~3`` ..., never to a path already in the list."""
    taken = set(rels)
    if len(taken) == len(rels):
        return list(rels)
    seen: set[str] = set()
    out: list[str] = []
    for name in rels:
        rel = name
        if rel in seen:
            rel = _free(name, taken.__contains__)
            taken.add(rel)
        seen.add(rel)
        out.append(rel)
    return out


def _free(name: str, taken: Callable[[str], bool]) -> str:
    number = 2
    while taken(f"{name}{CLASH_MARK}{number}"):
        number += 1
    return f"{name}{CLASH_MARK}{number}"


class IdClaims:
    """The ids given so far. ``is_taken`` may add ids held elsewhere (a live update checks the
    library's articles); ids settled here are remembered here."""

    def __init__(self, is_taken: Callable[[str], bool] | None = None) -> None:
        self.given: set[str] = set()
        self._elsewhere = is_taken
        # whether any article was renamed (an index built from the unsettled ids is stale)
        self.renamed = False

    def taken(self, article_id: str) -> bool:
        return article_id in self.given or (
            self._elsewhere is not None and self._elsewhere(article_id)
        )

    def settle(
        self, rel: str, articles: Sequence[Article], problems: Sequence[LoadProblem]
    ) -> tuple[tuple[Article, ...], tuple[LoadProblem, ...]]:
        """The articles and problems of the file listed as ``rel``, with that path and ids no
        earlier article holds. Returned as given (the same objects) when nothing changes."""
        given = self.given
        # the usual case, kept cheap: it runs once per file of a 100,000-file folder
        if len(articles) == 1 and not problems:
            only = articles[0]
            article_id = only.id
            if (
                article_id not in given
                and (only.path == rel or not only.path)
                and (self._elsewhere is None or not self._elsewhere(article_id))
            ):
                given.add(article_id)
                return tuple(articles), ()
        out: list[Article] = []
        notes: list[LoadProblem] = []
        for parsed in articles:
            article = parsed
            if article.path not in (rel, ""):
                old = article.path
                article = _moved(article, rel)
                if not any(n.path == rel and old in n.reason for n in notes):
                    reason = f"the file name reads like another file's ({old!r}): listed as {rel!r}"
                    notes.append(LoadProblem(rel, reason))
                self.renamed = True
            if self.taken(article.id):
                new_id = _free(article.id, self.taken)
                notes.append(
                    LoadProblem(
                        rel,
                        f"article id {article.id!r} is already another article's: "
                        f"this one is listed as {new_id!r}",
                    )
                )
                note = f"id {article.id!r} is also another article's: listed as {new_id!r}"
                article = dataclasses.replace(
                    article, id=new_id, problems=(*article.problems, note)
                )
                self.renamed = True
            given.add(article.id)
            out.append(article)
        moved = tuple(p if p.path == rel else LoadProblem(rel, p.reason) for p in problems)
        return tuple(out), (*moved, *notes)


def _moved(article: Article, rel: str) -> Article:
    """An article of a file whose printable name repeats another's, under the file's own
    unique path (``unique_rels``)."""
    old = article.path
    suffix = article.id[len(old) :] if article.id.startswith(old) else ""
    # names that are not UTF-8 print their broken bytes as U+FFFD (``parse.printable_path``)
    note = f"the file name reads like another file's ({old!r}): listed as {rel!r}"
    return dataclasses.replace(
        article, id=rel + suffix, path=rel, problems=(*article.problems, note)
    )
