"""PDF files: the text layer of each page, in lines and paragraphs, for the plain-text reader.

Researchers keep articles as PDFs: a page printed to PDF from the browser, a report, a Word
document exported. PDFium (the engine of Chrome's viewer, through pypdfium2) reads the text
layer and orders Arabic and mixed runs within a line; the lines are rebuilt here from the
positions of PDFium's text boxes, top to bottom, because a PDF may draw its lines in any order.
Lines are joined into paragraphs where the gap above a line is wider than the page's usual
line gap or where a line stops short of the text's full width. What a printed page repeats on
every page (the browser's date and title at the top, its address and page count at the
bottom, page numbers) is left out; the address a browser printed from becomes the article's.

A PDF without text (scanned pages) and a PDF behind a password are named, never read as empty.
"""

from __future__ import annotations

import itertools
import re
import statistics
import threading
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

PDF_SUFFIXES = frozenset({".pdf"})
# a book-length PDF is no article: its first pages are read, and the article says so
MAX_PAGES = 500
# PDFium is not thread-safe, and live changes parse files on a thread of their own
_LOCK = threading.Lock()


class NotPdf(ValueError):
    """The bytes are no PDF the reader can read; ``str(exc)`` is the reason for the user."""


@dataclass(frozen=True, slots=True)
class PdfText:
    """A PDF's text, a paragraph a line; ``url`` the address a browser printed it from."""

    text: str
    url: str | None
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    centre: float
    size: float  # the font size of most of its characters
    left: float
    right: float


def pdf_text(data: bytes) -> PdfText:
    """The PDF's text. Raises ``NotPdf`` with the reason."""
    if b"%PDF-" not in data[:1024]:  # readers accept junk before the header, up to 1 KB
        raise NotPdf("corrupt PDF: it does not start with a PDF header")
    import pypdfium2 as pdfium  # imported here: only folders holding PDFs pay for it

    with _LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise NotPdf("encrypted PDF (it needs a password); not read") from None
            raise NotPdf(f"corrupt PDF ({_pdfium_reason(exc)})") from None
        try:
            count = len(document)
            title = _title(document)
            pages: list[list[_Line]] = []
            damaged: list[int] = []
            for i in range(min(count, MAX_PAGES)):
                try:
                    pages.append(_page_lines(document[i]))
                except (pdfium.PdfiumError, UnicodeDecodeError, ValueError):
                    pages.append([])
                    damaged.append(i + 1)
        finally:
            document.close()
    if damaged and len(damaged) == len(pages):
        raise NotPdf("corrupt PDF (no page can be read)")
    found = _assembled(pages, count, title=title, damaged=damaged)
    if b"%%EOF" not in data[-2048:]:
        notes = (
            *found.notes,
            "the PDF ends without its end mark (cut short?): pages may be missing",
        )
        return PdfText(found.text, found.url, notes)
    return found


def _title(document: Any) -> str:
    """The PDF's own title (a browser gives it the page's); "" when it has none or it is
    damaged."""
    try:
        return " ".join(str(document.get_metadata_dict().get("Title") or "").split())
    except (UnicodeDecodeError, ValueError, RuntimeError):
        return ""


def _pdfium_reason(exc: Exception) -> str:
    # "Failed to load document (PDFium: Data format error)." -> "data format error"
    match = re.search(r"PDFium: ([^)]+)", str(exc))
    return match.group(1).lower() if match else str(exc)


def _page_lines(page: Any) -> list[_Line]:
    """The page's lines, top to bottom. PDFium's boxes group the glyphs of a run; a line is the
    boxes whose centres fall within one band. Each character then goes to the band nearest its
    centre, in PDFium's order, which is the reading order within a line."""
    from pypdfium2 import raw

    textpage = page.get_textpage()
    try:
        bands = _bands([textpage.get_rect(i) for i in range(textpage.count_rects())])
        if not bands:
            return []
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count)
        centres = [band.centre for band in bands]
        chars: list[list[str]] = [[] for _ in bands]
        sizes: list[list[float]] = [[] for _ in bands]
        at: int | None = None
        for i, char in enumerate(text[:count]):
            if char in "\r\n":
                continue
            left, bottom, right, top = textpage.get_charbox(i)
            if top > bottom or right > left:  # generated spaces have no box: they stay put
                at = _nearest(centres, (bottom + top) / 2)
                sizes[at].append(raw.FPDFText_GetFontSize(textpage.raw, i))
            if at is not None:
                chars[at].append(char)
    finally:
        textpage.close()
    lines = []
    for band, line_chars, line_sizes in zip(bands, chars, sizes, strict=True):
        line = " ".join("".join(line_chars).split())
        if line:
            size = statistics.median(line_sizes) if line_sizes else band.height
            lines.append(_Line(line, band.centre, size, band.left, band.right))
    return lines


