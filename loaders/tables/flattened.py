"""Tables in text extracted from a PDF, where every cell became a line or a run of a line.

What the extraction leaves, and what this reader relies on:

* pages are separated by two or more empty lines; a table page carries its number alone on a line
  (表三), its title somewhere (a line ending in 表, e.g. 支出预算总表), its unit (单位：万元) and usually
  a line of printed column numbers, possibly with formulas (``1 2 … 9=8÷7 10=11+15``);
* the header cells are scattered over the page, before and after the data, in no usable order;
* a data row keeps its cells in order: function code (``201 03 01``), unit code (``127001``), name, then
  the numbers -- but blank cells have vanished, and a long name may wrap over lines, with the numbers on
  a later line;
* a table can run over several pages, each repeating the table number.

``find_tables`` cuts the document into tables; ``read_table`` matches a table with a layout
(``loaders/tables/layouts.py``), rebuilds its rows (``loaders/tables/solver.py``) and returns the cells it
could place with certainty plus findings for everything else. Nothing here knows a particular document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from decimal import Decimal

from loaders.numbers import PrintedNumber, parse_number
from loaders.records import Finding
from loaders.tables.layouts import LAYOUTS, PRIOR_SLOT, YEAR_SLOT, Layout
from loaders.tables.solver import Formula, Partition, SolverRow, check_partitions, solve
from loaders.vocabulary import (
    GROUP_ROW_LEVELS,
    PHASE_RE,
    UNIT_GROUP_ROW,
    aliases_of,
    canonical_measure,
    is_subtotal_word,
    is_total_word,
    normalize,
)

TABLE_NUMBER_RE = re.compile(r"^表[一二三四五六七八九十]+$")
TITLE_RE = re.compile(r"^[^\d：:，。；、]{2,60}表(?:[（(][^）)]{1,20}[）)])?$")
UNIT_RE = re.compile(r"单位[：:]\s*(?P<unit>万元|千元|亿元|元)")
COLUMN_TOKEN_RE = re.compile(r"^(?P<n>\d{1,2})(?:=(?P<expr>\d{1,2}(?:[+\-÷/×*]\d{1,2})+))?$")
NUMBER_TOKEN_RE = re.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
CODE_RE = re.compile(r"^(?P<func>\d{3}(?:[ \t]\d{2}){0,2})(?:[ \t　]+(?P<unit>\d{6}))?(?=[\s　]|$)|^(?P<unit_only>\d{6})(?=[\s　]|$)")
_SPACED_CHARS = re.compile(r"(?<![^\s　])([\u4e00-\u9fff])(?:[ 　]+(?=[\u4e00-\u9fff](?:[\s　]|$)))")


@dataclass
class Line:
    number: int  # 1-based line of the document
    text: str


@dataclass
class Token:
    number: PrintedNumber
    percent: bool
    line: int


@dataclass
class Row:
    start_line: int
    lines: list[Line] = field(default_factory=list)
    func_code: str | None = None  # digits only
    unit_code: str | None = None
    name_parts: list[str] = field(default_factory=list)
    description_parts: list[str] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    open: bool = True  # still waiting for its numbers
    blocks: int = 0  # blank lines seen since the row started
    name_block: int = -1  # block of the name when it did not stand on the code line (-1: on the code line)
    kind: str = "item"
    rank: int = 5
    dimension: str = "unit"
    parent: int | None = None

    @property
    def label(self) -> str:
        return "".join(self.name_parts)

    @property
    def raw_text(self) -> str:
        return "\n".join(line.text.strip() for line in self.lines if line.text.strip())


@dataclass
class FlatTable:
    number: str  # 表三
    pages: list[tuple[int, int]]  # (first line, last line) of each page
    title: str | None = None
    title_line: int | None = None
    unit: str | None = None
    column_count: int | None = None
    printed_formulas: list[tuple[int, str, tuple[int, ...], str]] = field(default_factory=list)
    header_lines: list[Line] = field(default_factory=list)
    body_lines: list[Line] = field(default_factory=list)  # lines after the column numbers, per page

    @property
    def name(self) -> str:
        return f"{self.number} {self.title}" if self.title else self.number

    @property
    def last_line(self) -> int:
        return self.pages[-1][1]


@dataclass
class Column:
    index: int  # 0-based among value columns
    number: int | None  # printed column number
    path: tuple[str, ...]
    measure: str
    phase: str | None
    is_rate: bool

    @property
    def label(self) -> str:
        return "/".join(self.path)


@dataclass
class Cell:
    table: FlatTable
    row: Row
    token: Token
    column: Column | None  # None for two-sided tables (see side)
    side: tuple[str, str] | None = None
    row_measure: str | None = None


@dataclass
class TableResult:
    table: FlatTable
    layout: Layout | None
    rows: list[Row] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    # two-sided tables: item header of a side -> measure of a row -> printed value (0 for a printed blank)
    side_values: dict[str, dict[str, Decimal]] = field(default_factory=dict)


# --- cutting the document -------------------------------------------------------------------------

def split_pages(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) 1-based line numbers of each page; pages are separated by >= 2 empty lines."""
    pages: list[tuple[int, int]] = []
    start = 1
    empty = 0
    for number, text in enumerate(lines, start=1):
        if text == "":
            empty += 1
            continue
        if empty >= 2 and number - empty > start:
            pages.append((start, number - empty - 1))
            start = number
        empty = 0
    if start <= len(lines):
        pages.append((start, len(lines)))
    return pages


