"""The entity recogniser's parts: clitics, BIO chunks, scoring, gazetteer and the shipped model
(the consistency pass: ``test_entities_consistency.py``; the model's files:
``test_entities_model_files.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.entities import load_recogniser, paths
from reader.entities.conll import Score, entity_chunks, parse_conll_lines, score, split_dev
from reader.entities.features import FeatureExtractor
from reader.entities.gazetteer import Gazetteer
from reader.entities.lexicon import CliticSplitter, Lexicon
from reader.entities.recogniser import Recogniser
from reader.model import Article, Span

COUNTS = {
    "طهران": 2726,
    "وطهران": 126,
    "بوتين": 1748,
    "بايدن": 8,
    "ايدن": 88,
    "الرئيس": 9000,
    "روسيا": 5000,
    "لروسيا": 200,
    "فرنسا": 3000,
}


@pytest.mark.parametrize(
    ("word", "clitic", "stem"),
    [
        ("وطهران", "و", "طهران"),
        ("طهران", "", "طهران"),
        ("بوتين", "", "بوتين"),  # ب is part of the name, not a preposition
        ("بايدن", "", "بايدن"),  # even though ايدن is more common: prepositions need 20x
        ("لبايدن", "ل", "بايدن"),  # unknown whole word, known rest
        ("لروسيا", "ل", "روسيا"),
        ("فرنسا", "", "فرنسا"),
        ("للرئيس", "لل", "الرئيس"),  # ل + ال: the article is restored in the stem
        ("والمدينه", "و", "المدينه"),  # unknown to the corpus: only the unambiguous + ال forms
        ("وزير", "", "وزير"),  # unknown, no article: left alone
        ("في", "", "في"),
    ],
)
def test_clitic_splitter(word: str, clitic: str, stem: str) -> None:
    assert CliticSplitter(COUNTS).split(word) == (clitic, stem)


@pytest.mark.parametrize(
    ("tags", "chunks"),
    [
        (["O", "B-PERS", "I-PERS", "O"], [(1, 3, "PERS")]),
        (["B-LOC", "B-LOC"], [(0, 1, "LOC"), (1, 2, "LOC")]),
        (["I-ORG", "I-ORG", "O"], [(0, 2, "ORG")]),  # conlleval: I- after O starts an entity
        (["B-PERS", "I-LOC"], [(0, 1, "PERS"), (1, 2, "LOC")]),
        (["O", "O"], []),
        (["B-MISC"], [(0, 1, "MISC")]),
    ],
)
def test_entity_chunks(tags: list[str], chunks: list[tuple[int, int, str]]) -> None:
    assert entity_chunks(tags) == chunks


def test_score_counts_exact_span_and_type_only() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PERS", "O", "O", "B-LOC"], ["B-LOC", "O"]]
    rows = {r.kind: r for r in score(gold, pred)}
    assert rows["LOC"] == Score("LOC", 1, 2, 1)
    assert rows["PERS"] == Score("PERS", 1, 1, 0)
    assert rows["ALL"] == Score("ALL", 3, 3, 1)
    assert rows["ALL"].f1 == pytest.approx(1 / 3)


def test_conll_reading_and_dev_split() -> None:
    lines = ["a O\n", "b B-LOC\n", "\n", "\n", "c O\n", "d\n"]
    sentences = list(parse_conll_lines(lines))
    assert sentences == [[("a", "O"), ("b", "B-LOC")], [("c", "O"), ("d", "O")]]
    train, dev = split_dev([[("x", "O")]] * 20)
    assert (len(train), len(dev)) == (18, 2)


@pytest.mark.parametrize(
    ("words", "labels"),
    [
        (["في", "الولايات", "المتحده", "اليوم"], ["O", "B-LOC", "I-LOC", "O"]),
        (["الولايات", "فقط"], ["O", "O"]),
        (["وطهران", "و", "جو", "بايدن"], ["B-LOC", "O", "B-PERS", "I-PERS"]),
        (["جو", "بايدن", "بايدن"], ["B-PERS", "I-PERS", "B-PERS"]),  # longest match first
    ],
)
def test_gazetteer_longest_match(words: list[str], labels: list[str]) -> None:
    gazetteer = Gazetteer(
        [
            ("LOC", ("الولايات", "المتحده")),
            ("LOC", ("طهران",)),
            ("PERS", ("جو", "بايدن")),
            ("PERS", ("بايدن",)),
        ]
    )
    stems = [CliticSplitter(COUNTS).split(w)[1] for w in words]
    assert gazetteer.tag(words, stems) == labels

    # told where a name may begin, it reads those places only, and finds the same
    starts = [
        i for i, (w, st) in enumerate(zip(words, stems, strict=True)) if gazetteer.may_start(w, st)
    ]
    assert gazetteer.tag(words, stems, starts) == labels


def test_gazetteer_names_sharing_their_first_words() -> None:
    """A first word that begins many names (نادي, محافظة): the longest listed one that the text
    writes wins, a shorter one where the longer stops short, the first type listed for a name
    repeated."""
    gazetteer = Gazetteer(
        [
            ("ORG", ("نادي", "الزمالك")),
            ("ORG", ("نادي", "الزمالك", "للالعاب", "الرياضيه")),
            ("LOC", ("نادي",)),
            ("ORG", ("نادي", "الهلال")),
            ("PERS", ("نادي", "الهلال")),
        ]
    )
    assert len(gazetteer) == 4
    words = ["نادي", "الزمالك", "للالعاب", "الرياضيه", "و", "نادي", "الزمالك", "للالعاب", "نادي"]
    assert gazetteer.tag(words, words) == [
        "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "O", "B-LOC",
    ]  # fmt: skip
    assert gazetteer.tag(["نادي", "الهلال"], ["نادي", "الهلال"]) == ["B-ORG", "I-ORG"]


# -- the shipped model -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def recogniser():
    return load_recogniser()


def test_tag_tokens_gives_one_bio_tag_per_token(recogniser) -> None:
    sentences = [["وقال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "في", "موسكو", "."], []]
    tags = recogniser.tag_tokens(sentences)
    assert [len(t) for t in tags] == [8, 0]
    assert tags[0][3:5] == ["B-PERS", "I-PERS"]
    assert tags[0][6] == "B-LOC"
    assert all(t == "O" or t[:2] in {"B-", "I-"} for t in tags[0])


class _ScriptedRecogniser(Recogniser):
    """The real span building over scripted tags: each listed word gets its tag, others O."""

    def __init__(self, tags: dict[str, str]) -> None:
        super().__init__(FeatureExtractor(Lexicon(counts=COUNTS)))
        self._tags = tags

    def _tag_document(self, sentences, keywords=frozenset()):
        return [[self._tags.get(t, "O") for t in s] for s in sentences]


@pytest.mark.parametrize(
    ("text", "tags", "expected"),
    [
        (
            "زار بوتين وطهران أمس.",
            {"بوتين": "B-PERS", "وطهران": "B-LOC"},
            [("بوتين", "PERS"), ("طهران", "LOC")],
        ),
        ("قال الرئيس الصيني لبايدن إن", {"لبايدن": "B-PERS"}, [("بايدن", "PERS")]),
        ("وأكد الكرملين أن", {"الكرملين": "B-ORG"}, [("الكرملين", "ORG")]),  # ال stays in
        ("التقى وَطهران", {"وَطهران": "B-LOC"}, [("طهران", "LOC")]),  # a mark on the clitic
        ("في فرنسا وبريطانيا", {"فرنسا": "B-LOC"}, [("فرنسا", "LOC")]),  # ف of the name stays
        # an entity spread over punctuation keeps its words only
        (
            "جاء جو ، بايدن",
            {"جو": "B-PERS", "،": "I-PERS", "بايدن": "I-PERS"},
            [("جو ، بايدن", "PERS")],
        ),
        ("الطقس جميل اليوم", {}, []),
    ],
)
def test_spans_leave_clitics_outside(text: str, tags: dict, expected: list) -> None:
    spans = _ScriptedRecogniser(tags).find_entities(text)
    assert [(text[s.start : s.end], s.kind) for s in spans] == expected


def test_a_clitic_is_split_off_when_the_document_names_the_rest() -> None:
    """لبايدن is unknown to the corpus counts, but بايدن is tagged in the same text."""
    text = "قال لجونسون إن جونسون سيصل."
    tags = {"لجونسون": "B-PERS", "جونسون": "B-PERS"}
    spans = _ScriptedRecogniser(tags).find_entities(text)
    assert [text[s.start : s.end] for s in spans] == ["جونسون", "جونسون"]


def test_a_name_keeps_a_first_letter_that_only_looks_like_a_clitic() -> None:
    """The corpus counts split فاس into ف + اس and فورد into ف + ورد: a name was shown as اس. At
    least three letters must stay, and ف or ك goes before a name without its article only when
    the text names the rest (as the facets decide)."""
    lexicon = Lexicon.read(paths.MODELS / paths.LEXICON)
    text = "عمل في فاس ثم في فورد ، وأقام بلندن ومدن كالرياض ثم فتونس قبل أن يعود إلى تونس"
    tags = dict.fromkeys(("فاس", "بلندن", "كالرياض", "فتونس", "تونس"), "B-LOC") | {"فورد": "B-ORG"}
    recogniser = _ScriptedRecogniser(tags)
    recogniser._extractor = FeatureExtractor(lexicon)
    spans = recogniser.find_entities(text)
    assert [text[s.start : s.end] for s in spans] == [
        "فاس",
        "فورد",
        "لندن",
        "الرياض",
        "تونس",
        "تونس",
    ]


def test_shipped_model_finds_clear_entities(recogniser) -> None:
    text = "وقال الرئيس الروسي فلاديمير بوتين في موسكو إن روسيا مستعدة."
    found = {(text[s.start : s.end], s.kind) for s in recogniser.find_entities(text)}
    assert {("فلاديمير بوتين", "PERS"), ("موسكو", "LOC"), ("روسيا", "LOC")} <= found


def test_no_name_is_found_inside_an_address(recogniser) -> None:
    """A press release's contact and a source's site: the tokeniser cuts them into words, which
    the model took for names ("press" as an organisation)."""
    text = (
        "وقال الرئيس الروسي فلاديمير بوتين في موسكو إن روسيا مستعدة. للاستفسار: "
        "press@health.example.tn أو https://www.moscow-news.example.ru/putin/ ."
    )
    spans = recogniser.find_entities(text)
    found = {(text[s.start : s.end], s.kind) for s in spans}
    assert {("فلاديمير بوتين", "PERS"), ("موسكو", "LOC")} <= found
    address_start = text.index("press@")
    assert all(s.end <= address_start for s in spans)


def test_cities_the_training_data_never_saw_are_places(recogniser) -> None:
    """The places list (GeoNames' towns and cities) names what ANERcorp and the news corpus
    hardly mention: a final in Yokohama, a delegation in Valencia, Melilla's coast."""
    for text, city in [
        ("بعد فوزه على ألمانيا في المباراة النهائية في يوكوهاما .", "يوكوهاما"),
        ("وصل الوفد إلى بلنسية صباح اليوم .", "بلنسية"),
        ("تقع مليلية على ساحل البحر .", "مليلية"),
    ]:
        found = {(text[s.start : s.end], s.kind) for s in recogniser.find_entities(text)}
        assert (city, "LOC") in found


def test_the_places_list_leaves_out_common_words() -> None:
    """GeoNames names Cannes كان and lists الجمعة and دوري as towns; as one-word names the
    corpus writes them too often to be places."""
    from reader.entities.gazetteer import read_entries

    names = {words for _, words in read_entries(paths.GAZETTEERS / paths.PLACES)}
    assert {("كان",), ("الجمعه",), ("دوري",), ("الحكومه",)}.isdisjoint(names)
    assert {("يوكوهاما",), ("انطاكيه",), ("بلنسيه",), ("سيدي", "بوزيد")} <= names


def test_the_world_names_list_leaves_out_common_words() -> None:
    """arabnamer lists علي, كان and وجود as names; as one-word names the corpus writes them too
    often for the list to say anything. Rare names, foreign ones most of all, stay, and so do
    Wikipedia's titles of people, clubs and places; its sports bodies' table lists competitions
    too, which are left out."""
    from reader.entities.gazetteer import read_entries

    entries = set(read_entries(paths.GAZETTEERS / paths.WORLD_NAMES))
    names = {words for _, words in entries}
    assert {("علي",), ("كان",), ("وجود",), ("بديل",)}.isdisjoint(names)
    assert {("ليفاندوفسكي",), ("بروخوروف",), ("النابلسي",), ("عبد", "الرقيب")} <= names
    assert {
        ("PERS", ("غاري", "اولدمان")),
        ("ORG", ("نادي", "واتفورد")),
        ("ORG", ("رابطه", "محترفي", "التنس")),
        ("LOC", ("سانتياغو", "دي", "كومبوستيلا")),
    } <= entries
    assert ("بطوله", "العالم", "للالعاب", "المائيه") not in names


def test_annotate_sets_body_and_appended_entities(recogniser) -> None:
    from reader.model import Appended

    article = Article(
        id="a.txt",
        title="t",
        body="التقى بوتين في موسكو.",
        appended=(Appended(title="u", body="وقال الرئيس الروسي فلاديمير بوتين في موسكو."),),
    )
    done = recogniser.annotate(article)
    assert done.entities == (Span(6, 11, "PERS"), Span(15, 20, "LOC"))
    (appended,) = done.appended
    assert [appended.body[s.start : s.end] for s in appended.entities] == [
        "فلاديمير بوتين",
        "موسكو",
    ]
    assert done.body == article.body and done.id == article.id


SEED_BODY = {
    "PERS": {"بوتين"},
    "LOC": {"موسكو", "طهران", "غزة", "إيران", "روسيا", "أوكرانيا", "السعودية"},
    "ORG": {"الكرملين"},
}
SEED_APPENDED_PERS = {"بايدن"}


def _seed_entities(recogniser, seeds_dir: Path) -> tuple[dict[str, set[str]], set[str]]:
    """Entity words found in the seed article's body (by type) and its appended article's PERS."""
    from reader.formats import parse_file

    path = seeds_dir / "000_af4e3700e08c1d4f.txt"
    (article,) = parse_file(path, seeds_dir).articles
    done = recogniser.annotate(article)
    found: dict[str, set[str]] = {}
    for span in done.entities:
        surface = done.body[span.start : span.end]
        assert surface == surface.strip()
        found.setdefault(span.kind, set()).update([surface, *surface.split()])
    (appended,) = done.appended
    people = {appended.body[s.start : s.end] for s in appended.entities if s.kind == "PERS"}
    return found, {w for p in people for w in [p, *p.split()]}


def test_seed_article_entities(recogniser, seeds_dir: Path) -> None:
    """Acceptance 3 of issue 4, on the sample the app opens first (the names it meets)."""
    found, appended_people = _seed_entities(recogniser, seeds_dir)
    for kind, names in SEED_BODY.items():
        assert names <= found.get(kind, set()), (kind, names - found.get(kind, set()))
    assert appended_people >= SEED_APPENDED_PERS


def test_seed_article_newer_names_from_the_corpus(recogniser, seeds_dir: Path) -> None:
    """ترامب is not in ANERcorp (2007); the corpus years (2016-2018) give it: its clusters and
    the person names mined from the corpus (``mining.py``)."""
    _, appended_people = _seed_entities(recogniser, seeds_dir)
    assert "ترامب" in appended_people


def test_seed_article_name_after_the_folded_ali(recogniser, seeds_dir: Path) -> None:
    """خامنئي follows علي, which the folded form shares with the preposition على; the written
    form (``r=``, ``rx1=`` features) keeps them apart."""
    found, _ = _seed_entities(recogniser, seeds_dir)
    assert "خامنئي" in found.get("PERS", set())


def test_seed_article_newer_names(recogniser, seeds_dir: Path) -> None:
    """رئيسي is mostly the adjective "main" in the training data; after إبراهيم the model names
    the first name alone, and the page's keywords (بوتين رئيسي ...) complete the name."""
    found, _ = _seed_entities(recogniser, seeds_dir)
    assert {"إبراهيم رئيسي", "رئيسي"} <= found.get("PERS", set())
