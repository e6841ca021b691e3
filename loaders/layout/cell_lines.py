"""Tables flattened to one cell per line: what a web page's table becomes when its HTML is turned into text.

Some hosts (a district's own site and the mirrors that copy it, county portals) publish a table as HTML; the
text of such a page keeps the cells in reading order, one cell per line, each ended by ``|``, an empty cell as a
bare ``|``::

    項 目 |            <- header: k cells
    預 算 數 |
    決 算 數 |
    合 計 |            <- a row: its label, then k − 1 cells
    49.9 |
    7.69 |
    因公出國(境)費 |
    20 |
    |                  <- an empty cell

Column positions are gone, so the general reader (``general.py``) cannot place these numbers by position. This
reader places them by order alone, and only when the order leaves no doubt:

* a *run* is a sequence of consecutive lines that each hold one cell (text, an amount, or nothing) ended by ``|``;
* its header is the cells before the first row label: the first cell followed by an amount is the first row's
  label, the k cells before it the header (k ≥ 2: a label column and at least one value column);
* every following group of k cells must be a row: a label (not an amount), then k − 1 amounts, dashes or empty
  cells. A run that ends inside a row's label (an excerpt cut short) ends the table there.

Anything else (a header over two levels, a cell that vanished so that a label stands where an amount should, several
cells on one line) is not guessed: every amount of the run is reported as ``LOAD-UNPLACED-FIGURE`` with its line and
the reason. Labels and column headers are landed as read (traditional characters simplified and pinyin glosses
dropped, spaces between characters removed: ``預(yù) 算 數(shù)`` → ``预算数``), and so is the table's title; ``raw_text``
keeps the printed line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.layout.figures import row_kind, table_figure
from loaders.layout.rows import DASH_VALUES, Line, is_amount
from loaders.layout.tables import UNIT_RE
from loaders.records import Figure, Finding
from loaders.statements.script import reading_text

UNPLACED_RULE = "LOAD-UNPLACED-FIGURE"
# one cell ended by a bar: "合 計 |", "49.9 |", "|" (an empty cell); a second bar on the line is a second cell
CELL_LINE_RE = re.compile(r"^\s*(?P<cell>[^|]*?)\s*\|\s*$")
MIN_ROWS = 1
MAX_COLUMNS = 12


@dataclass
class _Cell:
    text: str  # as read (simplified, no spaces)
    line: Line

    @property
    def empty(self) -> bool:
        return not self.text

    @property
    def value_like(self) -> bool:
        """An amount, a dash or nothing: what may stand in a value column."""
        return self.empty or self.text in DASH_VALUES or is_amount(self.text)


def _cell_of(line: Line) -> _Cell | None:
    if not line.raw_text.rstrip().endswith("|"):
        return None  # (a cheap test first)
    match = CELL_LINE_RE.match(line.raw_text)
    if match is None:
        return None
    return _Cell(re.sub(r"\s+", "", reading_text(match.group("cell"))), line)


def cell_runs(lines: list[Line]) -> list[tuple[int, int]]:
    """(first, last) indexes of every run of one-cell lines that prints at least one amount and one label."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if _cell_of(lines[i]) is None:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and _cell_of(lines[j + 1]) is not None:
            j += 1
        cells = [_cell_of(line) for line in lines[i:j + 1]]
        if any(is_amount(c.text) for c in cells) and any(not c.value_like for c in cells):
            runs.append((i, j))
        i = j + 1
    return runs


def _title_and_unit(lines: list[Line], start: int) -> tuple[str | None, str | None]:
    title = unit = None
    for back in range(start - 1, max(-1, start - 4), -1):
        text = reading_text(lines[back].text)
        match = UNIT_RE.search(text)
        if match and unit is None:
            unit = match.group("unit")
            continue
        if text.endswith("表") and title is None:
            title = text
            break
        if _cell_of(lines[back]) is None and not match:
            break
    return title, unit


@dataclass
class _Shape:
    header: list[_Cell]  # the column names, the label column's first
    halves: int  # 1, or 2 for a table printed in two halves side by side (收入 | 执行数 | 支出 | 执行数)
    separated: bool  # every row (and the header) opened by an empty cell