def collapse_spaced(text: str) -> str:
    """合  计 -> 合计, 本　年　收　入　合　计 -> 本年收入合计 (single characters spaced out)."""
    previous = None
    while previous != text:
        previous = text
        text = _SPACED_CHARS.sub(r"\1", text)
    return text


def _column_line(text: str) -> tuple[int, list[tuple[int, str, tuple[int, ...], str]]] | None:
    tokens = text.split()
    if len(tokens) < 2:
        return None
    formulas = []
    for expected, token in enumerate(tokens, start=1):
        m = COLUMN_TOKEN_RE.match(token)
        if not m or int(m.group("n")) != expected:
            return None
        if m.group("expr"):
            expr = m.group("expr")
            operands = tuple(int(x) for x in re.split(r"[+\-÷/×*]", expr))
            op = "ratio" if re.search(r"[÷/]", expr) else "sum"
            if op == "sum" and re.search(r"[\-×*]", expr):
                continue  # only sums and ratios are understood; others are not used
            formulas.append((expected, op, operands, token))
    return len(tokens), formulas


def find_tables(lines: list[str]) -> list[FlatTable]:
    tables: list[FlatTable] = []
    for first, last in split_pages(lines):
        page = [Line(n, lines[n - 1]) for n in range(first, last + 1)]
        marker = next((ln for ln in page if TABLE_NUMBER_RE.match(ln.text.strip())), None)
        if marker is None:
            continue
        number = marker.text.strip()
        if tables and tables[-1].number == number and tables[-1].pages[-1][1] < first:
            table = tables[-1]
        else:
            table = FlatTable(number=number, pages=[])
            tables.append(table)
        table.pages.append((first, last))
        column_at = None
        for ln in page:
            stripped = ln.text.strip()
            if column_at is None:
                parsed = _column_line(stripped)
                if parsed:
                    column_at = ln.number
                    count, formulas = parsed
                    if table.column_count is None:
                        table.column_count = count
                        table.printed_formulas = formulas
                    continue
            if not stripped or ln is marker:
                continue
            unit = UNIT_RE.search(stripped)
            if unit and table.unit is None:
                table.unit = unit.group("unit")
            # (a cheap test first: a title ends in 表, which normalize keeps)
            if table.title is None and "表" in stripped and TITLE_RE.match(normalize(stripped)) \
                    and not stripped.startswith("第"):
                table.title = re.sub(r"\s+", "", stripped)
                table.title_line = ln.number
        for ln in page:
            if ln is marker:
                continue
            if column_at is not None and ln.number > column_at:
                table.body_lines.append(ln)
            elif column_at is None or ln.number < column_at:
                table.header_lines.append(ln)
    return tables


# --- rows -------------------------------------------------------------------------------------------

