"""Word documents whose articles are label/value tables, as media-monitoring reports lay them
out: a two-column table whose first column names each row's field ("العنوان", "التاريخ",
"المصدر", "النص"; "Title", "Date"; "Titre") and whose second holds it, one table (or one run
of rows) an article.

The labels are matched as a CSV header's names are (``csv_columns``) and each article is made
as a table row's is (``csvfmt.parse_table``), so a label the CSV reader knows is known here too.
A document whose own paragraphs outside such tables read as an article's is not one of these:
it is read as text, its tables a line a row.
"""

from __future__ import annotations

import dataclasses

from reader.formats.csv_columns import exact_fields, map_columns, summary_as_body
from reader.formats.csvfmt import Table as Rows
from reader.formats.csvfmt import parse_table
from reader.formats.word_body import Block, Table, table_line
from reader.model import Article, LoadProblem

Found = tuple[tuple[Article, ...], tuple[LoadProblem, ...]]
Record = tuple[tuple[str, ...], tuple[str, ...]]  # (labels, values) of one article

# a label is a cell of a few words; longer, the first column is data
_MAX_LABEL = 40
# a paragraph outside the tables this long is an article's own text, not a report's heading
_ARTICLE_WORDS = 20
# what the lines around an article's table are kept as (a report's heading, an item's number)
ABOVE = "text above the table"
BELOW = "text below the table"


def field_table_articles(blocks: tuple[Block, ...], *, rel: str) -> Found | None:
    """The articles of a document laid out in label/value tables; None for any other one."""
    records: list[tuple[Record, list[str]]] = []
    around: list[str] = []  # the filled lines since the last field table
    for block in blocks:
        found = _records(block) if isinstance(block, Table) else None
        if found is None:
            lines = [table_line(r) for r in block.rows] if isinstance(block, Table) else [block]
            around.extend(line.strip() for line in lines if line.strip())
            continue
        for n, record in enumerate(found):
            records.append((record, around if n == 0 else []))
        around = []
    if not records:
        return None
    if any(len(line.split()) >= _ARTICLE_WORDS for line in around) or any(
        len(line.split()) >= _ARTICLE_WORDS for _, lines in records for line in lines
    ):
        return None
    several = len(records) > 1
    articles: list[Article] = []
    problems: list[LoadProblem] = []
    for n, ((labels, values), above) in enumerate(records, start=1):
        article_id = f"{rel}#{n}" if several else rel
        extra = [(ABOVE, " / ".join(above))] if above else []
        if n == len(records) and around:
            extra.append((BELOW, " / ".join(around)))
        body = summary_as_body(map_columns(labels)).fields["body"]
        if not values[body].strip():
            where = f"article {n} of its tables" if several else "its table"
            problems.append(LoadProblem(rel, f"{where}: no text in the {labels[body]!r} row"))
            continue
        result = parse_table(Rows(labels, ((1, 1, values),)), rel_path=rel, kind="Word table")
        problems.extend(result.problems)
        articles.extend(
            dataclasses.replace(a, id=article_id, extra=(*a.extra, *extra)) for a in result.articles
        )
    return tuple(articles), tuple(problems)


def _records(table: Table) -> list[Record] | None:
    """The articles of a label/value table, a new one wherever a field's label comes again;
    None when the table is no such table."""
    rows = [row for row in table.rows if any(cell.strip() for cell in row)]
    if len(rows) < 2 or any(len(row) != 2 for row in rows):
        return None
    # the labels are the first column in Word's order, which a right-to-left table shows on
    # the right; some reports put them in the other one
    for side in (0, 1):
        labels = [_label(row[side]) for row in rows]
        if all(0 < len(label) <= _MAX_LABEL and "\n" not in label for label in labels):
            records = _split(labels, [row[1 - side].strip() for row in rows])
            if all(_is_article(record_labels) for record_labels, _ in records):
                return records
    return None


def _label(cell: str) -> str:
    return cell.strip().rstrip(":：").strip()


def _split(labels: list[str], values: list[str]) -> list[Record]:
    """The rows cut into articles where a field already given is named again."""
    records: list[Record] = []
    start = 0
    seen: set[str] = set()
    for i, label in enumerate(labels):
        field = next(iter(map_columns((label,)).fields), None)
        if field is not None and field in seen:
            records.append((tuple(labels[start:i]), tuple(values[start:i])))
            start, seen = i, set()
        if field is not None:
            seen.add(field)
    records.append((tuple(labels[start:]), tuple(values[start:])))
    return records


def _is_article(labels: tuple[str, ...]) -> bool:
    """Labels that name an article's text and at least one other field by their exact names
    (a table of figures, "الولاية | الأسرة", names none)."""
    names = list(labels)
    return len(exact_fields(names)) >= 2 and "body" in summary_as_body(map_columns(labels)).fields
