"""PDF files: the text layer of each page, in lines and paragraphs, for the plain-text reader.

Researchers keep articles as PDFs: a page printed to PDF from the browser, a report, a Word
document exported. PDFium (the engine of Chrome's viewer, through pypdfium2) reads the text
layer and orders Arabic and mixed runs within a line; the lines are rebuilt here from the
positions of PDFium's text boxes, column by column (right to left on an Arabic newspaper page,
``pdf_layout``) and top to bottom, because a PDF may draw its lines in any order.
Lines are joined into paragraphs where the gap above a line is wider than the page's usual
line gap or where a line stops short of the text's full width. What a printed page repeats on
every page (the browser's date and title at the top, its address and page count at the
bottom, page numbers) is left out; the address a browser printed from becomes the article's.

A PDF without text (scanned pages) and a PDF behind a password are named, never read as empty.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
import statistics
import threading
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.formats.debris import ARABIC_LETTER, base_letters
from reader.formats.pdf_layout import bands, block_of, blocks, bounds, nearest

PDF_SUFFIXES = frozenset({".pdf"})
# a book-length PDF is no article: its first pages are read, and the article says so
MAX_PAGES = 500
# no page reaches past this many points (200 inches); a damaged file's boxes may
_FARTHEST = 15_000.0
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
    block: int = 0  # which block (column) of the page it is in


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
            garbled: list[int] = []
            for i in range(min(count, MAX_PAGES)):
                try:
                    page = document[i]
                except pdfium.PdfiumError:
                    pages.append([])
                    damaged.append(i + 1)
                    continue
                try:
                    lines = _page_lines(page)
                    legible = _legible(lines)
                    if len(legible) < len(lines):
                        garbled.append(i + 1)
                    pages.append(legible)
                except (pdfium.PdfiumError, UnicodeDecodeError, ValueError):
                    pages.append([])
                    damaged.append(i + 1)
                finally:
                    page.close()  # a long PDF's pages are not all held at once
        finally:
            document.close()
    if damaged and len(damaged) == len(pages):
        raise NotPdf("corrupt PDF (no page can be read)")
    found = _assembled(pages, count, title=title, damaged=damaged, garbled=garbled)
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
    """The page's lines in reading order: block by block (``pdf_layout.blocks``), top to bottom
    in each. Each character goes to the line nearest its centre in its block, in PDFium's
    order, which is the reading order within a line."""
    from pypdfium2 import raw

    textpage = page.get_textpage()
    try:
        rects = [
            rect
            for rect in (textpage.get_rect(i) for i in range(textpage.count_rects()))
            if all(math.isfinite(v) and abs(v) <= _FARTHEST for v in rect)
        ]
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count)[:count]
        page_blocks = blocks(rects, rtl=_arabic_share(text) > 0.5)
        boxes = [bounds(block) for block in page_blocks]
        block_bands = [bands(block) for block in page_blocks]
        centres = [[band.centre for band in found] for found in block_bands]
        chars = [[[] for _ in found] for found in block_bands]  # type: list[list[list[str]]]
        sizes = [[[] for _ in found] for found in block_bands]  # type: list[list[list[float]]]
        at: tuple[int, int] | None = None
        for i, char in enumerate(text):
            if char in "\r\n":
                continue
            left, bottom, right, top = textpage.get_charbox(i)
            if top > bottom or right > left:  # generated spaces have no box: they stay put
                x, y = (left + right) / 2, (bottom + top) / 2
                block = block_of(boxes, x, y)
                if not centres[block]:
                    continue
                at = (block, nearest(centres[block], y))
                sizes[at[0]][at[1]].append(raw.FPDFText_GetFontSize(textpage.raw, i))
            if at is not None:
                chars[at[0]][at[1]].append(char)
    finally:
        textpage.close()
    lines = []
    for block, found in enumerate(block_bands):
        for band, line_chars, line_sizes in zip(found, chars[block], sizes[block], strict=True):
            line = " ".join(base_letters("".join(line_chars)).split())
            if line:
                size = statistics.median(line_sizes) if line_sizes else band.height
                lines.append(_Line(line, band.centre, size, band.left, band.right, block))
    return lines


def _assembled(
    pages: list[list[_Line]],
    count: int,
    *,
    title: str,
    damaged: Sequence[int] = (),
    garbled: Sequence[int] = (),
) -> PdfText:
    url: str | None = None
    kept: list[_Line] = []
    repeated = _repeated_edges(pages)
    for number, lines in enumerate(pages):
        edges = _edges(len(lines))
        for i, line in enumerate(lines):
            if i in edges and (
                _running_key(line) in repeated
                or _PAGE_NUMBER.match(line.text)
                or _printed_url(line.text)
                or (i < 2 and _print_header(line.text, title))
            ):
                url = url or _printed_url(line.text)
                continue
            # blocks numbered across the document: a new page is a new block
            kept.append(dataclasses.replace(line, block=number * _BLOCKS + line.block))
    paragraphs = _paragraphs(kept)
    notes = []
    unread = {*damaged, *garbled}
    empty = [i + 1 for i, lines in enumerate(pages) if not lines and i + 1 not in unread]
    if not paragraphs:
        raise NotPdf(
            GARBLED_PDF if garbled else "a PDF whose pages hold no text (scanned images?); not read"
        )
    if garbled:
        notes.append(
            f"PDF pages with text in fonts without a character map, left out: {_page_list(list(garbled))}"
        )
    if damaged:
        notes.append(f"PDF pages that could not be read (damaged): {_page_list(list(damaged))}")
    if empty:
        notes.append(f"PDF pages without text (scanned images?): {_page_list(empty)}")
    if count > MAX_PAGES:
        notes.append(f"only the first {MAX_PAGES} of the PDF's {count} pages read")
    return PdfText("\n".join(paragraphs), url, tuple(notes))


_BLOCKS = 10_000

GARBLED_PDF = (
    "a PDF whose fonts have no character map: its text layer is glyph numbers, not letters"
    " (copied out, it gives symbols); not read"
)
# a page this share of whose characters are controls or private-use code points holds glyph
# numbers: its font came without the table that maps them to letters (ToUnicode)
_GARBLED_PAGE = 0.1
_GARBLED_LINE = 0.2


def _legible(lines: list[_Line]) -> list[_Line]:
    """The page's lines without those drawn in a font that maps no letters: none of them when
    most of the page is so (its few plausible characters are glyph numbers too)."""
    counts = [(_unmapped(line.text), len(line.text) - line.text.count(" ")) for line in lines]
    if sum(bad for bad, _ in counts) >= _GARBLED_PAGE * max(1, sum(n for _, n in counts)):
        return []
    # one heading in a decorative font; a lone symbol-font bullet is no sign
    return [
        line
        for line, (bad, n) in zip(lines, counts, strict=True)
        if bad < 3 or bad < _GARBLED_LINE * n
    ]


def _unmapped(text: str) -> int:
    return sum(1 for char in text if unicodedata.category(char) in _UNMAPPED or char == "\ufffd")


_UNMAPPED = frozenset({"Cc", "Co", "Cn"})


def _paragraphs(lines: list[_Line]) -> list[str]:
    """The lines joined into paragraphs, block by block (column by column, page by page).

    Within a block a paragraph ends where the next line starts after a wider gap than the
    usual one (for its size), changes size, or starts indented, and after a line that stops
    well short of the block's full width (browsers and Word leave Arabic lines ragged, so a
    short line alone is not enough unless it is very short). A paragraph runs on into the next
    block when it ends without a closing mark and the next block goes on in the same size."""
    if not lines:
        return []
    rtl = _arabic_share("".join(line.text for line in lines)) > 0.5
    ratios = sorted(
        (a.centre - b.centre) / max(a.size, b.size, 1.0)
        for a, b in itertools.pairwise(lines)
        if a.block == b.block
    )
    usual = ratios[(len(ratios) - 1) // 4] if ratios else 0.0  # the lower quartile
    paragraphs: list[list[str]] = []
    last_size = 0.0
    for _, group in itertools.groupby(lines, key=lambda line: line.block):
        block = list(group)
        found = _block_paragraphs(block, rtl=rtl, usual=usual)
        if (
            paragraphs
            and not paragraphs[-1][-1].endswith(_PARAGRAPH_ENDS)
            and abs(block[0].size - last_size) <= 0.15 * max(block[0].size, last_size)
        ):
            paragraphs[-1].extend(found.pop(0))
        paragraphs.extend(found)
        last_size = block[-1].size
    return [" ".join(parts) for parts in paragraphs]


def _block_paragraphs(lines: list[_Line], *, rtl: bool, usual: float) -> list[list[str]]:
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
    return paragraphs


_LATIN_LETTER = re.compile(r"[A-Za-z]")
# a right-to-left line ending in a number or a Latin word: the full stop is drawn left of it,
# and comes out of the text layer before it (".2018" for "2018.")
_LEADING_MARK = re.compile(r"(^|\s)([.،؛:!؟])([0-9A-Za-z\u0660-\u0669][^\s]*)$")


def _arabic_share(text: str) -> float:
    arabic = len(ARABIC_LETTER.findall(text))
    return arabic / max(1, arabic + len(_LATIN_LETTER.findall(text)))


def _mended(text: str, rtl: bool) -> str:
    """The line with a sentence's last mark put back at its end, where the line is read right
    to left and the mark came out first (".2018" for "2018.")."""
    if not rtl:
        return text
    return _LEADING_MARK.sub(lambda m: m.group(1) + m.group(3) + m.group(2), text)


def _repeated_edges(pages: list[list[_Line]]) -> frozenset[tuple[str, int]]:
    """The lines at the top or bottom of most pages, in the same place on each: running heads
    and feet (their digits masked: the page number changes)."""
    with_text = [lines for lines in pages if lines]
    if len(with_text) < 2:
        return frozenset()
    counts: Counter[tuple[str, int]] = Counter()
    for lines in with_text:
        counts.update({_running_key(lines[i]) for i in _edges(len(lines))})
    return frozenset(key for key, n in counts.items() if n >= max(2, 0.6 * len(with_text)))


def _running_key(line: _Line) -> tuple[str, int]:
    return _digits_masked(line.text), round(line.centre / 6)


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
