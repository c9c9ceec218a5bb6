"""Which file names a folder of articles reads, and why the others are left out.

Shared by the folder scan, live changes and the members of a zip archive, so all three read the
same files.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePath

from reader.formats.archivebox import snapshot_copy
from reader.formats.compressed import COMPRESSED_SUFFIXES, inner_suffix
from reader.formats.eml import EML_SUFFIXES, MBOX_SUFFIXES
from reader.formats.enex import ENEX_SUFFIXES
from reader.formats.epub import EPUB_SUFFIXES
from reader.formats.html import SERVER_PAGE_SUFFIXES
from reader.formats.legacy_office import LEGACY_SUFFIXES
from reader.formats.mhtml import MHTML_SUFFIXES
from reader.formats.msg import MSG_SUFFIXES
from reader.formats.ods import ODS_SUFFIXES
from reader.formats.odt import ODT_SUFFIXES
from reader.formats.pdf import PDF_SUFFIXES
from reader.formats.rtf import RTF_SUFFIXES
from reader.formats.warc import WACZ_SUFFIXES, WARC_SUFFIXES
from reader.formats.webarchive import WEBARCHIVE_SUFFIXES
from reader.formats.word import DOCX_SUFFIXES
from reader.formats.xlsx import XLSX_SUFFIXES

ZIP_SUFFIXES = frozenset({".zip"})
# a tar archive's name, by the suffix inside any compression (".tar" for "news.tar.gz")
TAR_SUFFIXES = frozenset({".tar", ".tgz", ".tbz", ".tbz2", ".txz"})
# What a folder of articles holds; anything else (images, videos) is named by the scan as a problem
# ("not an article format"). Files without an extension are read too: some scrapers save pages
# that way.
ARTICLE_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".markdown", ".json", ".jsonl", ".ndjson", ".jsonlines"}
    | {".xml", ".trec", ".sgml", ".sgm", ""}
    | {".csv", ".tsv"}
    | {".html", ".htm", ".xhtml", ".shtml", ".tml", ".rss", ".atom", ".gz", ".bz2", ".xz"}
    | SERVER_PAGE_SUFFIXES
    | MHTML_SUFFIXES
    | WEBARCHIVE_SUFFIXES
    | XLSX_SUFFIXES
    | ODS_SUFFIXES
    | DOCX_SUFFIXES
    | LEGACY_SUFFIXES
    | ODT_SUFFIXES
    | RTF_SUFFIXES
    | PDF_SUFFIXES
    | EML_SUFFIXES
    | MSG_SUFFIXES
    | MBOX_SUFFIXES
    | ENEX_SUFFIXES
    | EPUB_SUFFIXES
    | WARC_SUFFIXES
    | WACZ_SUFFIXES
    | ZIP_SUFFIXES
    | TAR_SUFFIXES
)
# A collection's own documentation is not an article (the ANT corpora ship README.md and LICENSE),
# and neither are the files an operating system leaves in every folder it shows, nor the owner
# file ("~$name.docx") Office keeps beside a document while it is open.
NOT_ARTICLES = re.compile(
    r"^(?:(?:readme|licen[cs]e|copying|changelog|changes|notice|authors|contributing)(?:\.\w+)?"
    r"|thumbs\.db|ehthumbs\.db|desktop\.ini|~\$.*)$",
    re.IGNORECASE,
)


def file_suffix(name: str) -> str:
    """A file name's extension, lower-case, with its dot ("" for none, and for ".name"); a page a
    mirroring tool saved under its address keeps the extension before the query
    ("news.php?id=12" is ".php")."""
    stem, dot, ext = name.split("?", 1)[0].rpartition(".")
    return "." + ext.lower() if dot and stem else ""


def is_archive_name(name: str) -> bool:
    """A zip or tar archive, by its name."""
    suffix = file_suffix(name)
    return suffix in ZIP_SUFFIXES or tar_suffix(name)


def tar_suffix(name: str) -> bool:
    return inner_suffix(PurePath(name.split("?", 1)[0])) in TAR_SUFFIXES


def is_article_name(name: str) -> bool:
    suffix = file_suffix(name)
    if suffix not in ARTICLE_SUFFIXES or NOT_ARTICLES.match(name):
        return False
    return suffix not in COMPRESSED_SUFFIXES or _compressed_article(name)


def _compressed_article(name: str) -> bool:
    """A compressed file is read when the name inside it is an article file's, or names no
    format ("x.gz", "news.2012.gz"): a crawl's ``.warc.gz`` or a ``.tar.gz`` is no article."""
    inner = inner_suffix(PurePath(name.split("?", 1)[0]))
    return not inner or not any(c.isalpha() for c in inner) or inner in ARTICLE_SUFFIXES


