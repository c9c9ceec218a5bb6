"""Word features of the entity CRF that look past the folded (search) form of a word."""

from __future__ import annotations

import pytest

from reader.entities.features import FeatureExtractor, _nisba_rate
from reader.entities.lexicon import Lexicon

LEXICON = Lexicon(
    counts={"تمزق": 900, "بتمزق": 60, "ايدن": 88, "بايدن": 800, "ايراني": 400},
    clusters={
        "تمزق": ("1", "12", "123", "1234"),
        "ايدن": ("2", "22", "223", "2234"),
        "بايدن": ("3", "32", "323", "3234"),
        "بتمزق": ("4", "42", "423", "4234"),
    },
)


def _own(token: str, **kwargs) -> set[str]:
    return set(FeatureExtractor(LEXICON, **kwargs).sentence([token])[0])


@pytest.mark.parametrize(
    ("token", "present", "absent"),
    [
        # the preposition keeps its alef maqsura apart from the name علي
        ("على", {"w=علي", "r=على", "rx1=ى"}, set()),
        ("علي", {"w=علي"}, {"r=علي", "rx1=ي"}),
        # feminine ة against the pronoun suffix ه (حلمه, "his dream")
        ("فاطمة", {"w=فاطمه", "r=فاطمة", "rx1=ة"}, set()),
        ("حلمه", {"w=حلمه"}, {"r=حلمه", "rx1=ه"}),
        # hamza kept in the written form; the last letter is the same, so no rx1
        ("إبراهيم", {"w=ابراهيم", "r=إبراهيم"}, {"rx1=م"}),
        # marks and tatweel are not part of the written form
        ("بـوتِين", {"w=بوتين"}, {"r=بوتين"}),
    ],
)
def test_written_form_features(token: str, present: set[str], absent: set[str]) -> None:
    own = _own(token)
    assert present <= own
    assert not absent & own


def test_written_form_is_an_identity_feature_hidden_for_rare_words() -> None:
    own = _own("على", hidden=frozenset({"علي"}))
    assert "rx1=ى" in own
    assert not {f for f in own if f.startswith(("w=", "r="))}


@pytest.mark.parametrize(
    ("counts", "core", "expected"),
    [
        ({"ايراني": 400, "الايراني": 600, "ايرانيه": 300, "الايرانيه": 500}, "ايراني", "3"),
        ({"خامنئي": 800, "خامنئيه": 1}, "خامنئي", "0"),
        ({"الزهيري": 50, "زهيريه": 5}, "زهيري", "1"),  # counted with and without ال
        ({"سامي": 2}, "سامي", "?"),  # too rare to say
        ({"بوتين": 1748}, "بوتين", "-"),  # no ي at the end
        ({"علي": 1000}, "علي", "-"),  # too short to carry the suffix
    ],
)
def test_nisba_rate(counts: dict[str, int], core: str, expected: str) -> None:
    assert _nisba_rate(counts, core) == expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        # kept whole (a preposition needs 20x), but the rest is a common word: its clusters
        ("بتمزق", {"alt=2", "ak1=12", "ak2=123"}),
        # the rest is rarer than the whole word: a name that starts with ب
        ("بايدن", {"alt=0", "ak1=22", "ak2=223"}),
        # no clitic letter, or the rest unknown to the corpus: no unsplit reading
        ("ايراني", set()),
        ("بكين", set()),
    ],
)
def test_unsplit_reading(token: str, expected: set[str]) -> None:
    own = _own(token)
    assert {f for f in own if f.startswith(("alt=", "ak"))} == expected


def test_stem_clusters_reach_clitic_forms_and_context() -> None:
    lexicon = Lexicon(
        counts=LEXICON.counts,
        clusters=LEXICON.clusters,
        stem_clusters={"ايدن": ("5", "51", "512", "5123")},
    )
    extractor = FeatureExtractor(lexicon)
    # stems are looked up after the clitic is cut; ايدن is its own stem
    own = set(extractor.sentence(["ايدن", "قال"])[0])
    assert {"sk0=5", "sk1=51", "sk2=512", "sk3=5123"} <= own
    after = set(extractor.sentence(["ايدن", "قال"])[1])
    assert {"-1:sk1=51", "-1:sk2=512", "sk=none"} <= after
    assert "-1:sk0=5" not in after
    # without stem clusters (models trained before them) no such feature is made
    assert not any(f.startswith("sk") for f in _own("ايدن"))