@dataclass(slots=True)
class _Band:
    bottom: float
    top: float
    left: float
    right: float
    centres: list[float]

    @property
    def centre(self) -> float:
        return statistics.median(self.centres)

    @property
    def height(self) -> float:
        return self.top - self.bottom


def _bands(rects: Sequence[tuple[float, float, float, float]]) -> list[_Band]:
    """The text boxes grouped into lines, top to bottom (PDF y grows upwards). A small band that
    is also narrow (a quote mark or a diacritic drawn apart) is no line: its characters go to
    the line nearest them. A running foot in small type is wide, and stays a line."""
    bands: list[_Band] = []
    for left, bottom, right, top in sorted(rects, key=lambda r: -(r[1] + r[3])):
        centre = (bottom + top) / 2
        for band in reversed(bands[-4:]):
            if band.bottom <= centre <= band.top:
                band.bottom, band.top = min(band.bottom, bottom), max(band.top, top)
                band.left, band.right = min(band.left, left), max(band.right, right)
                band.centres.append(centre)
                break
        else:
            bands.append(_Band(bottom, top, left, right, [centre]))
    if not bands:
        return []
    usual = statistics.median(band.height for band in bands)
    lines = [
        band for band in bands if band.height >= 0.5 * usual or band.right - band.left >= 2 * usual
    ]
    return sorted(lines, key=lambda band: -band.centre)


def _nearest(centres: list[float], centre: float) -> int:
    """The index of the band nearest ``centre``; ``centres`` run from the top (largest) down."""
    # bisect needs ascending keys: search the negated centres
    keys = [-c for c in centres]
    k = bisect_left(keys, -centre)
    near = [j for j in (k - 1, k) if 0 <= j < len(centres)]
    return min(near, key=lambda j: abs(centres[j] - centre))


def _assembled(
    pages: list[list[_Line]], count: int, *, title: str, damaged: Sequence[int] = ()
) -> PdfText:
    url: str | None = None
    paragraphs: list[str] = []
    repeated = _repeated_edges(pages)
    for lines in pages:
        kept = []
        edges = _edges(len(lines))
        for i, line in enumerate(lines):
            if i in edges and (
                _digits_masked(line.text) in repeated
                or _PAGE_NUMBER.match(line.text)
                or _printed_url(line.text)
                or (i < 2 and _print_header(line.text, title))
            ):
                url = url or _printed_url(line.text)
                continue
            kept.append(line)
        page = _paragraphs(kept)
        if paragraphs and page and not paragraphs[-1].endswith(_PARAGRAPH_ENDS):
            page[0] = paragraphs.pop() + " " + page[0]  # a paragraph running on to this page
        paragraphs.extend(page)
    notes = []
    empty = [i + 1 for i, lines in enumerate(pages) if not lines and i + 1 not in damaged]
    if not paragraphs:
        raise NotPdf("a PDF whose pages hold no text (scanned images?); not read")
    if damaged:
        notes.append(f"PDF pages that could not be read (damaged): {_page_list(list(damaged))}")
    if empty:
        notes.append(f"PDF pages without text (scanned images?): {_page_list(empty)}")
    if count > MAX_PAGES:
        notes.append(f"only the first {MAX_PAGES} of the PDF's {count} pages read")
    return PdfText("\n".join(paragraphs), url, tuple(notes))


