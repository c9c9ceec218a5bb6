"""The rules the recogniser applies to a document's labels after its second pass
(``reader/entities/document_rules.py``)."""

from __future__ import annotations

import pytest

from reader.entities.document_rules import (
    apply_document_rules,
    join_family_names,
    repeat_names,
    split_at_conjunction,
    vote_types,
)
from reader.text import normalize_token

# what the clitic splitter says of the words these tests use: و is the conjunction before a
# name the corpus knows alone, the first letter of وليد
_SPLITS = {"ومتعب": ("و", "متعب"), "وفرنسا": ("و", "فرنسا"), "وليد": ("", "وليد")}


def _split(norm: str) -> tuple[str, str]:
    return _SPLITS.get(norm, ("", norm))


def _words(*sentences: str) -> list[list[str]]:
    return [s.split() for s in sentences]


@pytest.mark.parametrize(
    ("sentence", "tags", "expected"),
    [
        # two people listed with و: two names
        ("بين ابوتريكة ومتعب", ["O", "B-PERS", "I-PERS"], ["O", "B-PERS", "B-PERS"]),
        # two places too
        ("زار مصر وفرنسا", ["O", "B-LOC", "I-LOC"], ["O", "B-LOC", "B-LOC"]),
        # و that is the name's own first letter: one name
        ("قال خالد وليد", ["O", "B-PERS", "I-PERS"], ["O", "B-PERS", "I-PERS"]),
        # an organisation's name holds و of its own: left whole
        ("منظمة العفو وفرنسا", ["B-ORG", "I-ORG", "I-ORG"], ["B-ORG", "I-ORG", "I-ORG"]),
        # the first word of a name is never cut from anything
        ("ومتعب قال", ["B-PERS", "O"], ["B-PERS", "O"]),
    ],
)
def test_split_at_conjunction(sentence: str, tags: list[str], expected: list[str]) -> None:
    assert split_at_conjunction([tags], _words(sentence), _split) == [expected]


@pytest.mark.parametrize(
    ("sentence", "tags", "expected"),
    [
        # the model stopped before آل: the family name joins
        (
            "الشيخ حمد بن خليفة آل ثاني أمير",
            ["O", "B-PERS", "I-PERS", "I-PERS", "O", "O", "O"],
            ["O", "B-PERS", "I-PERS", "I-PERS", "I-PERS", "I-PERS", "O"],
        ),
        # or right after it
        (
            "الشيخ محمد بن راشد آل مكتوم نائب",
            ["O", "B-PERS", "I-PERS", "I-PERS", "I-PERS", "O", "O"],
            ["O", "B-PERS", "I-PERS", "I-PERS", "I-PERS", "I-PERS", "O"],
        ),
        # the family's word tagged as something else is the person's too
        (
            "حمد آل ثاني",
            ["B-PERS", "O", "B-LOC"],
            ["B-PERS", "I-PERS", "I-PERS"],
        ),
        # the article ال written alone, or a place before آل: nothing joins
        ("زار حمد ال ثاني", ["O", "B-PERS", "O", "O"], ["O", "B-PERS", "O", "O"]),
        ("في قطر آل ثاني", ["O", "B-LOC", "O", "O"], ["O", "B-LOC", "O", "O"]),
        # آل ending the sentence has nothing to join
        ("قال حمد آل", ["O", "B-PERS", "O"], ["O", "B-PERS", "O"]),
    ],
)
def test_join_family_names(sentence: str, tags: list[str], expected: list[str]) -> None:
    assert join_family_names([tags], _words(sentence)) == [expected]


def test_repeat_names_finds_a_multi_word_name_again() -> None:
    """Tagged once, the bank's name is the bank wherever the document writes it, clitic aside
    (the stems match), and a one-word name is not repeated."""
    stems = [["البنك", "التجاري", "اعلن"], ["قال", "البنك", "التجاري"], ["بنك", "زار", "قطر"]]
    tags = [["B-ORG", "I-ORG", "O"], ["O", "O", "O"], ["O", "O", "B-LOC"]]
    stems.append(["في", "قطر"])
    tags.append(["O", "O"])
    assert repeat_names(tags, stems) == [
        ["B-ORG", "I-ORG", "O"],
        ["O", "B-ORG", "I-ORG"],
        ["O", "O", "B-LOC"],
        ["O", "O"],
    ]