def _split_line(text: str, function_codes: bool = True) -> tuple[str | None, str | None, str, list[tuple[str, bool]]]:
    """A line -> (function code digits, unit code, middle text, trailing number tokens)."""
    body = text.strip().strip("　").strip()
    func = unit = None
    m = CODE_RE.match(body)
    if m and not function_codes and not m.group("unit_only"):
        m = None
    if m:
        if m.group("unit_only"):
            unit = m.group("unit_only")
        else:
            func = re.sub(r"\s", "", m.group("func"))
            unit = m.group("unit")
        body = body[m.end():]
    parts = body.split()
    numbers: list[tuple[str, bool]] = []
    while parts and NUMBER_TOKEN_RE.match(parts[-1]):
        token = parts.pop()
        numbers.insert(0, (token.rstrip("%"), token.endswith("%")))
    middle = " ".join(parts)
    return func, unit, middle, numbers


def parse_rows(table: FlatTable, with_description: bool, function_codes: bool = True
               ) -> tuple[list[Row], list[Finding], list[Line]]:
    rows: list[Row] = []
    findings: list[Finding] = []
    header: list[Line] = []
    current: Row | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            current.open = False
            rows.append(current)
        current = None

    for ln in table.body_lines:
        if not ln.text.strip():
            if current is not None and current.open:
                current.blocks += 1
            continue
        func, unit, middle, numbers = _split_line(ln.text, function_codes)
        middle_c = collapse_spaced(middle).strip()
        tokens = [Token(parse_number(t), pct, ln.number) for t, pct in numbers]
        starts_row = func is not None or unit is not None or (middle_c and tokens)
        if starts_row:
            close()
            current = Row(start_line=ln.number, lines=[ln], func_code=func, unit_code=unit)
            if middle_c:
                if with_description and " " in middle_c.strip():
                    name, description = middle_c.strip().split(None, 1)
                    current.name_parts.append(name)
                    current.description_parts.append(description)
                else:
                    current.name_parts.append(re.sub(r"[ 　]+", "", middle_c))
            if tokens:
                current.tokens = tokens
                close()
            continue
        if current is not None and current.open:
            current.lines.append(ln)
            if middle_c:
                text = re.sub(r"[ 　]+", "", middle_c)
                if not with_description or not current.name_parts:
                    current.name_parts.append(text)
                    current.name_block = current.blocks
                elif current.name_block == current.blocks and current.name_block >= 0 and \
                        not current.description_parts:
                    current.name_parts.append(text)
                else:
                    current.description_parts.append(middle_c.strip())
            if tokens:
                current.tokens = tokens
                close()
            continue
        if tokens:
            findings.append(Finding(
                rule_id="LOAD-UNPLACED-FIGURE", severity="warning",
                message=f"{table.name}: numbers {[t.number.text for t in tokens]} stand on a line that belongs "
                        "to no row; not landed",
                line_start=ln.number, line_end=ln.number, raw_text=ln.text.strip()))
            continue
        header.append(ln)
    if current is not None:
        rows.append(current)  # still open: the text ended before its numbers
    return rows, findings, header


def classify_rows(rows: list[Row]) -> None:
    """Kind, rank and dimension of every row, and its parent (the row whose total it is part of)."""
    for index, row in enumerate(rows):
        label = normalize(row.label)
        bare = re.sub(r"^其中:", "", label)
        if row.func_code and not row.unit_code:
            row.dimension = "function"
            row.rank = {3: 1, 5: 2, 7: 3}.get(len(row.func_code), 3)
            row.kind = {3: "class", 5: "section", 7: "item"}.get(len(row.func_code), "item")
        elif row.func_code:
            row.rank = 5
            row.kind = {3: "class", 5: "section", 7: "item"}.get(len(row.func_code), "item")
        elif row.unit_code:
            open_unit = any(r.unit_code == row.unit_code and r.kind == "unit" for r in rows[:index])
            row.rank, row.kind = (5, "item") if open_unit else (2, "unit")
        elif is_total_word(bare):
            row.rank, row.kind = 0, "total"
        elif is_subtotal_word(bare):
            row.rank, row.kind = 0, "subtotal"
        elif UNIT_GROUP_ROW.match(bare):
            row.rank, row.kind = 1, "subtotal"
        elif bare in GROUP_ROW_LEVELS:
            row.rank, row.kind = GROUP_ROW_LEVELS[bare], "subtotal"
        else:
            row.rank, row.kind = 5, "item"
        for back in range(index - 1, -1, -1):
            candidate = rows[back]
            if candidate.rank < row.rank and (candidate.rank == 0 or candidate.dimension == row.dimension):
                row.parent = back
                break


