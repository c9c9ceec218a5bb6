"""A file's bytes, within the limits the reader holds every file to: only regular files, no more
than a size that depends on what the name says the file is, decompressed when compressed (a
decompression bomb stops at the same limit)."""

from __future__ import annotations

import io
import stat
from pathlib import Path, PurePath

from reader.formats.compressed import (
    CompressedProblem,
    CutShort,
    TarInside,
    compression,
    decompress,
    inner_suffix,
    suffix_kind,
)
from reader.formats.names import TAR_SUFFIXES

# Article files are kilobytes; a JSON dump of a whole site may be tens of megabytes. Above this we
# refuse before reading, so a stray 200 MB video or database never stalls the load.
MAX_FILE_BYTES = 64 * 1024 * 1024
# ... except for a table or JSON export, which may hold a whole site (a 200 MB one of 72,000
# articles reads in 7 s at a peak of 1.2-1.4 GB), and a zip or tar archive, which may hold a folder or
# such an export (as datasets are downloaded)
MAX_EXPORT_BYTES = 256 * 1024 * 1024
_EXPORT_SUFFIXES = (
    frozenset({".csv", ".tsv", ".json", ".jsonl", ".ndjson", ".jsonlines", ".zip", ".mbox", ".mbx"})
    | {".enex"}
    | TAR_SUFFIXES
)
# what is read at a time past the size stat() gave (a file still being written)
_GROWN_CHUNK = 64 * 1024


class Refused(Exception):
    """A file we decline to open (not a regular file, too large); the message is the reason."""


class CutShortFile(Refused):
    """A compressed file cut short: ``data`` is what came before the cut, to be read with the
    reason (``str(exc)``) named as the file's problem."""

    def __init__(self, reason: str, data: bytes) -> None:
        super().__init__(reason)
        self.data = data


class TarInArchive(Refused):
    """A compressed file holds a tar archive: read as one at the top, named inside an archive."""

    def __str__(self) -> str:
        return "an archive inside the archive; not opened"


def size_limit(name: PurePath) -> int:
    """The most bytes a file so named is read to (decompressed, for a compressed one)."""
    return MAX_EXPORT_BYTES if inner_suffix(name) in _EXPORT_SUFFIXES else MAX_FILE_BYTES


def regular_size(path: Path, limit: int) -> int:
    """The size of ``path``, a regular file of at most ``limit`` bytes; raises ``Refused``."""
    info = path.stat()  # follows symlinks: a dangling one raises FileNotFoundError here
    if not stat.S_ISREG(info.st_mode):
        # FIFOs would block the read forever; devices and sockets are not articles either
        raise Refused("not a regular file (pipe, device or socket); skipped")
    if info.st_size > limit:
        raise Refused(
            f"file too large ({info.st_size / 1e6:.0f} MB; the limit is "
            f"{limit // (1024 * 1024)} MB); skipped without reading"
        )
    return info.st_size


def read_file_bytes(path: Path, *, unpack: bool = True) -> bytes:
    """The file's bytes, decompressed unless ``unpack`` is false (a tar archive unpacks its
    own)."""
    limit = size_limit(path)
    size = regular_size(path, limit)
    # at most one byte past the limit: the file may have grown since stat()
    data = _read_to_end(path, limit + 1, size=size)
    if len(data) > limit:
        raise Refused("file too large (grew while reading); skipped")
    return unpacked(data, path) if unpack else data


def unpacked(data: bytes, name: PurePath) -> bytes:
    """``data`` decompressed when it is gzip, bzip2 or xz (by its first bytes), else as it is."""
    kind = compression(data[:10])
    if kind is not None:
        try:
            return decompress(io.BytesIO(data), kind, limit=size_limit(name), name=name)
        except TarInside:
            raise TarInArchive() from None
        except CutShort as exc:
            raise CutShortFile(str(exc), exc.data) from None
        except CompressedProblem as exc:
            raise Refused(str(exc)) from None
    named = suffix_kind(name)
    if named is not None:
        raise Refused(f"corrupt {named} file: it does not start with a {named} header")
    return data


def _read_to_end(path: Path, limit: int, *, size: int) -> bytes:
    """The bytes of ``path`` to its end, at most ``limit`` of them. The first read asks for the
    size stat() gave, plus one byte to see the end: a read allocates all it is asked for, and
    asking for the limit (64 MB) cost several times more than reading a small file."""
    with path.open("rb", buffering=0) as handle:
        data = handle.read(min(size + 1, limit))
        more: list[bytes] = []
        total = len(data)
        while total < limit:  # a file that grew since stat(), or a short read
            chunk = handle.read(min(_GROWN_CHUNK, limit - total))
            if not chunk:
                break
            more.append(chunk)
            total += len(chunk)
    return data + b"".join(more) if more else data


def read_reason(exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError):
        return "cannot open: the file (or the target of its symbolic link) does not exist"
    if isinstance(exc, PermissionError):
        return "cannot open: permission denied"
    if isinstance(exc, IsADirectoryError):
        return "cannot open: it is a folder"
    if isinstance(exc, OSError):
        return f"cannot read: {exc.strerror or exc}"
    return str(exc)
