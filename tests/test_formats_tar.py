"""Tar archives of articles (reader/formats/tar.py), as corpora are downloaded (``.tar.gz``,
``.tgz``, ``.tar.xz``): each member read as the file it would be in the folder, every member
left out named, an archive cut short keeping what came before the cut."""

from __future__ import annotations

import gzip
import io
import lzma
import tarfile
import zipfile
import zlib
from pathlib import Path

import pytest
from export_run import export_records

from reader.formats.archive import ArchiveProblem
from reader.formats.names import is_article_name
from reader.formats.parse import parse_file
from reader.formats.tar import tar_members

BODY = "قال وزير الخارجية إن المفاوضات ستستأنف الأسبوع المقبل في القاهرة بمشاركة وفود عربية."


def _tar(
    members: dict[str, bytes], *, mode: str = "w", links: dict[str, str] | None = None
) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:  # type: ignore[call-overload]
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for name, target in (links or {}).items():
            info = tarfile.TarInfo(name)
            info.type = tarfile.SYMTYPE
            info.linkname = target
            archive.addfile(info)
    return buffer.getvalue()


def _corpus(mode: str = "w:gz") -> bytes:
    """A corpus as ``tar -czf corpus.tar.gz corpus`` packs it: one top folder, a folder per
    section, its README, a picture, a link, and a hidden file."""
    return _tar(
        {
            "./corpus/سياسة/1.txt": ("مفاوضات جديدة\n\n" + BODY).encode(),
            "./corpus/رياضة/2.txt.gz": gzip.compress(("فوز الفريق\n\n" + BODY).encode()),
            "./corpus/README": b"About this corpus.",
            "./corpus/photo.jpg": b"\xff\xd8\xff\xe0 not text",
            "./corpus/.hidden.txt": b"left out",
            "./corpus/old.tar": _tar({"x.txt": b"x"}),
        },
        mode=mode,
        links={"./corpus/رياضة/latest.txt": "2.txt.gz"},
    )


@pytest.mark.parametrize(
    ("name", "mode"),
    [
        ("corpus.tar.gz", "w:gz"),
        ("corpus.tgz", "w:gz"),
        ("corpus.tar.bz2", "w:bz2"),
        ("corpus.tar.xz", "w:xz"),
        ("corpus.tar", "w"),
    ],
)
def test_a_tar_corpus_gives_each_member_as_an_article(tmp_path: Path, name: str, mode: str) -> None:
    (tmp_path / name).write_bytes(_corpus(mode))
    records, err = export_records(tmp_path)
    assert sorted((r["id"], r["title"], r["category"]) for r in records) == [
        (f"{name}/corpus/رياضة/2.txt.gz", "فوز الفريق", "رياضة"),
        (f"{name}/corpus/سياسة/1.txt", "مفاوضات جديدة", "سياسة"),
    ]
    assert {r["body"] for r in records} == {BODY}
    assert sorted(err[:-1]) == [
        f"{name}: corpus/old.tar: an archive inside the archive; not opened",
        f"{name}: corpus/photo.jpg: not an article format (.jpg)",
        f"{name}: corpus/رياضة/latest.txt: a link inside the archive; not followed",
    ]


def test_a_gzip_holding_a_tar_is_read_as_one(tmp_path: Path) -> None:
    """ "corpus.gz" names no tar, but holds one: read as the archive it is."""
    (tmp_path / "corpus.gz").write_bytes(
        gzip.compress(_tar({"a/1.txt": ("خبر\n\n" + BODY).encode()}))
    )
    result = parse_file(tmp_path / "corpus.gz", tmp_path)
    assert [a.id for a in result.articles] == ["corpus.gz/a/1.txt"]
    assert result.problems == ()


def test_a_tar_inside_a_zip_is_named(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "bundle.zip", "w") as archive:
        archive.writestr("inner.tar.gz", _tar({"1.txt": b"x"}, mode="w:gz"))
        archive.writestr("inner.gz", gzip.compress(_tar({"1.txt": b"x"})))
    result = parse_file(tmp_path / "bundle.zip", tmp_path)
    assert [str(p) for p in result.problems] == [
        "bundle.zip: inner.tar.gz: an archive inside the archive; not opened",
        "bundle.zip: inner.gz: an archive inside the archive; not opened",
    ]


