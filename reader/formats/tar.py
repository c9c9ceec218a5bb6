"""Tar archives of articles (a corpus downloaded as ``news.tar.gz``), read as zip archives are:
each member as the file it would be in a folder, with the same limits and the same names for
what is left out.

The archive is read as a stream, twice: once for its member names (the one top folder a corpus
is packed with is not a section), once for the members themselves. A compressed tar cannot be
read at random without unpacking it again from its start for every member.
"""

from __future__ import annotations

import io
import lzma
import tarfile
import zlib
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import PurePosixPath
from typing import BinaryIO, cast

from reader.formats.archive import (
    PAST_LIMIT,
    ArchiveProblem,
    Member,
    MemberReader,
    common_top,
    hidden,
    member_path,
)
from reader.formats.compressed import compression, damage_reason, open_stream, was_cut

_CHUNK = 1024 * 1024
# what damaged data raises: tarfile's own errors, gzip's and bzip2's OSError, zlib's, lzma's
_BROKEN = (tarfile.TarError, OSError, EOFError, zlib.error, lzma.LZMAError, ValueError)


def tar_members(
    data: bytes, *, member_limit: int | Callable[[PurePosixPath], int]
) -> Iterator[Member]:
    """Every file member of the tar archive (plain, gzip, bzip2 or xz) in ``data``, in the
    archive's order. Raises ``ArchiveProblem`` where the archive is damaged or cut short, after
    the members before the damage."""
    reader = MemberReader(member_limit, common_top(_names(data)))
    seen = 0
    stream = _unpacking(data)
    try:
        with tarfile.open(fileobj=stream, mode="r|") as archive:
            for info in archive:
                seen += 1
                name = member_path(info.name)
                if info.isdir() or hidden(name):
                    continue
                member = reader.member(
                    name,
                    _refusal(info),
                    partial(_read_member, archive, info, name),
                )
                if member is not None:
                    yield member
        if _was_cut(stream):
            raise EOFError
        if compression(data[:10]) is None and not _ends_with_end_marker(data):
            raise EOFError
    except _BROKEN as exc:
        # at a cut, tarfile's own error ("empty file") says less than the cut
        why = _why(EOFError() if _was_cut(stream) else exc)
        if not seen:
            raise ArchiveProblem(f"corrupt tar archive: {why}") from None
        raise ArchiveProblem(
            f"damaged tar archive ({why}); the members before the damage are read"
        ) from None


def _unpacking(data: bytes) -> BinaryIO:
    """The tar stream itself, decompressed as it is read (tarfile's own "r|gz" ends in silence
    at a stream cut short; ``_was_cut`` tells)."""
    kind = compression(data[:10])
    if kind is None:
        return io.BytesIO(data)
    return cast(BinaryIO, open_stream(io.BytesIO(data), kind))


def _was_cut(stream: BinaryIO) -> bool:
    return isinstance(stream, io.BufferedReader) and was_cut(stream)


def _ends_with_end_marker(data: bytes) -> bool:
    """Whether a plain tar ends as tar writes it: two zero blocks (1,024 bytes) at least; one
    cut short ends in a member's data or header."""
    return len(data) - len(data.rstrip(b"\0")) >= 1024


def _names(data: bytes) -> list[str]:
    """The names of the members that will be read, as far as the archive can be read."""
    names: list[str] = []
    try:
        with tarfile.open(fileobj=_unpacking(data), mode="r|") as archive:
            for info in archive:
                name = member_path(info.name)
                if not info.isdir() and not hidden(name):
                    names.append(name)
    except _BROKEN:
        pass  # the reading pass names the damage
    return names


def _refusal(info: tarfile.TarInfo) -> str:
    if info.issym() or info.islnk():
        return "a link inside the archive; not followed"
    if not info.isfile():
        return "not a regular file (device or pipe); not read"
    return ""


def _read_member(archive: tarfile.TarFile, info: tarfile.TarInfo, name: str, limit: int) -> Member:
    """The member's bytes, a chunk at a time (its header's size is not trusted)."""
    if info.size > limit:
        return Member(name, None, PAST_LIMIT)
    stream = archive.extractfile(info)
    if stream is None:
        return Member(name, None, "not a regular file (device or pipe); not read")
    out = bytearray()
    with stream:
        while chunk := stream.read(_CHUNK):
            out += chunk
            if len(out) > limit:
                return Member(name, None, PAST_LIMIT)
    return Member(name, bytes(out))


def _why(exc: BaseException) -> str:
    if isinstance(exc, EOFError) or "unexpected end of data" in str(exc):
        return "it ends before its last member: a download cut short?"
    return damage_reason(exc)
