"""Placed table values -> ``Figure`` records, and unplaced lines -> ``Finding`` records."""

from __future__ import annotations

import re

from loaders.layout.rows import Page, pages_of
from loaders.layout.tables import SUBTOTAL_RE, TOTAL_RE, TableInterpreter, TableReading, squash
from loaders.numbers import normalize_digits, parse_number
from loaders.records import Figure, Finding

UNPLACED_RULE = "LOAD-UNPLACED-FIGURE"


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
    pages = pages if pages is not None else pages_of(document)
    reading = interpreter.read(pages)
    return (*figures_from_reading(reading), pages, reading)


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
