"""FacetField.counts against a plain reference count over random fields, results and removals.

The reference counts every live document's values in Python and orders them by (-count, the order
the value was first seen), keeps the first ``limit`` and adds the ``keep`` values that occur: the
fast paths (gathering the result's pairs, or the totals minus the documents left out) must agree
with it exactly, whatever the size of the result.
"""

from __future__ import annotations

import pickle
import random
from collections import Counter

import numpy as np
import pytest

from reader.index.facets import FacetField, facet_key
from reader.index.types import FacetValue


class _Model:
    """A field and the plain record of what it was given."""

    def __init__(self, seed: int, docs: int, values: int, per_doc: int) -> None:
        rng = random.Random(seed)
        self.rng = rng
        self.field = FacetField("f")
        self.values: dict[int, list[str]] = {}
        self.first_seen: dict[str, int] = {}
        weights = [1 / (i + 1) for i in range(values)]  # a few frequent values, many rare
        for doc in range(docs):
            if rng.random() < 0.1:
                continue  # a document without values
            count = rng.randint(1, per_doc)
            picked = rng.choices(range(values), weights, k=count)
            # two surface forms per value (case differs, the key is the same)
            self._add(doc, [f"V{v}" if rng.random() < 0.3 else f"v{v}" for v in picked])
        self.size = docs

    def _add(self, doc: int, forms: list[str]) -> None:
        self.field.add(doc, forms)
        self.values[doc] = forms
        for form in forms:
            self.first_seen.setdefault(facet_key(form), len(self.first_seen))

    def remove_some(self, share: float) -> None:
        for doc in [d for d in self.values if self.rng.random() < share]:
            self.field.remove(doc)
            del self.values[doc]

    def replace_some(self, share: float, values: int) -> None:
        for doc in [d for d in self.values if self.rng.random() < share]:
            self.field.remove(doc)
            del self.values[doc]
            self._add(doc, [f"v{self.rng.randrange(values * 2)}"])

    def expected(self, result: set[int], limit: int, keep: tuple[str, ...]) -> list[FacetValue]:
        counts: Counter[str] = Counter()
        forms: dict[str, Counter[str]] = {}
        for doc, doc_forms in self.values.items():
            seen: dict[str, str] = {}
            for form in doc_forms:
                seen.setdefault(facet_key(form), form)
            for key, form in seen.items():
                forms.setdefault(key, Counter())[form] += 1
                if doc in result:
                    counts[key] += 1
        ranked = sorted(counts, key=lambda k: (-counts[k], self.first_seen[k]))
        chosen = ranked if len(ranked) <= limit else ranked[: max(limit, 0)]
        if len(ranked) > limit:
            chosen += [k for k in {facet_key(v) for v in keep} if counts[k] and k not in chosen]
        chosen.sort(key=lambda k: (-counts[k], self.first_seen[k]))
        shown = {k: min(f.items(), key=lambda kv: (-kv[1], kv[0]))[0] for k, f in forms.items()}
        return [FacetValue(shown[k], counts[k]) for k in chosen]


def _result(model: _Model, share: float) -> set[int]:
    return {d for d in range(model.size) if model.rng.random() < share}


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("share", [0.0, 0.002, 0.05, 0.3, 0.49, 0.51, 0.8, 0.95, 1.0])
@pytest.mark.parametrize(
    ("limit", "keep"), [(200, ()), (5, ("v40", "V77", "absent")), (0, ("v3",))]
)
@pytest.mark.parametrize("removed", [0.0, 0.2])
def test_counts_match_reference(
    seed: int, share: float, limit: int, keep: tuple[str, ...], removed: float
) -> None:
    model = _Model(seed, docs=3000, values=400, per_doc=4)
    if removed:
        model.remove_some(removed)
        model.replace_some(removed / 2, values=400)
    result = _result(model, share)
    in_result = np.zeros(model.size, dtype=np.bool_)
    in_result[sorted(result)] = True
    expected = model.expected(result, limit, keep)
    assert list(model.field.counts(in_result, limit, keep)) == expected
    docs = np.flatnonzero(in_result)
    assert list(model.field.counts(in_result, limit, keep, docs)) == expected


@pytest.mark.parametrize("share", [0.1, 0.9])
def test_counts_follow_changes_after_a_count(share: float) -> None:
    """A count caches the sorted pairs: adding and removing documents afterwards must show."""
    model = _Model(7, docs=500, values=50, per_doc=3)
    everyone = np.ones(model.size + 10, dtype=np.bool_)
    model.field.counts(everyone, 100)
    model.remove_some(0.3)
    model._add(model.size + 5, ["v1", "brand new"])  # past the documents counted so far
    model.size += 10
    result = _result(model, share) | {model.size - 5}
    in_result = np.zeros(model.size, dtype=np.bool_)
    in_result[sorted(result)] = True
    assert list(model.field.counts(in_result, 100)) == model.expected(result, 100, ())


@pytest.mark.parametrize("size", [0, 1, 40])
def test_counts_of_an_empty_field_or_result(size: int) -> None:
    field = FacetField("f")
    assert field.counts(np.ones(size, dtype=np.bool_), 10) == ()
    field.add(0, ["a"])
    field.add(1, ["b", "a"])
    assert field.counts(np.zeros(max(size, 2), dtype=np.bool_), 10) == ()
    field.remove(0)
    field.remove(1)
    assert field.counts(np.ones(max(size, 2), dtype=np.bool_), 10) == ()


@pytest.mark.parametrize(
    ("forms", "shown"),
    [(["Abc", "abc", "abc"], "abc"), (["Abc", "Abc", "abc"], "Abc"), (["b", "B"], "B")],
)
def test_display_follows_the_forms_after_changes(forms: list[str], shown: str) -> None:
    field = FacetField("f")
    for doc, form in enumerate(forms):
        field.add(doc, [form])
    field.add(len(forms), ["zzz"])
    assert field.counts(np.ones(len(forms) + 1, dtype=np.bool_), 10)[0].value == shown
    # removing the forms' documents one by one: the shown form follows the ones left
    for doc in range(len(forms) - 1):
        field.remove(doc)
        left = Counter(forms[doc + 1 :])
        expected = min(left.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        assert field.display(0) == expected


@pytest.mark.parametrize("share", [0.01, 0.5, 0.95])
def test_counts_with_more_values_than_16_bits(share: float) -> None:
    """Past 65,536 values the pairs are grouped by a plain sort (not a 16-bit radix sort)."""
    model = _Model(3, docs=0, values=1, per_doc=1)
    for doc in range(70_000):
        model._add(70_000 - 1 - doc, [f"n{doc}", f"s{doc % 7}"])  # added in reverse order
    model.size = 70_000
    result = _result(model, share)
    in_result = np.zeros(model.size, dtype=np.bool_)
    in_result[sorted(result)] = True
    assert list(model.field.counts(in_result, 50, ("n5",))) == model.expected(result, 50, ("n5",))


def test_a_pickled_field_counts_the_same_without_its_caches() -> None:
    model = _Model(5, docs=400, values=30, per_doc=3)
    everyone = np.ones(model.size, dtype=np.bool_)
    counted = model.field.counts(everyone, 10)
    copy = pickle.loads(pickle.dumps(model.field))
    assert copy._np is None
    assert copy.counts(everyone, 10) == counted
