"""Encoding detection and the refusal of what is not text (reader/formats/decode.py)."""

from __future__ import annotations

import codecs
import re

import pytest

from reader.formats.decode import NotText, decode_bytes

ARABIC = (
    "قال المدير الجهوي إنه تم تصدير 36 ألف طن من التمور منذ بداية الموسم.\nوأضاف أن الكميات ارتفعت."
)
# Mac OS Arabic has the Arabic-Indic digits, at bytes ISO-8859-6 leaves undefined
ARABIC_DIGITS = ARABIC.replace("36", "٣٦")
SHORT_ARABIC = "خبر عاجل: أمطار غزيرة"
MIXED = "Le ministre a déclaré à la presse: « الحكومة ستعلن القرار غداً » après la réunion."
FRENCH = (
    "Le président a annoncé à Paris une série de réformes. « Très attendue », a déclaré un élu."
)


@pytest.mark.parametrize(
    ("data", "text", "note"),
    [
        (ARABIC.encode("utf-8"), ARABIC, None),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), ARABIC, None),
        (codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"), ARABIC, "decoded as utf-16-le"),
        (codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), ARABIC, "decoded as utf-16-be"),
        (codecs.BOM_UTF32_LE + ARABIC.encode("utf-32-le"), ARABIC, "decoded as utf-32-le"),
        (ARABIC.encode("utf-16-le"), ARABIC, "decoded as utf-16-le"),
        (ARABIC.encode("utf-16-be"), ARABIC, "decoded as utf-16-be"),
        (ARABIC.encode("utf-16-le") + b"\x06", ARABIC, "decoded as utf-16-le"),
        (
            "Plain English news.\n".encode("utf-16-le"),
            "Plain English news.\n",
            "decoded as utf-16-le",
        ),
        (ARABIC.encode("cp1256"), ARABIC, "decoded as windows-1256"),
        (SHORT_ARABIC.encode("cp1256"), SHORT_ARABIC, "decoded as windows-1256"),
        (FRENCH.encode("cp1252"), FRENCH, "decoded as windows-1252"),
        (MIXED.encode("cp1256"), MIXED, "decoded as windows-1256"),
        (ARABIC.encode("iso8859_6"), ARABIC, "decoded as iso-8859-6"),
        ("خبر عاجل".encode("cp1256"), "خبر عاجل", "decoded as windows-1256"),
        (ARABIC.encode("cp720"), ARABIC, "decoded as cp720"),
        (ARABIC_DIGITS.encode("mac_arabic"), ARABIC_DIGITS, "decoded as mac-arabic"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf32le-bom",
        "utf16le-nobom",
        "utf16be-nobom",
        "utf16le-nobom-odd-length",
        "utf16le-latin-nobom",
        "cp1256",
        "cp1256-short",
        "cp1252-french",
        "cp1256-french-and-arabic",
        "iso-8859-6",
        "cp1256-also-valid-iso",
        "dos-arabic-cp720",
        "mac-arabic",
    ],
)
def test_decodes(data: bytes, text: str, note: str | None) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == text
    assert decoded.note == note


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"one\r\ntwo\rthree\n", "one\ntwo\nthree\n"),
        ("سطر\r\nسطر".encode(), "سطر\nسطر"),
        (codecs.BOM_UTF8 + "\ufeffنص".encode(), "نص"),
    ],
    ids=["crlf-cr", "arabic-crlf", "double-bom"],
)
def test_newlines_and_bom_are_normalised(data: bytes, expected: str) -> None:
    assert decode_bytes(data).text == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file (only whitespace)"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        (b"\xff\xd8\xff\xe0" + bytes(200), "JPEG image"),
        (b"%PDF-1.7\n" + bytes(range(256)), "PDF document"),
        (b"abc\x00\x01\x02\x03\x00\x00\xff\x10" * 50, "NUL bytes"),
        (b"12345 678 !!! ---\n2024", "no Arabic or Latin letters"),
        ("中文新闻内容没有阿拉伯字母".encode(), "no Arabic or Latin letters"),
        (b"text" + b"\x01\x02\x03\x04\x05\x06\x07\x08" * 40, "control characters"),
    ],
    ids=[
        "empty",
        "whitespace",
        "png",
        "jpeg",
        "pdf",
        "nul-binary",
        "digits-only",
        "cjk",
        "controls",
    ],
)
def test_refuses_what_is_not_text(data: bytes, reason: str) -> None:
    with pytest.raises(NotText, match=re.escape(reason)):
        decode_bytes(data)


@pytest.mark.parametrize(
    "damaged",
    [
        ARABIC.encode("utf-8")[:-2],  # cut the full stop and half of the last letter
        ARABIC.encode("utf-8").replace(b" ", b" \xff", 1),
    ],
    ids=["truncated", "stray-byte"],
)
def test_utf8_with_a_broken_byte_stays_utf8(damaged: bytes) -> None:
    decoded = decode_bytes(damaged)
    assert decoded.encoding == "utf-8"
    assert decoded.text.replace("\ufffd", "")[:40] == ARABIC.replace("\ufffd", "")[:40]
    assert decoded.note == "1 invalid utf-8 byte sequence(s) replaced by \ufffd"


def test_bom_with_wrong_content_is_refused() -> None:
    with pytest.raises(NotText, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfd not utf-8")


@pytest.mark.parametrize("codec", ["cp1256", "cp720", "mac_arabic", "iso8859_6"])
def test_arabic_code_pages_are_told_apart_by_their_words(codec: str) -> None:
    """Every Arabic code page reads another's bytes as Arabic letters, only the wrong ones:
    the reading whose words are Arabic prose (ال, في, من ...) is the one taken."""
    text = (ARABIC_DIGITS + "\n") * 3 if codec == "mac_arabic" else (ARABIC + "\n") * 3
    assert decode_bytes(text.encode(codec)).text == text


def test_too_few_words_to_tell_stay_windows_1256() -> None:
    """Two words tell nothing: the common code page is kept, and the note says which it was."""
    decoded = decode_bytes("عاجل جدا".encode("mac_arabic"))
    assert decoded.encoding == "windows-1256"
    assert decoded.note == "decoded as windows-1256"
