"""Parser for 项目支出绩效目标表 (project expenditure performance targets, one row per project).

Layout (text extracted from the PDF table)::

    部门名称：广州市来穗人员服务管理局 单位：万元
    项目名称（资金使用单位） 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标
    合计 950.00 950.00                                  <- total row
    广州市来穗人员服务管理局 943.00 943.00               <- unit row (no purpose, next row follows)
        专项工作经费 42.00 42.00                         <- project row (name may wrap over lines)
    通过开展专项工作经费项目，……                          <- 绩效目标: the purpose text
    1、1-产出指标；11-数量指标；课题完成率；实施周期指标值:100%；
    年度指标值:100%。2、……                               <- 绩效指标: numbered indicators

What is landed:

* Figures: every row's amounts in 万元 (``row_kind`` total / unit / project; ``subject`` = the unit for
  projects and units; ``row_label`` = the printed row name, wrapped names joined). A blank cell has
  vanished from the text, so a number is put in a column only where that is certain: a row that prints
  all four columns, or only one number (总计). A row that prints 总计 and fewer sources than there are
  source columns (``950.00 950.00``) lands 总计 (the first number, checked to equal the sum of the rest)
  and a ``LOAD-AMBIGUOUS-ROW`` finding for the source amounts, because any source column would satisfy
  the arithmetic. Unit and grand totals are checked against their rows; when they do not add up, a
  ``LOAD-INCOMPLETE-TABLE`` finding says a row may have been missed or misread (figures stay as printed).
* Attributes: ``project_name`` and ``project_purpose`` (the 绩效目标 text) per project.
* Indicators: each numbered indicator prints two values, 实施周期指标值 and 年度指标值. ONE Indicator
  record is landed per printed value: ``value_period_kind`` ``"cycle"`` for 实施周期指标值 and
  ``"annual"`` for 年度指标值, so N printed indicators give 2·N records sharing ``sequence_no`` (the
  printed number), level1/level2 code and name and ``indicator_name``. Indicator text wraps anywhere
  (inside words and numbers): lines are joined with nothing between them, and ``line_start``/
  ``line_end`` are the lines on which the value itself is printed.

The fiscal year is not printed: it comes from the manifest when given, else it stays None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from loaders.documents import Document
from loaders.numbers import parse_number
from loaders.records import Attribute, DocumentFacts, Figure, LayoutMismatch, ParseResult
from loaders.target_forms import CJK_GAP, FormReader, join_lines, raw_lines, require_text, strip_span, value_indicators

NAME = "project_targets"
VERSION = "1.0.0"
KINDS = ("project_targets",)

TABLE_NAME = "项目支出绩效目标表"
COLUMN_MEASURES = {
    "总计": "total",
    "合计": "total",
    "财政拨款": "fiscal_appropriation",
    "财政专户拨款": "special_account_funds",
    "其他资金": "other_funds",
}
TOTAL_LABELS = {"合计", "总计"}
_AMOUNT_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+|\d+\.\d+")
# "1、1-产出指标；…": a list number, then a one- or two-digit level code and a dash (a purpose that starts
# "1、2023-2024年…" has four digits there).
_INDICATOR_START = re.compile(r"^\s*\d+\s*、\s*\d{1,2}\s*-\s*[^\d\s]")
ITEM_RE = re.compile(
    r"(?P<seq>\d+)、(?P<l1c>\d+)-(?P<l1n>[^；;、]{1,20}?)[；;]"
    r"(?P<l2c>\d+)-(?P<l2n>[^；;]{1,30}?)[；;]"
    r"(?P<name>[^；;]{1,80}?)[；;]"
    r"(?:实施周期指标值[:：](?P<cycle>[^；;。]{0,60}?)[；;])?"
    r"年度指标值[:：](?P<annual>[^；;。]{0,60}?)。"
)


# --- rows -------------------------------------------------------------------------------------------
def amount_row(line: str) -> tuple[str, list[str]] | None:
    """'    专项工作经费 42.00 42.00' -> ('专项工作经费', ['42.00', '42.00']); None without trailing amounts.
    Amounts are whitespace-separated tokens with decimals (so a year such as '2024' ending a wrapped
    project name is not an amount)."""
    tokens = line.split()
    amounts: list[str] = []
    while tokens and _AMOUNT_TOKEN.fullmatch(tokens[-1]):
        amounts.insert(0, tokens.pop())
    if not amounts:
        return None
    return "".join(tokens), amounts


@dataclass
class _Row:
    kind: str
    name: str
    name_first: int
    name_last: int
    amount_line: int
    amounts: list[str]
    unit: str | None = None


class _Reader(FormReader):
    def __init__(self, document: Document):
        super().__init__(document)
        self.rows: list[_Row] = []
        self.printed_unit: str | None = None
        self.columns: list[str] = []
        self.pending_sources: list[tuple[_Row, list]] = []
        self.headings: set[str] = set()  # squashed lines of the page header, skipped where they repeat

    # --- header -------------------------------------------------------------------------------------
    def read_facts(self) -> tuple[DocumentFacts, int]:
        facts = DocumentFacts(kind="project_targets")
        header_line = None
        for number, line in enumerate(self.lines, start=1):
            text = line.strip()
            if facts.title is None and "绩效目标表" in text:
                facts.title = re.sub(r"\s+", "", text)
            dept = re.search(r"部门名称[:：]\s*(?P<d>\S+)", text)
            if dept and facts.department is None:
                facts.department = dept.group("d")
            unit = re.search(r"单位[:：]\s*(?P<u>亿元|万元|元)", text)
            if unit and self.printed_unit is None:
                self.printed_unit = unit.group("u")
            tokens = text.split()
            if "总计" in tokens and "绩效指标" in text:
                header_line = number
                self.columns = [t for t in tokens if t in COLUMN_MEASURES]
                break
        self.headings = {"".join(self.lines[n - 1].split()) for n in range(1, (header_line or 0) + 1)} - {""}
        if header_line is None or not self.columns or self.columns[0] not in ("总计", "合计"):
            raise LayoutMismatch("项目支出绩效目标表: no column header with 总计 … 绩效指标 found")
        facts.unit = self.printed_unit
        if self.doc.manifest is not None:
            facts.fiscal_year = self.doc.manifest.fiscal_year
        return facts, header_line

    # --- body ---------------------------------------------------------------------------------------
    def repeated_heading(self, number: int) -> bool:
        """A page header repeated after a page break (title, 部门名称 line, column header)."""
        squashed = "".join(self.lines[number - 1].split())
        return bool(squashed) and squashed in self.headings

    def blank(self, number: int) -> bool:
        return not self.lines[number - 1].strip() or self.repeated_heading(number)

    def next_nonblank(self, number: int) -> int | None:
        while number <= len(self.lines):
            if not self.blank(number):
                return number
            number += 1
        return None

    def read_body(self, header_line: int) -> None:
        number = header_line + 1
        unit_name: str | None = None
        while True:
            start = self.next_nonblank(number)
            if start is None:
                return
            # The row name: lines up to the line that ends in amounts.
            name_parts: list[str] = []
            cursor = start
            row = None
            while cursor <= len(self.lines):
                line = self.lines[cursor - 1]
                if self.blank(cursor):
                    cursor += 1
                    continue
                if _INDICATOR_START.match(line):
                    break
                parsed = amount_row(line)
                if parsed:
                    label, amounts = parsed
                    name_parts.append(label)
                    row = _Row(kind="", name=CJK_GAP.sub("", "".join(name_parts)), name_first=start,
                               name_last=cursor, amount_line=cursor, amounts=amounts)
                    break
                name_parts.append(line.strip())
                if len(name_parts) > 6:
                    break
                cursor += 1
            if row is None:
                last = min(cursor, len(self.lines))
                self.finding("LOAD-UNPLACED-FIGURE", "text in the table that is neither a row, a purpose nor "
                             "an indicator list; skipped", start, last)
                number = last + 1
                continue
            if not name_parts[-1]:
                row.name_last = max(n for n in range(start, cursor) if not self.blank(n)) \
                    if cursor > start else cursor
            # A project row is followed by its purpose, then its indicator list; a total or unit row is
            # followed directly by the next row.
            follow = self.next_nonblank(row.amount_line + 1)
            indicator_line = None
            probe = follow
            while probe is not None:
                if _INDICATOR_START.match(self.lines[probe - 1]):
                    indicator_line = probe
                    break
                if amount_row(self.lines[probe - 1]):
                    break
                probe = self.next_nonblank(probe + 1)
            if indicator_line is None:
                if row.name in TOTAL_LABELS:
                    row.kind = "total"
                else:
                    row.kind = "unit"
                    unit_name = row.name
                    row.unit = unit_name
                    if self.lines[start - 1][:1].isspace():
                        # Projects are indented, units are not: an indented row without purpose and
                        # indicators may be a project whose cells are blank. Kept as a unit, reported.
                        self.finding("LOAD-AMBIGUOUS-ROW", f"row {row.name!r} has no purpose or indicators, so it "
                                     "is read as a unit, but it is indented like a project", start, row.amount_line)
                self.land_row(row)
                number = row.amount_line + 1
                continue
            row.kind = "project"
            row.unit = unit_name
            self.land_row(row)
            if follow < indicator_line:
                self.land_purpose(row, follow, indicator_line - 1)
            else:
                self.finding("LOAD-INCOMPLETE-TABLE", f"project {row.name!r} prints no purpose text",
                             row.amount_line)
            number = self.read_indicators(row, indicator_line)

    def land_row(self, row: _Row) -> None:
        subject = row.unit if row.kind in ("unit", "project") else None
        numbers = [parse_number(a) for a in row.amounts]
        if row.kind == "project":
            self.attributes.append(Attribute(attribute="project_name", value_text=row.name,
                                             line_start=row.name_first, line_end=row.name_last,
                                             raw_text=raw_lines(self.lines, row.name_first, row.name_last),
                                             subject=subject))
        placed: list[tuple[str, int]] = []  # (column, index into numbers)
        if len(numbers) == len(self.columns):
            placed = [(column, i) for i, column in enumerate(self.columns)]
            if numbers[0].value != sum((n.value for n in numbers[1:]), Decimal(0)):
                self.finding("LOAD-INCOMPLETE-TABLE", f"row {row.name!r}: 总计 {row.amounts[0]} is not the sum of "
                             f"its sources {row.amounts[1:]}", row.amount_line)
        elif len(numbers) == 1:
            placed = [(self.columns[0], 0)]
        elif len(numbers) < len(self.columns):
            if numbers[0].value == sum((n.value for n in numbers[1:]), Decimal(0)):
                placed = [(self.columns[0], 0)]
                self.pending_sources.append((row, numbers))  # resolved (or reported) in resolve_sources
            else:
                self.finding("LOAD-AMBIGUOUS-ROW", f"row {row.name!r}: amounts {row.amounts} cannot be placed in "
                             f"the columns {self.columns}; none landed", row.amount_line)
        else:
            self.finding("LOAD-AMBIGUOUS-ROW", f"row {row.name!r}: {len(numbers)} amounts for "
                         f"{len(self.columns)} columns; none landed", row.amount_line)
        self.place(row, numbers, placed)
        self.rows.append(row)

    def place(self, row: _Row, numbers, placed: list[tuple[str, int]]) -> None:
        raw = raw_lines(self.lines, row.amount_line, row.amount_line)
        subject = row.unit if row.kind in ("unit", "project") else None
        for column, index in placed:
            number = numbers[index]
            self.figures.append(Figure(
                measure=COLUMN_MEASURES[column], value_text=number.text, value=number.value,
                printed_decimals=number.decimals, printed_unit=self.printed_unit,
                line_start=row.amount_line, line_end=row.amount_line, raw_text=raw, table_name=TABLE_NAME,
                row_kind=row.kind, row_label=row.name, column_label=column, subject=subject, label=column))

    def resolve_sources(self) -> None:
        """Rows that print 总计 and fewer source amounts than there are source columns. When the total row
        prints every column, it says which source columns hold money at all; if a row
        prints exactly that many source amounts, they stand in those columns, in printed order. Otherwise
        the columns cannot be told and the row is a LOAD-AMBIGUOUS-ROW finding (总计 is landed)."""
        full_totals = [r for r in self.rows if r.kind == "total" and len(r.amounts) == len(self.columns)]
        used: list[str] | None = None
        if len(full_totals) == 1:
            total = full_totals[0]
            used = [c for c, a in zip(self.columns[1:], total.amounts[1:]) if parse_number(a).value != 0]
        for row, numbers in self.pending_sources:
            count = len(numbers) - 1
            # Amounts are not negative, so a row's non-zero sources lie in the total row's non-zero columns.
            if used is not None and len(used) == count and all(n.value > 0 for n in numbers[1:]):
                self.place(row, numbers, [(column, i + 1) for i, column in enumerate(used)])
                continue
            self.finding(
                "LOAD-AMBIGUOUS-ROW",
                f"row {row.name!r}: {row.amounts[1:]} stand in {count} of the source columns "
                f"{self.columns[1:]} and the other cells are blank; which column cannot be told from the text "
                f"(any choice satisfies 总计 = sum of sources, and the total row does not tell), so only 总计 "
                f"{row.amounts[0]} is landed", row.amount_line)
        self.pending_sources = []

    def land_purpose(self, row: _Row, first: int, last: int) -> None:
        joined = join_lines(self.lines, [n for n in range(first, last + 1) if not self.blank(n)])
        # Prose: a wrap between two Latin letters or digits needs its space back.
        text = ""
        for i, ch in enumerate(joined.text):
            if i and joined.line_of[i] != joined.line_of[i - 1] and ch.isascii() and ch.isalnum() \
                    and joined.text[i - 1].isascii() and joined.text[i - 1].isalnum():
                text += " "
            text += ch
        last_line = max(joined.line_of) if joined.line_of else last
        self.attributes.append(Attribute(attribute="project_purpose", value_text=text, line_start=first,
                                         line_end=last_line, raw_text=raw_lines(self.lines, first, last_line),
                                         subject=row.name))

    def read_indicators(self, row: _Row, first: int) -> int:
        """Read the numbered indicator list that starts on line ``first``; return the line after it."""
        # The list ends with the last item's "。"; it may run over blank lines. Join a window of lines up
        # to the next amount row (the next row's name may come before it, but it never matches an item).
        last = first
        while last < len(self.lines) and not amount_row(self.lines[last]):
            last += 1
        joined = join_lines(self.lines, [n for n in range(first, last + 1) if not self.blank(n)])
        text = joined.text
        position = 0
        expected = 1
        while True:
            match = ITEM_RE.match(text, position)
            if not match:
                break
            sequence = int(match.group("seq"))
            if sequence != expected:
                line = joined.line_of[match.start()]
                self.finding("LOAD-INCOMPLETE-TABLE", f"project {row.name!r}: indicator number {sequence} "
                             f"where {expected} was expected", line)
            expected = sequence + 1
            fields = dict(
                subject=row.name, sequence_no=sequence, level1_code=match.group("l1c"),
                level1_name=match.group("l1n"), level2_code=match.group("l2c"),
                level2_name=match.group("l2n"), indicator_name=match.group("name"))
            for group, kind in (("cycle", "cycle"), ("annual", "annual")):
                if match.group(group) is None:  # the form prints no 实施周期指标值 at all
                    continue
                start, end = strip_span(text, match.start(group), match.end(group))
                if start >= end:
                    line = joined.line_of[min(match.start(group), len(text) - 1)]
                    self.finding("LOAD-INCOMPLETE-TABLE", f"project {row.name!r}: indicator {sequence} prints "
                                 f"no {'实施周期' if kind == 'cycle' else '年度'}指标值", line)
                    continue
                indicators, findings = value_indicators(joined, start, end, value_period_kind=kind, **fields)
                self.indicators.extend(indicators)
                self.findings.extend(findings)
            position = match.end()
        if position == 0:
            self.finding("LOAD-INCOMPLETE-TABLE", f"project {row.name!r}: indicator list cannot be read",
                         first)
            return first + 1
        end_line = joined.line_of[position - 1]
        # Text after the list on its last line that is not the start of the next row is reported.
        rest_on_line = [i for i in range(position, len(text)) if joined.line_of[i] == end_line]
        if rest_on_line:
            self.finding("LOAD-UNPLACED-FIGURE", f"project {row.name!r}: text after the indicator list not read: "
                         f"{text[rest_on_line[0]:rest_on_line[-1] + 1]!r}", end_line)
        return end_line + 1


def parse(document: Document) -> ParseResult:
    require_text(document, NAME)
    reader = _Reader(document)
    facts, header_line = reader.read_facts()
    reader.read_body(header_line)
    reader.resolve_sources()
    _check_totals(reader)
    return reader.result(facts)


def _check_totals(reader: _Reader) -> None:
    """Unit rows equal the sum of their projects, the total row the sum of the units (总计 column)."""
    totals = {(f.row_kind, f.row_label, f.line_start): f.value for f in reader.figures if f.measure == "total"}
    units = [r for r in reader.rows if r.kind == "unit"]
    for unit in units:
        unit_total = totals.get(("unit", unit.name, unit.amount_line))
        projects = [totals.get(("project", r.name, r.amount_line)) for r in reader.rows
                    if r.kind == "project" and r.unit == unit.name]
        if unit_total is None or not projects or any(p is None for p in projects):
            continue
        if sum(projects, Decimal(0)) != unit_total:
            reader.finding("LOAD-INCOMPLETE-TABLE", f"unit {unit.name!r}: 总计 {unit_total} is not the sum of its "
                           f"{len(projects)} projects ({sum(projects, Decimal(0))})", unit.amount_line)
    for total in (r for r in reader.rows if r.kind == "total"):
        value = totals.get(("total", total.name, total.amount_line))
        parts = [totals.get(("unit", u.name, u.amount_line)) for u in units] if units else \
            [totals.get(("project", r.name, r.amount_line)) for r in reader.rows if r.kind == "project"]
        if value is None or not parts or any(p is None for p in parts):
            continue
        if sum(parts, Decimal(0)) != value:
            reader.finding("LOAD-INCOMPLETE-TABLE", f"{total.name} {value} is not the sum of its rows "
                           f"({sum(parts, Decimal(0))})", total.amount_line)
