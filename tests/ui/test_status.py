"""The status bar while a folder loads: the stage, how far, the time left, and Cancel in every stage."""

from __future__ import annotations

from pathlib import Path

import pytest
from inline_tagging import tag_inline
from ui_fixtures import QT_OFFSCREEN_NOISE, open_and_wait

from reader.library.library import LoadProgress
from reader.model import Span
from reader.ui.common.i18n import set_language
from reader.ui.status.status_panel import STAGE_LABELS, LoadStatus, seconds_left, time_left_text

pytestmark = pytest.mark.qt_log_ignore(QT_OFFSCREEN_NOISE)

FILES = 300


def write_small_files(folder: Path, n: int = FILES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"n{i:04d}.txt").write_text(
            f"عنوان الخبر {i}\nنص الخبر رقم {i} عن غزة والاقتصاد\n", encoding="utf-8"
        )
    return folder


def tag_gaza(text: str) -> list[Span]:
    """A tagger that finds the place غزة where it is first written."""
    at = text.find("غزة")
    return [Span(at, at + 3, "LOC")] if at >= 0 else []


@pytest.fixture
def fake_entities(monkeypatch: pytest.MonkeyPatch) -> None:
    tag_inline(monkeypatch, tag_gaza)


def record_status(window) -> list[tuple[str, str, str]]:
    """(stage, count, bar value/maximum) as the user sees them after each progress report."""
    seen: list[tuple[str, str, str]] = []
    status = window.status.load_status

    def note(_progress: LoadProgress) -> None:
        assert status.isVisible()
        assert status.cancel_button.isVisible()
        seen.append(
            (
                status.stage_label.text(),
                status.count_label.text(),
                f"{status.bar.value()}/{status.bar.maximum()}",
            )
        )

    window.loader.progress.connect(note)  # after the window's own slot: sees what it showed
    return seen


# ------------------------------------------------------------------------ time left
@pytest.mark.parametrize(
    ("seconds", "english", "arabic"),
    [
        (1, "about 1 s left", "بقي نحو 1 ث"),
        (42, "about 42 s left", "بقي نحو 42 ث"),
        (59, "about 59 s left", "بقي نحو 59 ث"),
        (60, "about 1 min left", "بقي نحو 1 د"),
        (14 * 60 + 20, "about 14 min left", "بقي نحو 14 د"),
        (59 * 60, "about 59 min left", "بقي نحو 59 د"),
        (80 * 60, "about 1 h 20 min left", "بقي نحو 1 س و20 د"),
    ],
)
def test_time_left_reads_in_the_unit_that_matters(seconds: int, english: str, arabic: str) -> None:
    assert time_left_text(seconds) == english
    set_language("ar")
    try:
        assert time_left_text(seconds) == arabic
    finally:
        set_language("en")


@pytest.mark.parametrize(
    ("done", "total", "elapsed", "left"),
    [
        (0, 100, 5.0, None),  # nothing done yet: no rate to go on
        (10, 100, 0.2, None),  # too early: the first figures jump about
        (100, 100, 9.0, None),  # complete
        (10, 100, 2.0, 18),
        (1000, 15000, 60.0, 840),  # 14 minutes
    ],
)
def test_seconds_left_is_a_linear_estimate(
    done: int, total: int, elapsed: float, left: int | None
) -> None:
    assert seconds_left(done, total, elapsed) == left


def test_a_long_entity_stage_says_minutes_measured_from_its_first_results(qtbot) -> None:
    """The model loads in the workers before any article is tagged: the rate is measured from
    the first tagged articles, not from the start of the stage, so the estimate is not inflated."""
    now = [0.0]
    status = LoadStatus(clock=lambda: now[0])
    qtbot.addWidget(status)
    status.show_progress(LoadProgress("entities", 0, 15_100))
    assert status.count_label.text() == "0 / 15,100 articles"
    now[0] = 10.0  # ten seconds of model loading
    status.show_progress(LoadProgress("entities", 100, 15_100))
    assert "left" not in status.count_label.text()
    now[0] = 70.0  # 1,000 articles a minute from here
    status.show_progress(LoadProgress("entities", 1_100, 15_100))
    assert status.count_label.text() == "1,100 / 15,100 articles · about 14 min left"
    set_language("ar")
    try:
        status.retranslate()
        assert status.stage_label.text() == "استخراج الكيانات"
        assert status.count_label.text() == "1,100 / 15,100 مقال · بقي نحو 14 د"
    finally:
        set_language("en")
        status.retranslate()


@pytest.mark.parametrize(
    ("reports", "stage", "count", "bar"),
    [
        ([("scan", 0, 0)], "Scanning the folder", "", "busy"),  # how much: not known yet
        ([("parse", 3, 20)], "Reading files", "3 / 20 files", (3, 20)),
        ([("cache", 2_000, 31_525)], "Reading from the cache", "2,000 / 31,525 files", None),
        ([("index", 200, 1_200)], "Indexing", "200 / 1,200 articles", (200, 1_200)),
        ([("save", 0, 1)], "Saving the index", "0 / 1 articles", None),
        ([("entities", 64, 300)], "Finding entities", "64 / 300 articles", (64, 300)),
        (
            [("entities", 300, 300), ("index", 0, 300)],
            "Indexing the entities",
            "0 / 300 articles",
            (0, 300),
        ),
    ],
)
def test_each_stage_has_its_label_count_and_bar(qtbot, reports, stage, count, bar) -> None:
    status = LoadStatus()
    qtbot.addWidget(status)
    for name, done, total in reports:
        status.show_progress(LoadProgress(name, done, total))
    assert status.stage_label.text() == stage
    assert status.count_label.text() == count
    if bar == "busy":
        assert (status.bar.minimum(), status.bar.maximum()) == (0, 0)
    elif bar is not None:
        assert (status.bar.value(), status.bar.maximum()) == bar


