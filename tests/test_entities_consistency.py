"""The second, document-consistency pass of the recogniser (``consistency.py``), the corpus votes,
and the BIO/BIOES conversions around it."""

from __future__ import annotations

import pytest

from reader.entities import load_recogniser
from reader.entities.conll import entity_chunks
from reader.entities.features import FeatureExtractor
from reader.entities.recogniser import Recogniser

SENTENCES = [
    [
        "وقال",
        "وزير",
        "الخارجية",
        "الفرنسي",
        "جان",
        "إيف",
        "لودريان",
        "في",
        "باريس",
        "إن",
        "الاتحاد",
        "الأوروبي",
        "مستعد",
        ".",
    ],
    ["أعلنت", "شركة", "جنرال", "موتورز", "الأمريكية", "عن", "أرباحها", "في", "ديترويت", "."],
    ["لعب", "ميسي", "مع", "برشلونة", "في", "الدوري", "الإسباني", "."],
]


@pytest.fixture(scope="module")
def recogniser():
    return load_recogniser()


@pytest.mark.parametrize(
    ("votes", "own", "expected"),
    [
        # the counts include this occurrence; its own label does not vote
        ({"PERS": 3, "O": 1}, "O", "PERS:all"),  # tagged everywhere else: a strong hint here
        ({"PERS": 3}, "PERS", "PERS:all"),
        ({"PERS": 2, "O": 2}, "O", "PERS:most"),
        ({"LOC": 1, "O": 3}, "O", "LOC:some"),
        ({"O": 3}, "O", "O"),
        ({"O": 1}, "O", ""),  # seen only here: no evidence either way
    ],
)
def test_document_vote(votes: dict[str, int], own: str, expected: str) -> None:
    from collections import Counter

    from reader.entities.consistency import _vote

    assert _vote(Counter(votes), own) == expected


def test_second_pass_features_see_other_sentences() -> None:
    from reader.entities.consistency import blocks, second_pass_features

    features = [[["w=a"], ["w=b"]], [["w=b"]]]
    stems = [["زيد", "قال"], ["زيد"]]
    first = [["B-PERS", "O"], ["O"]]
    out = second_pass_features(features, stems, first)
    assert out[0][0][:2] == ["w=a", "1=B-PERS"]
    assert "d=PERS:all" in out[1][0] and "d=PERS:all|O" in out[1][0]
    assert not any(f.startswith("d=") for f in out[0][1])  # قال occurs once
    assert [list(b) for b in blocks(4, 3)] == [[0, 1, 2], [3]]


def test_dropping_unknown_features_changes_no_label(recogniser) -> None:
    """The run-time filter (features the models have no weight for) is an optimisation only."""

    base = recogniser._extractor
    unfiltered = Recogniser(FeatureExtractor(base.lexicon, base.gazetteers, scores=base.scores))
    assert unfiltered.tag_tokens(SENTENCES) == recogniser.tag_tokens(SENTENCES)
    assert any(
        len(a) > len(b)
        for a, b in zip(
            FeatureExtractor(base.lexicon, base.gazetteers).sentence(SENTENCES[0]),
            FeatureExtractor(base.lexicon, base.gazetteers, base.known).sentence(SENTENCES[0]),
            strict=True,
        )
    )


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({"ارسنال": {"ORG": 8, "O": 2}}, {"ارسنال": "ORG:hi"}),
        ({"ليون": {"ORG": 2, "LOC": 1, "O": 3}}, {"ليون": "ORG:mid"}),
        ({"الامين": {"PERS": 1, "O": 9}}, {"الامين": "PERS:lo"}),
        ({"قال": {"O": 50}}, {}),  # no negative votes
        ({"نادر": {"PERS": 2}}, {}),  # seen twice: too rare to vote
    ],
)
def test_corpus_votes(counts: dict, expected: dict) -> None:
    from collections import Counter

    from reader.entities.training.selftrain import votes

    assert votes({k: Counter(v) for k, v in counts.items()}) == expected


def test_corpus_votes_merge_the_half_models() -> None:
    from collections import Counter

    from reader.entities.training.selftrain import votes

    first = {"ميسي": Counter({"PERS": 2})}
    second = {"ميسي": Counter({"PERS": 1, "O": 1})}
    assert votes(first, second) == {"ميسي": "PERS:hi"}