def test_repeat_names_joins_a_name_labelled_in_pieces_and_leaves_one_name_to_the_vote() -> None:
    stems = [["دينامو", "كييف"], ["دينامو", "كييف"], ["دينامو", "كييف"], ["زار", "دينامو", "كييف"]]
    tags = [["B-ORG", "I-ORG"], ["B-ORG", "I-ORG"], ["B-LOC", "I-LOC"], ["O", "O", "B-LOC"]]
    out = repeat_names(tags, stems)
    assert out[2] == ["B-LOC", "I-LOC"]  # one name already: the vote, not this rule, settles it
    assert out[3] == ["O", "B-ORG", "I-ORG"]  # the city alone was the club's second word


def test_repeat_names_joins_pieces_of_two_types() -> None:
    """ريال tagged as a club and مدريد as a city, where the document elsewhere names the club."""
    stems = [["ريال", "مدريد", "فاز"], ["لعب", "ريال", "مدريد"]]
    tags = [["B-ORG", "B-LOC", "O"], ["O", "B-ORG", "I-ORG"]]
    assert repeat_names(tags, stems)[0] == ["B-ORG", "I-ORG", "O"]


def test_repeat_names_keeps_a_label_that_reaches_outside_the_words() -> None:
    """The name found again is part of a longer one there: the longer one is kept."""
    stems = [["البنك", "التجاري"], ["البنك", "التجاري", "الدولي"], ["مدير", "البنك", "التجاري"]]
    tags = [["B-ORG", "I-ORG"], ["B-ORG", "I-ORG", "I-ORG"], ["B-PERS", "I-PERS", "I-PERS"]]
    out = repeat_names(tags, stems)
    assert out[1] == ["B-ORG", "I-ORG", "I-ORG"]
    assert out[2] == ["B-PERS", "I-PERS", "I-PERS"]


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        # three of four say organisation: the fourth follows
        (
            [["B-ORG", "I-ORG"], ["B-ORG", "I-ORG"], ["B-ORG", "I-ORG"], ["B-LOC", "I-LOC"]],
            [["B-ORG", "I-ORG"]] * 4,
        ),
        # one against one: no majority, no change
        ([["B-ORG", "I-ORG"], ["B-LOC", "I-LOC"]], [["B-ORG", "I-ORG"], ["B-LOC", "I-LOC"]]),
        # a name labelled once has nothing to vote with
        ([["B-LOC", "I-LOC"], ["O", "O"]], [["B-LOC", "I-LOC"], ["O", "O"]]),
    ],
)
def test_vote_types(tags: list[list[str]], expected: list[list[str]]) -> None:
    stems = [["دينامو", "كييف"]] * len(tags)
    assert vote_types(tags, stems) == expected


def test_apply_document_rules_runs_every_rule_in_order() -> None:
    """The first pass's full name the second dropped is kept; the list is split; the repeated
    name found again; the vote settles the type; surnames follow only with keywords."""
    words = _words("قال ابوتريكة ومتعب", "فاز البنك التجاري", "البنك التجاري ربح", "زار رئيسي")
    stems = [[normalize_token(w) for w in s] for s in words]
    stems[3] = ["زار", "رئيسي"]
    second = [
        ["O", "B-PERS", "I-PERS"],
        ["O", "B-ORG", "I-ORG"],
        ["O", "O", "O"],
        ["O", "O"],
    ]
    first = [["O", "O", "O"], ["O", "B-ORG", "E-ORG"], ["O", "O", "O"], ["O", "O"]]
    mined = [[], [], [], []]
    out = apply_document_rules(second, first, words, stems, mined=mined, split=_split)
    assert out == [
        ["O", "B-PERS", "B-PERS"],
        ["O", "B-ORG", "I-ORG"],
        ["B-ORG", "I-ORG", "O"],
        ["O", "O"],
    ]


# -- the rules that run before these (consistency.py, name_rules.py) -------------------------


