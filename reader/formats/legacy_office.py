"""What a ``.doc`` or ``.xls`` file (or a ``.docx``, ``.xlsx`` or ``.odt``) really holds, which
is often not what its name says.

Word and Excel open many formats under these names, so tools write them: a web application's
"download as Word" sends an HTML page named ``.doc`` or ``.docx``, its "export to Excel" an HTML
table or a tab-separated text named ``.xls``; a renamed ``.docx``, an RTF, a PDF, a web page
saved by Word as a single file (MHTML). Each is read by the reader of what it is, and the
article says so.
"""

from __future__ import annotations

from reader.formats.decode import NotText, decode_bytes
from reader.formats.office import OLE_MAGIC

LEGACY_SUFFIXES = frozenset({".doc", ".xls"})
# the names whose contents are looked at before a reader is chosen: the old formats', and the
# new formats' (an old document renamed .docx, or an encrypted one, is a compound file)
SNIFFED_SUFFIXES = LEGACY_SUFFIXES | {".docx", ".docm", ".xlsx", ".odt"}
_OLD_OF_NEW = {".docx": ".doc", ".docm": ".doc", ".xlsx": ".xls"}
# the text documents whose readers expect a zip archive: anything else under their names is
# looked at as a .doc is (a workbook's reader names what a non-zip .xlsx is)
_ZIPPED_DOCUMENTS = frozenset({".docx", ".docm", ".odt"})
_ZIP_MAGIC = b"PK\x03\x04"
# any zip record's signature: a damaged or cut-short archive is still the name's reader's to name
_ANY_ZIP = b"PK"
_PDF_MAGIC = b"%PDF-"
_SPREADSHEET_ML = "urn:schemas-microsoft-com:office:spreadsheet"
# how each content is named in the note: "read as <kind> (the .doc file holds one)"
_KINDS = {
    ".docx": "a Word document (.docx)",
    ".xlsx": "an Excel workbook (.xlsx)",
    ".doc": "a Word 97-2003 document (.doc)",
    ".xls": "an Excel 97-2003 workbook (.xls)",
    ".rtf": "an RTF document",
    ".pdf": "a PDF document",
    ".mhtml": "a web page saved as a single file (MHTML)",
    ".html": "a web page",
    ".csv": "a CSV table",
    ".tsv": "a tab-separated table",
    ".txt": "plain text",
}


def content_suffix(data: bytes, suffix: str) -> str:
    """The suffix whose reader reads ``data``, a file named ``.doc``, ``.xls``, ``.docx``,
    ``.docm``, ``.xlsx`` or ``.odt``: the name's own for its format, and for an HTML table or
    XML Spreadsheet named ``.xls`` (the workbook reader reads those too); the old format's for
    a compound file named as a new one."""
    if data.startswith(OLE_MAGIC):
        return _OLD_OF_NEW.get(suffix, suffix)
    if suffix in _ZIPPED_DOCUMENTS and data.startswith(_ANY_ZIP):
        return suffix
    if suffix == ".xlsx":
        return suffix  # a zip, or what the workbook reader names as not one
    if data.startswith(_ZIP_MAGIC):
        return ".docx" if suffix == ".doc" else ".xlsx"
    if data.startswith(_PDF_MAGIC):
        return ".pdf"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{\\rtf"):
        return ".rtf"
    if head.startswith(b"mime-version:") or b"\nmime-version:" in head:
        return ".mhtml"
    try:
        text = decode_bytes(data[:65536]).text.lstrip("\ufeff \t\r\n")
    except NotText:
        return suffix  # the name's reader names what is wrong with it
    sample = text[:4096].lower()
    markup = sample.startswith("<") and ("<html" in sample or "<table" in sample)
    if suffix == ".xls":
        if markup or _SPREADSHEET_ML in sample:
            return suffix
        first_line = text.split("\n", 1)[0]
        return ".tsv" if "\t" in first_line else ".csv"
    return ".html" if markup else ".txt"


def content_note(suffix: str, read_as: str) -> str | None:
    """What the article says of a ``suffix`` file read as ``read_as``; None when it is what
    its name says."""
    kind = _KINDS.get(read_as)
    if read_as == suffix or kind is None:
        return None
    return f"read as {kind}: the {suffix} file holds one"
