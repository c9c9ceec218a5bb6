"""Which article of the folder a "read also" headline names: the reading pane's links.

Scraped pages list related headlines of the same site (``Article.related``); when the folder
holds the article with that title, the pane links to it. Titles are compared with their spacing
folded (a site's "read also" lines copy its own headlines, so spacing is what differs in
practice; full Arabic normalisation of every title would take seconds at 100,000 articles).

Building the map for 100,000 titles takes ~70 ms: the loader builds it on its thread, and a
live change updates it article by article instead of building it again on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.model import Article


def fold(title: str) -> str:
    return " ".join(title.split())


class TitleLinks:
    """Folded title -> ids of the articles with that title (most often one)."""

    def __init__(self, articles: Iterable[Article] = ()) -> None:
        self._ids: dict[str, list[str]] = {}
        for article in articles:
            self.add(article)

    def add(self, article: Article) -> None:
        key = fold(article.title)
        if key:
            ids = self._ids.setdefault(key, [])
            if article.id not in ids:
                ids.append(article.id)

    def remove(self, article: Article) -> None:
        key = fold(article.title)
        ids = self._ids.get(key)
        if ids and article.id in ids:
            ids.remove(article.id)
            if not ids:
                del self._ids[key]

    def target(self, headline: str, source_id: str) -> str | None:
        """The id of an article titled ``headline``, other than ``source_id``; None if none."""
        for article_id in self._ids.get(fold(headline), ()):
            if article_id != source_id:
                return article_id
        return None

    def links(self, article: Article) -> dict[str, str]:
        """Each related headline of ``article`` that names an article here -> that article's id."""
        found = {}
        for headline in article.related:
            target = self.target(headline, article.id)
            if target is not None:
                found[headline] = target
        return found
