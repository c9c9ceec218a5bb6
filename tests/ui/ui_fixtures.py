"""Data and helpers shared by the window tests (imported by conftest.py and the test modules)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from reader.ui.window.main_window import MainWindow

# the offscreen platform cannot resize native windows and says so on every show(); harmless
QT_OFFSCREEN_NOISE = "This plugin does not support (propagateSizeHints|raise)"

HOSTILE_BODY = (
    'نص فيه صورة <img src="http://example.invalid/pixel.png"> وسطر برمجي '
    "<script>alert('x')</script> يجب أن يظهرا نصاً."
)

ARTICLES = [
    {
        "title": "غزة تحت القصف من جديد",
        "body": ["قصف عنيف على غزة اليوم.", "وقال ترامب إن الحرب يجب أن تتوقف."],
        "date": "2023-10-10",
        "source": "الجزيرة",
        "tags": ["غزة", "حرب"],
    },
    {
        "title": "إيران وروسيا توقعان اتفاقية",
        "body": ["وقعت إيران وروسيا اتفاقية للتعاون في موسكو."],
        "date": "2023-12-07",
        "source": "الخليج الجديد",
        "tags": ["إيران", "روسيا"],
    },
    {
        "title": "ارتفاع صادرات تونس من التمور",
        "body": ["قال المدير الجهوي إنه تم تصدير 36 ألف طن من التمور."],
        "date": "2017-01-25",
        "source": "جوهرة",
        "tags": ["اقتصاد"],
    },
    {
        "title": "ترامب يزور الرياض",
        "body": ["وصل الرئيس ترامب إلى الرياض في زيارة رسمية.", "وتناولت المحادثات الوضع في غزة."],
        "date": "2018-05-20",
        "source": "الجزيرة",
        "tags": ["السعودية", "غزة"],
    },
    {
        "title": "مقال فيه وسوم خطرة",
        "body": [HOSTILE_BODY],
        "date": "2020-02-02",
        "source": "مصدر",
        "tags": ["اختبار"],
    },
    {
        "title": "Elections in Tunisia",
        "body": ["Voters in Tunisia went to the polls on Sunday."],
        "date": "2019-10-13",
        "source": "BBC",
        "tags": ["تونس"],
    },
]


ARTICLES_MANY = [
    {
        "title": f"مقال رقم {i}",
        "body": [f"نص المقال رقم {i} عن الاقتصاد والسياسة."],
        "date": "2021-01-01",
    }
    for i in range(60)
]


def write_folder(folder: Path, articles: list[dict] = ARTICLES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "news.jsonl").open("w", encoding="utf-8") as handle:
        for article in articles:
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    return folder


def open_and_wait(qtbot, window: MainWindow, folder: Path, timeout: int = 30_000) -> None:
    """Open through the same slot as File › Open Folder, wait until loading (all stages) ended."""
    with qtbot.waitSignal(window.loader.idle, timeout=timeout):
        window.open_folder(folder)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key as a keyboard would. (QTest.keyClicks asserts on non-ASCII.)"""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
