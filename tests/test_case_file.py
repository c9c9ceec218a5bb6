"""Issue 18, the core: own tags, notes and saved searches in the user state; is:, mytag:, note:,
category: in the query language and the index; the "(none)" value; export of the marks; the case
file that moves a folder's state to another machine byte for byte."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.index import Filters, Index, parse_query
from reader.index.types import MY_TAG_FIELD, NONE_VALUE
from reader.library.export import MARK_COLUMNS, article_record, csv_header, csv_row
from reader.model import Article
from reader.storage.casefile import CaseFileError, case_bytes, export_case, import_case
from reader.storage.saved_search import SavedSearch
from reader.storage.state import UserState, state_path

ROOT = Path(__file__).resolve().parent.parent


def _articles() -> list[Article]:
    return [
        Article(
            id="a.txt",
            title="الرئيس يزور غزة",
            body="زيارة رسمية إلى قطاع غزة.",
            date=dt.date(2023, 1, 3),
            category="سياسة",
        ),
        Article(
            id="b.txt",
            title="مباراة الأهلي",
            body="فاز الأهلي في المباراة.",
            date=dt.date(2023, 1, 2),
            category="رياضة",
        ),
        Article(
            id="c.txt",
            title="Economy report",
            body="Inflation went down in Tunis.",
            date=dt.date(2023, 1, 1),
        ),
        Article(id="d.txt", title="خبر آخر", body="نص الخبر.", date=dt.date(2022, 12, 31)),
    ]


@pytest.fixture
def index() -> Index:
    idx = Index()
    idx.add_many(_articles())
    return idx


@pytest.fixture
def state(tmp_path: Path) -> UserState:
    s = UserState(tmp_path)
    s.set_starred("a.txt")
    s.set_starred("c.txt")
    s.set_read("a.txt")
    s.set_read("b.txt")
    s.add_my_tag("b.txt", "ملف الرياضة")
    s.add_my_tag("c.txt", "follow up")
    s.add_my_tag("a.txt", "Follow  up")  # the same tag: spaces and case of the key folded
    s.set_article_note("d.txt", "اتصل بالمراسل في صفاقس\nthen check the figures")
    return s


# ---------------------------------------------------------------- the query language, both scripts
@pytest.mark.parametrize(
    ("text", "include", "exclude"),
    [
        ("is:starred", {"starred"}, set()),
        ("هو:مميز", {"starred"}, set()),
        ("هو:مميزة", {"starred"}, set()),
        ("is:unread", {"unread"}, set()),
        ("هو:غير_مقروء", {"unread"}, set()),
        ('هو:"غير مقروءة"', {"unread"}, set()),
        ("is:read", {"read"}, set()),
        ("هو:مقروء", {"read"}, set()),
        ("-is:read", {"unread"}, set()),
        ("-is:starred", set(), {"starred"}),
        ("-هو:مميز", set(), {"starred"}),
    ],
)
def test_is_field_in_english_and_arabic(text: str, include: set, exclude: set) -> None:
    pq = parse_query(text)
    assert pq.error is None
    assert pq.filters.include_marks == include
    assert pq.filters.exclude_marks == exclude
    assert pq.clauses == ()


def test_own_fields_in_english_and_arabic() -> None:
    pq = parse_query('mytag:"follow up" وسمي:ملف -mytag:قديم category:سياسة قسم:رياضة -section:x')
    assert pq.error is None
    assert pq.filters.include_my_tags == {"follow up", "ملف"}
    assert pq.filters.exclude_my_tags == {"قديم"}
    assert pq.filters.include_categories == {"سياسة", "رياضة"}
    assert pq.filters.exclude_categories == {"x"}
    notes = parse_query('note:صفاقس ملاحظة:"المراسل غدا" -note:figures غزة')
    assert notes.error is None
    assert notes.filters.note_words == {("صفاقس",), ("المراسل", "غدا")}
    assert notes.filters.exclude_note_words == {("figures",)}
    assert [w.norm for c in notes.clauses for p in c.alternatives for w in p.words] == ["غزه"]


@pytest.mark.parametrize("text", ["is:everything", "هو:شيء", "note:...", "mytag:"])
def test_bad_own_fields_say_why(text: str) -> None:
    assert parse_query(text).error


# ---------------------------------------------------------------- the index answers them
def _ids(index: Index, query: str, state: UserState | None, **kw: object) -> list[str]:
    marks = state.marks() if state is not None else None
    return sorted(index.search(query, marks=marks, **kw).ids)


def test_starred_unread_read_filters(index: Index, state: UserState) -> None:
    assert _ids(index, "is:starred", state) == ["a.txt", "c.txt"]
    assert _ids(index, "هو:مميز", state) == ["a.txt", "c.txt"]
    assert _ids(index, "is:unread", state) == ["c.txt", "d.txt"]
    assert _ids(index, "is:read", state) == ["a.txt", "b.txt"]
    assert _ids(index, "is:starred is:unread", state) == ["c.txt"]
    assert _ids(index, "-is:starred", state) == ["b.txt", "d.txt"]
    assert _ids(index, "is:starred", None) == []  # no state: nothing is starred
    panel = Filters(include_marks=frozenset({"unread"}))
    assert sorted(index.search("", panel, marks=state.marks()).ids) == ["c.txt", "d.txt"]


def test_marks_follow_changes_of_the_state(index: Index, state: UserState) -> None:
    first = state.marks()
    assert state.marks() is first  # the same snapshot while nothing changes
    assert _ids(index, "is:starred", state) == ["a.txt", "c.txt"]
    state.set_starred("d.txt")
    assert state.marks() is not first
    assert _ids(index, "is:starred", state) == ["a.txt", "c.txt", "d.txt"]
    index.remove("a.txt")
    assert _ids(index, "is:starred", state) == ["c.txt", "d.txt"]
    assert _ids(index, "is:unread", state) == ["c.txt", "d.txt"]


def test_own_tags_filter_and_facet(index: Index, state: UserState) -> None:
    assert _ids(index, 'mytag:"follow up"', state) == ["a.txt", "c.txt"]
    assert _ids(index, "وسمي:ملف_الرياضة", state) == []
    assert _ids(index, 'وسمي:"ملف الرياضه"', state) == ["b.txt"]  # ة/ه folded as in search
    assert _ids(index, '-mytag:"follow up"', state) == ["b.txt", "d.txt"]
    result = index.search("", marks=state.marks())
    assert [(v.value, v.count) for v in result.facets[MY_TAG_FIELD]] == [
        ("follow up", 2),
        ("ملف الرياضة", 1),
    ]
    assert state.all_my_tags() == {"follow up": 2, "ملف الرياضة": 1}
    assert MY_TAG_FIELD not in index.search("").facets  # no state, no facet


def test_notes_are_searched_and_listed_after_text_matches(index: Index, state: UserState) -> None:
    assert _ids(index, "note:صفاقس", state) == ["d.txt"]
    assert _ids(index, "ملاحظة:المراسل", state) == ["d.txt"]  # بالمراسل: the clitic is dropped
    assert _ids(index, "note:FIGURES", state) == ["d.txt"]
    assert _ids(index, "-note:صفاقس", state) == ["a.txt", "b.txt", "c.txt"]
    # a plain word found only in a note: listed after the text matches and flagged
    state.set_article_note("b.txt", "يذكر غزة في التعليق")
    result = index.search("غزة", marks=state.marks())
    assert result.ids == ("a.txt", "b.txt")
    assert result.note_ids == {"b.txt"}
    assert list(result.scores)[1] == 0.0
    assert index.search("غزة").ids == ("a.txt",)
    # negated clauses and filters still apply to note matches
    assert index.search("غزة -الأهلي", marks=state.marks()).ids == ("a.txt",)
    assert index.search("غزة is:unread", marks=state.marks()).ids == ()


def test_category_filter_and_none_value(index: Index) -> None:
    assert sorted(index.search("category:سياسة").ids) == ["a.txt"]
    assert sorted(index.search("قسم:رياضه").ids) == ["b.txt"]
    assert sorted(index.search(f'category:"{NONE_VALUE}"').ids) == ["c.txt", "d.txt"]
    assert sorted(index.search(f'-category:"{NONE_VALUE}"').ids) == ["a.txt", "b.txt"]
    result = index.search("")
    counts = {v.value: v.count for v in result.facets["category"]}
    assert counts == {"سياسة": 1, "رياضة": 1}
    assert result.missing["category"] == 2  # so the counts add up to the result's 4
    assert sum(counts.values()) + result.missing["category"] == result.total
    assert result.distinct["category"] == 2
    panel = Filters(include_categories=frozenset({NONE_VALUE, "سياسة"}))
    assert sorted(index.search("", panel).ids) == ["a.txt", "c.txt", "d.txt"]


def test_distinct_values_and_show_all_counts() -> None:
    idx = Index()
    idx.add_many(
        Article(id=f"{i}.txt", title=f"t{i}", body="نص", tags=(f"وسم{i}", "مشترك"))
        for i in range(30)
    )
    result = idx.search("", facet_limit=5)
    assert len(result.facets["tag"]) == 5
    assert result.distinct["tag"] == 31
    every = idx.facet_counts("tag", result.ids)
    assert len(every) == 31 and every[0].value == "مشترك" and every[0].count == 30
    assert [v.count for v in idx.facet_counts("tag", ["3.txt", "4.txt"])] == [2, 1, 1]
    assert idx.facet_counts("nothing", result.ids) == ()


# ---------------------------------------------------------------- the state keeps it all
def test_tags_notes_and_searches_survive_a_restart(tmp_path: Path, state: UserState) -> None:
    search = SavedSearch(
        "غزة هذا العام",
        "غزة -مباراة",
        Filters(
            include_tags=frozenset({"غزة"}),
            include_entities=frozenset({("PERS", "أحمد")}),
            include_marks=frozenset({"starred"}),
            note_words=frozenset({("صفاقس",)}),
            since=dt.date(2023, 1, 1),
        ),
        "relevance",
        frozenset({"a.txt"}),
    )
    state.save_search(search)
    state.save()
    again = UserState(tmp_path)
    assert again.note is None
    assert again.my_tags("a.txt") == ("Follow up",)
    assert again.my_tags("c.txt") == ("follow up",)
    assert again.article_note("d.txt") == "اتصل بالمراسل في صفاقس\nthen check the figures"
    assert again.saved_search("غزة هذا العام") == search
    assert again.searches == (search,)


def test_own_tags_and_notes_follow_a_rename(state: UserState) -> None:
    state.rename("d.txt", "moved/d.txt")
    state.rename("b.txt", "b2.txt")
    assert state.article_note("moved/d.txt").startswith("اتصل")
    assert state.article_note("d.txt") == ""
    assert state.my_tags("b2.txt") == ("ملف الرياضة",) and state.my_tags("b.txt") == ()
    state.rename("b.txt", "b3.txt")  # idempotent: nothing left to move
    assert state.my_tags("b2.txt") == ("ملف الرياضة",)


def test_tag_editing_and_blank_note(state: UserState) -> None:
    state.set_my_tags("x", ["  ", "غزة", "غزه", "ملف"])
    assert state.my_tags("x") == ("غزة", "ملف")
    state.remove_my_tag("x", "غزه")
    assert state.my_tags("x") == ("ملف",)
    state.set_article_note("d.txt", "  \n")
    assert state.article_note("d.txt") == "" and "d.txt" not in state.noted_ids


def test_saved_search_rename_delete_and_new_count(state: UserState) -> None:
    state.save_search(SavedSearch("one", "غزة", seen=frozenset({"a.txt"})))
    state.save_search(SavedSearch("two"))
    assert not state.rename_search("one", "two")  # taken
    assert state.rename_search("one", "واحد")
    assert [s.name for s in state.searches] == ["two", "واحد"]
    found = state.saved_search("واحد")
    assert found is not None and found.query == "غزة"
    assert found.new_count(["a.txt", "b.txt", "c.txt"]) == 2
    state.delete_search("two")
    assert [s.name for s in state.searches] == ["واحد"]


def test_a_format_1_file_reads_with_no_tags(tmp_path: Path) -> None:
    path = state_path(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"format": 1, "read": ["a"], "starred": ["b"]}', encoding="utf-8")
    state = UserState(tmp_path)
    assert state.note is None and state.is_read("a") and state.is_starred("b")
    assert state.my_tags("a") == () and state.searches == ()


@pytest.mark.parametrize(
    "extra",
    [
        '"my_tags": {"a": "not a list"}',
        '"notes": {"a": 3}',
        '"searches": {"s": {"sort": "sideways"}}',
        '"searches": {"s": {"since": "2023-13-45"}}',
    ],
)
def test_damaged_new_parts_are_kept_aside(tmp_path: Path, extra: str) -> None:
    path = state_path(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'{{"read": ["a"], "starred": [], {extra}}}', encoding="utf-8")
    state = UserState(tmp_path)
    assert state.note is not None and "damaged" in state.note
    assert not state.is_read("a")
    assert path.with_name(path.name + ".damaged").exists()


def test_readonly_state_reports_damage_and_moves_nothing(tmp_path: Path) -> None:
    path = state_path(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{oops", encoding="utf-8")
    state = UserState(tmp_path, readonly=True)
    assert state.note is not None and "damaged" in state.note
    assert path.read_text(encoding="utf-8") == "{oops"
    with pytest.raises(PermissionError):
        state.save()


# ---------------------------------------------------------------- export
def test_export_record_and_csv_carry_the_marks(index: Index, state: UserState) -> None:
    a = index.get("a.txt")
    d = index.get("d.txt")
    assert a is not None and d is not None
    record = article_record(a, state=state)
    assert list(record)[-4:] == list(MARK_COLUMNS)
    assert (record["starred"], record["read"], record["my_tags"], record["note"]) == (
        True,
        True,
        ["Follow up"],
        None,
    )
    assert article_record(d, state=state)["note"].startswith("اتصل بالمراسل")
    assert "starred" not in article_record(a)  # without a state: the record of before
    header = csv_header(with_marks=True, with_entities=True)
    row = dict(zip(header, [*csv_row(a, state=state, with_entities=True)], strict=True))
    assert (row["starred"], row["read"], row["my_tags"], row["note"]) == (
        "yes",
        "yes",
        "Follow up",
        "",
    )
    assert header[-1] == "entities"


def test_command_line_export_carries_the_marks(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("عنوان أ\nنص أ\n", encoding="utf-8")
    (folder / "b.txt").write_text("Title B\nBody of b\n", encoding="utf-8")
    state = UserState(folder)
    state.set_starred("a.txt")
    state.add_my_tag("a.txt", "مهم")
    state.set_article_note("b.txt", "check this")
    state.save()
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "export",
            str(folder),
            "--no-entities",
            "--no-cache",
        ],
        capture_output=True,
        check=True,
        timeout=120,
    )
    records = {r["id"]: r for r in map(json.loads, done.stdout.decode("utf-8").splitlines())}
    assert records["a.txt"]["starred"] is True and records["a.txt"]["read"] is False
    assert records["a.txt"]["my_tags"] == ["مهم"] and records["a.txt"]["note"] is None
    assert records["b.txt"]["note"] == "check this" and records["b.txt"]["my_tags"] == []
    # a folder never opened in the window exports as before, without the marks
    state.path.unlink()
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "export",
            str(folder),
            "--no-entities",
            "--no-cache",
        ],
        capture_output=True,
        check=True,
        timeout=120,
    )
    assert all("starred" not in json.loads(line) for line in done.stdout.decode().splitlines())


# ---------------------------------------------------------------- the case file
def test_case_file_round_trips_byte_for_byte(tmp_path: Path, state: UserState) -> None:
    state.save_search(
        SavedSearch("s", "غزة", Filters(include_sources=frozenset({"BBC"})), seen=frozenset({"a"}))
    )
    first = tmp_path / "case.json"
    export_case(state, first)
    data = first.read_bytes()
    assert data == case_bytes(state) and data.endswith(b"\n")
    assert "صفاقس" in data.decode("utf-8")  # Arabic as itself
    other_folder = tmp_path / "elsewhere"
    other_folder.mkdir()
    other = UserState(other_folder)
    import_case(other, first)
    second = tmp_path / "again.json"
    export_case(other, second)
    assert second.read_bytes() == data
    assert other.my_tags("c.txt") == ("follow up",) and other.is_starred("a.txt")
    other.save()
    third = tmp_path / "third.json"
    export_case(UserState(other_folder), third)
    assert third.read_bytes() == data


@pytest.mark.parametrize(
    "content",
    [b"{oops", b'{"read": [], "starred": []}', b"\x00", b'{"kind": "x"}'],
)
def test_a_bad_case_file_is_refused_and_changes_nothing(
    tmp_path: Path, state: UserState, content: bytes
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    before = case_bytes(state)
    with pytest.raises(CaseFileError, match=r"bad\.json: "):
        import_case(state, bad)
    assert case_bytes(state) == before


def test_a_case_file_that_is_not_a_regular_file_is_refused(
    tmp_path: Path, state: UserState
) -> None:
    with pytest.raises(CaseFileError, match="not a regular file"):
        import_case(state, tmp_path)


def test_matching_ids_are_the_search_ids_unordered(index: Index, state: UserState) -> None:
    state.set_article_note("b.txt", "يذكر غزة")
    marks = state.marks()
    for query in ("غزة", "is:unread", 'mytag:"follow up"', "", "-is:starred note:صفاقس"):
        expected = sorted(index.search(query, marks=marks).ids)
        assert sorted(index.matching_ids(query, marks=marks)) == expected, query
    panel = Filters(include_categories=frozenset({"رياضة"}))
    assert index.matching_ids("", panel) == ["b.txt"]