# ------------------------------------------------------------------------ a real load
def test_a_load_shows_each_stage_with_counts_then_hides(qtbot, make_window, tmp_path: Path):
    folder = write_small_files(tmp_path / "many")
    window = make_window()
    seen = record_status(window)
    open_and_wait(qtbot, window, folder)
    stages = list(dict.fromkeys(stage for stage, _, _ in seen))
    assert stages[0] == "Scanning the folder"
    assert stages.index("Reading files") < stages.index("Indexing")
    parse_counts = [count for stage, count, _ in seen if stage == "Reading files"]
    assert parse_counts[0] == f"0 / {FILES} files"
    assert parse_counts[-1] == f"{FILES} / {FILES} files"
    assert (f"{FILES}/{FILES}") in [bar for stage, _, bar in seen if stage == "Indexing"]
    assert not window.status.load_status.isVisible()
    assert window.list_panel.model.rowCount() == FILES


def test_the_entity_stage_is_shown_after_the_list_is_usable(
    qtbot, make_window, tmp_path: Path, fake_entities
):
    folder = write_small_files(tmp_path / "many")
    window = make_window(entities=True)
    seen = record_status(window)
    rows_when_entities_started: list[int] = []
    window.loader.progress.connect(
        lambda p: (
            rows_when_entities_started.append(window.list_panel.model.rowCount())
            if p.stage == "entities"
            else None
        )
    )
    open_and_wait(qtbot, window, folder)
    stages = list(dict.fromkeys(stage for stage, _, _ in seen))
    assert stages.index("Indexing") < stages.index("Finding entities")
    # the texts are indexed already: the entities only add facets to a copy sharing the postings
    assert stages[-1] == "Finding entities"
    entity_counts = [c for s, c, _ in seen if s == "Finding entities"]
    # said before the first chunk is tagged: starting the workers takes seconds
    assert entity_counts[0] == f"0 / {FILES} articles"
    assert entity_counts[-1] == f"{FILES} / {FILES} articles"
    assert rows_when_entities_started[0] == FILES  # listed and searchable before entities
    assert window.library is not None and window.library.has_entities


# ------------------------------------------------------------------------ Cancel
@pytest.mark.usefixtures("fake_entities")
@pytest.mark.parametrize("stage", ["scan", "parse", "index", "entities"])
def test_cancel_works_in_every_stage(
    qtbot, make_window, news_folder: Path, tmp_path: Path, stage: str
):
    """Cancel (the real button) at the first report of a stage. Before the new folder is
    searchable the previous one comes back whole; during entities the new folder stays, usable
    and without entities. Either way the status bar goes quiet."""
    window = make_window(entities=True)
    open_and_wait(qtbot, window, news_folder)
    assert window.library is not None and window.library.has_entities
    folder = write_small_files(tmp_path / "many")
    clicked: list[str] = []

    def cancel_at(progress: LoadProgress) -> None:
        if progress.stage == stage and not clicked:
            window.status.load_status.cancel_button.click()
            clicked.append(window.status.load_status.stage_label.text())

    window.loader.progress.connect(cancel_at)
    with qtbot.waitSignal(window.loader.idle, timeout=30_000):
        window.open_folder(folder)
    assert clicked == ["Cancelling…"]
    assert not window.status.load_status.isVisible()
    assert window.status.load_status.cancel_button.isEnabled()  # ready for the next load
    assert window.library is not None
    if stage == "entities":
        assert window.library.root == folder.resolve()
        assert window.list_panel.model.rowCount() == FILES
        assert not window.library.has_entities
        assert window.library.search("الخبر").total == FILES
    else:
        assert window.library.root == news_folder.resolve()
        assert window.list_panel.model.rowCount() == 6
        assert window.library.has_entities
        assert window.status.note.text() == "Loading cancelled."
    # and the next load runs to the end
    open_and_wait(qtbot, window, folder)
    assert window.list_panel.model.rowCount() == FILES
    assert window.library.has_entities


def test_opening_another_folder_while_cancelling_shows_the_new_load(
    qtbot, make_window, news_folder: Path, tmp_path: Path
):
    """The cancelled load never reports its end (a newer one replaced it): the status bar must
    not stay at "Cancelling…" and ignore the new load."""
    window = make_window()
    folder = write_small_files(tmp_path / "many")
    window.open_folder(folder)
    window.status.load_status.cancel_button.click()
    assert window.status.load_status.stage_label.text() == "Cancelling…"
    seen = record_status(window)
    open_and_wait(qtbot, window, news_folder)
    assert "Reading files" in [stage for stage, _, _ in seen]
    assert window.status.load_status.cancel_button.isEnabled()
    assert not window.status.load_status.isVisible()
    assert window.list_panel.model.rowCount() == 6


def test_every_stage_the_loading_code_reports_has_a_label() -> None:
    """A stage added to the loading code without a label would show as "Reading files"."""
    import re

    import reader

    package = Path(reader.__file__).parent
    reported = {
        name
        for path in package.rglob("*.py")
        for name in re.findall(r'LoadProgress\(\s*"(\w+)"', path.read_text(encoding="utf-8"))
    }
    assert {"scan", "parse", "index", "entities"} <= reported
    assert reported <= set(STAGE_LABELS)