# --- layouts ---------------------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def _word_forms(word: str) -> tuple[str, ...]:
    """The printed forms a layout word may take in a header: itself, without its bracketed tail, the
    aliases of its measure (empty forms left out)."""
    key = normalize(word)
    options = {key, re.sub(r"\([^)]*\)$", "", key)}
    measure = canonical_measure(word)
    if measure:
        options.update(aliases_of(measure))
    return tuple(sorted(o for o in options if o))


def _present(word: str, header: str) -> bool:
    return any(o in header for o in _word_forms(word))


# A phase word printed over a block of columns (2019年预算, 2018年调整后预算, 2018年预算执行), in normalised text.
PHASE_WORD_RE = re.compile(r"(?P<year>20\d{2})年度?(?:调整后预算|年初预算|预算执行|预算|决算|执行)")


def printed_years(text: str) -> set[int]:
    """Years of the phase words in normalised header text."""
    return {int(m.group("year")) for m in PHASE_WORD_RE.finditer(text)}


def _layout_words(layout: Layout) -> set[str]:
    words = set(layout.key_columns)
    for path in layout.value_columns:
        words.update(path.split("/"))
    for item, amount in layout.sides:
        words.update((item, amount))
    return words


def _budget_year(layout: Layout, header: str, fiscal_year: int | None, partial: bool = False
                 ) -> tuple[int | None, str]:
    """The budget year of a table whose layout names years, or (None, why not).

    A year Y fits when the header prints every word of the layout with Y and Y-1 filled in (2019年预算 and
    2018年预算 for a 2019 budget) -- or, for a ``partial`` header (a table cut short, matched by its shape),
    when every year it prints is Y or Y-1. With the document's fiscal year known, that year must fit;
    without it, exactly one year must. A header that prints no year takes the document's fiscal year."""
    printed = printed_years(header)
    if not printed:
        if fiscal_year is None:
            return None, (f"{layout.name}: the header prints no year and the document's fiscal year is not "
                          "known, so the year of its columns cannot be told")
        return fiscal_year, ""
    candidates = sorted({y for p in printed for y in (p, p + 1)} | ({fiscal_year} if fiscal_year else set()))
    fitting = [y for y in candidates if (partial and printed <= {y, y - 1})
               or all(_present(w, header) for w in _layout_words(layout.at_year(y)))]
    if fiscal_year is not None:
        if fiscal_year in fitting:
            return fiscal_year, ""
        return None, (f"{layout.name}: the header does not print the columns of the fiscal year {fiscal_year} "
                      f"(it prints the years {sorted(printed)}; they fit {fitting or 'no budget year'})")
    if len(fitting) == 1:
        return fitting[0], ""
    if not fitting:
        return None, (f"{layout.name}: the years printed in the header ({sorted(printed)}) do not give its "
                      "columns (a budget year and the year before)")
    return None, f"{layout.name}: the header fits the budget years {fitting}; which one is not certain"


