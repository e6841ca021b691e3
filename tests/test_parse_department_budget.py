"""department_budget parser on the 2016 部门预算 of 广州市来穗人员服务管理局 (flattened PDF text).

The golden file was written by reading the document line by line, not from the parser's output.
"""

from __future__ import annotations

import csv
import hashlib
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from loaders.documents import Document
from loaders.parsers import department_budget, parser_for

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "documents" / "gz-laisui-bureau-2016-department-budget.txt"
GOLDEN = ROOT / "tests" / "golden" / "gz-laisui-bureau-2016-department-budget.figures.csv"
COLUMNS = ["table_name", "row_code", "row_label", "measure", "label", "column_label", "value_text", "printed_unit",
           "line_start"]


def make_document(text: str, name: str = "inline.txt") -> Document:
    data = text.encode("utf-8")
    return Document(path=Path(name), file_name=name, sha256=hashlib.sha256(data).hexdigest(), size_bytes=len(data),
                    data=data, encoding="utf-8", text=text, lines=text.splitlines())


@pytest.fixture(scope="module")
def document() -> Document:
    return make_document(DOC.read_text(encoding="utf-8"), DOC.name)


@pytest.fixture(scope="module")
def result(document):
    return department_budget.parse(document)


def _key(figure) -> tuple[str, ...]:
    values = [getattr(figure, c) for c in COLUMNS]
    return tuple("" if v is None else str(v) for v in values)


def test_registered():
    assert parser_for("department_budget") is department_budget
    assert department_budget.NAME == "department_budget"
    assert department_budget.VERSION == "1.3.0"


def test_facts(result):
    assert result.facts.kind == "department_budget"
    assert result.facts.fiscal_year == 2016
    assert result.facts.department == "广州市来穗人员服务管理局"
    assert result.facts.unit == "万元"


def test_landed_set_equals_golden(result):
    with GOLDEN.open(encoding="utf-8", newline="") as handle:
        golden = Counter(tuple(row[c] for c in COLUMNS) for row in csv.DictReader(handle))
    landed = Counter(_key(f) for f in result.figures)
    missing = golden - landed
    extra = landed - golden
    assert not missing and not extra, f"missing {sorted(missing)[:10]}\nextra {sorted(extra)[:10]}"


def test_values_are_exact(result):
    for figure in result.figures:
        digits = figure.value_text.replace(",", "")
        assert figure.value == Decimal(digits)
        assert figure.printed_decimals == (len(digits.split(".")[1]) if "." in digits else 0)


def test_line_numbers_point_at_the_value(result, document):
    for figure in result.figures[::7]:
        lines = document.lines[figure.line_start - 1: figure.line_end]
        assert figure.value_text in "".join(line.replace(" ", "") for line in lines) or \
            figure.value_text in " ".join(lines), (figure.line_start, figure.value_text)
        assert figure.raw_text.replace("\n", "").replace(" ", "") in "".join(lines).replace(" ", "")


def _row(result, table_prefix, row_code):
    return {f.column_code: f for f in result.figures
            if f.table_name and f.table_name.startswith(table_prefix) and f.row_code == row_code}


def test_administration_row_rebuilt(result):
    """201 03 01 127001 行政运行 539.72 484.72 337.95 146.77 55.00 55.00: six numbers, eight columns."""
    row = _row(result, "表三", "2010301")
    assert {c: f.value_text for c, f in row.items()} == {
        "6": "539.72", "7": "484.72", "8": "337.95", "9": "146.77", "11": "55.00", "12": "55.00"}
    assert row["12"].measure == "recurrent" and row["11"].measure == "project_expenditure"
    assert all(f.unit_code == "127001" and f.row_kind == "item" and f.row_code_scheme == "function"
               for f in row.values())
    assert row["6"].line_start == 384


def test_medical_insurance_goes_to_subsidies(result):
    """行政单位医疗 5.00 5.00 5.00: the subsidies column must total 171.12, so the third 5.00 is there."""
    row = _row(result, "表三", "2100501")
    assert {c: f.measure for c, f in row.items()} == {
        "6": "total", "7": "basic_expenditure", "10": "subsidies_to_individuals"}
    table4 = _row(result, "表四", "2100501")
    assert table4["14"].measure == "subsidies_to_individuals" and table4["9"].printed_unit == "%"


def test_revenue_total_row_pinned_by_summary_table(result):
    """收入预算总表 合计 6,150.64 ×3 fits 一般公共预算, 政府性基金 or 国有资本; 表一 says 一般公共预算."""
    total = [f for f in result.figures if f.table_name == "表二 收入预算总表" and f.row_label == "合计"]
    assert sorted(f.measure for f in total) == ["fiscal_appropriation", "general_public_budget", "total"]


