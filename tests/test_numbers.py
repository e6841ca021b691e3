"""Amount formats: printed numbers -> exact Decimals, and how a table reader treats them.

Thousands separators, parentheses or a minus for negatives (ASCII, U+2212 and full-width), full-width
digits and brackets, percentages, ``—``/``-``/blank as "no value" (a 0 is a value only when a 0 is
printed), per-table units (元 / 万元 / 亿元) and economic 款 codes printed without their leading zero
(``301 2`` is 30102).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from loaders.layout.figures import figures_from_reading
from loaders.layout.rows import is_amount, pages_from_layout_text
from loaders.numbers import normalize_digits, parse_number
from loaders.parsers import shanghai_budget


@pytest.mark.parametrize("text,value,decimals", [
    ("1,234,567.00", Decimal("1234567.00"), 2),
    ("156,211,123", Decimal("156211123"), 0),
    ("0", Decimal("0"), 0),
    ("0.95", Decimal("0.95"), 2),
    ("(1,000.50)", Decimal("-1000.50"), 2),
    ("-12.5", Decimal("-12.5"), 1),
    ("−12.5", Decimal("-12.5"), 1),  # U+2212 minus sign
    ("（１，２３４．５０）", Decimal("-1234.50"), 2),  # full-width brackets, digits, comma and point
    ("－１２３.４０", Decimal("-123.40"), 2),  # full-width minus
    ("１２３", Decimal("123"), 0),
])
def test_printed_numbers_are_exact_decimals(text, value, decimals):
    number = parse_number(text)
    assert number.value == value and number.decimals == decimals
    assert isinstance(number.value, Decimal)


@pytest.mark.parametrize("text", ["—", "-", "－", "", "12.5.1", "1,2a"])
def test_dashes_and_blanks_are_not_numbers(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_full_width_characters_are_normalised():
    assert normalize_digits("１２３．４５％") == "123.45%"


@pytest.mark.parametrize("text,expected", [
    ("1,234.56", True), ("(1,234.56)", True), ("（１２．５）", True), ("－１２３.４０", True), ("98.5%", True),
    ("0", True), ("—", False), ("一、", False), ("2024年", False), ("12.", False),
])
def test_what_a_table_cell_counts_as_an_amount(text, expected):
    assert is_amount(text) is expected


def _line(code: str, name: str, cells: list[tuple[str, int]]) -> str:
    """A layout-text line: code from column 0, name from column 12, each value ending at its column."""
    out = f"{code:<12}{name}"
    width = len(out)
    for text, right in cells:
        out += " " * max(1, right - len(text) - width) + text
        width = len(out)
    return out


def test_a_table_reads_each_format_and_lands_no_value_for_dashes_and_blanks():
    # columns: 合计 ends at 50, 人员经费 at 64, 公用经费 at 78
    text = "\n".join([
        "                 2025年部门一般公共预算基本支出部门预算经济分类预算表",
        "编制部门：某部门                                                   单位：元",
        " " * 12 + "经济分类科目名称" + " " * 18 + "合计" + " " * 6 + "人员经费" + " " * 6 + "公用经费",
        "类    款",
        _line("301", "工资福利支出", [("1,234,567.00", 50), ("1,234,567.00", 64), ("—", 78)]),
        _line("301   2", "津贴补贴", [("(1,000.50)", 50), ("(1,000.50)", 64)]),
        _line("302", "商品和服务支出", [("－１２３.４０", 50), ("－１２３.４０", 78)]),
        _line("302   01", "办公费", [("0", 50), ("-", 64), ("0", 78)]),
        "",
    ])
    pages = pages_from_layout_text(text)
    reading = shanghai_budget.INTERPRETER.read(pages)
    figures, findings = figures_from_reading(reading)
    assert findings == []
    got = {(f.row_code, f.measure): (f.value_text, f.value, f.printed_unit) for f in figures}
    assert got == {
        ("301", "total"): ("1,234,567.00", Decimal("1234567.00"), "元"),
        ("301", "personnel"): ("1,234,567.00", Decimal("1234567.00"), "元"),
        ("30102", "total"): ("(1,000.50)", Decimal("-1000.50"), "元"),
        ("30102", "personnel"): ("(1,000.50)", Decimal("-1000.50"), "元"),
        ("302", "total"): ("－１２３.４０", Decimal("-123.40"), "元"),
        ("302", "goods_and_services"): ("－１２３.４０", Decimal("-123.40"), "元"),
        ("30201", "total"): ("0", Decimal("0"), "元"),
        ("30201", "goods_and_services"): ("0", Decimal("0"), "元"),
    }
    津贴 = next(f for f in figures if f.row_code == "30102")
    assert 津贴.row_code_scheme == "economic" and 津贴.row_kind == "item" and 津贴.row_label == "津贴补贴"


def _place(tokens: list[tuple[str, int]]) -> str:
    """A line with each token starting at the given character column (as pdftotext -layout writes
    them: a CJK label occupies one column per character but its glyphs twice that width)."""
    out = ""
    for text, column in tokens:
        out += " " * max(1, column - len(out)) + text
    return out


@pytest.mark.parametrize("unit", ["元", "万元", "亿元"])
def test_each_table_carries_its_own_printed_unit(unit):
    # label glyph spans: 合计 2-6, 因公出国(境)费 10-24, 公务接待费 28-38, 小计 42-46, 购置费 50-56,
    # 运行费 60-66, 机关运行经费预算数 70-88; each value stands under the middle of its label
    text = "\n".join([
        "                 部门“三公”经费和机关运行经费预算表",
        f"编制部门：某部门                                         单位：{unit}",
        _place([("合计", 2), ("因公出国(境)费", 10), ("公务接待费", 28), ("小计", 42), ("购置费", 50),
                ("运行费", 60), ("机关运行经费预算数", 70)]),
        _place([("6.4", 3), ("0", 17), ("0", 33), ("6.4", 43), ("6.4", 62), ("0", 79)]),
        "",
    ])
    reading = shanghai_budget.INTERPRETER.read(pages_from_layout_text(text))
    figures, findings = figures_from_reading(reading)
    assert findings == [] and {f.printed_unit for f in figures} == {unit}
    assert {f.measure: f.value_text for f in figures} == {
        "three_public_total": "6.4", "outbound_travel": "0", "official_reception": "0",
        "official_vehicles": "6.4", "vehicle_operation": "6.4", "administrative_operating_costs": "0",
    }
