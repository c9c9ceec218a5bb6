"""Names mined from unlabelled news: patterns, thresholds and the filters against common words."""

from __future__ import annotations

import pytest

from reader.entities.features import FeatureExtractor
from reader.entities.lexicon import Lexicon
from reader.entities.mining import (
    PUNCT,
    TRIGGERS,
    Miner,
    learn_triggers,
    line_words,
    name_word_places,
    org_candidates,
    person_candidates,
    person_gazetteer,
)
from reader.text import normalize


def words(text: str) -> list[str]:
    return [w for line in line_words(text) for w in line]


def names(found) -> list[str]:
    return [" ".join(n) for n in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the nisba and the ministry after the title are skipped, the name stops at a verb
        ("قال الرئيس الأمريكي دونالد ترامب إن", ["دونالد ترامب"]),
        ("وزير الخارجية الروسي سيرغي لافروف يزور", ["سيرغي لافروف يزور"]),
        ("المرشد الأعلى علي خامنئي، وقال", ["علي خامنئي"]),  # punctuation ends the name
        ("والتقى الرئيس بوتين في موسكو", ["بوتين"]),
        ("للرئيس بوتين", ["بوتين"]),  # a clitic on the title
        ("الرئيس السابق", []),  # no name word after the title
        ("الرئيس في القاهرة", []),  # a function word is no name
        ("رئيس مجلس النواب", []),  # the body the title belongs to is no name
        ("الشيخ محمد بن زايد آل نهيان", ["محمد بن زايد"]),  # at most three words
    ],
)
def test_person_candidates(text: str, expected: list[str]) -> None:
    assert names(person_candidates(words(text), TRIGGERS)) == [normalize(e) for e in expected]


def test_line_words_mark_punctuation_between_words() -> None:
    assert words("ترامب، بوتين") == ["ترامب", PUNCT, "بوتين"]
    assert words("ترامب بوتين") == ["ترامب", "بوتين"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قالت وزارة الخارجية الأمريكية إن", ["وزارة الخارجية", "وزارة الخارجية الأمريكية"]),
        ("حركة حماس، و", ["حركة حماس"]),
        ("حزب في", []),
    ],
)
def test_org_candidates(text: str, expected: list[str]) -> None:
    assert names(org_candidates(words(text))) == [normalize(e) for e in expected]


def test_learn_triggers_keeps_reliable_titles_only() -> None:
    person = [("الشيخ", "O"), ("زايد", "B-PERS")]
    nisba = [("المصري", "O"), ("حسن", "B-PERS")]
    rare = [("المهندس", "O"), ("احمد", "B-PERS")]
    loose = [("الشيخ", "O"), ("في", "O")]
    triggers = learn_triggers([person] * 3 + [nisba] * 3 + [rare] + [loose] * 2)
    assert triggers == {normalize("الشيخ")}  # 3 of 5 uses; nisba left out; المهندس seen once


def _mine(documents: list[str]) -> set[tuple[str, str]]:
    miner = Miner()
    for text in documents:
        miner.add_document(text)
    return {(kind, " ".join(name)) for kind, name in miner.entries()}


def test_names_need_three_documents() -> None:
    docs = ["قال الرئيس الأمريكي دونالد ترامب إن"] * 2
    assert ("PERS", "دونالد ترامب") not in _mine(docs)
    assert ("PERS", "دونالد ترامب") in _mine(docs * 2)


def test_last_names_join_when_the_corpus_uses_them_alone() -> None:
    docs = ["قال الرئيس الأمريكي دونالد ترامب إن"] * 3 + ["ترامب"] * 30
    mined = _mine(docs)
    assert {("PERS", "دونالد"), ("PERS", "دونالد ترامب"), ("PERS", "ترامب")} <= mined
    assert ("PERS", "ترامب") not in _mine(docs[:3])  # seen only inside the full name


def test_common_words_and_inflected_forms_are_dropped() -> None:
    # جديد follows a title three times but the corpus uses it everywhere else too
    docs = ["أعلن الرئيس جديد"] * 3 + ["مشروع جديد"] * 100
    assert ("PERS", "جديد") not in _mine(docs)
    # لنابولي is ل + نابولي, which the corpus knows far better
    docs = ["اللاعب لنابولي"] * 3 + ["نابولي"] * 10
    assert not any(name == "لنابولي" for _, name in _mine(docs))
    # a word mostly written with the article is a common noun: حكومة / الحكومة
    docs = ["رئيس حكومة"] * 3 + ["الحكومة"] * 10
    assert ("PERS", normalize("حكومة")) not in _mine(docs)


def test_a_rare_extension_of_a_name_is_dropped() -> None:
    docs = ["قال الرئيس دونالد ترامب إن"] * 20 + ["قال الرئيس دونالد ترامب بأنه"] * 3
    mined = _mine(docs)
    assert ("PERS", "دونالد ترامب") in mined
    assert ("PERS", normalize("دونالد ترامب بأنه")) not in mined


def test_organisations_recur_in_five_documents() -> None:
    docs = ["قالت وزارة الخارجية إن"] * 5
    assert ("ORG", normalize("وزارة الخارجية")) in _mine(docs)
    assert ("ORG", normalize("وزارة الخارجية")) not in _mine(docs[:4])


def test_ali_is_mined_with_a_surname_but_not_alone() -> None:
    # normalisation folds the preposition على into the name علي
    docs = ["المرشد الإيراني علي خامنئي"] * 3 + ["على الطاولة"] * 100
    mined = _mine(docs)
    assert ("PERS", "علي خامنئي") in mined
    assert ("PERS", "علي") not in mined


@pytest.mark.parametrize(
    ("entries", "places"),
    [
        ([("PERS", ("دونالد", "ترامب"))], {"دونالد": "F", "ترامب": "L"}),
        (
            [("PERS", ("حسن", "روحاني")), ("PERS", ("محمد", "حسن"))],
            {"حسن": "FL", "روحاني": "L", "محمد": "F"},
        ),
        ([("PERS", ("ترامب",))], {}),  # a lone word has no place
        ([("ORG", ("وزاره", "الخارجيه"))], {}),
        ([("PERS", ("علي", "خامنئي"))], {"خامنئي": "L"}),  # علي is also the preposition على
    ],
)
def test_name_word_places(entries, places: dict[str, str]) -> None:
    assert name_word_places(entries) == places


def test_person_gazetteer_leaves_organisations_out() -> None:
    entries = [("PERS", ("ترامب",)), ("ORG", ("حركه", "حماس"))]
    assert person_gazetteer(entries) == [("PERS", ("ترامب",))]


def test_name_word_feature_reaches_the_word_and_its_neighbours() -> None:
    extractor = FeatureExtractor(Lexicon({"خليفه": 50}), name_words={"خليفه": "F"})
    features = extractor.sentence(["قال", "خليفة", "أدهم"])
    assert "mw=F" in features[1]
    assert "-1:mw=F" in features[2]
    assert not any("mw=" in f for f in features[0] if not f.startswith("1:"))


def test_a_common_first_name_keeps_its_rarer_surnames() -> None:
    docs = ["المرشد علي خامنئي"] * 3 + ["الشيخ علي سلمان"] * 40
    mined = _mine(docs)
    assert {("PERS", "علي خامنئي"), ("PERS", "علي سلمان")} <= mined
