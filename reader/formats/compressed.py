"""Compressed article files (``page.html.gz``, ``feed.json.bz2``, ``docs.txt.xz``): unpacked in
chunks, with the size limit applied to what comes out, and the inner name deciding the layout.

The kind is read from the first bytes, not the name: a ``.gz`` that is not gzip is corrupt, and a
page a scraper saved with its HTTP ``Content-Encoding: gzip`` still on (``page.html`` holding
gzip) is read too. What will not decompress is a named problem, never a crash.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zlib
from pathlib import PurePath
from typing import BinaryIO, cast

COMPRESSED_SUFFIXES = frozenset({".gz", ".bz2", ".xz"})
_NAMES = {".gz": "gzip", ".bz2": "bzip2", ".xz": "xz"}
# one megabyte at a time: memory stays at the limit plus one chunk, whatever the ratio
_CHUNK = 1024 * 1024
_TAR_MAGIC_AT = 257


class CompressedProblem(Exception):
    """A compressed file we cannot or will not unpack; ``str(exc)`` is the reason for the user."""


class CutShort(CompressedProblem):
    """The data ends before its compressed stream does (a download cut short); ``data`` is
    everything that came before the cut, which the caller may read with the reason noted."""

    def __init__(self, reason: str, data: bytes) -> None:
        super().__init__(reason)
        self.data = data


class TarInside(CompressedProblem):
    """What is compressed is a tar archive: read it as an archive, not as one file."""


def compression(head: bytes) -> str | None:
    """``"gzip"``, ``"bzip2"`` or ``"xz"`` when ``head`` (a file's first bytes) starts so."""
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"\xfd7zXZ\x00"):
        return "xz"
    # "BZh" and a block size digit, then a block or the end-of-stream magic: text that merely
    # starts with "BZh" is not taken for bzip2
    if (
        head[:3] == b"BZh"
        and head[3:4] in b"123456789"
        and head[4:10] in (b"1AY&SY", b"\x17rE8P\x90")
    ):
        return "bzip2"
    return None


def inner_suffix(path: PurePath) -> str:
    """The suffix that decides the layout: ``.html`` for ``page.html.gz``, ``""`` for ``x.gz``."""
    # a page saved under its address ("news.php?id=12") is named by the part before the query
    suffix = PurePath(path.name.split("?", 1)[0] or path.name).suffix.lower()
    if suffix not in COMPRESSED_SUFFIXES:
        return suffix
    stem = PurePath(path.stem)
    return stem.suffix.lower() if stem.stem else ""


def suffix_kind(path: PurePath) -> str | None:
    """The compression a file's name promises (``.gz`` -> gzip), None for other names."""
    return _NAMES.get(path.suffix.lower())


def decompress(handle: BinaryIO, kind: str, *, limit: int, name: PurePath) -> bytes:
    """The unpacked bytes of ``handle`` (positioned at its start), read a chunk at a time.

    Raises ``CompressedProblem`` past ``limit`` bytes (a decompression bomb stops there, having
    held no more than the limit), for corrupt data, and for a tar archive inside; ``CutShort``,
    holding what came before the cut, for data cut short.
    """
    if inner_suffix(name) == ".tar":
        raise TarInside(_TAR)
    stream = open_stream(handle, kind)
    buffer = bytearray()
    try:
        while chunk := stream.read(_CHUNK):
            buffer += chunk
            if len(buffer) > limit:
                raise CompressedProblem(
                    f"decompressed size exceeds the {limit // (1024 * 1024)} MB limit "
                    "(possible decompression bomb)"
                )
            if len(buffer) - len(chunk) <= _TAR_MAGIC_AT < len(buffer) and _is_tar(buffer):
                raise TarInside(_TAR)
    except (OSError, zlib.error, lzma.LZMAError) as exc:
        raise CompressedProblem(f"corrupt {kind} file: {damage_reason(exc)}") from None
    finally:
        stream.close()
    if was_cut(stream):
        reason = damage_reason(EOFError())
        if not buffer:
            raise CompressedProblem(f"corrupt {kind} file: {reason}")
        raise CutShort(
            f"{kind} file cut short ({reason}); what came before the cut is read",
            _without_a_split_character(bytes(buffer)),
        )
    if not buffer:
        raise CompressedProblem(f"empty {kind} file: nothing inside")
    return bytes(buffer)


_TAR = "a tar archive (several files in one): unpack it to read its articles"


def _without_a_split_character(data: bytes) -> bytes:
    """``data`` less the start of a UTF-8 character the cut split (its first 1-3 bytes), which
    would otherwise decode as a replacement character and a note of bad bytes."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            return data  # ASCII: nothing split
        if byte >= 0xC0:  # a lead byte: how long its character is
            length = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return data[:-back] if length > back else data
    return data


def _is_tar(data: bytearray) -> bool:
    return data[_TAR_MAGIC_AT : _TAR_MAGIC_AT + 5] == b"ustar"


def open_stream(handle: BinaryIO, kind: str) -> io.BufferedReader:
    """``handle`` decompressed as it is read; at a cut the stream ends and ``was_cut`` says so
    (``_UpToTheCut``)."""
    return io.BufferedReader(_UpToTheCut(_decompressing(handle, kind)))


def _decompressing(handle: BinaryIO, kind: str) -> io.BufferedIOBase:
    if kind == "gzip":
        return gzip.GzipFile(fileobj=handle, mode="rb")
    if kind == "bzip2":
        return bz2.BZ2File(handle, mode="rb")
    return lzma.LZMAFile(handle, mode="rb")


def was_cut(stream: io.BufferedReader) -> bool:
    """Whether an ``open_stream`` stream ended where its data was cut short."""
    return cast(_UpToTheCut, stream.raw).cut


class _UpToTheCut(io.RawIOBase):
    """A decompressing stream that, where the data is cut short, first hands out everything
    before the cut, then ends and sets ``cut``. Python's gzip, bzip2 and xz readers raise
    instead, losing what the raising ``read`` had gathered (tarfile reads 10 KB at a time: the
    last members before a cut went with it). ``read1`` makes one step of decompression at a
    time, so nothing is pending when the cut is met."""

    def __init__(self, stream: io.BufferedIOBase) -> None:
        self._stream = stream
        self.cut = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.cut:
            return 0
        try:
            chunk = self._stream.read1(len(buffer))
        except EOFError:
            self.cut = True
            return 0
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def close(self) -> None:
        self._stream.close()
        super().close()


def damage_reason(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "the data ends before the end of the compressed stream (truncated download?)"
    text = str(exc) or type(exc).__name__
    # zlib's "Error -3 while decompressing data: invalid block type": the reason is the end
    return text.rsplit("decompressing data: ", 1)[-1][:200]