def match_layout(table: FlatTable, fiscal_year: int | None = None) -> tuple[Layout | None, str]:
    """The layout of a table, with its years filled in (``Layout.at_year``), and a note when it was taken by
    shape alone; or None and the reasons no layout fits. ``fiscal_year``: the document's; when known, the
    header must fit it, and it stands in for a header that prints no year (see ``_budget_year``). Two-sided
    layouts come back with their years unfilled: ``read_two_sided`` reads them from their header line."""
    # Header cells stand before and after the data; row names in between do no harm to a presence test.
    header = None  # the header normalised once it is needed (for speed: a table no layout names never needs it)
    title = normalize(table.title or "")
    reasons = []
    for layout in LAYOUTS:
        if title not in {normalize(t) for t in layout.titles}:
            continue
        if layout.kind == "two_sided":
            return layout, ""
        count = len(layout.key_columns) + len(layout.value_columns)
        if table.column_count != count:
            reasons.append(f"{layout.name}: {count} columns, the table prints {table.column_count}")
            continue
        if header is None:
            header = normalize("".join(ln.text for ln in table.header_lines + table.body_lines))
        missing = sorted(w for w in _layout_words(layout)
                         if YEAR_SLOT not in w and PRIOR_SLOT not in w and not _present(w, header))
        if missing:
            reasons.append(f"{layout.name}: header lacks {missing}")
            continue
        if layout.needs_year:
            year, why = _budget_year(layout, header, fiscal_year)
            if year is None:
                reasons.append(why)
                continue
            layout = layout.at_year(year)
        return layout, ""
    if table.title is None and table.column_count:
        # No title (the text may stop before it): the one layout of this column count whose printed
        # words all appear -- or, cut short, whose key columns appear -- is taken, and said so.
        if header is None:
            header = normalize("".join(ln.text for ln in table.header_lines + table.body_lines))
        shaped = {layout.name: layout for layout in LAYOUTS if layout.kind == "grid"
                  and len(layout.key_columns) + len(layout.value_columns) == table.column_count
                  and all(_present(w, header) for w in layout.key_columns[:3])}
        if len(shaped) == 1:
            layout = next(iter(shaped.values()))
            note = f"no title printed; layout {layout.name} is the only one with {table.column_count} columns"
            if layout.needs_year:
                year, why = _budget_year(layout, header, fiscal_year, partial=True)
                if year is None:
                    return None, f"{note}, but {why}"
                layout = layout.at_year(year)
            return layout, note
    return None, "; ".join(reasons) or f"no layout for the title {table.title!r}"


def layout_columns(layout: Layout, table: FlatTable) -> list[Column]:
    columns = []
    first = len(layout.key_columns) + 1
    for index, path_text in enumerate(layout.value_columns):
        path = tuple(path_text.split("/"))
        phase = path[0] if PHASE_RE.match(normalize(path[0])) else None
        inner = path[1:] if phase else path
        leaf = inner[-1] if inner else path[-1]
        measure = canonical_measure(leaf) if inner else "budget_amount"
        if measure == "total" and len(inner) > 1:
            measure = canonical_measure(inner[-2]) or "total"
        columns.append(Column(index=index, number=first + index if table.column_count else None, path=path,
                              measure=measure or normalize(leaf), phase=phase,
                              is_rate=path_text in layout.rate_columns))
    return columns


def layout_formulas(layout: Layout, columns: list[Column], table: FlatTable) -> list[Formula]:
    formulas: list[Formula] = []
    by_path = {c.path: c.index for c in columns}

    def total_of(prefix: tuple[str, ...]) -> int | None:
        if prefix in by_path:
            return by_path[prefix]
        for c in columns:
            if c.path[:-1] == prefix and len(c.path) == len(prefix) + 1 and (
                    is_total_word(c.path[-1]) or is_subtotal_word(c.path[-1])):
                return c.index
        return None

    groups = {c.path[:i] for c in columns for i in range(0, len(c.path))}
    for group in sorted(groups, key=len):
        if "/".join(group) in layout.breakdown_groups:
            continue
        children = sorted({c.path[: len(group) + 1] for c in columns if c.path[: len(group)] == group
                           and len(c.path) > len(group)})
        total = next((by_path[p] for p in children if p in by_path and (
            is_total_word(p[-1]) or is_subtotal_word(p[-1]))), None)
        if total is None:
            continue
        operands = []
        for child in children:
            if child in by_path and by_path[child] == total:
                continue
            index = total_of(child)
            if index is None or columns[index].is_rate:
                operands = []
                break
            operands.append(index)
        if operands:
            formulas.append(Formula(total, tuple(operands), "sum", "header " + "/".join(group or ("(table)",))))
    offset = len(layout.key_columns) + 1
    for result, op, operands, text in table.printed_formulas:
        try:
            formulas.append(Formula(result - offset, tuple(o - offset for o in operands), op, "printed " + text))
        except TypeError:  # pragma: no cover
            continue
    return [f for f in formulas if f.result >= 0 and all(o >= 0 for o in f.operands)]


