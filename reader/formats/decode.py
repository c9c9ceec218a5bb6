"""Bytes -> text: find the encoding, refuse what is not text, normalise newlines.

Order of evidence (strongest first): a byte-order mark; NUL bytes (UTF-16 without a BOM shows a
NUL in every other byte of ASCII text; otherwise a few stray NULs, as old Windows tools leave at
the end of a file, are dropped, and a file is binary only when the rest is not text either);
strict UTF-8 (a non-UTF-8 file almost never decodes as UTF-8 by chance), line by line when some
lines are UTF-8 and others are not (a legacy paragraph pasted into a UTF-8 file); then
charset-normalizer, checked against Windows-1256 because short Arabic texts are where statistical
detectors guess worst. Whatever had to be mended to read the text is said in ``Decoded.note``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from reader.formats.arabic_codepages import other_arabic_code_page, share
from reader.formats.debris import ARABIC_LETTER
from reader.formats.mojibake import repaired

# Signatures of common binary files that end up in article folders (images, archives, documents).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"BZh", "bzip2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media file"),
    (b"SQLite format 3\x00", "SQLite database"),
)
# UTF-32 before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC_STARTS = tuple(magic for magic, _ in _MAGIC)
_BOM_STARTS = tuple(bom for bom, _ in _BOMS)
_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\ufb50-\ufefc]")
_ARABIC_OR_FRENCH = re.compile(r"[\u0600-\u06ff àâçèéêëîïôùûüÀÂÇÈÉÊËÎÏÔÙÛÜ«»‘’“”…–—\u00a0]")
_WESTERN = re.compile(
    r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0152\u0153\u0178«»‘’“”–—…€°\u00a0]"
)
# C0 controls other than tab, newline, carriage return and form feed: text files do not have them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_ASCII_BYTES = bytes(range(0x80))
# what the text of an Arabic or Western news file is made of (to check a UTF-16 guess)
_PLAUSIBLE = re.compile(
    r"[\t\n\r\x20-\x7e\u00a0-\u024f\u0600-\u06ff\u0750-\u077f\u2000-\u206f\ufb50-\ufdff\ufe70-\ufeff]"
)
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029|\x85")
_CARRIAGE_RETURNS = re.compile(r"\r\n?")
_NUL_REASON = "binary file (contains NUL bytes), not text"
# More NULs than this share of the bytes is no stray debris but a binary (or UTF-32) file.
_MAX_NUL_SHARE = 0.25
# A line of a UTF-8 file counts as UTF-8 with a broken byte (not as another encoding) when it has
# this many well-formed non-ASCII characters per invalid byte.
_GOOD_PER_BAD = 4


class NotText(ValueError):
    """The bytes are not a text file we can read; ``str(exc)`` is the reason for the user."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str  # "\n" newlines, no BOM
    encoding: str  # Python codec name, "utf-8" for plain UTF-8 (with or without BOM)
    replaced: int = 0  # invalid bytes replaced by U+FFFD (a UTF-8 file with a few broken bytes)
    # what else had to be mended to read the text (NULs dropped, a cut last character, ...)
    repairs: tuple[str, ...] = ()

    @property
    def note(self) -> str | None:
        """What to tell the user about the encoding; None for clean UTF-8, the expected case."""
        notes = list(self.repairs)
        if self.replaced:
            notes.insert(
                0, f"{self.replaced} invalid {self.encoding} byte sequence(s) replaced by \ufffd"
            )
        elif self.encoding != "utf-8":
            notes.insert(0, f"decoded as {self.encoding}")
        return "; ".join(notes) or None


def decode_bytes(data: bytes, *, json: bool = False) -> Decoded:
    """Decode file contents. Raises ``NotText`` with the reason when they are not readable text.

    ``json``: the file is named as JSON, so U+2028, U+2029 and U+0085 stay what they are (a JSON
    Lines line may start with any value, not only the ``{`` or ``[`` that tell JSON otherwise).
    """
    if not data or data.isspace():
        raise NotText("empty file" if not data else "empty file (only whitespace)")
    if data.endswith(b"\x00") and not data.rstrip(b"\x00").strip():
        nuls = data.count(0)
        also = "" if nuls == len(data) else " and whitespace"
        raise NotText(
            f"empty file (only {nuls:,} NUL bytes{also}: a download or copy that never finished?)"
        )
    if data.startswith(_MAGIC_STARTS):  # one test for all, as nearly every file has none
        for magic, kind in _MAGIC:
            if data.startswith(magic):
                raise NotText(f"binary file ({kind}), not text")
    repairs: list[str] = []
    try:
        return _decode_text(data, repairs, json=json)
    except NotText:
        if b"\x00" in data and not data.startswith(_BOM_STARTS):
            # the NULs were dropped and the rest is no text either: the NULs are the reason
            raise NotText(_NUL_REASON) from None
        raise