def _shape(cells: list[_Cell]) -> tuple[_Shape, int] | str:
    """The header and where the first row starts, or the reason the run has no header this reader trusts."""
    first_amount = next((k for k, c in enumerate(cells) if is_amount(c.text)), None)
    if first_amount is None or first_amount < 3:
        return "the cells before the first number are too few to be a header and a row label"
    header, start, separated = cells[:first_amount - 1], first_amount - 1, False
    if len(header) >= 4 and header[0].empty and header[-1].empty:
        # an empty cell opens the header and every row (a blank first column): header and rows without it
        header, start, separated = header[1:-1], start - 1, True
    if len(header) < 2 or len(header) > MAX_COLUMNS or any(c.value_like for c in header):
        return "the cells before the first number are not a header of column names"
    half = len(header) // 2
    halves = 2 if (len(header) % 2 == 0 and half >= 2
                   and [c.text for c in header[1:half]] == [c.text for c in header[half + 1:]]) else 1
    return _Shape(header, halves, separated), start


def _rows(cells: list[_Cell]) -> tuple[_Shape, list[list[_Cell]]] | str:
    """(shape, rows: each the cells after any opening empty cell), or the reason the run cannot be read as rows
    of one width."""
    shaped = _shape(cells)
    if isinstance(shaped, str):
        return shaped
    shape, k = shaped
    width = len(shape.header)
    period = width + shape.separated
    labels = [0] if shape.halves == 1 else [0, width // 2]
    rows: list[list[_Cell]] = []
    what = f"rows of {width} cells{' each opened by an empty cell' if shape.separated else ''}, after a header of {width}"
    while k < len(cells):
        group = cells[k:k + period]
        if shape.separated:
            if not group[0].empty:
                return f"line {group[0].line.number} holds text where an empty cell should open row {len(rows) + 1} ({what})"
            group = group[1:]
            if not group:
                break  # an empty cell ends the run
        first = group[0]
        if first.value_like:
            return (f"line {first.line.number} holds a number or nothing where row {len(rows) + 1}'s label should "
                    f"stand ({what})")
        if len(group) < width:
            if any(not c.empty for c in group[1:]) or k + period < len(cells):
                return f"the last row (line {first.line.number}) has fewer cells than the header ({what})"
            break  # the run ends inside a row whose numbers were never printed (a cut excerpt): nothing lost
        for at in range(width):
            cell = group[at]
            if at in labels:
                half_values = group[at + 1:at + width // shape.halves]
                if not cell.value_like or (at > 0 and cell.empty and all(c.empty for c in half_values)):
                    continue  # a label (the second half's may be blank when its cells are: one side is shorter)
                return (f"line {cell.line.number} holds a number or nothing where row {len(rows) + 1}'s label "
                        f"should stand ({what})")
            if not cell.value_like:
                return (f"line {cell.line.number} holds text where a number of row {len(rows) + 1} should stand "
                        f"({what})")
        rows.append(group)
        k += period
    if len(rows) < MIN_ROWS:
        return "no complete row"
    return shape, rows


def read_cell_lines(page_number: int, lines: list[Line], start: int, end: int,
                    figures: list[Figure], findings: list[Finding]) -> None:
    """Place the amounts of the run ``lines[start..end]`` (see the module's docstring) or report every one."""
    cells = [_cell_of(line) for line in lines[start:end + 1]]
    read = _rows(cells)
    if isinstance(read, str):
        for cell in cells:
            if is_amount(cell.text):
                findings.append(Finding(
                    rule_id=UNPLACED_RULE, severity="warning",
                    message=f"numbers on this line were not placed in a table column: a table printed one cell "
                            f"per line whose cells do not fall into rows ({read})",
                    line_start=cell.line.number, line_end=cell.line.number, raw_text=cell.line.raw_text,
                    page=cell.line.page))
        return
    shape, rows = read
    header = shape.header
    span = len(header) // shape.halves
    title, unit = _title_and_unit(lines, start)
    for row in rows:
        for at, (column, cell) in enumerate(zip(header, row)):
            if at % span == 0 or cell.empty or cell.text in DASH_VALUES:
                continue
            label = row[at - at % span].text
            group = header[at - at % span].text if shape.halves > 1 else None
            figure = table_figure(
                cell.text, unit, column.text,
                line_start=cell.line.number, line_end=cell.line.number, raw_text=cell.line.raw_text, page=page_number,
                section=title, table_name=title, row_code=None, row_code_scheme=None,
                row_kind=row_kind(None, label, None), row_label=label, parent_label=group)
            if figure is not None:
                figures.append(figure)