def test_narrative_changes_and_staff(result):
    prose = [f for f in result.figures if f.table_name is None]
    cut = [f for f in prose if f.label == "因公出国（境）经费预算" and f.measure == "stated_change"]
    assert len(cut) == 1 and cut[0].sign == -1 and cut[0].value == Decimal("2.5")
    staff = {f.label: f.value for f in prose if f.measure == "staff_count"}
    assert staff == {"总编制人数": 36, "在职实有人数": 31, "行政编制": 30, "机关后勤服务人员": 1}
    assert staff["行政编制"] + staff["机关后勤服务人员"] == staff["在职实有人数"]


def test_inconsistent_row_reported_not_forced(result):
    """表九 基本支出 prints 0.87 once where its 三公 合计 and 公务接待费 both need it."""
    unresolved = [f for f in result.findings if f.rule_id == "LOAD-ROW-UNRESOLVED"]
    assert [f.line_start for f in unresolved] == [830]
    assert not any(f.table_name and f.table_name.startswith("表九") and f.line_start == 830 for f in result.figures)


def test_no_arithmetic_mismatch_in_tables_one_to_six(result):
    assert not [f for f in result.findings if f.rule_id == "LOAD-ARITHMETIC-MISMATCH"]


def test_incomplete_table_when_text_stops_in_table_six(document):
    """The text cut after the project 来穗人员管理工作专项经费 (line 703) ends inside 表六."""
    cut = "\n".join(document.lines[:703]) + "\n"
    result = department_budget.parse(make_document(cut, "cut.txt"))
    incomplete = [f for f in result.findings if f.rule_id == "LOAD-INCOMPLETE-TABLE"]
    assert len(incomplete) == 1
    assert "表六" in incomplete[0].message and incomplete[0].line_start == 703
    landed = [f for f in result.figures if f.table_name and f.table_name.startswith("表六")]
    assert [f.value_text for f in landed][-1] == "302.80"
    assert len(landed) == 11


def test_full_document_has_no_incomplete_finding_before_table_eleven(result):
    assert not [f for f in result.findings if f.rule_id == "LOAD-INCOMPLETE-TABLE"]


AMBIGUOUS = """表三

单位：万元

1 2 3 4 5 6 7 8 9 10 11 12 13

合  计 20.00 10.00 10.00 0.00 0.00 10.00 10.00 0.00

201 03 01 127001 　　行政运行 10.00 10.00 10.00

201 03 02 127001 　　一般行政管理事务 10.00 10.00 10.00

支出预算总表
部门名称：测试局 单位：万元
科目编码 类 款 项 单位编码 单位名称（功能科目） 总计 基本支出 小计 工资福利支出 商品和服务支出
对个人和家庭的补助支出 项目支出 小计 经常性项目 一次性项目
"""


def test_ambiguous_row_lands_nothing():
    """合计 20 = 基本 10 (工资 10) + 项目 10 (经常性 10); each row 10 10 10 is 基本+工资 or 项目+经常性 and
    the other row takes the other half: two solutions, so both rows are ambiguous and land nothing."""
    result = department_budget.parse(make_document("第一部分 测试局概况\n\n\n" + AMBIGUOUS))
    ambiguous = [f for f in result.findings if f.rule_id == "LOAD-AMBIGUOUS-ROW"]
    assert {f.line_start for f in ambiguous} == {12, 14}
    assert "candidates" in ambiguous[0].message
    landed_lines = {f.line_start for f in result.figures if f.table_name}
    assert 12 not in landed_lines and 14 not in landed_lines
    assert 10 in landed_lines  # the full 合计 row is certain


def test_parsing_is_fast(document):
    start = time.perf_counter()
    department_budget.parse(document)
    assert time.perf_counter() - start < 1.0


