"""Rows of positioned cells, read from a PDF (pdfplumber) or from column-aligned text (pdftotext -layout).

Both sources give the same abstraction: a document is a list of pages, a page a list of physical lines,
a line a list of cells. A cell is a run of text with its horizontal extent (``x0``..``x1``): PDF points
for a PDF, display columns for layout text (CJK characters count two columns, as
``unicodedata.east_asian_width`` says). Tokens that stand one space apart are one cell (``1. 一般公共预算资金``)
unless one of them is a number, so two amounts printed one space apart stay two cells.

Provenance: ``Line.number`` is the 1-based line of the layout text for text input, and for PDF input
the 1-based index of the reconstructed line within its page (lines are words grouped by their top).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from loaders.records import direct_init

# an amount as printed: sign or opening bracket (ASCII or full-width), digits (full-width too) with
# thousands separators, decimals, closing bracket, percent
AMOUNT_RE = re.compile(r"^[-−－(（]?\d[\d,，]*(?:[.．]\d+)?[)）]?[%％]?$|^[-−－]?[.．]\d+$")
DASH_VALUES = {"-", "—", "－", "–", "——", "--"}


_AMOUNT_FIRST = frozenset("-−－(（.．")  # with a digit (\d: str.isdecimal), what an amount starts with


def is_amount(text: str) -> bool:
    first = text[:1]
    if not (first.isdecimal() or first in _AMOUNT_FIRST):
        return False  # (a cheap test first: a label is no amount)
    return bool(AMOUNT_RE.match(text)) and not text.endswith(".")


@direct_init
@dataclass(frozen=True)
class Cell:
    text: str
    x0: float
    x1: float
    # layout text: where the word's glyphs end. pdftotext puts a word at a character index, but CJK
    # glyphs are twice as wide as the columns it counts, so a header label spans more than its length
    glyph_x1: float | None = None

    @property
    def right(self) -> float:
        return self.glyph_x1 if self.glyph_x1 is not None else self.x1

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def is_number(self) -> bool:
        return is_amount(self.text) or self.text in DASH_VALUES


@dataclass
class Line:
    page: int
    number: int  # provenance line: layout-text line, or line index within the PDF page
    cells: list[Cell]
    raw_text: str
    top: float = 0.0  # vertical position (PDF points, or the line index for text)
    char_width: float = 1.0  # width of one half-width character in this source's x unit
    last_number: int | None = None  # last physical line, when ruled cells joined several lines

    @property
    def numbers(self) -> list[int]:
        return list(range(self.number, (self.last_number or self.number) + 1))

    @property
    def text(self) -> str:
        return "".join("".join(c.text for c in self.cells).split())  # no whitespace (str.isspace, as \s)


@dataclass
class Page:
    number: int
    lines: list[Line] = field(default_factory=list)


_WORDS_AND_GAPS = re.compile(r"\S+|\s+")
_WORDS = re.compile(r"\S+")  # \s is str.isspace: the words of _WORDS_AND_GAPS


def display_width(text: str) -> int:
    if text.isascii():
        return len(text)  # no ASCII character is wide (W) or full-width (F)
    return _wide_text_width(text)


@lru_cache(maxsize=16384)  # row and column names recur in every document of a family
def _wide_text_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _merge_tokens(tokens: list[tuple[str, float, float]], gap_limit: float) -> list[Cell]:
    """Join tokens that stand at most ``gap_limit`` apart, unless one of them is an amount."""
    cells: list[Cell] = []
    for text, x0, x1 in tokens:
        if cells:
            last = cells[-1]
            if x0 - last.x1 <= gap_limit and not is_amount(text) and not is_amount(last.text):
                cells[-1] = Cell(last.text + " " + text, last.x0, x1)
                continue
        cells.append(Cell(text, x0, x1))
    return cells


def pages_from_layout_text(text: str, columns: str = "chars") -> list[Page]:
    """Layout text (pages separated by form feeds) -> pages of lines of cells.

    ``columns="chars"`` measures positions in characters, ``"display"`` in display columns (CJK = 2).
    ``pdftotext -layout`` places every word at a *character* index computed from its x position, so
    for its output a CJK character counts one (with display columns the same column drifts by the
    number of CJK characters to its left: on the real Putuo documents right-aligned amounts of one
    column then stand up to 12 columns apart). Text aligned for display (e.g. typed in an editor)
    needs ``"display"``.

    Line numbers follow ``str.splitlines`` (as ``Document.lines`` does), where a form feed also ends a line.
    """
    measure = display_width if columns == "display" else len
    pages = [Page(1)]
    for number, piece in enumerate(text.splitlines(keepends=True), start=1):
        raw = piece.rstrip("\r\n\f\v\x1c\x1d\x1e\x85\u2028\u2029")
        if raw.strip():
            tokens: list[tuple[str, float, float]]
            if measure is len:
                # a character's column is its offset in the line: the words' spans are their columns (for speed)
                tokens = [(match.group(0), match.start(), match.end()) for match in _WORDS.finditer(raw)]
            else:
                tokens = []
                column = 0
                for match in _WORDS_AND_GAPS.finditer(raw):
                    chunk = match.group(0)
                    width = measure(chunk)
                    if not chunk.isspace():
                        tokens.append((chunk, column, column + width))
                    column += width
            page = pages[-1]
            cells = [Cell(c.text, c.x0, c.x1, c.x0 + display_width(c.text)) for c in _merge_tokens(tokens, 1)]
            page.lines.append(Line(page.number, number, cells, raw, float(number), 1.0))
        if piece.endswith("\f"):
            pages.append(Page(len(pages) + 1))
    while len(pages) > 1 and not pages[-1].lines:
        pages.pop()
    return pages


def pages_from_pdf(data: bytes) -> list[Page]:
    """PDF bytes -> pages of lines of cells in PDF points (pdfplumber words grouped by their top)."""
    import io

    import pdfplumber

    pages: list[Page] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for index, pdf_page in enumerate(pdf.pages, start=1):
            page = Page(index)
            words = pdf_page.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False,
                                           extra_attrs=["size"])
            words.sort(key=lambda w: (round(w["top"], 1), w["x0"]))
            groups: list[list[dict]] = []
            for word in words:
                if groups and _same_line(groups[-1][0], word):
                    groups[-1].append(word)
                else:
                    groups.append([word])
            rules = _horizontal_rules(pdf_page)
            if rules:
                groups = _join_ruled_rows(groups, rules)
            for number, group in enumerate(groups, start=1):
                group.sort(key=lambda w: w["x0"])
                size = max(w["size"] for w in group)
                half = size / 2
                tokens = [(w["text"], w["x0"], w["x1"]) for w in group]
                cells = _merge_tokens(tokens, half * 1.6)
                raw = _raw_line(cells, half)
                line = Line(index, number, cells, raw, group[0]["top"], half)
                first, last = group[0].get("_line"), group[-1].get("_line")
                if first is not None:
                    line.number = min(w["_line"] for w in group)
                    line.last_number = max(w["_line"] for w in group)
                page.lines.append(line)
            pages.append(page)
    return pages


def _same_line(first: dict, word: dict) -> bool:
    """Words of one text line: tops within 2 points, or vertical extents overlapping by half the
    smaller height (digits set in another font stand a few points lower than the CJK around them)."""
    if abs(word["top"] - first["top"]) <= 2.0:
        return True
    overlap = min(first["bottom"], word["bottom"]) - max(first["top"], word["top"])
    return overlap >= 0.5 * min(first["bottom"] - first["top"], word["bottom"] - word["top"])


def _horizontal_rules(pdf_page) -> list[float]:
    """Tops of the ruling lines that cross (most of) the table: cell borders drawn as lines or thin rects."""
    segments: dict[int, list[tuple[float, float]]] = {}
    for edge in list(pdf_page.lines) + list(pdf_page.rects):
        if abs(edge["bottom"] - edge["top"]) > 2 or edge["x1"] - edge["x0"] < 10:
            continue
        segments.setdefault(int(round(edge["top"])), []).append((edge["x0"], edge["x1"]))
    if not segments:
        return []
    left = min(x0 for segs in segments.values() for x0, _ in segs)
    right = max(x1 for segs in segments.values() for _, x1 in segs)
    full = []
    for top, segs in segments.items():
        covered = sum(x1 - x0 for x0, x1 in segs)
        if covered >= 0.6 * (right - left):
            full.append(float(top))
    return sorted(full)


def _join_ruled_rows(groups: list[list[dict]], rules: list[float]) -> list[list[dict]]:
    """Lines standing between the same two ruling lines are one table row (PDF cells centre their
    numbers vertically, so a wrapped row name and its numbers stand on different text lines).
    Words above the first rule or below the last stay on their own lines."""
    import bisect

    joined: list[list[dict]] = []
    last_band = None
    for number, group in enumerate(groups, start=1):
        middle = (group[0]["top"] + group[0]["bottom"]) / 2
        band = bisect.bisect(rules, middle)
        inside = 0 < band < len(rules)
        for word in group:
            word["_line"] = number
        group = _merge_line_words(group)
        if inside and band == last_band and joined:
            joined[-1].extend(group)
        else:
            joined.append(list(group))
        last_band = band if inside else None
    out = []
    for group in joined:
        # words of one cell written on several lines: join them top to bottom
        group.sort(key=lambda w: (w["top"], w["x0"]))
        cells: list[dict] = []
        for word in group:
            target = None
            if not is_amount(word["text"]):
                for cell in cells:
                    if not is_amount(cell["text"]) and cell["x0"] < word["x1"] and word["x0"] < cell["x1"] \
                            and cell["top"] + 1 < word["top"] <= cell["top"] + 1.5 * word["size"]:
                        # the next text line of the same cell (a header above several cells stands further up)
                        target = cell
                        break
            if target is None:
                cells.append(dict(word))
            else:
                target["text"] += word["text"]
                target["x0"], target["x1"] = min(target["x0"], word["x0"]), max(target["x1"], word["x1"])
                target["top"] = word["top"]
                target["_line"] = min(target["_line"], word["_line"])
                target.setdefault("_last", word["_line"])
        cells.sort(key=lambda w: w["x0"])
        out.append(cells)
    return out


def _merge_line_words(group: list[dict]) -> list[dict]:
    """Words of one text line standing as close as the letters of a word (letter-spaced labels such
    as 因 公 出 国 （ 境 ） 费) are one piece before the lines of a ruled row are joined, so that a
    label's wrapped last character (用) is appended after the whole line, not after its first letter."""
    merged: list[dict] = []
    for word in sorted(group, key=lambda w: w["x0"]):
        if merged:
            last = merged[-1]
            if word["x0"] - last["x1"] <= 0.8 * word["size"] and not is_amount(word["text"]) \
                    and not is_amount(last["text"]):
                last["text"] += " " + word["text"]
                last["x1"] = max(last["x1"], word["x1"])
                last["bottom"] = max(last["bottom"], word["bottom"])
                continue
        merged.append(dict(word))
    return merged


def _raw_line(cells: list[Cell], half: float) -> str:
    out = ""
    for cell in cells:
        column = int(round(cell.x0 / half))
        if out:
            out += " " * max(1, column - display_width(out))
        else:
            out = ""
        out += cell.text
    return out.strip()


def pages_of(document) -> list[Page]:
    """The pages of a ``Document``: PDF through pdfplumber, text as layout text. Read once per document
    (detection and parsing both need them); the pages are not modified by their readers."""
    cached = getattr(document, "_layout_pages", None)
    if cached is not None and cached[0] == document.sha256:
        return cached[1]
    pages = pages_from_pdf(document.data) if document.is_pdf else pages_from_layout_text(document.text or "")
    try:
        document._layout_pages = (document.sha256, pages)
    except AttributeError:  # a frozen or slotted stand-in: no cache
        pass
    return pages
