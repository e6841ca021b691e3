"""Building blocks of the synthetic documents: printed numbers that remember where they were printed.

A generator writes a document as lines. A line is a list of segments: plain text or a ``Num`` (a
figure the generator made, with the measure and row the parser is expected to land it under). When the
document is rendered, every ``Num`` learns its 1-based line and its column in that line, which gives the
truth file (every generated figure, where it stands) and the places where faults can be injected.

Money is ``Decimal`` throughout; amounts are printed with thousands separators and fixed decimals, as the
publishers print them.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def money(value: Decimal, decimals: int = 2, grouping: bool = True) -> str:
    """1234.5 -> '1,234.50' (grouping) or '1234.50'."""
    quantum = Decimal(1).scaleb(-decimals)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    return f"{rounded:,.{decimals}f}" if grouping else f"{rounded:.{decimals}f}"


def rate(numerator: Decimal, denominator: Decimal, decimals: int = 2) -> Decimal:
    """numerator / denominator in percent, rounded half up to ``decimals``."""
    if denominator == 0:
        return Decimal(0)
    return (numerator * 100 / denominator).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def split_amount(rng: random.Random, total: Decimal, parts: int, minimum: Decimal = CENT) -> list[Decimal]:
    """``total`` split into ``parts`` amounts of at least ``minimum`` that add up to it exactly (to the cent)."""
    cents, floor = int(total / CENT), int(minimum / CENT)
    if cents < parts * floor:
        raise ValueError(f"cannot split {total} into {parts} parts of at least {minimum}")
    spare = cents - parts * floor
    weights = [rng.random() + 0.05 for _ in range(parts)]
    scale = sum(weights)
    shares = [int(spare * w / scale) for w in weights]
    shares[-1] += spare - sum(shares)
    return [Decimal(floor + share) * CENT for share in shares]


def amount(rng: random.Random, low: float, high: float) -> Decimal:
    """A random amount with two decimals in [low, high), log-uniform so that sizes vary by orders."""
    import math

    value = math.exp(rng.uniform(math.log(low), math.log(high)))
    return Decimal(str(round(value, 2))).quantize(CENT)


@dataclass(eq=False)
class Num:
    """A generated figure as printed. ``kind`` says what faults may touch it: amount | rate | change | count."""

    text: str
    measure: str
    unit: str | None = None
    row_label: str | None = None
    label: str | None = None
    table_name: str | None = None
    column_label: str | None = None
    kind: str = "amount"
    expect: bool = True  # False: printed, but not a figure the parser lands (an indicator target, a code)
    line: int = 0  # filled in when rendered
    column: int = 0  # character offset of the number in its line
    row_id: int | None = None  # table row it belongs to (for a dropped-row fault)
    role: str | None = None  # prose only (loaders/synthetic/prose.py): amount, prior_amount, growth_pct, year ...
    group: int | None = None  # prose only: the statement group (one subject's sentence) it belongs to


Segment = str | Num


@dataclass
class Page:
    """Rendered lines; ``nums`` every Num with its line; ``rows`` table rows (first line, last line, id)."""

    lines: list[str] = field(default_factory=list)
    nums: list[Num] = field(default_factory=list)
    rows: dict[int, tuple[int, int]] = field(default_factory=dict)
    droppable: list[int] = field(default_factory=list)  # row ids a fault may drop (detail rows)
    _next_row: int = 0

    def add(self, *segments: Segment) -> int:
        """Append one line made of the segments; return its 1-based number."""
        text = ""
        number = len(self.lines) + 1
        for segment in segments:
            if isinstance(segment, Num):
                segment.line = number
                segment.column = len(text)
                self.nums.append(segment)
                text += segment.text
            else:
                text += segment
        self.lines.append(text)
        return number

    def blank(self, count: int = 1) -> None:
        for _ in range(count):
            self.lines.append("")

    def paragraph(self, segments: list[Segment], width: int, indent: str = "", whole_units: bool = False) -> None:
        """Wrap prose at ``width`` characters; a Num is never split, nor the digits of a number; with
        ``whole_units`` neither are 万元 and 亿元 (a reader that joins wrapped lines meets "5.99万 / 元" in real
        documents, but the 广州 narrative parser does not join a unit)."""
        pattern = r"万元|亿元|[0-9][0-9.,]*[0-9]|." if whole_units else r"[0-9][0-9.,]*[0-9]|."
        current: list[Segment] = [indent] if indent else []
        length = len(indent)
        for segment in segments:
            if isinstance(segment, Num):
                if length + len(segment.text) > width and length > 0:
                    self.add(*current)
                    current, length = [], 0
                current.append(segment)
                length += len(segment.text)
                continue
            # digits (and the separators inside a number) are never split over two lines
            for piece in re.findall(pattern, segment, flags=re.S):
                if length + len(piece) > width and length > 0:
                    self.add(*current)
                    current, length = [], 0
                current.append(piece)
                length += len(piece)
        if current:
            self.add(*current)

    def begin_row(self, droppable: bool = False) -> int:
        self._next_row += 1
        row = self._next_row
        self.rows[row] = (len(self.lines) + 1, len(self.lines) + 1)
        if droppable:
            self.droppable.append(row)
        return row

    def end_row(self, row: int) -> None:
        first, _ = self.rows[row]
        self.rows[row] = (first, len(self.lines))
        for num in self.nums:
            if first <= num.line <= len(self.lines):
                num.row_id = row

    @property
    def text(self) -> str:
        # a form feed stands on a line of its own (it ends that line, as str.splitlines counts it)
        return "".join(line if line == "\f" else line + "\n" for line in self.lines)


@dataclass
class Generated:
    """One generated document before faults: its family, file name, facts and rendered page."""

    family: str
    kind: str
    file_name: str
    fiscal_year: int | None
    department: str
    unit: str
    page: Page
    manifest: bool = True  # write a manifest row (documents that do not print their year need one)
    pdf_cells: list | None = None  # for families with a positioned (PDF) rendering: [(page, x, y, text, align)]
    prose: list = field(default_factory=list)  # prose statement groups (loaders/synthetic/prose.py), for prose faults


def truth_rows(doc: Generated) -> list[dict]:
    rows = []
    for num in doc.page.nums:
        if not num.expect:
            continue
        rows.append({
            "file_name": doc.file_name, "family": doc.family, "line": num.line, "measure": num.measure,
            "table_name": num.table_name or "", "row_label": num.row_label or "", "label": num.label or "",
            "column_label": num.column_label or "", "value_text": num.text, "printed_unit": num.unit or "",
        })
    return rows
