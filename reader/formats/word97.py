"""Word 97-2003 documents (``.doc``): the text of the main document, for the plain-text reader.

Archives of articles kept before 2007, and "download as Word" buttons of news databases, are
``.doc`` files. The binary format keeps the text in the ``WordDocument`` stream of an OLE
compound file, in pieces that the piece table (the ``Clx`` in the ``0Table`` or ``1Table``
stream) puts in order; a piece is UTF-16 or, where every character fits, Windows-1252 ("fast
saves" leave many pieces, out of order in the stream). Word's control characters are turned
into what the text means: paragraph and line ends into newlines, a field into its shown result
(a link's words, not its ``HYPERLINK "..."`` code), pictures and note marks dropped.

Word 6 and Word 95 files (another layout of the same stream) are named, not read.
"""

from __future__ import annotations

import struct

from reader.formats.ole import NotOle, ole_streams
from reader.formats.word import NotDocument

DOC_SUFFIXES = frozenset({".doc"})
_WORD_IDENT = 0xA5EC
# the header version (nFib): Word 97 writes 0xC1 and later Words more; Word 6 and 95 101 to 105
_FIRST_WORD97_FIB = 0xC0
_FLAGS = 0x0A
_ENCRYPTED = 0x0100
_TABLE_1 = 0x0200  # the piece table is in 1Table, not 0Table
_CCP_TEXT = 0x4C  # characters of the main document (footnotes, headers and the rest follow)
_FC_CLX = 0x1A2
_LCB_CLX = 0x1A6
_COMPRESSED = 0x40000000
_CELL = "\x07"
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
# Word's marks in the text -> what a reader sees (None: nothing)
_MARKS = str.maketrans(
    {
        "\r": "\n",  # paragraph end
        "\x0b": "\n",  # line break
        "\x0c": "\n",  # page or section break
        "\x0e": "\n",  # column break
        "\x1e": "-",  # non-breaking hyphen
        "\x1f": None,  # optional hyphen
        "\x01": None,  # picture
        "\x08": None,  # drawn object
        "\x02": None,  # footnote or endnote mark
        "\x05": None,  # comment mark
        "\x03": None,  # note separators
        "\x04": None,
    }
)


def doc_text(data: bytes) -> str:
    """The main document's text, a line a paragraph. Raises ``NotDocument`` with the reason."""
    try:
        streams = ole_streams(data, ("WordDocument", "0Table", "1Table", "EncryptedPackage"))
    except NotOle as exc:
        raise NotDocument(f"corrupt Word document ({exc})") from None
    word = streams.get("WordDocument")
    if word is None:
        if "EncryptedPackage" in streams:
            raise NotDocument(
                "an encrypted (password-protected) Word document; save it without a password as "
                ".docx"
            )
        raise NotDocument("not a Word document (an Office file of another kind, named .doc)")
    table_name = _table_stream(word)
    table = streams.get(table_name)
    if table is None:
        raise NotDocument(f"corrupt Word document (its {table_name} stream is missing)")
    try:
        return readable(pieces_text(word, table))
    except (struct.error, IndexError, OverflowError) as exc:
        raise NotDocument(f"corrupt Word document ({type(exc).__name__}: {exc})") from None


def _table_stream(word: bytes) -> str:
    """Which stream holds the piece table; raises for what this reader cannot read."""
    if len(word) < _LCB_CLX + 4:
        raise NotDocument("corrupt Word document (its header is cut short)")
    ident, version = struct.unpack_from("<HH", word, 0)
    if ident != _WORD_IDENT:
        raise NotDocument("corrupt Word document (no Word header)")
    if version < _FIRST_WORD97_FIB:
        raise NotDocument(
            "a Word 6 or Word 95 document, a format older than Word 97; save it as .docx"
        )
    flags = struct.unpack_from("<H", word, _FLAGS)[0]
    if flags & _ENCRYPTED:
        raise NotDocument(
            "an encrypted (password-protected) Word document; save it without a password as .docx"
        )
    return "1Table" if flags & _TABLE_1 else "0Table"


def pieces_text(word: bytes, table: bytes) -> str:
    """The main document's characters, raw (Word's marks still in), from the piece table."""
    characters = struct.unpack_from("<i", word, _CCP_TEXT)[0]
    fc_clx, lcb_clx = struct.unpack_from("<II", word, _FC_CLX)
    if characters < 0 or fc_clx + lcb_clx > len(table) or lcb_clx == 0:
        raise NotDocument("corrupt Word document (its piece table lies outside the file)")
    clx = table[fc_clx : fc_clx + lcb_clx]
    out: list[str] = []
    left = characters
    for start, end, fc in _pieces(clx):
        if left <= 0:
            break
        count = min(end - start, left)
        if fc & _COMPRESSED:
            offset = (fc & ~_COMPRESSED) // 2
            chunk = word[offset : offset + count].decode("cp1252", errors="replace")
        else:
            chunk = word[fc : fc + 2 * count].decode("utf-16-le", errors="replace")
        if len(chunk) < count:
            raise NotDocument("corrupt Word document (its text is cut short)")
        out.append(chunk)
        left -= count
    return "".join(out)


def _pieces(clx: bytes) -> list[tuple[int, int, int]]:
    """(first character, end character, file offset with the compressed flag) of each piece."""
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # formatting (Prc) before the piece table
        at += 3 + struct.unpack_from("<h", clx, at + 1)[0]
    if at + 5 > len(clx) or clx[at] != 0x02:
        raise NotDocument("corrupt Word document (no piece table)")
    size = struct.unpack_from("<I", clx, at + 1)[0]
    plc = clx[at + 5 : at + 5 + size]
    count = (len(plc) - 4) // 12
    if count <= 0 or len(plc) < 4 + 12 * count:
        raise NotDocument("corrupt Word document (an empty piece table)")
    cps = struct.unpack_from(f"<{count + 1}i", plc, 0)
    pieces = []
    for n in range(count):
        fc = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * n + 2)[0]
        if cps[n + 1] < cps[n]:
            raise NotDocument("corrupt Word document (its pieces run backwards)")
        pieces.append((cps[n], cps[n + 1], fc))
    return pieces


def readable(raw: str) -> str:
    """Word's marks turned into text: fields by their shown result (nested fields too), a
    field without one (a page number's code) by nothing."""
    out: list[str] = []
    # for each open field: is its code still running (True) or its result (False)
    fields: list[bool] = []
    for ch in raw:
        if ch == _FIELD_BEGIN:
            fields.append(True)
        elif ch == _FIELD_SEPARATOR:
            if fields:
                fields[-1] = False
        elif ch == _FIELD_END:
            if fields:
                fields.pop()
        elif not any(fields):
            out.append(ch)
    # a table cell ends with the cell mark, and its row with one more: a row is a line, its
    # cells apart as the .docx reader sets them ("a | b")
    text = "".join(out).replace(_CELL * 2, "\n").replace(_CELL, " | ")
    return text.translate(_MARKS)
