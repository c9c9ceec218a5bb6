"""Training-side parts of the recogniser: the O penalty written into a CRF (``bias.py``) and
the hidden identity features of rare training words (``features.py``)."""

from __future__ import annotations

from pathlib import Path

import pycrfsuite
import pytest

from reader.entities import paths
from reader.entities.consistency import BLOCK, blocks
from reader.entities.features import FeatureExtractor
from reader.entities.lexicon import Lexicon
from reader.entities.training.bias import choose_penalty, penalise_label
from reader.entities.training.crf import train_crf
from reader.entities.training.pipeline import contiguous_folds

# A toy task: capitalised-looking words ("N...") are names unless the bias says otherwise; the
# attribute "amb" is seen with both labels, so how an unseen "amb" token is tagged depends on
# the weight of (b, O).
TRAIN_X = [
    [["b", "w=the"], ["b", "w=Nadia", "cap"], ["b", "w=went"]],
    [["b", "w=a"], ["b", "w=Omar", "cap"], ["b", "amb"]],
    [["b", "amb"], ["b", "w=went"], ["b", "w=home"]],
    [["b", "w=the"], ["b", "amb", "cap"], ["b", "w=home"]],
]
TRAIN_Y = [["O", "S-PERS", "O"], ["O", "S-PERS", "O"], ["O", "O", "O"], ["O", "S-PERS", "O"]]


@pytest.fixture(scope="module")
def toy_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    model = tmp_path_factory.mktemp("crf") / "toy.crfsuite"
    train_crf(TRAIN_X, TRAIN_Y, model, {"c1": 0.0, "c2": 0.1, "max_iterations": 50})
    return model


def _weight(model: Path, attribute: str, label: str) -> float:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    try:
        return tagger.info().state_features[(attribute, label)]
    finally:
        tagger.close()


def _tag(model: Path, xseq: list[list[str]]) -> list[str]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    try:
        return tagger.tag(xseq)
    finally:
        tagger.close()


@pytest.mark.parametrize("penalty", [0.5, 1.25, -0.75])
def test_penalty_changes_only_the_bias_weight_of_o(
    toy_model: Path, tmp_path: Path, penalty: float
) -> None:
    shifted = tmp_path / "shifted.crfsuite"
    penalise_label(toy_model, shifted, penalty)
    assert _weight(shifted, "b", "O") == pytest.approx(_weight(toy_model, "b", "O") - penalty)
    before, after = _info(toy_model), _info(shifted)
    assert before.transitions == after.transitions
    changed = {k for k, w in before.state_features.items() if after.state_features[k] != w}
    assert changed == {("b", "O")}


def _info(model: Path):
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    try:
        return tagger.info()
    finally:
        tagger.close()


def test_zero_penalty_leaves_the_file_as_it_was(toy_model: Path, tmp_path: Path) -> None:
    penalise_label(toy_model, tmp_path / "same.crfsuite", 0.0)
    assert (tmp_path / "same.crfsuite").read_bytes() == toy_model.read_bytes()


def test_a_large_penalty_turns_o_into_entities(toy_model: Path, tmp_path: Path) -> None:
    xseq = [["b", "w=went"], ["b", "amb"], ["b", "w=home"]]
    assert _tag(toy_model, xseq).count("O") == 3
    penalise_label(toy_model, tmp_path / "eager.crfsuite", 20.0)
    assert "O" not in _tag(tmp_path / "eager.crfsuite", xseq)


