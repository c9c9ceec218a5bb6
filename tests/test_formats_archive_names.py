"""Zip archives as the tools people use write them: member names in whatever code page the maker
used (reader/formats/archive.py ``member_name``) and macOS's hidden twins left out."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from export_run import export_records

from reader.formats.archive import zip_members

ARTICLE = "عنوان الخبر\n\nقال وزير الاقتصاد إن الحكومة ستعمل على تحسين الوضع في البلاد.\n".encode()


def _raw_named_zip(entries: list[tuple[bytes, bytes]], extra: bytes = b"") -> bytes:
    """A zip whose member names are the given bytes with no UTF-8 flag, as Windows' "compressed
    folder" and macOS's Finder write them (Python's writer would set the flag)."""
    buffer = io.BytesIO()
    holders = []
    with zipfile.ZipFile(buffer, "w") as archive:
        for i, (raw, data) in enumerate(entries):
            holder = (f"{i:03d}" + "x" * len(raw))[: len(raw)].encode()
            holders.append((holder, raw))
            info = zipfile.ZipInfo(holder.decode())
            info.extra = extra
            archive.writestr(info, data)
    out = buffer.getvalue()
    for holder, raw in holders:
        out = out.replace(holder, raw)
    return out


@pytest.mark.parametrize(
    ("maker", "raw"),
    [
        ("Windows, Arabic OEM code page", "أخبار/تقرير.txt".encode("cp720")),
        ("older Windows tools, ANSI code page", "أخبار/تقرير.txt".encode("cp1256")),
        ("macOS Finder, UTF-8 without the flag", "أخبار/تقرير.txt".encode()),
    ],
)
def test_arabic_member_names_read_as_written(maker: str, raw: bytes) -> None:
    (member,) = zip_members(io.BytesIO(_raw_named_zip([(raw, ARTICLE)])), member_limit=10_000)
    assert member.name == "أخبار/تقرير.txt", maker
    assert member.data == ARTICLE


def test_a_western_name_stays_as_ibm_437_read_it() -> None:
    """No Arabic guess for names that do not read as Arabic ("Über", "niño")."""
    raws = [name.encode("cp437") for name in ("café.txt", "Über.txt", "niño.txt")]
    members = zip_members(
        io.BytesIO(_raw_named_zip([(raw, ARTICLE) for raw in raws])), member_limit=10_000
    )
    assert [m.name for m in members] == ["café.txt", "Über.txt", "niño.txt"]


def _unicode_path(raw_crc: bytes, name: str) -> bytes:
    field = struct.pack("<BI", 1, zlib.crc32(raw_crc)) + name.encode()
    return struct.pack("<HH", 0x7075, len(field)) + field


def test_the_unicode_path_field_names_the_member() -> None:
    """7-Zip and Info-ZIP keep the UTF-8 name in an extra field beside a code-page name; the field
    counts only when its CRC is the raw name's (else a renaming tool left it stale)."""
    raw = "é????.txt".encode("cp437")
    for extra, expected in [
        (b"", "é????.txt"),
        (_unicode_path(raw, "اقتصاد.txt"), "اقتصاد.txt"),
        (_unicode_path(b"other.txt", "اقتصاد.txt"), "é????.txt"),
    ]:
        data = _raw_named_zip([(raw, ARTICLE)], extra=extra)
        (member,) = zip_members(io.BytesIO(data), member_limit=10_000)
        assert member.name == expected


def test_a_zip_made_on_a_mac_gives_no_junk(tmp_path: Path) -> None:
    """Finder's zips hold a __MACOSX folder of "._name" twins and .DS_Store files: left out
    without a word, as the folder scan leaves hidden files, and the dataset's top folder still
    names the sections."""
    with zipfile.ZipFile(tmp_path / "news.zip", "w") as archive:
        archive.writestr("news/اقتصاد/1.txt", ARTICLE)
        archive.writestr("news/.DS_Store", b"\0\0\0\x01Bud1" + b"\0" * 64)
        archive.writestr("__MACOSX/news/اقتصاد/._1.txt", b"\0\x05\x16\x07Mac OS X" + b"\0" * 64)
        archive.writestr("__MACOSX/news/._.DS_Store", b"\0\x05\x16\x07" + b"\0" * 64)
    records, err = export_records(tmp_path)
    assert [(r["id"], r["category"]) for r in records] == [("news.zip/news/اقتصاد/1.txt", "اقتصاد")]
    assert err[:-1] == []


def test_office_owner_files_are_left_out(tmp_path: Path) -> None:
    """Word and Excel keep "~$name.docx" beside a document while it is open: not a document."""
    (tmp_path / "~$تقرير.docx").write_bytes(b"\x05user" + b"\0" * 150)
    (tmp_path / "خبر.txt").write_bytes(ARTICLE)
    records, err = export_records(tmp_path)
    assert [r["id"] for r in records] == ["خبر.txt"]
    assert err[:-1] == []