# What each narrative statement is measured against, read by hand from the document (line: measure, printed
# value, subject, parent_label = basis of a change / whole of a share, cited table, row_kind: table_total, or
# change_total / change_part for a change that 其中 breaks into the changes of its parts).
NARRATIVE_BASES = [
    (68, "stated_change", "8", "在职实有人员", "2015年", None, None),  # 与 2015 年对比，在职实有人员增加 8 人
    (82, "stated_total", "6,150.64", "收支总预算", None, "表一", "table_total"),  # …收支总预算 6,150.64 万元（详见表一）
    (82, "stated_total", "6,150.64", "本年收入", None, "表一", None),
    (84, "stated_share_pct", "100.00", "本年收入", "收入预算", "表一", None),  # 占收入预算 100.00%
    (90, "stated_total", "6,150.64", "收入预算", None, "表二", "table_total"),
    (94, "stated_share_pct", "100.00", "财政拨款收入（财政补助收入）", "收入预算", "表二", None),  # 收入预算 …其中 … 占 100.00%
    (104, "stated_total", "6,150.64", "支出预算", None, "表三", "table_total"),
    (106, "stated_share_pct", "10.66", "基本支出", "支出预算", "表三", None),
    (110, "stated_share_pct", "89.34", "项目支出", "支出预算", "表三", None),
    (112, "stated_total", "5,494.80", "部门项目支出", None, "表三", None),
    (114, "stated_change", "1,414.53", "支出预算", "上年", None, "change_total"),  # 与上年对比，支出预算增加
    (116, "stated_change", "294.71", "基本支出", "上年", None, "change_part"),  # 。其中：基本支出增加 (basis of the sentence before)
    (118, "stated_change", "1,119.82", "项目支出", "上年", None, "change_part"),
    (126, "stated_share_pct", "89.06", "一般公共服务支出", "支出预算", None, None),  # 按支出预算的功能分类
    (128, "stated_share_pct", "8.15", "科学技术支出", "支出预算", None, None),
    (128, "stated_share_pct", "0.37", "医疗卫生与计划生育支出", "支出预算", None, None),
    (130, "stated_share_pct", "2.41", "住房保障支出", "支出预算", None, None),
    (136, "stated_total", "6,150.64", "一般公共预算安排支出", None, "表四", "table_total"),
    (138, "stated_change", "1,414.53", "一般公共预算安排支出", "上年预算", "表四", "change_total"),
    (140, "stated_change", "294.71", "基本支出", "上年预算", "表四", "change_part"),
    (150, "stated_change", "1,119.82", "项目支出", "上年预算", "表四", "change_part"),
    (162, "stated_change", "831.70", "一般公共服务支出", "上年", None, None),  # no 其中: not a part
    (162, "stated_change_pct", "17.90", "一般公共服务支出", "上年", None, None),
    (168, "stated_change_pct", "100.00", "科学技术支出", "上年", None, None),
    (176, "stated_change_pct", "35.63", "医疗卫生与计划生育支出", "上年", None, None),
    (184, "stated_change_pct", "103.26", "住房保障支出", "上年", None, None),
    (192, "stated_total", "146.77", "一般公共预算安排基本支出（商品和服务支出）预算", None, "表五", "table_total"),
    (198, "stated_total", "5,494.80", "一般公共预算安排项目支出", None, "表六", None),
    (200, "stated_total", "5,494.80", "部门项目支出", None, "表六", None),  # a part the citation follows: not the total
    (206, "stated_change", "4.64", "部门预算一般公共预算安排“三公”经费预算合计", "上年调整后预算", "表九",
     "change_total"),  # 。其中：1. … 2. … 3. …
    (212, "stated_change", "2.5", "因公出国（境）经费预算", "上年调整后预算", None, "change_part"),
    (218, "stated_change", "0.32", "公务用车运行维护费", "上年调整后预算", None, "change_part"),
    (220, "stated_change", "7.46", "公务接待费预算", "上年预算", None, "change_part"),
    (232, "stated_change", "5.20", "部门预算一般公共预算安排会议费预算", "上年预算", "表九", None),  # no 其中
    (242, "stated_total", "1,085.90", "一般公共预算安排", None, "表十", None),
    (252, "stated_total", "4020", "涉及项目预算金额", None, "表十一", "table_total"),
]


@pytest.mark.parametrize("line, measure, value_text, label, parent, cited, row_kind", NARRATIVE_BASES)
def test_narrative_statement_bases(result, line, measure, value_text, label, parent, cited, row_kind):
    found = [f for f in result.figures if f.table_name is None and f.line_start == line and f.measure == measure
             and f.value_text == value_text and f.label == label]
    assert len(found) == 1, found
    figure = found[0]
    assert (figure.label, figure.parent_label, figure.section, figure.row_kind) == (label, parent, cited, row_kind)


def test_narrative_context_is_the_sentence(result):
    growth = next(f for f in result.figures if f.table_name is None and f.line_start == 168)
    assert growth.context_text.startswith("（2）科学技术支出 501.50 万元，比上年增加 501.50万元，增长 100.00%")
    assert growth.context_text.endswith("按计划将于 2016 年完成项目建设开发。")
    shares = {f.context_text for f in result.figures if f.table_name is None and f.measure == "stated_share_pct"
              and 126 <= f.line_start <= 130}
    assert len(shares) == 1  # the four 功能分类 shares stand in one sentence


def test_share_without_a_whole_has_none():
    """占 with no base, no 按…分类 and no amount it is part of: the whole is not guessed."""
    text = "第一部分 测试局概况\n\n测试局设行政单位 1 个，其中培训费 5.00 万元，占 3.00%。\n\n\n" + AMBIGUOUS
    result = department_budget.parse(make_document(text))
    share = next(f for f in result.figures if f.measure == "stated_share_pct")
    assert share.label == "培训费" and share.parent_label is None