# --- reading ---------------------------------------------------------------------------------------

def read_two_sided(table: FlatTable, layout: Layout, fiscal_year: int | None = None) -> TableResult:
    result = TableResult(table=table, layout=layout)
    lines = [ln for first, last in table.pages for ln in table.header_lines + table.body_lines
             if first <= ln.number <= last]
    lines.sort(key=lambda ln: ln.number)
    header_at = None
    for ln in lines:
        text = normalize(ln.text)
        if all(normalize(item) in text for item, _ in layout.sides):
            header_at = ln.number
            break
    if header_at is None:
        result.findings.append(Finding("LOAD-UNKNOWN-TABLE-LAYOUT", "error",
                                       f"{table.name}: the header line naming {layout.sides} was not found",
                                       line_start=table.pages[0][0], line_end=table.pages[0][0]))
        return result
    if layout.needs_year:
        header_text = normalize(next(ln.text for ln in lines if ln.number == header_at))
        year, why = _budget_year(layout, header_text, fiscal_year)
        if year is None:
            for ln in lines:
                if ln.number > header_at and any(NUMBER_TOKEN_RE.match(p) for p in ln.text.split()):
                    result.findings.append(Finding(
                        "LOAD-UNPLACED-FIGURE", "warning",
                        f"{table.name}: the year of its amount columns is not certain ({why}); the numbers "
                        "of this line are not landed", line_start=ln.number, line_end=ln.number,
                        raw_text=ln.text.strip()))
            return result
        layout = layout.at_year(year)
        result.layout = layout
    for ln in lines:
        if ln.number <= header_at or not ln.text.strip():
            continue
        parts = collapse_spaced(ln.text.strip()).split()
        cells: list[tuple[str, list[str]]] = []
        for part in parts:
            if NUMBER_TOKEN_RE.match(part):
                if not cells:
                    cells.append(("", []))
                cells[-1][1].append(part)
            else:
                cells.append((part, []))
        if len(cells) == len(layout.sides) and all(label for label, _ in cells):
            for side, (label, nums) in zip(layout.sides, cells):
                measure = canonical_measure(label)
                if measure and len(nums) <= 1:
                    value = parse_number(nums[0]).value if nums else Decimal(0)
                    result.side_values.setdefault(side[0], {}).setdefault(measure, value)
        if not any(nums for _, nums in cells):
            continue
        if len(cells) != len(layout.sides) or any(len(nums) > 1 for _, nums in cells) or not all(
                label for label, _ in cells):
            result.findings.append(Finding(
                "LOAD-UNPLACED-FIGURE", "warning",
                f"{table.name}: cannot tell which side the numbers of this line belong to; not landed",
                line_start=ln.number, line_end=ln.number, raw_text=ln.text.strip()))
            continue
        for side, (label, nums) in zip(layout.sides, cells):
            if not nums:
                continue
            row = Row(start_line=ln.number, lines=[ln], name_parts=[label], open=False)
            label_n = normalize(label)
            row.kind = "total" if label_n.endswith(("合计", "总计")) else "item"
            number = parse_number(nums[0])
            result.rows.append(row)
            result.cells.append(Cell(table=table, row=row, token=Token(number, False, ln.number), column=None,
                                     side=side, row_measure=canonical_measure(label)))
    return result


