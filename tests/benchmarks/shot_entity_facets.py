"""Screenshots of the People, Places and Organisations facets before and after entity identity
(issue 20, acceptance 4), from an export's spans, without tagging again.

    python tests/benchmarks/shot_entity_facets.py EXPORT.jsonl OUT_DIR [--name NAME]

EXPORT.jsonl is ``main.py export FOLDER --format jsonl`` (entities on). "before" is an index of
the spans as tagged (the facets as they were: each span's text a value); "after" is the same
index once the folder's identities are applied (``Index.ensure_identities``, as every load
does), its tooltips knowing the variants. Writes NAME_{PERS,LOC,ORG}_{before,after}.png.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QFontDatabase  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.entities.identity import build_with_values  # noqa: E402
from reader.index import Index  # noqa: E402
from reader.model import ENTITY_KINDS, Article, Span  # noqa: E402
from reader.ui.filters.facets import EntityFacet  # noqa: E402

ROWS_PX = 430  # about 20 values per panel


def articles(path: Path) -> list[Article]:
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            spans = tuple(Span(e["start"], e["end"], e["type"]) for e in r.get("entities", ()))
            out.append(Article(id=r["id"], title=r["title"], body=r["body"], entities=spans))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--name", default="facets")
    args = parser.parse_args()
    app = QApplication([])
    for font in (ROOT / "resources" / "fonts").glob("*.ttf"):
        QFontDatabase.addApplicationFont(str(font))
    folder = articles(args.export)
    args.out.mkdir(parents=True, exist_ok=True)
    for when in ("before", "after"):
        index = Index()
        index.add_many(folder)
        if when == "after":
            index.ensure_identities(build_with_values)
        result = index.search("")
        facet = EntityFacet()
        facet.set_identities(index.identities)
        facet.set_values({k: result.facets[k] for k in ENTITY_KINDS}, frozenset(), frozenset())
        for panel in facet._panels.values():
            panel._view.setMinimumHeight(ROWS_PX)
        facet.resize(380, 2000)
        facet.show()
        app.processEvents()
        for kind, panel in facet._panels.items():
            if kind != "MISC":
                target = args.out / f"{args.name}_{kind}_{when}.png"
                panel.grab().save(str(target))
                print(target)


if __name__ == "__main__":
    main()