def test_penalty_needs_a_crfsuite_model(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.crfsuite"
    bogus.write_bytes(b"not a model" * 10)
    with pytest.raises((ValueError, OSError)):
        penalise_label(bogus, tmp_path / "out.crfsuite", 1.0)


def test_choose_penalty_takes_the_best_out_of_fold_score(toy_model: Path) -> None:
    """Scored by how many tokens are tagged as entities against a target of exactly one per
    sentence: no penalty tags none of these ambiguous tokens, a huge one tags all three."""
    held = [[[["b", "w=went"], ["b", "amb"], ["b", "w=home"]]]]

    def evaluate(predictions: list[list[list[str]]]) -> float:
        entities = sum(t != "O" for fold in predictions for s in fold for t in s)
        return -abs(entities - 1)

    penalty, tried = choose_penalty([toy_model], held, evaluate, penalties=(0.0, 2.0, 4.0, 40.0))
    assert [p for p, _ in tried] == [0.0, 2.0, 4.0, 40.0]
    scores = dict(tried)
    assert scores[0.0] == -1 and scores[40.0] == -2
    assert scores[penalty] == 0 and penalty in {2.0, 4.0}


@pytest.mark.parametrize(
    ("hidden", "present", "absent"),
    [
        (frozenset(), {"w=ترامب", "s=ترامب", "c=ترامب", "bg-=قال|ترامب"}, set()),
        (
            frozenset({"ترامب"}),
            {"p3=ترا", "x2=مب", "sh=A", "-1:w=قال"},
            {"w=ترامب", "s=ترامب", "c=ترامب", "bg-=قال|ترامب", "bg+=ترامب|$"},
        ),
    ],
)
def test_hidden_stems_lose_only_their_identity_features(
    hidden: frozenset[str], present: set[str], absent: set[str]
) -> None:
    extractor = FeatureExtractor(Lexicon(counts={"قال": 900, "ترامب": 50}), hidden=hidden)
    features = extractor.sentence(["قال", "ترامب"])
    assert present <= set(features[1])
    assert not absent & set(features[1])
    # the neighbour sees the hidden word only through what an unseen word would show
    assert ("1:w=ترامب" in features[0]) == (not hidden)


@pytest.mark.parametrize(("n", "folds"), [(3575, 5), (3575, 4), (100, 4), (15, 4), (1, 5)])
def test_contiguous_folds_keep_blocks_together(n: int, folds: int) -> None:
    fold_of = contiguous_folds(n, folds)
    assert len(fold_of) == n
    assert fold_of == sorted(fold_of)  # contiguous runs, in order
    assert set(fold_of) <= set(range(folds))
    for block in blocks(n):  # a block (one pseudo-document) never straddles two folds
        assert len({fold_of[i] for i in block}) == 1
    if n >= folds * BLOCK:
        sizes = [fold_of.count(k) for k in range(folds)]
        assert max(sizes) - min(sizes) < 2 * BLOCK  # one block, plus a short last one


# Self-training (``selftrain.confident_sentences``, ``crf.fold_models(extra=...)``): a model of
# "قال NAME" sentences labels corpus sentences; only confident ones with an entity are kept.
_SAID = [["قال", name, "امس"] for name in ("سمير", "نادية", "عمر", "ليلى", "كريم", "هدى")]


@pytest.fixture(scope="module")
def said_model(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, FeatureExtractor]:
    extractor = FeatureExtractor(Lexicon(counts={"قال": 900, "امس": 500, "في": 2000}))
    xs = [extractor.sentence(s) for s in _SAID] + [extractor.sentence(["في", "امس"])] * 3
    ys = [["O", "S-PERS", "O"]] * len(_SAID) + [["O", "O"]] * 3
    model = tmp_path_factory.mktemp("said") / "said.crfsuite"
    train_crf(xs, ys, model, {"c1": 0.0, "c2": 0.01, "max_iterations": 100})
    return model, extractor


@pytest.mark.parametrize(
    ("threshold", "limit", "kept"),
    [
        (0.5, 10, 2),  # both sentences with a name; the all-O sentence never
        (0.5, 1, 1),  # at most ``limit``
        (1.01, 10, 0),  # no probability reaches it
    ],
)
def test_confident_sentences_keep_labelled_names_only(
    said_model: tuple[Path, FeatureExtractor], threshold: float, limit: int, kept: int
) -> None:
    from reader.entities.training.selftrain import confident_sentences

    model, extractor = said_model
    corpus = [["قال", "ترامب", "امس"], ["في", "امس"], ["قال", "بايدن", "امس"]]
    xs, ys = confident_sentences(model, extractor, corpus, threshold=threshold, limit=limit)
    assert len(xs) == len(ys) == kept
    for x, y in zip(xs, ys, strict=True):
        assert y == ["O", "S-PERS", "O"]
        assert x == extractor.sentence(corpus[0] if "w=ترامب" in x[1] else corpus[2])


def test_fold_models_train_again_with_the_extra_sentences(tmp_path: Path) -> None:
    from reader.entities.training.crf import fold_models

    xs = [[["b", "w=a"], ["b", "w=x"]]] * 4
    ys = [["O", "O"]] * 4
    seen: list[tuple[int, bool]] = []

    def extra(k: int, model: Path) -> tuple[list, list]:
        seen.append((k, model.is_file()))
        # the fold's first model has never seen "w=new"; the extra sentence teaches it
        return [[["b", "w=new"], ["b", "w=x"]]] * 3, [["S-PERS", "O"]] * 3

    params = {"c1": 0.0, "c2": 0.01, "max_iterations": 50}
    models = fold_models(
        xs, ys, [0, 0, 1, 1], folds=2, workdir=tmp_path, params=params, extra=extra
    )
    assert seen == [(0, True), (1, True)]
    for model in models:
        assert _tag(model, [["b", "w=new"], ["b", "w=x"]]) == ["S-PERS", "O"]


def test_stem_clusters_cover_rarer_stems_and_are_reproducible(tmp_path: Path) -> None:
    pytest.importorskip("gensim")
    from reader.entities.lexicon import Lexicon
    from reader.entities.training.clusters import build_stem_clusters, write_stem_clusters

    common = [["قال", "الرئيس", name, "في", "العاصمة"] for name in ("بوتين", "بايدن", "ماكرون")]
    sentences = [list(s) for s in common * 10] + [["قال", "الرئيس", "لولا", "في", "العاصمة"]] * 2
    first = build_stem_clusters(
        [list(s) for s in sentences], epochs=2, bucket=5000, progress=lambda _: None
    )
    again = build_stem_clusters(
        [list(s) for s in sentences], epochs=2, bucket=5000, progress=lambda _: None
    )
    assert first == again
    # seen twice only (under the word vectors' minimum count): placed by its character n-grams
    assert "لولا" in first and "بوتين" in first
    path = tmp_path / "stems.tsv"
    write_stem_clusters(first, path)
    read = Lexicon().with_stem_clusters(path).stem_clusters
    assert read == {stem: tuple(map(str, row)) for stem, row in first.items()}


def test_kept_attributes_prune_each_pass_at_its_own_threshold(
    toy_model: Path, tmp_path: Path
) -> None:
    """The second pass's attributes are kept from a higher weight than the first's
    (``SECOND_MIN_WEIGHT``): its weaker L1 leaves many small weights that only cost time."""
    from reader.entities.training.attributes import MIN_WEIGHT, SECOND_MIN_WEIGHT, kept_attributes

    # the second pass's own attributes (prefixed), with smaller weights (more L2)
    second = tmp_path / "second.crfsuite"
    second_x = [[["p:" + a for a in item] for item in x] for x in TRAIN_X]
    train_crf(second_x, TRAIN_Y, second, {"c1": 0.0, "c2": 1.0, "max_iterations": 50})

    def largest(model: Path) -> dict[str, float]:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))
        out: dict[str, float] = {}
        for (attr, _), w in tagger.info().state_features.items():
            out[attr] = max(out.get(attr, 0.0), abs(w))
        tagger.close()
        return out

    first_w, second_w = largest(toy_model), largest(second)
    kept = kept_attributes(toy_model, second)
    for attr in set(first_w) | set(second_w):
        expected = first_w.get(attr, 0) >= MIN_WEIGHT or second_w.get(attr, 0) >= SECOND_MIN_WEIGHT
        assert (attr in kept) == expected, attr
    # the thresholds differ on this pair: the second model loses an attribute that the first
    # pass's threshold would have kept, and keeps others
    assert any(MIN_WEIGHT <= w < SECOND_MIN_WEIGHT for w in second_w.values())
    assert any(a.startswith("p:") for a in kept)


