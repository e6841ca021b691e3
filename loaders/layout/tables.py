"""One table interpreter for rows of positioned cells (from a PDF or from layout text).

A table starts at its printed title (a line ending in 表 followed by a 单位：元/万元 line), its header
lines follow, then body lines until the next title, a 注 line, or a page that does not continue it.
The value columns are located in the header by their printed labels (a label may be wrapped over
several header lines: the fragments are joined top to bottom where they overlap horizontally). Each
number of a body line is placed in a value column by position: a monotone matching of the row's
numbers to the columns (numbers and columns both run left to right) that minimises the distance of
each number to its column. A placement is kept only when it is clear: when a second matching is about
as good, or a number stands far from every column, the line is reported as unplaced, never guessed.

Logical rows: a line with a code or a row label anchors a row; a line holding only numbers waits for
the next anchor (PDF cells centre numbers vertically, so they may stand a line above their label);
a line holding only text right after a coded row whose name is still being written continues it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations

from loaders.layout.rows import DASH_VALUES, Cell, Line, Page, is_amount

UNIT_RE = re.compile(r"单位\s*[:：]\s*(?P<unit>亿元|万元|元)")
TOTAL_RE = re.compile(r"^(?:合计|总计|收入总计|支出总计|本年收入合计|本年支出合计)$")
SUBTOTAL_RE = re.compile(r"^小计$")
NOTE_RE = re.compile(r"^注\s*[:：]")
CODE_RE = re.compile(r"^\d{1,3}$")
NO_HEADERS = "column headers not found"
ORDINAL_ITEM_RE = re.compile(r"^[一二三四五六七八九十]+、\S")
_CODE3_RE = re.compile(r"\d{1,3}")  # fullmatch: a 1-3 digit code part
_CODE2_RE = re.compile(r"\d{1,2}")
_LIST_ITEM_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.．]\s*\S)")


def squash(text: str) -> str:
    return "".join(text.split())  # as re.sub(r"\s+", "", text): both use str.isspace


@dataclass(frozen=True)
class ColumnSpec:
    label: str  # printed header label, spaces removed (wrapped fragments joined)
    measure: str
    # other printed forms of the label (regular expression, whole label): a label set in a narrow cell
    # wraps unpredictably (国有资本经营 / 预 / 算 / 算财政拨 / 款) and is matched on its start; a label may
    # carry the year (2024年机关运行经费预算数). ``label`` stays the column's name.
    pattern: str | None = None
    # the group the header prints above the column, when the table repeats its columns under several groups
    # (the two halves of a side-by-side table: 人员经费 | 公用经费); landed as the figure's ``parent_label``
    group: str | None = None

    def matches(self, text: str) -> bool:
        return text == self.label or (self.pattern is not None and re.fullmatch(self.pattern, text) is not None)


@dataclass(frozen=True)
class TableSpec:
    title: re.Pattern  # matches the printed title (spaces removed)
    columns: tuple[ColumnSpec, ...]
    code_scheme: str | None = None  # function | economic | None
    name: str = ""
    # 2: the table is printed twice side by side on the page (人员经费 | 公用经费), each half with its own
    # code, name and value columns; ``columns`` lists the left half's columns, then the right half's
    halves: int = 1


@dataclass
class PlacedColumn:
    spec: ColumnSpec
    x0: float
    x1: float

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class TableRow:
    table_name: str
    spec: TableSpec
    page: int
    lines: list[Line]
    code_parts: list[str] = field(default_factory=list)
    labels: list[Cell] = field(default_factory=list)  # text cells of the row, left to right
    numbers: list[Cell] = field(default_factory=list)
    printed_unit: str | None = None
    label_open: bool = False  # the name may continue on the next line


@dataclass
class PlacedValue:
    row: TableRow
    column: PlacedColumn
    cell: Cell
    row_label: str | None


@dataclass
class Unplaced:
    page: int
    line: int
    raw_text: str
    reason: str


@dataclass
class TableReading:
    values: list[PlacedValue] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    # tables whose title no spec knows: (title, its lines from the title to its end), for the general reader
    unknown_tables: list[tuple[str, list[Line]]] = field(default_factory=list)


# --- header ----------------------------------------------------------------------------------------

def _overlaps(a: Cell, b: Cell, slack: float) -> bool:
    return a.x0 - slack < b.x1 and b.x0 - slack < a.x1


def locate_columns(header: list[Line], spec: TableSpec) -> list[PlacedColumn] | None:
    """Find each expected column label in the header lines; None if one is missing.

    Fragments are joined by their printed extent; the placed column spans to where the label's glyphs
    end (for layout text a CJK label is wider than its character count)."""
    candidates: list[tuple[str, float, float, int, float]] = []  # text, x0, x1, line index, glyph end
    for i, line in enumerate(header):
        for cell in line.cells:
            if is_amount(cell.text):
                continue
            slack = line.char_width * 2
            text, x0, x1, right = squash(cell.text), cell.x0, cell.x1, cell.right
            candidates.append((text, x0, x1, i, right))
            parts = cell.text.split()
            if len(parts) > 1:
                # labels one space apart were joined into one cell: place each by its share of the width
                total = sum(len(p) for p in parts) + len(parts) - 1
                start = 0
                for part in parts:
                    px0 = cell.x0 + (cell.x1 - cell.x0) * start / total
                    px1 = cell.x0 + (cell.x1 - cell.x0) * (start + len(part)) / total
                    candidates.append((part, px0, px1, i, px1))
                    start += len(part) + 1
            # join fragments wrapped over the following header lines
            current = Cell(text, x0, x1)
            for following in header[i + 1 : i + 5]:
                below = [c for c in following.cells if not is_amount(c.text) and _overlaps(current, c, slack)]
                if len(below) != 1:
                    continue
                piece = below[0]
                text = text + squash(piece.text)
                current = Cell(text, min(x0, piece.x0), max(x1, piece.x1))
                x0, x1 = current.x0, current.x1
                right = max(right, piece.right)
                candidates.append((text, x0, x1, i, right))
    placed: list[PlacedColumn] = []
    used: set[tuple[float, float, int]] = set()
    for spec_col in spec.columns:
        found = None
        for text, x0, x1, i, right in sorted(candidates, key=lambda c: (c[1], c[3])):
            if not spec_col.matches(text) or (x0, x1, i) in used:
                continue
            if placed and x0 < placed[-1].x0 - 0.01:
                continue
            found = (x0, x1, i, right)
            break
        if found is None:
            return None
        used.add(found[:3])
        placed.append(PlacedColumn(spec_col, found[0], found[3]))
    return placed


# --- placing numbers -------------------------------------------------------------------------------

@lru_cache(maxsize=256)
def _monotone(n: int, m: int) -> tuple[tuple[int, ...], ...]:
    """Every order-preserving choice of n of m columns, in lexicographic order."""
    return tuple(combinations(range(m), n))


def _assign(numbers: list[Cell], columns: list[PlacedColumn], char_width: float,
            anchors: list[float] | None = None) -> list[int] | None:
    """Monotone matching of numbers to columns by distance; None when it is not clear.

    With ``anchors`` (right edges of the columns on this page, from rows filling every column) the
    distance is between right edges (amounts are right-aligned); otherwise to the printed header."""
    n, m = len(numbers), len(columns)
    if n == 0:
        return []
    if n > m:
        return None

    if n == m:
        # one monotone assignment: every number in its column in order (no second one to compare with,
        # no free neighbouring column)
        return list(range(m))

    # number i can only stand in columns i .. m - n + i of a monotone assignment (a neighbour on either
    # side is compared with it below): the distance of each number to those columns, computed once
    costs: list[dict[int, float]] = []
    for i, cell in enumerate(numbers):
        near = range(max(0, i - 1), min(m, m - n + i + 2))
        if anchors is not None:
            x1 = cell.x1
            costs.append({j: abs(x1 - anchors[j]) for j in near})
            continue
        x0, x1 = cell.x0, cell.x1
        center = (x0 + x1) / 2
        row: dict[int, float] = {}
        for j in near:
            col = columns[j]
            if col.x0 - char_width <= center <= col.x1 + char_width:
                row[j] = 0.0
            else:
                row[j] = min(abs(center - (col.x0 + col.x1) / 2), abs(x1 - col.x1), abs(x0 - col.x0))
        costs.append(row)
    # all monotone assignments (n <= m <= ~8, so enumeration is cheap); sums in the same order as before
    scored = []
    for combo in _monotone(n, m):
        total = 0
        for i, j in enumerate(combo):
            total += costs[i][j]
        scored.append((total, combo))
    scored.sort()
    best_cost, best = scored[0]
    if len(scored) > 1:
        second_cost = scored[1][0]
        if second_cost - best_cost < 2 * char_width:
            return None
    # every number must lie nearer its own column than the neighbouring ones
    for i, j in enumerate(best):
        own = costs[i][j]
        for k in (j - 1, j + 1):
            if 0 <= k < m and k not in best and costs[i][k] <= own:
                return None
    return list(best)


# --- interpreter -----------------------------------------------------------------------------------

def _title_of(line: Line) -> str | None:
    text = line.text
    if text.endswith("表") and not any(is_amount(c.text) for c in line.cells) and len(text) >= 4:
        return text
    return None


def _unit_of(line: Line) -> str | None:
    match = UNIT_RE.search(line.text)
    return match.group("unit") if match else None


def _split_codes(line: Line) -> tuple[list[str], list[Cell]]:
    """Leading code cells: a 3-digit 类 code, then up to two 1-2 digit 款/项 codes, before the row name.
    (An amount never stands before the row name; a lone 3-digit number followed only by amounts is
    still a code when 1-2 digit parts follow it.)"""
    cells = list(line.cells)
    if not cells or not _CODE3_RE.fullmatch(cells[0].text):
        return [], cells
    if len(cells[0].text) < 3:
        # a class code printed short (" 7    11   02   事业单位医疗"): a code only when 款/项 parts and
        # a row name follow it; landed as printed
        parts = 1
        while parts < len(cells) and parts < 3 and _CODE2_RE.fullmatch(cells[parts].text):
            parts += 1
        if parts == 1 or parts >= len(cells) or cells[parts].is_number:
            return [], cells
    codes = [cells[0].text]
    k = 1
    while k < len(cells) and len(codes) < 3 and _CODE2_RE.fullmatch(cells[k].text):
        codes.append(cells[k].text)
        k += 1
    rest = cells[k:]
    if len(codes) == 1 and rest and all(c.is_number for c in rest) and not any("." in c.text for c in rest):
        # "500 300": integers only, nothing says the first is a code
        return [], cells
    return codes, rest


PROSE_PUNCTUATION = set("，。；：！？")
_PROSE_PUNCTUATION_RE = re.compile("[" + "".join(sorted(PROSE_PUNCTUATION)) + "]")  # any of it (no set per line)


def _figure_cells(line: Line) -> list[Cell]:
    """Cells printing an amount; bare 1-3 digit integers (codes, serial numbers) and years (a 4-digit
    number followed by 年) are left out."""
    cells = line.cells
    return [
        c for k, c in enumerate(cells)
        if is_amount(c.text) and not re.fullmatch(r"\d{1,3}", c.text)
        and not (re.fullmatch(r"(?:19|20)\d{2}", c.text) and k + 1 < len(cells) and cells[k + 1].text.startswith("年"))
    ]


def _stray_figures(line: Line) -> bool:
    """A line outside the tables that prints an amount as a cell of its own and is not a sentence.

    Numbers inside the narrative (编制说明, 情况说明) stand in sentences (，。；：); this reader does not
    interpret prose, and those lines are not table figures."""
    if _PROSE_PUNCTUATION_RE.search(line.raw_text):
        return False
    return bool(_figure_cells(line))


class TableInterpreter:
    """Reads every table of a document whose title matches one of ``specs``."""

    def __init__(self, specs: list[TableSpec], title_fix=None):
        self.specs = specs
        self.title_fix = title_fix or (lambda title: title)

    def spec_for(self, title: str) -> TableSpec | None:
        for spec in self.specs:
            if spec.title.search(title):
                return spec
        return None

    def read(self, pages: list[Page]) -> TableReading:
        reading = TableReading()
        flat: list[Line] = [line for page in pages for line in page.lines]
        i = 0
        while i < len(flat):
            line = flat[i]
            title = _title_of(line)
            unit_line = None
            if title:
                for j in range(i + 1, min(i + 4, len(flat))):
                    if flat[j].page == line.page and _unit_of(flat[j]):
                        unit_line = j
                        break
            if title is None or unit_line is None or any(_title_of(flat[k]) for k in range(i + 1, unit_line)):
                if _stray_figures(line):
                    # a number outside every table (e.g. a table whose title was not recognised, or the
                    # continuation of one that could not be followed): reported, never dropped silently
                    reading.unplaced.append(Unplaced(line.page, line.number, line.raw_text,
                                                     "figure outside any recognised table"))
                i += 1
                continue
            title = self.title_fix(title)
            candidates = [spec for spec in self.specs if spec.title.search(title)]
            spec = candidates[0] if candidates else None
            end = self._table_end(flat, unit_line + 1)
            if spec is None:
                reading.unknown_tables.append((title, flat[i:end]))
                for other in flat[unit_line + 1 : end]:
                    # codes (301, 01) are not figures: report lines printing an amount
                    if any(is_amount(c.text) and not re.fullmatch(r"\d{1,3}", c.text) for c in other.cells):
                        reading.unplaced.append(
                            Unplaced(other.page, other.number, other.raw_text, f"table {title!r} has no known layout")
                        )
            else:
                reading.tables.append(title)
                body, unit = flat[unit_line + 1 : end], _unit_of(flat[unit_line])
                # several layouts of one table (財务收支预算总表 with one 预算数 column, or with 合计 /
                # 人员经费 / 公用经费 / 项目支出): the first whose column labels are all in the header
                for k, spec in enumerate(candidates):
                    attempt = TableReading()
                    if spec.halves > 1:
                        self._read_halves(body, title, spec, unit, attempt)
                    else:
                        self._read_table(body, title, spec, unit, attempt)
                    if k == len(candidates) - 1 or not any(u.reason == NO_HEADERS for u in attempt.unplaced):
                        reading.values.extend(attempt.values)
                        reading.unplaced.extend(attempt.unplaced)
                        break
            i = end
        return reading

    def _table_end(self, flat: list[Line], start: int) -> int:
        page = flat[start].page if start < len(flat) else None
        k = start
        while k < len(flat):
            line = flat[k]
            if _title_of(line) and any(_unit_of(x) for x in flat[k + 1 : k + 4]):
                return k
            if NOTE_RE.match(line.text):
                return k + 1
            if line.page != page:
                if not self._continues_page(flat, k):
                    return k
                page = line.page
            k += 1
        return k

    def _continues_page(self, flat: list[Line], k: int) -> bool:
        """A new page continues the table when one of its first lines is a header repeat or a body row
        (and no table title comes first)."""
        page = flat[k].page
        first = flat[k]
        if ORDINAL_ITEM_RE.match(first.text) and not _PROSE_PUNCTUATION_RE.search(first.raw_text) and not _title_of(first):
            # a page starting with the next numbered row name (十四、资源勘探工业信息等支出): the list of
            # a 收支总表 runs on (a heading such as 第三部分 or a sentence does not match)
            return True
        for line in flat[k : k + 3]:
            if line.page != page or _title_of(line):
                return False
            if self._continues(line):
                return True
        return False

    @staticmethod
    def _continues(line: Line) -> bool:
        codes, rest = _split_codes(line)
        if codes:
            return True
        text = line.text
        if text.startswith(("项目", "功能分类", "经济分类")):
            return True
        if any(is_amount(c.text) for c in line.cells):
            return True
        return False

    def _read_halves(self, lines: list[Line], title: str, spec: TableSpec, unit: str | None,
                     reading: TableReading) -> None:
        """Two tables side by side: the header prints its labels twice; the second occurrence of a
        repeated header label marks where the right half starts. Each half is read as a table of its
        own (its lines keep the whole printed line as their raw text)."""
        split = None
        for line in lines[:12]:
            seen: dict[str, Cell] = {}
            for cell in line.cells:
                key = squash(cell.text)
                if is_amount(cell.text) or not key:
                    continue
                if key in seen and cell.x0 > seen[key].x1:
                    split = cell.x0 - line.char_width
                    break
                seen.setdefault(key, cell)
            if split is not None:
                break
        if split is not None:
            # layout text sets a half's digits a few columns left of its CJK header: the right half
            # starts at its class codes (a 3-digit code standing mid-line near the repeated label)
            mid_codes = [c.x0 for line in lines for c in line.cells[1:]
                         if re.fullmatch(r"\d{3}", c.text) and abs(c.x0 - split) <= 8 * line.char_width]
            if mid_codes:
                split = min(split, min(mid_codes) - lines[0].char_width / 2)
        if split is None:
            for line in lines:
                if _figure_cells(line):
                    reading.unplaced.append(Unplaced(line.page, line.number, line.raw_text,
                                                     "side-by-side table: the repeated header was not found"))
            return
        per_half = len(spec.columns) // spec.halves
        bounds = [(float("-inf"), split), (split, float("inf"))]
        for index, (low, high) in enumerate(bounds):
            half_spec = TableSpec(spec.title, spec.columns[index * per_half:(index + 1) * per_half],
                                  spec.code_scheme, spec.name)
            half_lines = []
            for line in lines:
                cells = [c for c in line.cells if low <= c.x0 < high]
                if cells:
                    half = Line(line.page, line.number, cells, line.raw_text, line.top, line.char_width,
                                line.last_number)
                    half_lines.append(half)
            self._read_table(half_lines, title, half_spec, unit, reading)

    def _read_table(self, lines: list[Line], title: str, spec: TableSpec, unit: str | None,
                    reading: TableReading) -> None:
        columns: list[PlacedColumn] | None = None
        header: list[Line] = []
        rows: list[TableRow] = []
        pending: list[Line] = []
        in_header = True
        current_page = lines[0].page if lines else None
        row_columns: dict[int, list[PlacedColumn]] = {}
        for line in lines:
            if line.page != current_page:
                current_page = line.page
                in_header = self._looks_like_header(line, spec)
                if in_header:
                    header = []
            codes, rest = _split_codes(line)
            if self._continues_code(line, codes, rows, pending, columns, spec):
                # the 款 code of the row above, printed on the next line (302 / 01 办公费, or a lone 12
                # beside a name wrapped over three lines)
                row = rows[-1]
                lead = [c for c in line.cells[:2] if re.fullmatch(r"\d{1,2}", c.text)]
                lead = lead[: max(0, (3 if spec.code_scheme == "function" else 2) - len(row.code_parts))]
                row.code_parts.extend(c.text for c in lead)
                extra = [c for c in line.cells[len(lead):]]
                row.labels.extend(c for c in extra if not c.is_number)
                row.lines.append(line)
                row.label_open = True
                continue
            texts = [c for c in rest if not c.is_number]
            nums = [c for c in rest if c.is_number]
            if (texts and not nums and not codes and rows and rows[-1].code_parts and rows[-1].labels
                    and rows[-1].page == line.page and not pending and not in_header
                    and abs(texts[0].x0 - rows[-1].labels[0].x0) <= 2 * line.char_width
                    and not any(TOTAL_RE.match(squash(c.text)) or SUBTOTAL_RE.match(squash(c.text))
                                or ORDINAL_ITEM_RE.match(squash(c.text)) for c in texts)):
                # the last characters of a coded row's name, wrapped under it (…基本养老保险缴 / 费)
                rows[-1].labels.extend(texts)
                rows[-1].lines.append(line)
                continue
            anchor = bool(codes) or any(
                TOTAL_RE.match(squash(c.text)) or SUBTOTAL_RE.match(squash(c.text))
                or (not in_header and squash(c.text).endswith(("合计", "总计")))
                or _LIST_ITEM_RE.match(c.text)
                for c in texts
            ) or (bool(texts) and bool(nums))
            if in_header and anchor and not codes and not (texts and nums):
                # 合计 in a header line is a column label; alone on its line after the header it is a row
                alone = len(texts) == 1 and not nums and TOTAL_RE.match(squash(texts[0].text))
                anchor = bool(alone) and locate_columns(header, spec) is not None
            if in_header and not anchor:
                if texts:
                    header.append(Line(line.page, line.number, texts, line.raw_text, line.top, line.char_width))
                if nums:
                    pending.append(line)
                continue
            if in_header:
                in_header = False
                located = locate_columns(header, spec)
                if located is not None:
                    columns = located
                elif columns is None:
                    for other in lines:
                        if any(is_amount(c.text) for c in other.cells):
                            reading.unplaced.append(Unplaced(other.page, other.number, other.raw_text,
                                                             NO_HEADERS))
                    return
            if anchor:
                row = TableRow(title, spec, line.page, pending + [line], codes, texts, [], unit)
                for waiting in pending:
                    row.numbers.extend(c for c in waiting.cells if c.is_number)
                row.numbers.extend(nums)
                row.label_open = bool(codes) and not texts
                pending = []
                rows.append(row)
                row_columns[id(row)] = columns
            elif texts and not nums and rows and rows[-1].code_parts and (rows[-1].label_open or not rows[-1].labels) \
                    and rows[-1].page == line.page:
                rows[-1].labels.extend(texts)
                rows[-1].lines.append(line)
                rows[-1].label_open = True
            elif nums:
                pending.append(line)
            elif texts:
                # a label without numbers and without code: a row whose cells are all blank
                rows.append(TableRow(title, spec, line.page, [line], [], texts, [], unit))
                row_columns[id(rows[-1])] = columns
        if pending and in_header:
            located = locate_columns(header, spec)
            columns = located if located is not None else columns
        if pending:
            row = TableRow(title, spec, pending[0].page, pending, [], [], [], unit)
            for waiting in pending:
                row.numbers.extend(c for c in waiting.cells if c.is_number)
            rows.append(row)
            row_columns[id(row)] = columns
        anchors = self._page_anchors(rows, row_columns)
        for row in rows:
            if row_columns[id(row)] is None:
                for line in row.lines:
                    if any(c.is_number for c in line.cells):
                        reading.unplaced.append(Unplaced(line.page, line.number, line.raw_text,
                                                         "no column headers above this line"))
                continue
            self._place(row, row_columns[id(row)], reading, anchors.get((row.page, id(row_columns[id(row)]))))

    @staticmethod
    def _continues_code(line: Line, codes: list[str], rows: list[TableRow], pending: list[Line],
                        columns: list[PlacedColumn] | None, spec: TableSpec) -> bool:
        """A line that starts with a 1-2 digit number standing left of every value column, right after
        a row printing only its 3-digit 类 code (and no name yet, or nothing else on this line)."""
        if codes or not rows or pending or columns is None or not spec.code_scheme or not line.cells:
            return False
        row = rows[-1]
        if len(row.code_parts) != 1 or row.page != line.page:
            return False
        first = line.cells[0]
        if not re.fullmatch(r"\d{1,2}", first.text) or first.x1 >= min(c.x0 for c in columns):
            return False
        rest = line.cells[1:]
        if any(c.is_number and c.x1 >= min(col.x0 for col in columns) for c in rest):
            return False
        return not row.labels or not rest

    @staticmethod
    def _looks_like_header(line: Line, spec: TableSpec) -> bool:
        text = line.text
        return text.startswith(("项目", "功能分类", "经济分类")) or any(
            squash(c.text) == col.label for c in line.cells for col in spec.columns
        )

    @staticmethod
    def _page_anchors(rows: list[TableRow], row_columns: dict) -> dict:
        """Right edges of the columns on each page, from rows that fill every column.

        Layout text places a page's words by that page's own scale, so where a continuation page
        repeats no header, a row printing a number in every column shows where the columns are."""
        edges: dict[tuple[int, int], list[list[float]]] = {}
        for row in rows:
            columns = row_columns[id(row)]
            if columns is None or len(row.numbers) != len(columns):
                continue
            numbers = sorted(row.numbers, key=lambda c: c.x0)
            key = (row.page, id(columns))
            edges.setdefault(key, [[] for _ in columns])
            for j, cell in enumerate(numbers):
                edges[key][j].append(cell.x1)
        return {key: [sorted(xs)[len(xs) // 2] for xs in lists] for key, lists in edges.items()}

    @staticmethod
    def _place(row: TableRow, columns: list[PlacedColumn], reading: TableReading,
               anchors: list[float] | None = None) -> None:
        values = [c for c in row.numbers if c.text not in DASH_VALUES]
        numbers = sorted(row.numbers, key=lambda c: c.x0)
        if not numbers:
            return
        char_width = row.lines[-1].char_width
        assignment = _assign(numbers, columns, char_width, anchors)
        if assignment is None:
            for line in row.lines:
                if any(c.is_number for c in line.cells):
                    reading.unplaced.append(Unplaced(line.page, line.number, line.raw_text,
                                                     f"{len(numbers)} number(s) not clearly under the columns"))
            return
        for cell, j in zip(numbers, assignment):
            if cell not in values:
                continue
            column = columns[j]
            left = [t for t in row.labels if t.x1 <= cell.x0]
            label = None
            if left:
                # the row name nearest to the left of the number (side-by-side tables have two)
                nearest = max(left, key=lambda t: t.x1)
                group = [t for t in left if abs(t.x0 - nearest.x0) <= 2 * char_width]
                label = "".join(squash(t.text) for t in group)
            reading.values.append(PlacedValue(row, column, cell, label))