@pytest.mark.parametrize(
    ("tags", "stems", "vouched", "expected"),
    [
        # full name once, bare last name later, the page's keywords name it
        (
            [["B-PERS", "I-PERS", "O"], ["O", "O"]],
            [["ابراهيم", "رئيسي", "قال"], ["طلب", "رئيسي"]],
            frozenset({"رئيسي", "بوتين"}),
            [["B-PERS", "I-PERS", "O"], ["O", "B-PERS"]],
        ),
        # the same text without keywords (ANERcorp, ``main.py ner``): left as it is
        (
            [["B-PERS", "I-PERS", "O"], ["O", "O"]],
            [["ابراهيم", "رئيسي", "قال"], ["طلب", "رئيسي"]],
            frozenset(),
            [["B-PERS", "I-PERS", "O"], ["O", "O"]],
        ),
        # keywords that do not name this last name: left as it is
        (
            [["B-PERS", "I-PERS", "O"], ["O", "O"]],
            [["محمد", "علي", "قال"], ["طلب", "علي"]],
            frozenset({"بوتين"}),
            [["B-PERS", "I-PERS", "O"], ["O", "O"]],
        ),
        # a one-word name proves nothing about the word elsewhere
        (
            [["B-PERS", "O"], ["O"]],
            [["رئيسي", "قال"], ["رئيسي"]],
            frozenset({"رئيسي"}),
            [["B-PERS", "O"], ["O"]],
        ),
        # only person names: the last word of an organisation is left alone
        (
            [["B-ORG", "I-ORG"], ["O"]],
            [["البنك", "التجاري"], ["التجاري"]],
            frozenset({"التجاري"}),
            [["B-ORG", "I-ORG"], ["O"]],
        ),
    ],
)
def test_propagate_surnames(tags, stems, vouched, expected) -> None:
    from reader.entities.consistency import propagate_surnames

    assert propagate_surnames(tags, stems, vouched) == expected


@pytest.mark.parametrize(
    ("tags", "first", "expected"),
    [
        # the second pass dropped the whole two-word name the first pass found: kept
        (
            [["O", "O", "O", "O"], ["O", "O"]],
            [["O", "B-PERS", "I-PERS", "O"], ["O", "O"]],
            [["O", "B-PERS", "I-PERS", "O"], ["O", "O"]],
        ),
        # a one-word name, or a name the second pass changed rather than dropped, is its call
        (
            [["O", "O"], ["B-ORG", "I-ORG"], ["B-PERS", "O"]],
            [["B-PERS", "O"], ["B-PERS", "I-PERS"], ["B-PERS", "I-PERS"]],
            [["O", "O"], ["B-ORG", "I-ORG"], ["B-PERS", "O"]],
        ),
        # only persons
        ([["O", "O"]], [["B-ORG", "I-ORG"]], [["O", "O"]]),
        # the first pass's own BIOES labels, as the recogniser passes them
        (
            [["O", "O", "O"], ["O", "O"]],
            [["B-PERS", "E-PERS", "O"], ["S-PERS", "O"]],
            [["B-PERS", "I-PERS", "O"], ["O", "O"]],
        ),
    ],
)
def test_keep_full_names(tags, first, expected) -> None:
    from reader.entities.consistency import keep_full_names

    assert keep_full_names(tags, first) == expected


@pytest.mark.parametrize(
    ("words", "mined", "tagged", "expected"),
    [
        # title, nisba adjective, a mined two-word name the model left out
        (
            ["إلى", "المرشد", "الإيراني", "علي", "خامنئي"],
            ["O", "O", "O", "B-PERS", "I-PERS"],
            ["O"] * 5,
            ["O", "O", "O", "B-PERS", "I-PERS"],
        ),
        # right after the title
        (
            ["المرشد", "علي", "خامنئي"],
            ["O", "B-PERS", "I-PERS"],
            ["O"] * 3,
            ["O", "B-PERS", "I-PERS"],
        ),
        # no title before it: left as the model tagged it
        (["إلى", "علي", "خامنئي"], ["O", "B-PERS", "I-PERS"], ["O"] * 3, ["O"] * 3),
        # a one-word mined name is too weak alone
        (["المرشد", "خامنئي"], ["O", "B-PERS"], ["O"] * 2, ["O"] * 2),
        # what the model tagged is kept
        (
            ["المرشد", "علي", "خامنئي"],
            ["O", "B-PERS", "I-PERS"],
            ["O", "B-LOC", "O"],
            ["O", "B-LOC", "O"],
        ),
    ],
)
def test_titled_names(words, mined, tagged, expected) -> None:
    from reader.entities.mining import TRIGGERS
    from reader.entities.name_rules import titled_names

    assert titled_names([tagged], [words], [mined], TRIGGERS) == [expected]