def _paragraphs(lines: list[_Line]) -> list[str]:
    """The page's lines joined into paragraphs. A paragraph ends where the next line starts
    after a wider gap than the page's usual one (for its size), changes size, or starts
    indented, and after a line that stops well short of the text's full width. Browsers and
    Word leave Arabic lines ragged, so a short line alone is not enough unless it is very short."""
    if not lines:
        return []
    rtl = _arabic_share("".join(line.text for line in lines)) > 0.5
    ratios = sorted(
        (a.centre - b.centre) / max(a.size, b.size, 1.0) for a, b in itertools.pairwise(lines)
    )
    usual = ratios[(len(ratios) - 1) // 4] if ratios else 0.0  # the lower quartile
    start = max(line.right for line in lines) if rtl else min(line.left for line in lines)
    width = max(line.right - line.left for line in lines)
    paragraphs: list[list[str]] = [[_mended(lines[0].text, rtl)]]
    for previous, line in itertools.pairwise(lines):
        size = max(line.size, previous.size, 1.0)
        indent = start - line.right if rtl else line.left - start
        ends = (
            (previous.centre - line.centre) / size > 1.3 * usual
            or abs(line.size - previous.size) > 0.15 * size
            or previous.right - previous.left < 0.55 * width
            or indent > 1.5 * line.size
        )
        text = _mended(line.text, rtl)
        if ends:
            paragraphs.append([text])
        elif paragraphs[-1][-1].endswith("-") and text[:1].isascii():
            paragraphs[-1][-1] = paragraphs[-1][-1][:-1] + text  # a hyphenated Latin word
        else:
            paragraphs[-1].append(text)
    return [" ".join(parts) for parts in paragraphs]


_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
# a right-to-left line ending in a number: the full stop is drawn left of it, and read first
_LEADING_MARK = re.compile(r"^([.،؛:!؟])(?=[0-9A-Za-z\u0660-\u0669])(.*)$")


def _arabic_share(text: str) -> float:
    arabic = len(_ARABIC_LETTER.findall(text))
    return arabic / max(1, arabic + len(_LATIN_LETTER.findall(text)))


def _mended(text: str, rtl: bool) -> str:
    """The line with a sentence's last mark put back at its end, where the line is read right
    to left and the mark came out first (".2018" for "2018.")."""
    match = _LEADING_MARK.match(text) if rtl else None
    return match.group(2) + match.group(1) if match else text


def _repeated_edges(pages: list[list[_Line]]) -> frozenset[str]:
    """The lines, digits masked, at the top or bottom of most pages: running heads and feet."""
    with_text = [lines for lines in pages if lines]
    if len(with_text) < 2:
        return frozenset()
    counts: Counter[str] = Counter()
    for lines in with_text:
        counts.update({_digits_masked(lines[i].text) for i in _edges(len(lines))})
    return frozenset(text for text, n in counts.items() if n >= max(2, 0.6 * len(with_text)))


def _edges(count: int) -> frozenset[int]:
    """Where a running head or foot may be: the first and last two lines of a page, one of a
    page of few lines (whose text is all edge)."""
    reach = 2 if count > 6 else 1
    return frozenset(range(min(reach, count))) | frozenset(range(max(0, count - reach), count))


def _digits_masked(text: str) -> str:
    return re.sub(r"[0-9\u0660-\u0669\u06f0-\u06f9]+", "#", text)


# "3", "- 3 -", "3/12", "Page 3 of 12", "صفحة 3 من 12"
_PAGE_NUMBER = re.compile(
    r"^(?:[-–— ]*[0-9\u0660-\u0669]+[-–— ]*"
    r"|[0-9\u0660-\u0669]+ ?/ ?[0-9\u0660-\u0669]+"
    r"|(?:page|p\.|صفحة|الصفحة) ?[0-9\u0660-\u0669]+(?: ?(?:of|/|من) ?[0-9\u0660-\u0669]+)?)$",
    re.IGNORECASE,
)
_PARAGRAPH_ENDS = (".", "!", "?", "؟", ":", '"', "»", "”", ")")
_TIME = re.compile(r"[0-9\u0660-\u0669]{1,2}:[0-9\u0660-\u0669]{2}")
_DATE = re.compile(
    r"[0-9\u0660-\u0669]{1,4}\u200f?[/.\-][0-9\u0660-\u0669]{1,2}\u200f?[/.\-][0-9\u0660-\u0669]{1,4}"
)
# what is left of a browser's print header once its date and time are taken out
_HEADER_REST = re.compile(r"^[\s,|\u200f]*(?:AM|PM|ص|م)?[\s,|\u200f]*$")
_URL = re.compile(r"https?://\S+")


def _print_header(text: str, title: str) -> bool:
    """A browser's print header: the date and time it was printed, and the page's title (the
    PDF's own title), in whatever order the line came out in. It is no date of the article."""
    if not (_TIME.search(text) and _DATE.search(text)):
        return False
    rest = _DATE.sub(" ", _TIME.sub(" ", text))
    if len(title) >= 8 and title in text:
        rest = rest.replace(title, " ")
    return _HEADER_REST.match(rest) is not None or (len(title) >= 8 and title in text)


def _printed_url(text: str) -> str | None:
    """The address in a browser's print footer ("https://site/news/1 1/3")."""
    match = _URL.search(text)
    if match is None or len(text) - len(match.group()) > 12:
        return None
    return match.group().rstrip(".,;")


def _page_list(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    return shown + (f" and {len(numbers) - 10} more" if len(numbers) > 10 else "")