def not_read_reason(name: str) -> str | None:
    """Why the scan leaves a file out, for the problems list; None for a collection's own
    documentation (README, LICENSE), which is left out without a word."""
    if NOT_ARTICLES.match(name):
        return None
    suffix = file_suffix(name)
    if suffix in COMPRESSED_SUFFIXES:
        suffix = inner_suffix(PurePath(name.split("?", 1)[0])) + suffix
    if suffix in _SAVE_AS:
        kind, advice = _SAVE_AS[suffix]
        return f"not an article format ({suffix}: {kind}); {advice}"
    return f"not an article format ({suffix})"


# documents the reader cannot open but can say how to open
_SAVE_AS = {
    ".numbers": ("a Numbers spreadsheet", "save it as .xlsx or CSV"),
    ".pages": ("a Pages document", "save it as .docx or text"),
}


# A browser saving a "complete" page puts its images, scripts and frames (ads, widgets) in a
# folder beside it: "Page.html" and "Page_files" (Internet Explorer localised the suffix). Read,
# its frames would become junk articles and its scripts a problem each.
_RESOURCE_SUFFIXES = (
    "_files",
    "_fichiers",
    "-Dateien",
    "_archivos",
    "_arquivos",
    "_bestanden",
    "_file",
    "_pliki",
    "_soubory",
    "-filer",
    "_tiedostot",
)
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".mhtml", ".mht", ".php", ".aspx", ".asp")


# The media folders Telegram Desktop writes beside its chat export (messages.html, result.json)
_TELEGRAM_MEDIA = frozenset(
    {
        "photos",
        "files",
        "video_files",
        "voice_messages",
        "round_video_messages",
        "stickers",
        "contacts",
        "css",
        "js",
        "images",
    }
)
_TELEGRAM_EXPORTS = ("messages.html", "result.json")


def resources_reason(folder: Path) -> str | None:
    """Why ``folder`` is not read when it holds a saved page's or a chat export's resources
    (the page or export lying beside it); None for any other folder."""
    if folder.name in _TELEGRAM_MEDIA:
        for export in _TELEGRAM_EXPORTS:
            if (folder.parent / export).is_file():
                return f"the media, styles and scripts of the Telegram export {export}; not read"
        return None
    page = saved_page_of(folder)
    if page is None:
        return None
    return f"the images, scripts and frames of the saved web page {page}; not read"


def saved_page_of(folder: Path) -> str | None:
    """The name of the saved web page whose resources ``folder`` holds, when that page lies
    beside it; None for any other folder."""
    name = folder.name
    for suffix in _RESOURCE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            for page in (stem + ext for ext in _PAGE_SUFFIXES):
                if (folder.parent / page).is_file():
                    return page
    return None


def left_out_with_its_folder(root: Path, rel: str) -> bool:
    """Whether the scan leaves the file ``rel`` (relative to ``root``) out with a folder above
    it: a saved page's or chat export's resources, or an ArchiveBox snapshot's copies other than
    the one read. A live change to such a file is no change to the folder's articles."""
    parts = rel.split("/")
    for i in range(1, len(parts)):
        folder = root.joinpath(*parts[:i])
        if resources_reason(folder) is not None:
            return True
        copy = snapshot_copy(folder)
        if copy is not None:
            return "/".join(parts[i:]) != copy
    return False
