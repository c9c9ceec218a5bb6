"""Folder-level linking and canonical names: the names of each article, one-word names linked to
the full name that dominates them, each identity named by its most frequent form."""

from __future__ import annotations

from collections import Counter, defaultdict

from reader.entities.identity.resolve import Identities, Identity
from reader.entities.identity.survey import Survey
from reader.model import ENTITY_KINDS

Name = tuple[str, str]  # (kind, key)
# across the folder a full name "dominates" a word when it is this many times as frequent as the
# next full name holding that word, and at least this share of the word's standalone count
DOMINANCE = 2.0
DOMINANT_SHARE = 0.5


def folder_names(
    resolver: Identities, survey: Survey
) -> tuple[dict[Name, dict[str, int]], list[tuple[Name, ...]]]:
    """Pass 2, over the survey's ids (no text): the forms each name is seen in and each
    article's names (kept for linking); the articles naming each name go to
    ``resolver._counts``."""
    resolved = [resolver._resolve(raw) for raw in survey.texts]
    standalone: Counter[Name] = Counter()
    surfaces: dict[tuple[str, str, str], int] = {}
    per_doc: list[tuple[Name, ...]] = []
    entries, bounds = survey.entries, survey.bounds
    for doc in range(len(bounds) - 1):
        names: dict[Name, None] = {}
        for entry in entries[bounds[doc] : bounds[doc + 1]]:
            info = resolved[entry >> 2]
            if info is None:
                continue
            _, _, key, surface, fixed = info
            name = (fixed or ENTITY_KINDS[entry & 3], key)
            names[name] = None
            form = (*name, surface)
            surfaces[form] = surfaces.get(form, 0) + 1
        per_doc.append(tuple(names))
        standalone.update(names.keys())
    forms: dict[Name, dict[str, int]] = defaultdict(dict)
    for (kind, key, surface), n in surfaces.items():
        forms[(kind, key)][surface] = n
    resolver._counts = dict(standalone)
    return forms, per_doc


def folder_links(
    resolver: Identities, per_doc: list[tuple[Name, ...]]
) -> tuple[dict[Name, str], dict[Name, set[Name]], list[dict[Name, Name]]]:
    """Folder-level links of one-word names (after in-article linking), the one-word names each
    full name took in its articles, and each article's in-article links."""
    linked: Counter[Name] = Counter()
    article_forms: dict[Name, set[Name]] = defaultdict(set)
    in_article: list[dict[Name, Name]] = []
    for names_here in per_doc:
        targets = resolver._linked(names_here)
        linked.update(set(targets.values()))
        moved = {name: target for name, target in targets.items() if target != name}
        for name, target in moved.items():
            article_forms[target].add(name)
        in_article.append(moved)
    by_word: dict[Name, list[tuple[int, str]]] = defaultdict(list)
    for (kind, key), n in linked.items():
        if " " in key:
            for word in set(key.split()):
                by_word[(kind, word)].append((n, key))
    links: dict[Name, str] = {}
    for (kind, key), alone in linked.items():
        if " " in key:
            continue
        fulls = sorted(by_word.get((kind, key), ()), reverse=True)
        if not fulls:
            continue
        top = fulls[0][0]
        runner = fulls[1][0] if len(fulls) > 1 else 0
        if top >= DOMINANCE * runner and top >= DOMINANT_SHARE * alone:
            links[(kind, key)] = fulls[0][1]
    return links, article_forms, in_article


def gather_identities(
    forms: dict[Name, dict[str, int]],
    links: dict[Name, str],
    article_forms: dict[Name, set[Name]],
    strips: dict[str, tuple[int, str]],
) -> dict[Name, Identity]:
    """Each name's identity: its target's (a linked one-word name's full name, else itself),
    named by the target's most frequent form, with every member's forms as variants."""
    members: dict[Name, set[Name]] = defaultdict(set)
    for kind, key in forms:
        target = links.get((kind, key), key) if " " not in key else key
        members[(kind, target)].add((kind, key))
    for named, sources in article_forms.items():
        members[named].add(named)
        members[named].update(sources)  # variants for the tooltip; they keep their own identity
    identities: dict[Name, Identity] = {}
    for (kind, target), group in members.items():
        variants: Counter[str] = Counter()
        for member in group:
            variants.update(forms.get(member, {}))
        own = forms.get((kind, target)) or variants
        name = min(own.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0] if own else target
        ordered = sorted(variants.items(), key=lambda kv: (-kv[1], kv[0]))
        identities[(kind, target)] = Identity(
            kind, name, (name, *(v for v, _ in ordered if v != name))
        )
    # a one-word name without a folder-level link keeps an identity of its own (its articles
    # without the full name): its key finds that one, not the full name's
    for (kind, target), group in members.items():
        for member in group:
            if member not in identities:
                identities[member] = identities[(kind, target)]
    # the keys of the forms with a clitic (بتونس) find the identity too
    for key, (_, rest) in strips.items():
        for kind in ENTITY_KINDS:
            found = identities.get((kind, rest))
            if found is not None:
                identities.setdefault((kind, key), found)
    return identities
