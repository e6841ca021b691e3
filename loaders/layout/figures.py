"""Placed table values -> ``Figure`` records, and unplaced lines -> ``Finding`` records."""

from __future__ import annotations

import re

from loaders.layout.rows import Page, pages_of
from loaders.layout.tables import SUBTOTAL_RE, TOTAL_RE, TableInterpreter, TableReading, squash
from loaders.numbers import normalize_digits, parse_number
from loaders.records import Figure, Finding
from loaders.vocabulary import canonical_measure

UNPLACED_RULE = "LOAD-UNPLACED-FIGURE"


GENERIC_MEASURE = "table_value"  # a column whose printed label is not in the vocabulary: the label is column_label


def table_figure(cell_text: str, printed_unit: str | None, column_label: str | None, **where) -> Figure | None:
    """A general table reader's figure for the amount printed as ``cell_text`` under ``column_label``: its value
    exact, a trailing % its unit, the measure the column's label names (else ``table_value``); ``where`` is the
    figure's place (lines, page, table, row). None when the text is no number."""
    text = normalize_digits(cell_text)
    if text.endswith(("%", "％")):
        text, printed_unit = text[:-1], "%"
    number = parse_number(text)
    if number is None:
        return None
    return Figure(measure=canonical_measure(column_label or "") or GENERIC_MEASURE, value_text=cell_text,
                  value=number.value, printed_decimals=number.decimals, printed_unit=printed_unit,
                  column_label=column_label, **where)


def row_code(parts: list[str], scheme: str | None) -> str | None:
    """Printed code parts -> digits only. Economic 款 codes printed without their leading zero
    ("302 1") are padded to two digits; function codes are 3+2+2 digits."""
    if not parts:
        return None
    head, rest = parts[0], parts[1:]
    return head + "".join(p.zfill(2) for p in rest)


def row_kind(parts: list[str] | None, label: str | None, scheme: str | None) -> str:
    """total / subtotal by the row name; class / section / item by how many code parts are printed
    (类 / 款 / 项), so a class code printed short (7 11 02) is still an item."""
    name = squash(label or "")
    if TOTAL_RE.match(name) or name.endswith("合计") or name.endswith("总计"):
        return "total"
    if SUBTOTAL_RE.match(name):
        return "subtotal"
    if parts:
        if len(parts) == 1:
            return "class"
        if len(parts) == 2:
            return "section" if scheme == "function" else "item"
        return "item"
    return "item"


def figures_from_reading(reading: TableReading) -> tuple[list[Figure], list[Finding]]:
    figures: list[Figure] = []
    # what every value of a row shares (its first label, lines and raw text), worked out once per row
    shared: dict[int, tuple[str | None, int, int, str]] = {}
    for value in reading.values:
        row = value.row
        text = normalize_digits(value.cell.text)
        unit = row.printed_unit
        if text.endswith("%"):
            text, unit = text[:-1], "%"
        number = parse_number(text)
        scheme = row.spec.code_scheme
        of_row = shared.get(id(row))
        if of_row is None:
            lines = [n for line in row.lines for n in line.numbers]
            of_row = shared[id(row)] = (_first_label(row), min(lines), max(lines),
                                        "\n".join(line.raw_text for line in row.lines))
        first_label, line_start, line_end, raw_text = of_row
        code = row_code(row.code_parts, scheme) if value.row_label == first_label else None
        figures.append(
            Figure(
                measure=value.column.spec.measure,
                value_text=value.cell.text,
                value=number.value,
                printed_decimals=number.decimals,
                printed_unit=unit,
                line_start=line_start,
                line_end=line_end,
                raw_text=raw_text,
                page=row.page,
                section=row.table_name,
                table_name=row.table_name,
                row_code=code,
                row_code_scheme=scheme if code else None,
                row_kind=row_kind(row.code_parts if code else None, value.row_label, scheme),
                row_label=value.row_label,
                column_label=value.column.spec.label,
                parent_label=value.column.spec.group,
            )
        )
    findings = [
        Finding(
            rule_id=UNPLACED_RULE,
            severity="warning",
            message=f"numbers on this line were not placed in a table column: {u.reason}",
            line_start=u.line,
            line_end=u.line,
            raw_text=u.raw_text,
            page=u.page,
        )
        for u in reading.unplaced
    ]
    return figures, findings


def _first_label(row) -> str | None:
    if not row.labels:
        return None
    first = row.labels[0]
    return "".join(squash(t.text) for t in row.labels if abs(t.x0 - first.x0) <= 2 * row.lines[-1].char_width)


def read_tables(document, interpreter: TableInterpreter, pages: list[Page] | None = None):
    """Figures and findings of every table: those whose title a spec knows by the interpreter, the others
    (a title no spec knows) by the general reader (column headers by row labels), whose uncertain numbers stay
    LOAD-UNPLACED-FIGURE findings."""
    pages = pages if pages is not None else pages_of(document)
    reading = interpreter.read(pages)
    figures, findings = figures_from_reading(reading)
    if reading.unknown_tables:
        from loaders.layout.general import read_general

        general_figures, general_findings = [], []
        replaced: set[tuple[int, int]] = set()
        for _title, lines in reading.unknown_tables:
            by_page: dict[int, list] = {}
            for line in lines:
                by_page.setdefault(line.page, []).append(line)
                replaced.add((line.page, line.number))
            placed, unplaced, _blocks = read_general([Page(number, page_lines) for number, page_lines in by_page.items()])
            general_figures.extend(placed)
            general_findings.extend(unplaced)
        findings = [f for f in findings if not (f.rule_id == UNPLACED_RULE and (f.page, f.line_start) in replaced
                                                 and "has no known layout" in f.message)]
        figures.extend(general_figures)
        findings.extend(general_findings)
    return figures, findings, pages, reading


def document_money_unit(document) -> str | None:
    """The first money unit a document's tables print (单位：元 / 单位：万元), from its pages."""
    for page in pages_of(document):
        for line in page.lines:
            found = unit_of_text(line.text)
            if found:
                return found
    return None


def unit_of_text(text: str) -> str | None:
    match = re.search(r"单位\s*[:：]\s*(亿元|万元|元)", text)
    return match.group(1) if match else None
