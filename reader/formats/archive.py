"""Zip archives of articles (a dataset downloaded as ``news.zip``): each member read as the file
it would be in a folder, its id the archive's path and the member's (``news.zip/sport/1.txt``).

What a member costs is limited like a file on disk: no member past the file limit and no more
than ``MAX_ARCHIVE_BYTES`` unpacked in all (a zip bomb stops there). Encrypted members, archives
inside the archive and members that are not article files are named, never skipped in silence.
"""

from __future__ import annotations

import dataclasses
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import PurePosixPath
from typing import BinaryIO

from reader.formats.debris import ARABIC_LETTER
from reader.formats.names import is_archive_name, is_article_name, not_read_reason

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
MAX_ARCHIVE_BYTES = 512 * 1024 * 1024
_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Member:
    """One file of the archive: its path inside it ("/"-separated) and its bytes, or why it
    is not read (``data`` is None then)."""

    name: str
    data: bytes | None
    reason: str = ""
    # the member's path below the archive's one top folder, if all members share one (a dataset
    # zipped with its folder): what its section is read from, as for a file in an opened folder
    inside: str = ""


class ArchiveProblem(Exception):
    """The archive as a whole cannot be read; ``str(exc)`` is the reason for the user."""


def zip_members(
    handle: BinaryIO, *, member_limit: int | Callable[[PurePosixPath], int]
) -> Iterator[Member]:
    """Every file member of the zip in ``handle``, in the archive's order; the members a folder
    would pass over without a word (a README) are left out the same way. ``member_limit``: the
    most bytes a member unpacks to, or what that is for a member so named."""
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ArchiveProblem(f"corrupt zip archive: {exc}") from None
    with archive:
        named = [(i, member_path(member_name(i))) for i in archive.infolist()]
        # hidden files and macOS's __MACOSX copies are left out as the folder scan leaves
        # hidden files out: a zip made on a Mac holds a "._name" twin of every file
        named = [(i, n) for i, n in named if not i.is_dir() and not hidden(n)]
        files = [i for i, _ in named]
        names = [n for _, n in named]
        reader = MemberReader(member_limit, common_top(names))
        for info, name in zip(files, names, strict=True):
            refusal = "encrypted member; not read" if info.flag_bits & 0x1 else ""
            member = reader.member(name, refusal, partial(_read_member, archive, info, name))
            if member is not None:
                yield member


OVER_BUDGET = "the archive unpacks to more than the limit; not read"
PAST_LIMIT = "unpacks to more than the size limit; not read"


class MemberReader:
    """What reading an archive's members may cost, shared by zip and tar: each member no more
    than its limit, and no more than ``MAX_ARCHIVE_BYTES`` in all (a zip bomb stops there)."""

    def __init__(self, member_limit: int | Callable[[PurePosixPath], int], top: str) -> None:
        self._limit_of = member_limit if callable(member_limit) else lambda _: member_limit
        self._top = top  # the one folder every member lies under, if any
        self._budget = MAX_ARCHIVE_BYTES

    def member(self, name: str, refusal: str, read: Callable[[int], Member]) -> Member | None:
        """The member so named, read by ``read(limit)``; or why it is not read; None for one a
        folder would pass over without a word. ``refusal``: the archive's own reason not to."""
        reason = screen(name, refusal)
        if reason is not None:
            return Member(name, None, reason) if reason else None
        if self._budget <= 0:
            return Member(name, None, OVER_BUDGET)
        member = read(min(self._limit_of(PurePosixPath(name)), self._budget))
        self._budget -= len(member.data or b"")
        return dataclasses.replace(member, inside=name[len(self._top) :])


def screen(name: str, refusal: str = "") -> str | None:
    """None when the member so named is read; else why not, "" for a member a folder would pass
    over without a word (a README). ``refusal``: the archive's own reason not to read it (an
    encrypted member, a link)."""
    base = PurePosixPath(name).name
    if any(part == ".." for part in PurePosixPath(name).parts) or not base:
        return "a member named outside the archive; not read"
    if refusal:
        return refusal
    if is_archive_name(base):
        return "an archive inside the archive; not opened"
    if not is_article_name(base):
        return not_read_reason(base) or ""
    return None


def member_path(name: str) -> str:
    """A member's name as a path inside the archive: "/"-separated (Windows tools write "\\"),
    without the "./" of ``tar -C dir .`` or a leading "/"."""
    name = name.replace("\\", "/")
    while name.startswith("./"):
        name = name[2:]
    return name.lstrip("/")


def hidden(name: str) -> bool:
    """A hidden file or folder (".name"; not "..", which escapes and is named) or __MACOSX."""
    return any(
        (part.startswith(".") and part not in (".", "..")) or part == "__MACOSX"
        for part in name.split("/")
    )


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its maker wrote it. A zip without the UTF-8 flag leaves the name's
    code page unsaid and Python reads it as IBM 437; but macOS writes UTF-8 there, Windows'
    own "compressed folder" the OEM code page (720 on Arabic systems), older tools the ANSI
    one (1256), and 7-Zip's and Info-ZIP's extra field may carry the UTF-8 name."""
    name = info.filename
    if info.flag_bits & 0x800 or name.isascii():
        return name
    raw = info.orig_filename.encode("cp437")
    unicode_path = _unicode_path_field(info.extra, raw)
    if unicode_path is not None:
        return unicode_path
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for code_page in ("cp720", "cp1256"):
        guess = raw.decode(code_page, "replace")
        if _reads_as_arabic(guess):
            return guess
    return name


# an Arabic letter written against a Latin one is a wrong guess ("Über" read as "أber")
_MIXED = re.compile(r"[\u0621-\u064a][A-Za-z]|[A-Za-z][\u0621-\u064a]")


def _reads_as_arabic(text: str) -> bool:
    beyond_ascii = [c for c in text if ord(c) > 127]
    arabic = sum(1 for c in beyond_ascii if ARABIC_LETTER.match(c))
    return arabic >= 2 and arabic >= 0.9 * len(beyond_ascii) and not _MIXED.search(text)


def _unicode_path_field(extra: bytes, raw: bytes) -> str | None:
    """The UTF-8 name of the Info-ZIP Unicode Path extra field (0x7075), when it belongs to
    this name (its CRC is the raw name's)."""
    at = 0
    while at + 4 <= len(extra):
        tag, size = struct.unpack_from("<HH", extra, at)
        body = extra[at + 4 : at + 4 + size]
        at += 4 + size
        if tag != 0x7075 or len(body) < 5 or body[0] != 1:
            continue
        if struct.unpack_from("<I", body, 1)[0] != zlib.crc32(raw):
            return None
        try:
            return body[5:].decode("utf-8")
        except UnicodeDecodeError:
            return None
    return None


def common_top(names: list[str]) -> str:
    """``"folder/"`` when every member lies under that one folder, else ``""``."""
    tops = {name.split("/", 1)[0] + "/" if "/" in name else "" for name in names}
    return tops.pop() if len(tops) == 1 else ""


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limit: int) -> Member:
    """The member's bytes, read a chunk at a time (its header's size is not trusted)."""
    out = bytearray()
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                out += chunk
                if len(out) > limit:
                    return Member(name, None, PAST_LIMIT)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        return Member(name, None, f"cannot unpack: {exc}")
    except RuntimeError as exc:  # zipfile's word for "needs a password"
        return Member(name, None, f"cannot unpack: {exc}")
    return Member(name, bytes(out))