def test_the_places_list_is_a_gazetteer_column_of_its_own() -> None:
    from reader.entities.features import PLACES_COLUMN
    from reader.entities.gazetteer import Gazetteer
    from reader.entities.training.pipeline import Pipeline

    places = Gazetteer([("LOC", ("ابو", "ديس"))])
    pipe = Pipeline(Lexicon(counts={"ابو": 90}), Gazetteer([]), [], places=places)
    extractor = pipe.extractor([])
    assert [name for name, _ in extractor.gazetteers][-1] == PLACES_COLUMN
    features = extractor.sentence(["في", "ابو", "ديس"])
    assert "gp=B-LOC" in features[1]
    assert "gp=I-LOC" in features[2]
    assert "gp+1=B-LOC" in features[0]
    without = Pipeline(Lexicon(counts={}), Gazetteer([]), [])
    assert PLACES_COLUMN not in [name for name, _ in without.extractor([]).gazetteers]


def test_the_person_names_list_is_a_gazetteer_column_of_its_own() -> None:
    from reader.entities.features import WORLD_NAMES_COLUMN
    from reader.entities.gazetteer import Gazetteer
    from reader.entities.training.pipeline import Pipeline

    persons = Gazetteer([("PERS", ("ليفاندوفسكي",))])
    pipe = Pipeline(Lexicon(counts={}), Gazetteer([]), [], world_names=persons)
    extractor = pipe.extractor([])
    assert [name for name, _ in extractor.gazetteers][-1] == WORLD_NAMES_COLUMN
    features = extractor.sentence(["سجل", "ليفاندوفسكي", "هدفين"])
    assert "gw=B-PERS" in features[1]
    assert "gw-1=B-PERS" in features[2]
    without = Pipeline(Lexicon(counts={}), Gazetteer([]), [])
    assert WORLD_NAMES_COLUMN not in [name for name, _ in without.extractor([]).gazetteers]


def test_training_elsewhere_copies_the_shipped_lists_beside_its_model(tmp_path: Path) -> None:
    """A model trained into another folder finds its places and person-names lists there, as the
    recogniser expects; a list already there is used as it is."""
    from reader.entities.training.inputs import shipped_list

    for name in (paths.PLACES, paths.WORLD_NAMES):
        copied = shipped_list(tmp_path / "gazetteers", name)
        assert copied.read_bytes() == (paths.GAZETTEERS / name).read_bytes()
    own = tmp_path / "own"
    own.mkdir()
    (own / paths.PLACES).write_text("LOC\tابو ديس\n", encoding="utf-8")
    assert shipped_list(own, paths.PLACES).read_text(encoding="utf-8") == "LOC\tابو ديس\n"
