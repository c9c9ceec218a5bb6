"""Word features of the entity CRF that look past the folded (search) form of a word."""

from __future__ import annotations

import numpy as np
import pytest

from reader.entities.crf_model import CrfModel, CrfPair
from reader.entities.features import FeatureExtractor
from reader.entities.lexicon import Lexicon
from reader.entities.word_cues import nisba_gender, nisba_rate, quoted_spans

LEXICON = Lexicon(
    counts={"تمزق": 900, "بتمزق": 60, "ايدن": 88, "بايدن": 800, "ايراني": 400},
    clusters={
        "تمزق": ("1", "12", "123", "1234"),
        "ايدن": ("2", "22", "223", "2234"),
        "بايدن": ("3", "32", "323", "3234"),
        "بتمزق": ("4", "42", "423", "4234"),
    },
)

# the window's edges, a stem holding "|", a quote, a nisba after a name
TOKENS = ["قال", "ا|ب", "|", "ترامب", "«", "حور", "»", "بايدن", "الايراني", "."]


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
    assert nisba_rate(counts, core) == expected


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


@pytest.mark.parametrize(
    ("norm", "expected"),
    [
        ("الفرنسي", "m"),
        ("الفرنسيه", "f"),  # ة folded to ه
        ("والالماني", "m"),  # a clitic before the article
        ("فرنسي", ""),  # not definite: not the adjective after a definite name
        ("الثاني", "m"),
        ("الكتاب", ""),
        ("العي", ""),  # too short
    ],
)
def test_nisba_gender(norm: str, expected: str) -> None:
    assert nisba_gender(norm) == expected


def test_masculine_adjective_after_a_word_joins_its_clusters() -> None:
    # ليون الفرنسي (the club) against ليون الفرنسية (the city): the name's clusters with the
    # adjective's gender, for the name only
    lexicon = Lexicon(
        counts={"ليون": 500},
        clusters={"ليون": ("1", "12", "123", "1234")},
        stem_clusters={"ليون": ("5", "51", "512", "5123")},
    )
    extractor = FeatureExtractor(lexicon)
    club = extractor.sentence(["حقق", "ليون", "الفرنسي", "فوزه"])
    assert {"nx=m|12", "nx=m|51"} <= set(club[1])
    assert not any(f.startswith("nx=") for f in club[0] + club[2] + club[3])
    city = extractor.sentence(["في", "ليون", "الفرنسية"])
    assert {"nx=f|12", "nx=f|51"} <= set(city[1])
    # two adjectives in a row: the first is not a name; an unclustered word gets "-"
    assert not any(f.startswith("nx=") for f in extractor.sentence(["الايراني", "الفرنسي"])[0])
    assert {"nx=m|-"} <= set(extractor.sentence(["مضيفه", "الروماني"])[0])
    # the recogniser keeps only the features its model weighs
    kept = FeatureExtractor(lexicon, known=frozenset({"nx=m|12"})).sentence(
        ["حقق", "ليون", "الفرنسي"]
    )
    assert [f for f in kept[1] if f.startswith("nx=")] == ["nx=m|12"]


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["برنامج", "«", "الناس", "وأنا", "»"], [(1, 4)]),
        (["صحيفة", "'", "'", "معاريف", "'", "'"], [(2, 4)]),  # ANERcorp's ' ' as quotes
        (["قال", '"', "نعم", '"', "و", '"', "لا", '"'], [(1, 3), (5, 7)]),
        (["«", "»"], []),  # empty
        (["«", "الناس", "وأنا"], []),  # never closed
        (["«", *["ا", "ب", "ت", "ث", "ج", "ح", "خ"], "»"], []),  # seven words: speech, not a title
    ],
)
def test_quoted_spans(tokens: list[str], expected: list[tuple[int, int]]) -> None:
    assert quoted_spans(tokens) == expected


def test_quoted_words_know_the_word_before_the_quote() -> None:
    lexicon = Lexicon(counts={"بعنوان": 90}, clusters={"بعنوان": ("7", "71", "712", "7123")})
    rows = FeatureExtractor(lexicon).sentence(["بعنوان", "«", "حور", "الدنيا", "»", "يذاع"])
    context = {"q<=بعنوان", "q<k=712", "qt=«"}
    assert {"q=F", *context} <= set(rows[2])
    assert {"q=N", *context} <= set(rows[3])
    for outside in (rows[0], rows[1], rows[4], rows[5]):
        assert not any(f.startswith("q") for f in outside)


def test_run_time_features_are_the_training_features_the_models_know() -> None:
    """With ``known``, the extractor gives exactly the features it gives in training, less
    those the models do not weigh: bias and padding always stay."""
    tokens = TOKENS
    full = FeatureExtractor(LEXICON).sentence(tokens)
    bigrams = {f for row in full for f in row if f.startswith("bg")}
    known = frozenset({f for row in full for f in row[1::2]} | bigrams)
    kept = FeatureExtractor(LEXICON, known=known).sentence(tokens)
    expected = [[f for f in row if f in known or f == "b" or f.endswith(":pad")] for row in full]
    assert kept == expected
    assert any("|" in f[4:].replace("|", "", 1) for f in bigrams)  # a stem holding "|"


@pytest.mark.parametrize("known", [False, True])
def test_scored_sentences_weigh_exactly_the_features_of_training(known: bool) -> None:
    """Scored (run time), a token's label scores are the models' weights summed over the
    features the extractor gives in training: per word, per neighbour, per sentence alike."""
    full = FeatureExtractor(LEXICON).sentence(TOKENS)
    attributes = sorted({f for row in full for f in row})
    rng = np.random.default_rng(7)
    # two toy models that weigh every other feature, the first missing the bias
    first = _toy_model(attributes[1::2], ("O", "B-PERS"), rng)
    second = _toy_model(attributes[::2], ("O", "B-LOC", "I-LOC"), rng)
    pair = CrfPair(first, second)
    weighed = frozenset(attributes[::3]) if known else None
    analysis = FeatureExtractor(LEXICON, known=weighed, scores=pair).analyse(TOKENS)
    strings = FeatureExtractor(LEXICON, known=weighed).sentence(TOKENS)
    expected = np.array([pair.weights[[pair.id_of(f) for f in row]].sum(axis=0) for row in strings])
    assert analysis.scores is not None
    np.testing.assert_allclose(analysis.scores, expected, atol=1e-5)
    assert np.abs(expected).sum() > 1


def _toy_model(attributes: list[str], labels: tuple[str, ...], rng) -> CrfModel:
    state = rng.normal(size=(len(attributes), len(labels)))
    return CrfModel(labels, tuple(attributes), state, np.zeros((len(labels), len(labels))))
