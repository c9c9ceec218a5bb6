"""The known-item queries of the search benchmark (``bench_search.py``) and of the opt-in corpus
test (tests/test_index_corpus.py): for articles whose title is unique, 2-3 of its words typed the
way a person might (hamza dropped, ة typed as ه, ال added or removed, a clitic attached, a stray
diacritic), with a fixed seed; and the success@10 and MRR@10 of the ranks a search gives them."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence

from reader.model import Article
from reader.text import normalize, tokenize

STOPWORDS = frozenset(
    normalize(w)
    for w in [
        "من",
        "في",
        "على",
        "إلى",
        "الى",
        "عن",
        "مع",
        "بعد",
        "قبل",
        "ما",
        "ماذا",
        "هل",
        "كيف",
        "لماذا",
        "متى",
        "أين",
        "أن",
        "إن",
        "أنه",
        "إنه",
        "التي",
        "الذي",
        "الذين",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "بين",
        "حول",
        "عند",
        "عبر",
        "منذ",
        "خلال",
        "ضد",
        "دون",
        "غير",
        "كل",
        "بعض",
        "لا",
        "لم",
        "لن",
        "قد",
        "ثم",
        "أو",
        "أم",
        "بل",
        "هو",
        "هي",
        "هم",
        "كان",
        "كانت",
        "يكون",
        "تكون",
        "ليس",
        "وقد",
        "وفي",
        "ومن",
        "وعلى",
        "وأن",
        "وإن",
        "له",
        "لها",
        "لهم",
        "به",
        "بها",
        "فيه",
        "فيها",
    ]
)
HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"


def _content_words(title: str) -> list[str]:
    return [
        t.text
        for t in tokenize(title)
        if len(t.norm) >= 3 and t.norm not in STOPWORDS and not t.norm.isdigit()
    ]


def _drop_hamza(w: str) -> str | None:
    out = w.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و", "ئ": "ي"}))
    return out if out != w else None


def _ta_as_ha(w: str) -> str | None:
    return w[:-1] + "ه" if w.endswith("ة") else None


def _toggle_al(w: str) -> str | None:
    if w.startswith("ال"):
        return w[2:] if len(w) > 4 else None
    # nobody writes ال in front of a word that already carries a proclitic
    return "ال" + w if "\u0600" <= w[0] <= "\u06ff" and w[0] not in "وبفكل" else None


def _clitic(rng: random.Random) -> Callable[[str], str | None]:
    def attach(w: str) -> str | None:
        if not "\u0600" <= w[0] <= "\u06ff":
            return None
        c = rng.choice("وبفكل")
        return "لل" + w[2:] if c == "ل" and w.startswith("ال") else c + w

    return attach


def _diacritic(rng: random.Random) -> Callable[[str], str | None]:
    def add(w: str) -> str | None:
        if len(w) < 2 or not "\u0600" <= w[0] <= "\u06ff":
            return None
        i = rng.randrange(1, len(w))
        return w[:i] + rng.choice(HARAKAT) + w[i:]

    return add


def known_item_queries(
    articles: list[Article], n: int, seed: int
) -> list[tuple[str, str, list[str]]]:
    """(query, target id, perturbations applied) for ``n`` articles with a unique title."""
    rng = random.Random(seed)
    titles = Counter(normalize(a.title).strip() for a in articles)
    pool = [
        a
        for a in articles
        if titles[normalize(a.title).strip()] == 1 and len(_content_words(a.title)) >= 3
    ]
    typos: dict[str, Callable[[str], str | None]] = {
        "hamza dropped": _drop_hamza,
        "ة as ه": _ta_as_ha,
        "ال toggled": _toggle_al,
        "clitic attached": _clitic(rng),
        "stray diacritic": _diacritic(rng),
    }
    out = []
    for article in rng.sample(pool, min(n, len(pool))):
        words = _content_words(article.title)
        k = rng.choice((2, 3))
        picked = sorted(rng.sample(range(len(words)), k))
        query = [words[i] for i in picked]
        applied: list[str] = []
        # one or two of the words mistyped, each in one way (nobody types لبإندونيسيا)
        for i in rng.sample(range(len(query)), rng.choice((1, 2))):
            for name in rng.sample(list(typos), len(typos)):
                typed = typos[name](query[i])
                if typed is not None:
                    query[i] = typed
                    applied.append(name)
                    break
        out.append((" ".join(query), article.id, applied))
    return out


def rank_of(ids: Sequence[str], target: str, k: int = 10) -> int | None:
    for i, article_id in enumerate(ids[:k], 1):
        if article_id == target:
            return i
    return None


def quality(ranks: list[int | None]) -> tuple[float, float]:
    n = max(len(ranks), 1)
    return sum(r is not None for r in ranks) / n, sum(1 / r for r in ranks if r) / n
