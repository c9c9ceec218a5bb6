"""Where a PDF page's text sits: its text boxes grouped into blocks (the columns of a newspaper
page, read in the script's direction) and, within a block, into lines, top to bottom.

Pure geometry over PDFium's boxes, in PDF points with y growing upwards: ``pdf.py`` gives each
character to its line.
"""

from __future__ import annotations

import statistics
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

Rect = tuple[float, float, float, float]  # left, bottom, right, top
# PDF pages are at most 200 inches wide (14,400 points); a damaged file's boxes may be anywhere
_WIDEST_PAGE = 14_400


@dataclass(slots=True)
class Band:
    """A line: the boxes whose centres fall within it."""

    bottom: float
    top: float
    left: float
    right: float
    centres: list[float]
    rects: list[Rect]

    @property
    def centre(self) -> float:
        return statistics.median(self.centres)

    @property
    def height(self) -> float:
        return self.top - self.bottom


def blocks(rects: Sequence[Rect], *, rtl: bool) -> list[list[Rect]]:
    """The boxes in reading order of blocks: a page of columns (a newspaper's) cut down its
    gutters, the columns taken right to left in a right-to-left page, what runs across the
    gutter (a headline, a picture's caption) a block of its own where it stands. A page of one
    column is one block."""
    if not rects:
        return []
    usual = max(statistics.median(r[3] - r[1] for r in rects), 1.0)
    return _split(list(rects), rtl=rtl, usual=usual, depth=0)


def _split(rects: list[Rect], *, rtl: bool, usual: float, depth: int) -> list[list[Rect]]:
    lines = bands(rects, keep_all=True)
    gutter = _gutter(lines, usual) if depth < 4 else None
    if gutter is None:
        return [rects]
    low, high = gutter
    middle = (low + high) / 2
    out: list[list[Rect]] = []
    across: list[Rect] = []
    sides: tuple[list[Rect], list[Rect]] = ([], [])

    def columns() -> None:
        first, second = (sides[1], sides[0]) if rtl else sides
        for column in (first, second):
            if column:
                out.extend(_split(list(column), rtl=rtl, usual=usual, depth=depth + 1))
            column.clear()

    for band in lines:
        if _across(band, low, high, usual):
            columns()
            across.extend(band.rects)
        else:
            if across:
                out.append(across)
                across = []
            for r in band.rects:
                sides[(r[0] + r[2]) / 2 >= middle].append(r)
    columns()
    if across:
        out.append(across)
    return out


def _across(band: Band, low: float, high: float, usual: float) -> bool:
    """Whether the line runs across the gutter, or stands in it alone (a page number centred
    under the columns)."""
    return any(r[0] < high and r[2] > low for r in band.rects) or all(
        low - usual <= r[0] and r[2] <= high + usual for r in band.rects
    )


def _gutter(lines: list[Band], usual: float) -> tuple[float, float] | None:
    """The widest vertical strip, a line's height wide at least, that few lines cross (a
    headline may) and that has at least three lines' text on each side."""
    if len(lines) < 6:
        return None
    left_edge = int(min(band.left for band in lines))
    right_edge = int(max(band.right for band in lines)) + 1
    if right_edge - left_edge > _WIDEST_PAGE:
        return None
    coverage = [0] * (right_edge - left_edge + 1)
    for band in lines:
        covered: set[int] = set()
        for r in band.rects:
            covered.update(range(int(r[0]) - left_edge, int(r[2]) - left_edge + 1))
        for x in covered:
            coverage[x] += 1
    allowed = max(2.0, 0.15 * len(lines))  # a headline and a page number may cross it
    best: tuple[float, float] | None = None
    x = 0
    while x < len(coverage):
        if coverage[x] > allowed:
            x += 1
            continue
        end = x
        while end < len(coverage) and coverage[end] <= allowed:
            end += 1
        low, high = left_edge + x, left_edge + end - 1
        wider = best is None or high - low > best[1] - best[0]
        if high - low >= usual and wider and _text_beside(lines, low, high):
            best = (float(low), float(high))
        x = end
    return best


def _text_beside(lines: list[Band], low: float, high: float) -> bool:
    """Whether three lines or more that do not cross the strip have text left of it, and three
    right of it."""
    left = right = 0
    for band in lines:
        if any(r[0] < high and r[2] > low for r in band.rects):
            continue
        left += any(r[2] <= low for r in band.rects)
        right += any(r[0] >= high for r in band.rects)
    return left >= 3 and right >= 3


def bands(rects: Sequence[Rect], *, keep_all: bool = False) -> list[Band]:
    """The boxes grouped into lines, top to bottom. A small band that is also narrow (a quote
    mark or a diacritic drawn apart) is no line: its characters go to the line nearest them. A
    running foot in small type is wide, and stays a line. ``keep_all``: every band, for
    working out the page's columns."""
    found: list[Band] = []
    for left, bottom, right, top in sorted(rects, key=lambda r: -(r[1] + r[3])):
        centre = (bottom + top) / 2
        for band in reversed(found[-4:]):
            if band.bottom <= centre <= band.top:
                band.bottom, band.top = min(band.bottom, bottom), max(band.top, top)
                band.left, band.right = min(band.left, left), max(band.right, right)
                band.centres.append(centre)
                band.rects.append((left, bottom, right, top))
                break
        else:
            found.append(Band(bottom, top, left, right, [centre], [(left, bottom, right, top)]))
    if not found or keep_all:
        return found
    usual = statistics.median(band.height for band in found)
    lines = [
        band for band in found if band.height >= 0.5 * usual or band.right - band.left >= 2 * usual
    ]
    return sorted(lines, key=lambda band: -band.centre)


def nearest(centres: list[float], centre: float) -> int:
    """The index of the band nearest ``centre``; ``centres`` run from the top (largest) down."""
    keys = [-c for c in centres]  # bisect needs ascending keys
    k = bisect_left(keys, -centre)
    near = [j for j in (k - 1, k) if 0 <= j < len(centres)]
    return min(near, key=lambda j: abs(centres[j] - centre))


def block_of(boxes: list[Rect], x: float, y: float) -> int:
    """The block whose box holds the point, else the nearest one."""

    def distance(box: Rect) -> float:
        dx = max(box[0] - x, 0.0, x - box[2])
        dy = max(box[1] - y, 0.0, y - box[3])
        return dx * dx + dy * dy

    return min(range(len(boxes)), key=lambda i: distance(boxes[i]))


def bounds(rects: Sequence[Rect]) -> Rect:
    return (
        min(r[0] for r in rects),
        min(r[1] for r in rects),
        max(r[2] for r in rects),
        max(r[3] for r in rects),
    )
