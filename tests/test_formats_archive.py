"""Zip archives of articles (reader/formats/archive.py): each member read as the file it would be
in the folder, every member left out named, a zip bomb stopped."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest
from export_run import export_records

from reader.formats import read_folder
from reader.formats.archive import zip_members
from reader.formats.names import is_article_name
from reader.library.library import load_library

ROOT = Path(__file__).resolve().parent.parent
BODY = "قال وزير الخارجية إن المفاوضات ستستأنف الأسبوع المقبل في القاهرة بمشاركة وفود عربية."


def _dataset(path: Path) -> Path:
    """A dataset as people download it: zipped with its own top folder, one folder per section,
    a compressed member, a JSON export, its README, and files that are not articles."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("ant-news/رياضة/1.txt", "فوز الفريق في المباراة\n\n" + BODY)
        z.writestr("ant-news/سياسة/2.txt.gz", gzip.compress(("مفاوضات جديدة\n\n" + BODY).encode()))
        z.writestr(
            "ant-news/items.json",
            json.dumps([{"title": "خبر جسون", "content": BODY, "date": "2020-01-02"}]),
        )
        z.writestr("ant-news/README.md", "About this dataset.")
        z.writestr("ant-news/photo.jpg", b"\xff\xd8\xff\xe0 not text")
        z.writestr("ant-news/more.zip", b"PK\x05\x06" + b"\0" * 18)
    return path


def test_zipped_dataset_gives_each_member_as_an_article(tmp_path: Path) -> None:
    _dataset(tmp_path / "news.zip")
    records, err = export_records(tmp_path)
    assert [(r["id"], r["title"], r["category"], r["body"]) for r in records] == [
        ("news.zip/ant-news/رياضة/1.txt", "فوز الفريق في المباراة", "رياضة", BODY),
        ("news.zip/ant-news/سياسة/2.txt.gz", "مفاوضات جديدة", "سياسة", BODY),
        ("news.zip/ant-news/items.json", "خبر جسون", None, BODY),
    ]
    assert records[2]["date"] == "2020-01-02"
    assert all(r["problems"] == [] for r in records)
    # the README goes without a word, as in a folder; what is not read is named with its member
    assert err == [
        "news.zip: ant-news/photo.jpg: not an article format (.jpg)",
        "news.zip: ant-news/more.zip: an archive inside the archive; not opened",
        "3 articles from 1 files, 0 files skipped",
    ]


def test_zip_articles_are_the_same_from_the_cache(tmp_path: Path) -> None:
    _dataset(tmp_path / "news.zip")
    first = load_library(tmp_path, entities=False)
    second = load_library(tmp_path, entities=False)
    assert second.stats["cached_files"] == 1
    assert second.articles == first.articles
    assert {a.path for a in second.articles.values()} == {"news.zip"}


def test_corrupt_and_empty_archives_are_named(tmp_path: Path) -> None:
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 cut short")
    (tmp_path / "text.zip").write_text("نص عادي باسم أرشيف", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "pictures.zip", "w") as z:
        z.writestr("a.png", b"\x89PNG")
    records, err = export_records(tmp_path)
    assert records == []
    assert err[:3] == [
        "broken.zip: corrupt zip archive: File is not a zip file",
        "pictures.zip: a.png: not an article format (.png)",
        "text.zip: corrupt zip archive: it does not start with a zip header",
    ]


def _zip(members: dict[str, bytes]) -> io.BytesIO:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as z:
        for name, content in members.items():
            z.writestr(zipfile.ZipInfo(name), content)
    data.seek(0)
    return data


def _encrypted(name: str) -> io.BytesIO:
    """A one-member zip whose member says it is encrypted (bit 0 of the flags, in its local
    header at offset 6 and its central-directory entry at offset 8)."""
    raw = bytearray(_zip({name: b"x"}).getvalue())
    for signature, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = raw.index(signature)
        raw[start + at] |= 0x1
    return io.BytesIO(bytes(raw))


def test_a_member_past_the_limit_is_named_not_held() -> None:
    """A zip bomb: the member is read a chunk at a time and given up past the limit."""
    members = list(
        zip_members(_zip({"big.txt": b"a" * 5000, "small.txt": b"b"}), member_limit=1000)
    )
    assert [(m.name, m.data, m.reason) for m in members] == [
        ("big.txt", None, "unpacks to more than the size limit; not read"),
        ("small.txt", b"b", ""),
    ]


def test_encrypted_and_escaping_members_are_named() -> None:
    (secret,) = zip_members(_encrypted("secret.txt"), member_limit=1000)
    assert (secret.name, secret.data, secret.reason) == (
        "secret.txt",
        None,
        "encrypted member; not read",
    )
    members = list(zip_members(_zip({"../evil.txt": b"y", "ok.txt": b"z"}), member_limit=1000))
    assert [(m.name, m.reason) for m in members] == [
        ("../evil.txt", "a member named outside the archive; not read"),
        ("ok.txt", ""),
    ]


def test_zip_names_are_scanned() -> None:
    assert is_article_name("news.zip")
    assert is_article_name("NEWS.ZIP")


def test_an_export_inside_a_zip_has_the_export_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dataset downloaded as a zip holding one big CSV is read as the CSV alone would be;
    a text member that big is not (limits lowered to keep the test small)."""
    from reader.formats import file_bytes

    monkeypatch.setattr(file_bytes, "MAX_FILE_BYTES", 2000)
    monkeypatch.setattr(file_bytes, "MAX_EXPORT_BYTES", 50000)
    rows = "".join(f"خبر {i},نص الخبر رقم {i} عن الاقتصاد والسياسة.\n" for i in range(200))
    with zipfile.ZipFile(tmp_path / "dataset.zip", "w") as archive:
        archive.writestr("news.csv", "title,text\n" + rows)
        archive.writestr("big.txt", "عنوان\n" + "نص " * 2000)
    result = read_folder(tmp_path)
    assert len(result.articles) == 200
    assert [p.reason for p in result.problems] == [
        "big.txt: unpacks to more than the size limit; not read"
    ]
