"""Text encoded twice (reader/formats/mojibake.py): UTF-8 read as Windows-1252 and saved again,
as a database with the wrong connection charset leaves Arabic ("Ø§Ù„Ø¬Ø²ÙŠØ±Ø©")."""

from __future__ import annotations

import json
from pathlib import Path

from export_run import export_records

from reader.formats.decode import decode_bytes
from reader.formats.mojibake import NOTE

ARABIC = "أعلنت الهيئة العليا المستقلة للانتخابات في تونس نتائج الانتخابات البلدية لعام 2018."


def _twice(text: str) -> bytes:
    """The text as MySQL's "latin1" connection stores UTF-8: each byte read as Windows-1252
    (the five bytes it leaves undefined kept as the C1 controls Latin-1 gives), saved as UTF-8."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out).encode("utf-8")


def test_text_encoded_twice_is_undone_and_noted() -> None:
    data = _twice(ARABIC)
    assert "Ø§Ù" in data.decode("utf-8")  # what the reader showed before
    decoded = decode_bytes(data)
    assert decoded.text == ARABIC
    assert decoded.note == NOTE


def test_letters_lost_on_the_way_are_counted() -> None:
    """A tool that replaced the bytes Windows-1252 leaves undefined lost those letters (ف is
    D9 81): the rest is undone, and the note says how many are gone."""
    lossy = _twice(ARABIC).decode("utf-8").replace("\x81", "\ufffd").encode("utf-8")
    decoded = decode_bytes(lossy)
    assert "الانتخابات" in decoded.text
    assert decoded.note == f"{NOTE}; 1 letter(s) lost (shown as \ufffd)"


def test_real_text_with_these_letters_is_left_alone() -> None:
    for text in (
        "Øresund og Ålborg: Ø er et bogstav, Ù et andet, ÙÚÛ.",
        "Le prix est de 12 € – ØØ ÙÙ ÚÚ. " + ARABIC,
        ARABIC + " Ù",
    ):
        decoded = decode_bytes(text.encode("utf-8"))
        assert decoded.text == text
        assert decoded.note is None


def test_an_export_encoded_twice_reads_as_arabic(tmp_path: Path) -> None:
    rows = [{"title": "نتائج الانتخابات", "text": ARABIC}]
    data = json.dumps(rows, ensure_ascii=False)
    (tmp_path / "export.json").write_bytes(_twice(data))
    (record,), _ = export_records(tmp_path)
    assert (record["title"], record["body"]) == ("نتائج الانتخابات", ARABIC)
    assert record["problems"] == [NOTE]


def test_fields_encoded_twice_behind_json_escapes_are_undone(tmp_path: Path) -> None:
    """json.dump's default escapes every non-ASCII letter: the file's own text is ASCII, and only
    the parsed fields show the damage."""
    mangled = _twice(ARABIC).decode("utf-8")
    (tmp_path / "items.json").write_text(
        json.dumps([{"title": _twice("نتائج الانتخابات").decode("utf-8"), "text": mangled}]),
        encoding="ascii",
    )
    (record,), _ = export_records(tmp_path)
    assert (record["title"], record["body"]) == ("نتائج الانتخابات", ARABIC)
    assert record["problems"] == [NOTE]