def read_table(table: FlatTable, evidence: dict[str, Decimal] | None = None,
               fiscal_year: int | None = None) -> TableResult:
    """Read one table. ``evidence`` (measure -> value, 0 for a printed blank) pins the columns of the
    table's first total row to figures printed elsewhere in the document (e.g. the 收支总表).
    ``fiscal_year``: the document's, for the years of the columns (see ``match_layout``)."""
    layout, reason = match_layout(table, fiscal_year)
    if layout is not None and layout.kind == "two_sided":
        return read_two_sided(table, layout, fiscal_year)
    result = TableResult(table=table, layout=layout)
    if layout is not None and reason:
        result.findings.append(Finding("LOAD-LAYOUT-BY-SHAPE", "warning", f"{table.name}: {reason}",
                                       line_start=table.pages[0][0], line_end=table.pages[0][0]))
    rows, findings, _header = parse_rows(table, bool(layout and layout.text_columns),
                                         function_codes=bool(layout and "类" in layout.key_columns))
    result.rows = rows
    result.findings.extend(findings)
    if layout is None:
        for row in rows:
            if row.tokens:
                result.findings.append(Finding(
                    "LOAD-UNPLACED-FIGURE", "warning",
                    f"{table.name}: the columns of this table are not known ({reason}); numbers "
                    f"{[t.number.text for t in row.tokens]} not landed",
                    line_start=row.start_line, line_end=row.lines[-1].number, raw_text=row.raw_text))
        return result
    for row in rows:
        if row.description_parts and not row.name_parts:
            row.name_parts, row.description_parts = row.description_parts[:1], row.description_parts[1:]
    classify_rows(rows)
    columns = layout_columns(layout, table)
    result.columns = columns
    formulas = layout_formulas(layout, columns, table)
    rate_cols = {c.index for c in columns if c.is_rate}
    rate_scale = {c.index: Decimal(100) for c in columns if c.is_rate}
    solver_rows = [SolverRow(tokens=[t.number for t in row.tokens], percent=[t.percent for t in row.tokens])
                   for row in rows]
    if evidence:
        first_total = next((i for i, r in enumerate(rows) if r.kind == "total" and r.tokens), None)
        if first_total is not None:
            for column in columns:
                if column.measure in evidence:
                    solver_rows[first_total].fixed[column.index] = evidence[column.measure]

    # Partitions: the children of a row (through rows that print no numbers), grouped by kind of breakdown.
    def effective_parent(i: int) -> int | None:
        parent = rows[i].parent
        while parent is not None and not rows[parent].tokens:
            parent = rows[parent].parent
        return parent

    groups: dict[tuple[int, str, int], list[int]] = {}
    for i, row in enumerate(rows):
        if not row.tokens:
            continue
        parent = effective_parent(i)
        if parent is not None:
            groups.setdefault((parent, row.dimension, row.rank), []).append(i)
    partitions = [Partition(parent, tuple(children)) for (parent, _, _), children in groups.items()]
    outcomes = solve(solver_rows, len(columns), rate_cols, formulas, partitions, rate_scale)
    for i, (row, outcome) in enumerate(zip(rows, outcomes)):
        if outcome.status == "resolved":
            for token, col in zip(row.tokens, outcome.assignment):
                result.cells.append(Cell(table=table, row=row, token=token, column=columns[col]))
        elif outcome.status in ("ambiguous", "unresolved"):
            names = [" + ".join(f"{t.number.text}->{columns[c].number}" for t, c in zip(row.tokens, a))
                     for a in outcome.alternatives[:6]]
            rule = "LOAD-AMBIGUOUS-ROW" if outcome.status == "ambiguous" else "LOAD-ROW-UNRESOLVED"
            result.findings.append(Finding(
                rule, "error",
                f"{table.name}, row {row.label or row.func_code or row.unit_code}: {outcome.reason}; "
                f"nothing landed for this row" + (f"; candidates (number->column): {names}" if names else ""),
                line_start=row.start_line, line_end=row.lines[-1].number, raw_text=row.raw_text))
    for part, col in check_partitions(solver_rows, outcomes, partitions, len(columns), rate_cols):
        parent = rows[part.parent]
        result.findings.append(Finding(
            "LOAD-ARITHMETIC-MISMATCH", "warning",
            f"{table.name}: column {columns[col].number} ({columns[col].label}) of the rows under "
            f"{parent.label or parent.unit_code or parent.func_code} does not add up to it",
            line_start=parent.start_line, line_end=rows[part.children[-1]].lines[-1].number,
            raw_text=parent.raw_text))
    return result