def _decode_text(data: bytes, repairs: list[str], *, json: bool = False) -> Decoded:
    text, encoding, utf8 = _decode(data, repairs)
    replaced = 0
    if encoding == "utf-8+damaged":
        encoding = "utf-8"
        replaced = text.count("\ufffd")
    text = text.lstrip("\ufeff")
    fixed = repaired(text, repairs)  # text encoded twice; then the bytes are not the text's
    utf8, text = (utf8 if fixed is text else None), fixed
    # substring tests run at memory speed; the regex only when there is something to replace
    if json or text.lstrip()[:1] in ("{", "["):
        # JSON may hold U+2028, U+2029 and U+0085 inside its strings, where a newline is not
        # allowed: the JSON reader breaks lines there itself (only CR is JSON whitespace)
        if "\r" in text:
            text = _CARRIAGE_RETURNS.sub("\n", text)
    elif "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = _NEWLINES.sub("\n", text)
    if not _LETTER.search(text):
        raise NotText(f"no Arabic or Latin letters (read as {encoding})")
    controls = _count_controls(utf8, text)
    if controls > max(8, min(len(text), 65536) // 100):
        raise NotText(f"binary file ({controls} control characters), not text")
    if controls or len(text if utf8 is None else utf8) > 65536:  # none in a whole small file
        text = _drop_controls(utf8, text, repairs)
    return Decoded(text, encoding, replaced, tuple(repairs))


def _drop_controls(utf8: bytes | None, text: str, repairs: list[str]) -> str:
    """A few stray control characters (a DOS end-of-file mark, a NUL) are debris, not text."""
    if utf8 is not None:
        if len(utf8.translate(None, _CONTROL_BYTES)) == len(utf8):
            return text
    elif not _CONTROL.search(text):
        return text
    kept = _CONTROL.sub("", text)
    repairs.append(f"{len(text) - len(kept)} control character(s) dropped")
    return kept


def _count_controls(utf8: bytes | None, text: str) -> int:
    """Control characters in the first 64 kB. In UTF-8 a byte below 0x80 is always the character
    itself, so the bytes can be counted in C instead of running a regex over the text."""
    if utf8 is not None:
        sample = utf8[:65536]
        return len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return len(_CONTROL.findall(text, 0, 65536))


def _decode(data: bytes, repairs: list[str]) -> tuple[str, str, bytes | None]:
    """(text, codec, the bytes when they are the text's plain UTF-8); ``repairs`` gets notes."""
    if data.startswith(_BOM_STARTS):
        for bom, encoding in _BOMS:  # in order: the UTF-32 LE mark starts with the UTF-16 LE one
            if data.startswith(bom):
                text = _with_bom(data[len(bom) :], encoding, repairs)
                body = text.rstrip("\x00")
                if len(body) < len(text):  # padded to its allocated size, as without a BOM
                    repairs.append(f"{len(text) - len(body):,} NUL byte(s) at the end dropped")
                return body, encoding, None
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return (*utf16, None)
        data = _without_padding(data, repairs)
        utf16 = _utf16_without_bom(data) if b"\x00" in data else None
        if utf16 is not None:
            return (*utf16, None)
    if b"\x00" in data:
        # stray NULs (old Windows tools end a file with one): dropped, the rest read as text
        nuls = data.count(0)
        if nuls > len(data) * _MAX_NUL_SHARE:
            raise NotText(_NUL_REASON)
        data = data.replace(b"\x00", b"")
        repairs.append(f"{nuls} NUL byte(s) dropped")
    try:
        return data.decode("utf-8"), "utf-8", data
    except UnicodeDecodeError:
        pass
    mixed = _mixed_lines(data, repairs)
    if mixed is not None:
        return mixed, "utf-8+damaged", None
    # A UTF-8 file with a few broken bytes (a scraper cut a letter in half) must stay UTF-8:
    # read as Windows-1256 its Arabic would turn into a plausible-looking mojibake of Arabic
    # letters. A real legacy file breaks UTF-8 on nearly every non-ASCII byte.
    lenient = data.decode("utf-8", errors="replace")
    if lenient.count("\ufffd") <= 2 + len(data) // 1000:
        return lenient, "utf-8+damaged", None
    return (*_legacy(data), None)


def _with_bom(body: bytes, encoding: str, repairs: list[str]) -> str:
    """The text after a byte-order mark. A UTF-16/32 file cut in the middle of its last
    character (an odd length) keeps everything before it."""
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as exc:
        unit = 4 if "32" in encoding else 2 if "16" in encoding else 0
        if unit and exc.start >= len(body) - unit:
            try:
                text = body[: exc.start].decode(encoding)
            except UnicodeDecodeError:
                pass
            else:
                cut = len(body) - exc.start
                repairs.append(f"the file ends inside a character: its last {cut} byte(s) dropped")
                return text
        raise NotText(
            f"starts with a {encoding} byte-order mark but is not {encoding}: {exc.reason}"
        ) from None


def _mixed_lines(data: bytes, repairs: list[str]) -> str | None:
    """A UTF-8 file with lines in another encoding (a Windows-1256 paragraph pasted in): the
    UTF-8 lines as UTF-8, the others decoded together as whatever encoding fits them. None when
    no line is clearly UTF-8 (at least three non-ASCII characters) or none is clearly not."""
    lines = data.split(b"\n")
    strong = False
    for line in lines:
        if line.isascii():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if len(text) <= len(line) - 3:  # three multi-byte characters or more
            strong = True
            break
    if not strong:
        return None
    texts: list[str | None] = []
    legacy: list[bytes] = []
    for line in lines:
        if line.isascii():
            texts.append(line.decode("ascii"))
            continue
        lenient = line.decode("utf-8", errors="replace")
        bad = lenient.count("\ufffd")
        # well-formed non-ASCII characters: every character that is not an ASCII byte
        high = len(line.translate(None, _ASCII_BYTES))
        good = len(lenient) - (len(line) - high) - bad
        if bad == 0 or good >= _GOOD_PER_BAD * bad:
            texts.append(lenient)  # UTF-8 (perhaps with a broken byte, counted as replaced)
        else:
            texts.append(None)
            legacy.append(line)
    if sum(len(line) for line in legacy) < 4:
        return None
    try:
        other, encoding = _legacy(b"\n".join(legacy))
    except NotText:
        return None
    decoded = iter(other.split("\n"))
    if other.count("\n") != len(legacy) - 1:
        return None
    out = [text if text is not None else next(decoded) for text in texts]
    non_empty = sum(1 for line in lines if line.strip())
    repairs.append(
        f"mixed encodings: {len(legacy)} of {non_empty} lines decoded as {encoding}, "
        "the rest as utf-8"
    )
    return "\n".join(out)


def _without_padding(data: bytes, repairs: list[str]) -> bytes:
    """``data`` without the run of NULs at its end: Windows tools and interrupted copies leave a
    file padded to its allocated size, often with more NULs than text. UTF-16 text keeps the
    high byte of its last character."""
    body = data.rstrip(b"\x00")
    if b"\x00" in body and len(body) % 2:
        body += b"\x00"
    if len(body) < len(data):
        repairs.append(f"{len(data) - len(body):,} NUL byte(s) at the end dropped")
    return body


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a BOM: NULs fall on one parity only (the high byte of ASCII/Latin)."""
    # a file cut at an odd length lost half of its last character; drop that byte
    data = data[: len(data) // 2 * 2]
    sample = data[:65536]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    # Arabic UTF-16 has 0x06 as the high byte, so NULs come only from spaces, digits and Latin
    # letters; demand a clear majority on one side and (almost) none on the other.
    if odd > even and even <= half // 50:
        encoding = "utf-16-le"
    elif even > odd and odd <= half // 50:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if "\x00" in text or not _LETTER.search(text):
        return None
    # a few stray NULs in a single-byte file can fall on one parity too; read as UTF-16 its bytes
    # make CJK and other far-off characters, not the Arabic and Latin text of a news folder
    head = text[:65536]
    if len(_PLAUSIBLE.findall(head)) < 0.9 * len(head):
        return None
    return text, encoding


def _legacy(data: bytes) -> tuple[str, str]:
    """A single-byte (or legacy multi-byte) encoding: ask charset-normalizer, prefer Windows-1256
    unless another Arabic code page reads the file as Arabic prose clearly better.

    Windows-1256 maps almost every high byte to an Arabic letter, so when the file reads as
    mostly Arabic letters in it, that is the reading; a detector's guess of, say, a Cyrillic or
    Latin-1 code page on a few hundred bytes of Arabic is the usual failure we guard against.
    """
    cp1256 = data.decode("cp1256", errors="replace")
    other = other_arabic_code_page(data, cp1256)
    if other is not None:
        return other
    if share(ARABIC_LETTER, cp1256) >= 0.6:
        return cp1256, "windows-1256"
    # Arabic with French in it (Maghrebi news): Windows-1256 also holds the French accented
    # letters, at the same bytes as Windows-1252, so "Arabic or French" covers every high byte.
    if (
        len(ARABIC_LETTER.findall(cp1256, 0, 65536)) >= 3
        and share(_ARABIC_OR_FRENCH, cp1256) >= 0.95
    ):
        return cp1256, "windows-1256"
    # The same guard for Western text (French is common in Maghrebi folders): when every high
    # byte reads as an accented letter or typographic mark in Windows-1252, that is the reading.
    try:
        cp1252 = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        if share(_WESTERN, cp1252) >= 0.95:
            return cp1252, "windows-1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding), _codec_name(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    raise NotText("not valid UTF-8 and no other text encoding fits")


def _codec_name(name: str) -> str:
    """charset-normalizer names ("cp1256", "windows_1256") -> the name users know."""
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return name
    if canonical.startswith("cp") and canonical[2:].isdigit() and canonical[2:].startswith("12"):
        return "windows-" + canonical[2:]
    return canonical
