"""The CRF models read as arrays and decoded by ``crf_model.viterbi``: the weights are those
CRFsuite reads, the labels those CRFsuite's tagger gives, on toy models and on the shipped pair
over a real article."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.entities import load_recogniser, paths
from reader.entities.consistency import second_pass_features
from reader.entities.crf_model import ModelFormatError, read_crf_model, viterbi
from reader.entities.features import FeatureExtractor
from reader.entities.recogniser import WINDOW_CHARS, sentence_windows
from reader.entities.training.crf import train_crf
from tests.test_entities_consistency import SENTENCES

ROOT = Path(__file__).resolve().parent.parent

# labels that follow each other by rule (B then I or E), so the transitions matter
TRAIN_X = [
    [["b", "w=the"], ["b", "w=Nadia", "cap"], ["b", "w=Ali", "cap"], ["b", "w=went"]],
    [["b", "w=a"], ["b", "w=Omar", "cap"], ["b", "amb"], ["b", "w=home"]],
    [["b", "amb"], ["b", "w=went"], ["b", "w=home"]],
    [["b", "w=the"], ["b", "amb", "cap"], ["b", "w=Ali", "cap"], ["b", "w=went"]],
]
TRAIN_Y = [
    ["O", "B-PERS", "E-PERS", "O"],
    ["O", "S-PERS", "O", "O"],
    ["O", "O", "O"],
    ["O", "B-PERS", "E-PERS", "O"],
]


@pytest.fixture(scope="module")
def toy_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    model = tmp_path_factory.mktemp("crf") / "toy.crfsuite"
    train_crf(TRAIN_X, TRAIN_Y, model, {"c1": 0.0, "c2": 0.1, "max_iterations": 50})
    return model


def _crfsuite(model: Path) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return tagger


@pytest.mark.parametrize("name", ["toy", paths.MODEL, paths.MODEL2])
def test_weights_are_those_crfsuite_reads(name: str, toy_model: Path) -> None:
    path = toy_model if name == "toy" else paths.MODELS / name
    model = read_crf_model(path)
    info = _crfsuite(path).info()
    assert sorted(model.labels) == sorted(info.labels)
    label = {name: i for i, name in enumerate(model.labels)}
    attribute = {name: i for i, name in enumerate(model.attributes)}
    # CRFsuite's dump prints six decimals; the file holds the float64 itself
    assert np.count_nonzero(model.state) == len(info.state_features)
    for (a, y), weight in info.state_features.items():
        assert model.state[attribute[a], label[y]] == pytest.approx(weight, abs=1e-6)
    for (a, b), weight in info.transitions.items():
        assert model.transitions[label[a], label[b]] == pytest.approx(weight, abs=1e-6)


def test_toy_labels_are_crfsuites(toy_model: Path) -> None:
    model = read_crf_model(toy_model)
    tagger = _crfsuite(toy_model)
    column = {name: i for i, name in enumerate(model.attributes)}
    sequences = [
        *TRAIN_X,
        [["b", "cap"], ["b", "cap"], ["b", "amb"], ["b", "never-seen"]],
        [["b"]],
        [["b", "amb", "cap", "amb"]],  # an attribute twice counts twice, as in CRFsuite
    ]
    scores = [
        np.array([model.state[[column[a] for a in item if a in column]].sum(0) for item in xs])
        for xs in sequences
    ]
    decoded = viterbi(scores, model.transitions)
    assert [[model.labels[i] for i in path] for path in decoded] == [
        tagger.tag(xs) for xs in sequences
    ]


def _brute_force(scores: np.ndarray, transitions: np.ndarray) -> tuple[int, ...]:
    """The best path by trying every one (first in enumeration order on ties, as CRFsuite)."""
    n, labels = scores.shape

    def total(path: tuple[int, ...]) -> float:
        return sum(scores[t, y] for t, y in enumerate(path)) + sum(
            transitions[a, b] for a, b in itertools.pairwise(path)
        )

    return max(itertools.product(range(labels), repeat=n), key=total)


_SCORE = st.integers(-20, 20).map(lambda k: k / 4)  # quarters: ties happen and are exact


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 5), min_size=1, max_size=5),
    st.data(),
)
def test_viterbi_finds_the_best_path_of_each_sentence(lengths: list[int], data) -> None:
    labels = 3
    transitions = np.array(
        data.draw(st.lists(_SCORE, min_size=labels * labels, max_size=labels * labels))
    ).reshape(labels, labels)
    batch = [
        np.array(data.draw(st.lists(_SCORE, min_size=n * labels, max_size=n * labels))).reshape(
            n, labels
        )
        for n in lengths
    ]
    decoded = viterbi(batch, transitions)
    for scores, path in zip(batch, decoded, strict=True):
        if not len(scores):
            assert len(path) == 0
            continue
        best = _brute_force(scores, transitions)
        score = scores[np.arange(len(path)), path].sum() + transitions[path[:-1], path[1:]].sum()
        assert score == scores[np.arange(len(best)), best].sum() + sum(
            transitions[a, b] for a, b in itertools.pairwise(best)
        )
        # decoded alone, in a batch, or with others: the same path
        assert viterbi([scores], transitions)[0].tolist() == path.tolist()


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"not a model at all",
        lambda data: data[:1000],
        lambda data: data[:64],
        lambda data: b"\0" * 64,
        lambda data: data[:4] + b"XXXX" + data[8:],  # the size
        lambda data: data[:8] + b"XXXX" + data[12:],  # the model type
        lambda data: data[:-1],
        lambda data: data[:24] + b"\xff\xff\xff\x7f" + data[28:],  # 2 billion attributes
    ],
)
def test_a_damaged_model_is_named_not_crashed_on(tmp_path: Path, toy_model: Path, damage) -> None:
    path = tmp_path / "damaged.crfsuite"
    path.write_bytes(damage(toy_model.read_bytes()))
    with pytest.raises(ModelFormatError, match=r"damaged\.crfsuite"):
        read_crf_model(path)


def test_the_shipped_pair_labels_a_real_article_as_crfsuite_does() -> None:
    """Both passes, over the sample article and three sentences of other news: the array
    decoding gives the labels CRFsuite's tagger gives the same features."""
    recogniser = load_recogniser()
    extractor = recogniser._extractor
    strings = FeatureExtractor(
        extractor.lexicon,
        extractor.gazetteers,
        extractor.known,
        extractor.votes,
        extractor.name_words,
    )
    first, second = _crfsuite(paths.MODELS / paths.MODEL), _crfsuite(paths.MODELS / paths.MODEL2)
    text = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    documents = [
        [[u[0] for u in units] for units in w] for w in sentence_windows(text, WINDOW_CHARS)
    ]
    documents.append(SENTENCES)
    named = 0
    for sentences in documents:
        analysed = [strings.analyse(s) for s in sentences]
        expected_first = [first.tag(a.features) if a.stems else [] for a in analysed]
        features = second_pass_features(
            [a.features for a in analysed], [a.stems for a in analysed], expected_first
        )
        expected_second = [second.tag(x) if x else [] for x in features]
        _, got_first, got_second = recogniser._passes(sentences)
        assert got_first == expected_first
        assert got_second == expected_second
        named += sum(tag != "O" for tags in got_second for tag in tags)
    assert named > 10
