"""Building a folder's identities from its articles' spans (the steps: ``survey``, ``clitics``,
``linking``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from reader.entities.identity.clitics import clitic_strips
from reader.entities.identity.linking import folder_links, folder_names, gather_identities
from reader.entities.identity.resolve import Identities, clean
from reader.entities.identity.survey import agreed_types, read_survey
from reader.model import Span


def build_identities(
    docs: Iterable[tuple[str, Sequence[Span]]], word_df: Callable[[str], int] | None = None
) -> Identities:
    """The identities of a folder from each article's (text, entity spans).

    ``word_df``: articles of the folder holding a normalised word (the search index's document
    frequency): the evidence that a clitic-less reading is the common form; without it, only
    names count.
    """
    return build_with_values(docs, word_df)[0]


def build_with_values(
    docs: Iterable[tuple[str, Sequence[Span]]], word_df: Callable[[str], int] | None = None
) -> tuple[Identities, list[dict[str, list[str]]]]:
    """``build_identities``, and each article's entity names by type (its facet values), read
    from the same pass: the texts are read once."""
    survey = read_survey(docs)
    strips = clitic_strips(survey, word_df)
    kinds = agreed_types(survey, strips)
    resolver = Identities(strips, kinds, {}, {}, {})
    forms, per_doc = folder_names(resolver, survey)
    links, article_forms, in_article = folder_links(resolver, per_doc)
    identities = gather_identities(forms, links, article_forms, strips)
    result = Identities(strips, kinds, links, resolver._counts, identities)
    values: list[dict[str, list[str]]] = []
    for names, linked in zip(per_doc, in_article, strict=True):
        named: dict[str, list[str]] = {}
        seen_here: set[tuple[str, str]] = set()
        for name in names:
            kind, key = target = linked.get(name, name)
            if target == name and " " not in key:
                target = (kind, links.get(name, key))
            identity = identities.get(target)
            value = (kind, identity.name if identity is not None else target[1])
            if value not in seen_here:
                seen_here.add(value)
                named.setdefault(kind, []).append(value[1])
        values.append(named)
    # the span texts of the whole folder: cheap to clean again, dear to keep (tens of MB at
    # 100,000 articles)
    clean.cache_clear()
    return result, values
