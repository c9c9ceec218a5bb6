"""Evernote exports (reader/formats/enex.py): a note an article, read one at a time."""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path

from reader.formats.enex import CLIP_DATE_NOTE
from reader.formats.folder import read_folder

BODY = "اختتمت القمة العربية في الرياض أعمالها اليوم ببيان مشترك دعا إلى وقف إطلاق النار."
# a note as Evernote's web clipper and its export write it (ENML inside CDATA, a picture kept
# as base64 beside it)
NOTE = """<note><title>{title}</title><created>20231111T120000Z</created>
<updated>20231111T130000Z</updated><tag>قمم</tag><tag>الرياض</tag>
<note-attributes><author>صحفي</author><source>web.clip7</source>
<source-url>https://www.example-news.net/news/riyadh-summit</source-url></note-attributes>
<content><![CDATA[<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd">
<en-note><div>{body}</div><div><br/></div><div>وشارك في القمة قادة أكثر من خمسين دولة.</div>
<en-media hash="4a2c" type="image/png"/></en-note>]]></content>
<resource><data encoding="base64">{picture}</data><mime>image/png</mime></resource></note>
"""
HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE en-export SYSTEM "http://xml.evernote.com/pub/evernote-export4.dtd">\n'
    '<en-export export-date="20231115T100000Z" application="Evernote" version="10.0">\n'
)


def _export(tmp_path: Path, notes: list[str], *, tail: str = "</en-export>\n") -> Path:
    path = tmp_path / "notebook.enex"
    path.write_text(HEAD + "".join(notes) + tail, encoding="utf-8")
    return path


def _note(title: str, picture: bytes = b"\x89PNG") -> str:
    return NOTE.format(title=title, body=BODY, picture=base64.b64encode(picture).decode())


def test_each_note_is_an_article_with_its_clip_address_and_tags(tmp_path: Path) -> None:
    _export(tmp_path, [_note("قمة الرياض تختتم أعمالها"), _note("ملاحظة ثانية")])
    loaded = read_folder(tmp_path)
    assert loaded.problems == ()
    first, second = loaded.articles
    assert (first.id, second.id) == ("notebook.enex#1", "notebook.enex#2")
    assert first.title == "قمة الرياض تختتم أعمالها"
    assert first.body == f"{BODY}\nوشارك في القمة قادة أكثر من خمسين دولة."
    assert first.url == "https://www.example-news.net/news/riyadh-summit"
    assert (first.author, first.source, first.tags) == ("صحفي", None, ("قمم", "الرياض"))
    assert first.date == dt.date(2023, 11, 11)
    assert first.problems == (CLIP_DATE_NOTE,)


def test_a_big_picture_does_not_stop_the_notes(tmp_path: Path) -> None:
    """A picture's base64 text past lxml's 10 MB guard for one text node."""
    _export(tmp_path, [_note("صورة كبيرة", picture=bytes(9 * 1024 * 1024)), _note("بعدها")])
    titles = [a.title for a in read_folder(tmp_path).articles]
    assert titles == ["صورة كبيرة", "بعدها"]


def test_an_export_cut_short_keeps_the_notes_before_the_cut(tmp_path: Path) -> None:
    cut = _note("الثالثة")[:200]
    _export(tmp_path, [_note("الأولى"), _note("الثانية"), cut], tail="")
    loaded = read_folder(tmp_path)
    assert [a.title for a in loaded.articles] == ["الأولى", "الثانية"]
    (problem,) = loaded.problems
    assert problem.reason.startswith("the Evernote export breaks off after 2 note(s)")


def test_one_note_is_the_file_and_an_empty_export_is_named(tmp_path: Path) -> None:
    _export(tmp_path, [_note("وحيدة")])
    (article,) = read_folder(tmp_path).articles
    assert article.id == "notebook.enex"
    empty = tmp_path / "empty"
    empty.mkdir()
    _export(empty, [])
    (problem,) = read_folder(empty).problems
    assert problem.reason == "an Evernote export without notes"


def test_entities_are_never_expanded_and_said_so(tmp_path: Path) -> None:
    """A hostile export: a file's contents behind an external entity, and entities that expand
    a billion times. Neither is expanded, and the export says so."""
    laughs = "".join(
        f'<!ENTITY {name} "{("&" + below + ";") * 20}">'
        for below, name in zip("abcdef", "bcdefg", strict=True)
    )
    head = (
        '<?xml version="1.0"?>\n<!DOCTYPE en-export [<!ENTITY a "aaaaaaaaaa">'
        f'{laughs}<!ENTITY xxe SYSTEM "file:///etc/hostname">]>\n<en-export>'
    )
    path = tmp_path / "hostile.enex"
    path.write_text(head + _note("&xxe;") + _note("&g;") + "</en-export>", encoding="utf-8")
    loaded = read_folder(tmp_path)
    assert all("aaaa" not in a.title for a in loaded.articles)
    reasons = [p.reason for p in loaded.problems]
    assert reasons[-1] == (
        "the export declares its own entities; they are not expanded, their text is left out"
    )