def test_an_archive_cut_short_keeps_what_came_before(tmp_path: Path) -> None:
    """A download cut off in the middle of the last member: the members before it are read, and
    the archive is named as damaged, never silently shorter."""
    members = {f"{i}.txt": (f"خبر {i}\n\n" + BODY).encode() for i in range(40)}
    plain = _tar(members)
    (tmp_path / "cut.tar").write_bytes(plain[: len(plain) // 2 + 100])
    result = parse_file(tmp_path / "cut.tar", tmp_path)
    assert 10 < len(result.articles) < 40
    assert [p.reason for p in result.problems] == [
        "damaged tar archive (it ends before its last member: a download cut short?); "
        "the members before the damage are read"
    ]
    # cut exactly between two members: only the missing end marker tells
    boundary = plain.index(b"20.txt")
    (tmp_path / "cut2.tar").write_bytes(plain[:boundary])
    result = parse_file(tmp_path / "cut2.tar", tmp_path)
    assert len(result.articles) == 20
    assert len(result.problems) == 1
    compressed = lzma.compress(plain)
    (tmp_path / "cut.tar.xz").write_bytes(compressed[: len(compressed) // 2])
    result = parse_file(tmp_path / "cut.tar.xz", tmp_path)
    assert len(result.articles) < 40
    assert "cut short" in result.problems[-1].reason


@pytest.mark.parametrize("kind", ["gz", "xz"])
def test_a_compressed_archive_cut_short_keeps_every_member_before_the_cut(kind: str) -> None:
    """Every member whose bytes decompress from the data before the cut is read: Python's own
    readers raise at the cut and lost the last 10 KB that tarfile had asked for."""
    members = {f"{i}.txt": (f"خبر {i}\n\n" + BODY * 12).encode() for i in range(200)}
    plain = _tar(members)
    packed = gzip.compress(plain) if kind == "gz" else lzma.compress(plain)
    cut = packed[: len(packed) // 2]
    decompressor = zlib.decompressobj(31) if kind == "gz" else lzma.LZMADecompressor()
    before_the_cut = len(decompressor.decompress(cut))
    with tarfile.open(fileobj=io.BytesIO(plain)) as archive:
        whole = [i.name for i in archive if i.offset_data + i.size <= before_the_cut]
    read = []
    with pytest.raises(ArchiveProblem, match="cut short"):
        read.extend(m.name for m in tar_members(cut, member_limit=1 << 20))
    assert read == whole
    assert 50 < len(read) < 200


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not a tar archive at all" * 40, "corrupt tar archive: "),
        (b"\0" * 10240, "no article file in the tar archive"),
        (gzip.compress(b"plain text, no tar"), "corrupt tar archive: "),
    ],
)
def test_what_is_no_tar_corpus_is_named(tmp_path: Path, data: bytes, reason: str) -> None:
    (tmp_path / "x.tar.gz").write_bytes(data)
    result = parse_file(tmp_path / "x.tar.gz", tmp_path)
    assert result.articles == ()
    assert [p.reason[: len(reason)] for p in result.problems] == [reason]


def test_a_member_past_the_limit_is_named_not_held() -> None:
    data = _tar({"big.txt": b"a" * 5000, "escape/../../x.txt": b"b", "small.txt": b"c"})
    members = list(tar_members(data, member_limit=1000))
    assert [(m.name, m.data, m.reason) for m in members] == [
        ("big.txt", None, "unpacks to more than the size limit; not read"),
        ("escape/../../x.txt", None, "a member named outside the archive; not read"),
        ("small.txt", b"c", ""),
    ]


def test_tar_names_are_scanned() -> None:
    for name in ("a.tar", "a.tar.gz", "A.TGZ", "a.tar.bz2", "a.tbz2", "a.tar.xz", "a.txz"):
        assert is_article_name(name), name
