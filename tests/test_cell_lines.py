"""Tables printed one cell per line (loaders/layout/cell_lines.py): what a web page's HTML table becomes as text.

The golden values are copied by hand from the documents (documents/real/heldout4, heldout6, heldout7, heldout3; each
line number is that of `cat -n`); the parser's output was not used to write them. Variants built from them show that
an order the reader cannot be sure of is reported, every amount with its line, and never placed.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from loaders.documents import read_document
from loaders.layout.general import read_general
from loaders.layout.rows import pages_of

REAL = Path(__file__).resolve().parents[1] / "documents" / "real"


def _read(path: Path):
    figures, findings, _blocks = read_general(pages_of(read_document(path)))
    return figures, findings


def _cells(figures):
    return {(f.line_start, f.row_label, f.column_label, f.parent_label): f.value for f in figures}


def test_three_columns_with_an_empty_cell_and_a_cut_last_row():
    # heldout7 杜集区政府办 2021 三公决算 L3-L21 (traditional characters, pinyin glosses; L11 an empty cell; the excerpt
    # is cut after the label of L21, whose numbers were never printed)
    figures, findings = _read(REAL / "heldout7" / "anhui-huaibei-duji-govoffice-2021-sangong-final.txt")
    assert findings == []
    assert _cells(figures) == {
        (7, "合计", "预算数", None): Decimal("49.9"), (8, "合计", "决算数", None): Decimal("7.69"),
        (10, "因公出国(境)费", "预算数", None): Decimal("20"),
        (13, "公务接待费", "预算数", None): Decimal("14.9"), (14, "公务接待费", "决算数", None): Decimal("5.21"),
        (16, "公务用车购置及运行维护费", "预算数", None): Decimal("15"),
        (17, "公务用车购置及运行维护费", "决算数", None): Decimal("2.48"),
        (19, "其中:公务用车运行维护费", "预算数", None): Decimal("15"),
        (20, "其中:公务用车运行维护费", "决算数", None): Decimal("2.48"),
    }
    by_line = {f.line_start: f for f in figures}
    assert by_line[13].raw_text == "14.9 |" and by_line[13].printed_unit == "万元"
    assert by_line[13].measure == "budget_amount" and by_line[14].measure == "actual"
    assert by_line[7].row_kind == "total"


def test_rows_opened_by_an_empty_cell():
    # heldout4 杜集区机关事务管理中心 2021 三公决算 L4-L31: every row (and the header) opens with a bare |
    figures, findings = _read(REAL / "heldout4" / "anhui-huaibei-duji-affairs-center-2021-sangong-final.txt")
    assert findings == []
    cells = _cells(figures)
    assert len(cells) == 12
    assert cells[(10, "合计", "预算数", None)] == Decimal("246")
    assert cells[(11, "合计", "决算数", None)] == Decimal("167.37")
    assert cells[(18, "公务接待费", "预算数", None)] == Decimal("1")
    assert cells[(19, "公务接待费", "决算数", None)] == Decimal("2.14")
    assert cells[(30, "公务用车购置费", "预算数", None)] == Decimal("80")
    assert cells[(31, "公务用车购置费", "决算数", None)] == Decimal("78.16")


def test_a_table_printed_in_two_halves():
    # heldout3 彭水 2021 一般公共预算收支平衡表 L8-L51: 收入 | 执行数 | 支出 | 执行数; the 支出 side ends first (L46-L47
    # are its empty cells)
    figures, findings = _read(REAL / "heldout3" / "chongqing-pengshui-2021-budget-execution-report.txt")
    assert findings == []
    cells = _cells(figures)
    assert cells[(13, "总计", "执行数", "收入")] == Decimal("660464")
    assert cells[(15, "总计", "执行数", "支出")] == Decimal("660464")
    assert cells[(17, "一、本级收入", "执行数", "收入")] == Decimal("136156")
    assert cells[(19, "一、本级支出", "执行数", "支出")] == Decimal("596885")
    assert cells[(45, "地方政府债务收入", "执行数", "收入")] == Decimal("41489")
    assert cells[(49, "上年结转", "执行数", "收入")] == Decimal("13438")
    assert not any(line in (46, 47) for line, *_ in cells)
    # the 政府性基金 table of the same page, L57-L88
    assert cells[(62, "总计", "执行数", "收入")] == Decimal("285381")
    assert cells[(88, "结转下年支出", "执行数", "支出")] == Decimal("6917")


def _lines(*cells: str) -> str:
    return "\n".join(f"{c} |" if c else "|" for c in cells)


def _read_text(tmp_path, text: str):
    path = tmp_path / "t.txt"
    path.write_text("2021年度“三公”经费支出决算表\n单位:万元\n" + text, encoding="utf-8")
    return _read(path)


def test_a_vanished_empty_cell_is_reported_not_shifted(tmp_path):
    # 杜集's table with the empty cell of 因公出国 (L11) gone: 公务接待费 would stand in a number's place
    text = _lines("项 目", "预 算 数", "决 算 数", "合 计", "49.9", "7.69", "因公出国(境)费", "20",
                  "公务接待费", "14.9", "5.21")
    figures, findings = _read_text(tmp_path, text)
    assert figures == []
    assert sorted(f.raw_text for f in findings) == sorted(["49.9 |", "7.69 |", "20 |", "14.9 |", "5.21 |"])
    assert all(f.rule_id == "LOAD-UNPLACED-FIGURE" and "do not fall into rows" in f.message for f in findings)


def test_a_header_over_two_levels_is_not_read(tmp_path):
    # 寿县司法局 2022 (heldout) prints its header over two levels before a row of numbers with no label: not read
    text = _lines("“三公”经费合计", "因公出国(境)费", "公务用车购置及运行费", "公务接待费") + "\n||\n" + _lines(
        "小计", "公务用车购置费", "公务用车运行费") + "\n|||\n" + _lines("79", "0", "75", "50", "25", "4")
    figures, _findings = _read_text(tmp_path, text)
    assert figures == []


@pytest.mark.parametrize("last", [["公务接待费"], ["公务接待费", "14.9"]])
def test_a_run_cut_inside_its_last_row(tmp_path, last):
    text = _lines("项 目", "预 算 数", "决 算 数", "合 计", "49.9", "7.69", *last)
    figures, findings = _read_text(tmp_path, text)
    if len(last) == 1:  # a label whose numbers were never printed: nothing lost, the rows before are read
        assert [(f.row_label, f.value) for f in figures] == [("合计", Decimal("49.9")), ("合计", Decimal("7.69"))]
        assert findings == []
    else:  # a number without its row's other cells: which column it is in is not printed
        assert figures == []
        assert "14.9 |" in [f.raw_text for f in findings]
