"""Arabic stored in visual order (reader/formats/visual_order.py): put back in reading order,
Latin words and numbers kept as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.formats import parse_file
from reader.formats.visual_order import VISUAL_ORDER_NOTE, is_visual_order, reading_order

TITLE = "الحكومة تعلن خطة لدعم الفلاحين"
BODY = (
    "أعلنت وزارة الفلاحة اليوم عن تسجيل 15 حالة جديدة في عدد من المدن الكبرى بعد ارتفاع"
    " ملحوظ في الأسابيع الأخيرة، وقالت وكالة Reuters إن الخطة تبدأ في 2018/10/20.\n"
    "وأكد الوزير أن الحكومة ستنشر التفاصيل على الموقع www.agri.tn خلال الأيام المقبلة."
)


def _visual(text: str) -> str:
    """Each line as a visual-order system keeps it: reversed, left-to-right runs as drawn."""

    def line(text: str) -> str:
        return re.sub(
            r"[A-Za-z0-9](?:[A-Za-z0-9./]*[A-Za-z0-9])?", lambda m: m[0][::-1], text[::-1]
        )

    return "\n".join(line(part) for part in text.split("\n"))


def test_visual_order_is_told_and_undone() -> None:
    stored = _visual(BODY)
    assert stored.startswith(".2018/10/20 يف")  # the line's end comes first, numbers as drawn
    assert is_visual_order(stored)
    assert reading_order(stored) == BODY


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        "لا لا لا لا لا لا لا لا",  # the word لا repeated is no reversed text
        "Plain English news with no Arabic at all.",
        "قال: لا \nلا \nلا \nلا \nلا ولا مثلا أولا قليلا",
    ],
)
def test_text_in_reading_order_is_left_alone(text: str) -> None:
    assert not is_visual_order(text)


def test_a_file_in_visual_order_reads_in_reading_order(tmp_path: Path) -> None:
    path = tmp_path / "copied.txt"
    path.write_text(f"{_visual(TITLE)}\n\n{_visual(BODY)}\n", encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    assert (article.title, article.body) == (TITLE, BODY)
    assert article.problems == (VISUAL_ORDER_NOTE,)