@pytest.mark.parametrize(
    ("bio", "bioes"),
    [
        (["B-PERS", "I-PERS", "O", "B-LOC"], ["B-PERS", "E-PERS", "O", "S-LOC"]),
        (["B-ORG", "I-ORG", "I-ORG"], ["B-ORG", "I-ORG", "E-ORG"]),
        (["B-LOC", "B-LOC"], ["S-LOC", "S-LOC"]),
        (["O"], ["O"]),
    ],
)
def test_bioes_round_trip(bio: list[str], bioes: list[str]) -> None:
    from reader.entities.conll import to_bio, to_bioes

    assert to_bioes(bio) == bioes
    assert to_bio(bioes) == bio


@pytest.mark.parametrize(
    ("tagged", "bio"),
    [
        (["I-PERS", "E-PERS"], ["B-PERS", "I-PERS"]),  # a tagger's stray I- opens an entity
        (["S-LOC", "I-LOC"], ["B-LOC", "B-LOC"]),  # nothing continues a single-token entity
        (["B-ORG", "E-LOC"], ["B-ORG", "B-LOC"]),
    ],
)
def test_to_bio_repairs_tagger_output(tagged: list[str], bio: list[str]) -> None:
    from reader.entities.conll import to_bio

    assert to_bio(tagged) == bio


@pytest.mark.parametrize(
    ("stems", "names", "expected"),
    [
        (
            ["قال", "علي", "بن", "ابي", "طالب"],
            {("علي", "بن", "ابي", "طالب"): "PERS"},
            ["", "B-PERS", "I-PERS", "I-PERS", "I-PERS"],
        ),
        # the longest name wins over a shorter one it starts with
        (
            ["بنك", "مصر", "الدولي"],
            {("بنك", "مصر"): "ORG", ("بنك", "مصر", "الدولي"): "MISC"},
            ["B-MISC", "I-MISC", "I-MISC"],
        ),
        (
            ["بنك", "مصر", "بنك", "مصر"],
            {("بنك", "مصر"): "ORG"},
            ["B-ORG", "I-ORG", "B-ORG", "I-ORG"],
        ),
        (["مصر", "بنك"], {("بنك", "مصر"): "ORG"}, ["", ""]),  # order matters
    ],
)
def test_document_names_are_matched_longest_first(stems, names, expected) -> None:
    from reader.entities.consistency import _match_names

    assert _match_names(stems, names) == expected


def test_second_pass_sees_a_name_found_whole_elsewhere_in_the_document() -> None:
    """The first pass named علي بن أبي طالب whole once and cut it short later: the second pass
    sees where the whole name lies, and each word's usual place in a name."""
    from reader.entities.consistency import second_pass_features

    stems = [["علي", "بن", "ابي", "طالب", "قال"], ["قال", "علي", "بن", "ابي", "طالب"]]
    first = [["B-PERS", "I-PERS", "I-PERS", "E-PERS", "O"], ["O", "B-PERS", "E-PERS", "O", "O"]]
    out = second_pass_features([[[] for _ in s] for s in stems], stems, first)
    later = out[1]
    assert "dg=B-PERS" in later[1] and "dg=B-PERS|B-PERS" in later[1]
    assert "dg=I-PERS|O" in later[3] and "dg=I-PERS|O" in later[4]
    assert "dg+=B-PERS" in later[0] and not any(f.startswith("dg=") for f in later[0])
    assert "dp=PERS|L" in later[4]  # the word that ended the name elsewhere
    assert "dp=PERS|F" in later[1]
    assert not any(f.startswith("dp=") for f in out[0][4])  # قال is in no name


@pytest.mark.parametrize(
    "tags",
    [
        ["O", "O", "O"],
        [],
        ["B-PERS", "I-PERS", "O"],
        ["O", "I-LOC", "B-ORG"],
        ["S-PERS", "O", "B-LOC", "E-LOC"],
    ],
)
def test_the_shortcuts_for_sentences_that_name_nothing_change_no_chunk(tags) -> None:
    from reader.entities.conll import to_bio
    from reader.entities.consistency import bio_of, chunks_of

    assert list(bio_of(tags)) == to_bio(tags)
    assert chunks_of(to_bio(tags)) == entity_chunks(to_bio(tags))
