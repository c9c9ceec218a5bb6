"""Issue 20 in the window: the reading pane's entity list and links name each entity by its
identity, and the entity facets' tooltips list a name's other spellings."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from PySide6.QtCore import Qt

from reader.entities.identity import build_identities
from reader.index import FacetValue
from reader.model import Article, Span
from reader.ui.filters.facets import EntityFacet
from reader.ui.reading.entity_markup import entity_counts
from reader.ui.reading.html import article_html
from reader.ui.reading.html_extras import extras_html
from reader.ui.reading.reading_view import ReadingView, tooltip_for

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

BODY = "التقى يوسف الشاهد بالنواب. وقال الشاهد إن الحكومة ماضية، ثم زار بتونس معرضا"


def _spans(text: str, *names: tuple[str, str]) -> tuple[Span, ...]:
    out: list[Span] = []
    for kind, surface in names:
        for m in re.finditer(re.escape(surface), text):
            if not any(s.start < m.end() and m.start() < s.end for s in out):
                out.append(Span(m.start(), m.end(), kind))
    return tuple(sorted(out, key=lambda s: s.start))


ARTICLE = Article(
    id="a1",
    title="الشاهد",
    body=BODY,
    entities=_spans(BODY, ("PERS", "يوسف الشاهد"), ("PERS", "الشاهد"), ("LOC", "بتونس")),
)
OTHERS = [
    Article(
        id="a2",
        title="t",
        body="عاد الوفد الى تونس",
        entities=_spans("عاد الوفد الى تونس", ("LOC", "تونس")),
    ),
    Article(
        id="a3",
        title="t",
        body="وصلنا الى تونس",
        entities=_spans("وصلنا الى تونس", ("LOC", "تونس")),
    ),
]
IDENTITIES = build_identities([(a.body, a.entities) for a in [ARTICLE, *OTHERS]])


def test_entity_list_counts_identities_not_spellings() -> None:
    assert entity_counts(ARTICLE) == {
        "PERS": [("الشاهد", 1), ("يوسف الشاهد", 1)],
        "LOC": [("بتونس", 1)],
    }
    assert entity_counts(ARTICLE, IDENTITIES) == {
        "PERS": [("يوسف الشاهد", 2)],
        "LOC": [("تونس", 1)],
    }
    extras = extras_html(ARTICLE, identities=IDENTITIES)
    assert extras.count('href="entity:PERS:') == 1  # one entry for the person, counted twice
    assert "يوسف الشاهد&nbsp;</a>" in extras


def test_highlights_leave_the_clitic_out_and_link_to_the_identity() -> None:
    page = article_html(ARTICLE, identities=IDENTITIES)
    links = re.findall(r'<a href="entity:([A-Z]+):([^"]+)"[^>]*>([^<]+)</a>', page)
    assert [(kind, unquote(name), text) for kind, name, text in links] == [
        ("PERS", "يوسف الشاهد", "يوسف الشاهد"),
        ("PERS", "يوسف الشاهد", "الشاهد"),
        ("LOC", "تونس", "تونس"),  # the ب of بتونس stays outside the highlight
    ]


def test_entity_link_tooltip_lists_the_variants(qtbot) -> None:
    view = ReadingView()
    qtbot.addWidget(view)
    view.show_article(ARTICLE, identities=IDENTITIES)
    href = "entity:PERS:" + "%D9%8A%D9%88%D8%B3%D9%81%20%D8%A7%D9%84%D8%B4%D8%A7%D9%87%D8%AF"
    assert "الشاهد" in view.tooltip_for(href).split("\n", 1)[1]
    assert "\n" not in tooltip_for(href)  # without the folder's identities: no variants line


def test_entity_facet_tooltip_lists_the_variants(qtbot) -> None:
    facet = EntityFacet()
    qtbot.addWidget(facet)
    facet.set_identities(IDENTITIES)
    facet.set_values({"PERS": [FacetValue("يوسف الشاهد", 1)]}, frozenset(), frozenset())
    model = facet._panels["PERS"]._model
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("يوسف الشاهد: ")
    assert tip.endswith("الشاهد")
    assert "\n" in tip
    facet.set_identities(None)
    facet.set_values({"PERS": [FacetValue("يوسف الشاهد", 1)]}, frozenset(), frozenset())
    assert "\n" not in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_window_export_gives_canonical_names(tmp_path) -> None:
    import json

    from reader.ui.window.export_result import export_articles

    target = tmp_path / "out.jsonl"
    export_articles(target, "jsonl", [ARTICLE], with_entities=True, identities=IDENTITIES)
    (record,) = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [(e["text"], e["canonical"]) for e in record["entities"]] == [
        ("يوسف الشاهد", "يوسف الشاهد"),
        ("الشاهد", "يوسف الشاهد"),
        ("بتونس", "تونس"),
    ]
