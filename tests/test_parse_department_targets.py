"""Golden tests for the 部门整体预算绩效目标申报表 parser (番禺区委政法委).

tests/golden/panyu-zfw-department-targets.*.csv were typed from the document text, line by line, never
copied from parser output. The tests compare the complete landed set with the golden set as multisets.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from loaders.documents import ManifestEntry, read_document, read_manifest
from loaders.parsers import department_targets

from conftest import DOCUMENTS, assert_registered_and_fast, golden_counter, joined_lines, landed_counter
from conftest import text_document
from conftest import TARGET_FIGURE_COLUMNS as FIGURE_COLUMNS, TARGET_INDICATOR_COLUMNS as INDICATOR_COLUMNS

NAME = "panyu-zfw-department-targets.txt"
DEPARTMENT = "中国共产党广州市番禺区委员会政法委员会"

TASKS = {
    "网格化服务管理工作": "69.00",
    "来穗人员和出租屋管理专项工作": "31.00",
    "来穗人员出租屋信息化建设工作": "60.00",
    "各镇（街）来穗人员信息采集工作": "140.00",
    "信息化运维服务工作": "19.80",
    "法治建设工作": "34.00",
    "平安建设智库合作专项工作": "55.00",
}


def parse(document=None):
    return department_targets.parse(document or read_document(DOCUMENTS / NAME, read_manifest(DOCUMENTS)))


def test_every_figure_lands_exactly_once():
    result = parse()
    landed = landed_counter(result.figures, FIGURE_COLUMNS)
    expected = golden_counter(NAME, "figures", FIGURE_COLUMNS)
    assert landed - expected == Counter(), "landed but not in the golden file"
    assert expected - landed == Counter(), "in the golden file but not landed"
    assert sum(expected.values()) == 16
    assert result.findings == []


def test_every_indicator_value_lands_exactly_once():
    result = parse()
    landed = landed_counter(result.indicators, INDICATOR_COLUMNS)
    expected = golden_counter(NAME, "indicators", INDICATOR_COLUMNS)
    assert landed - expected == Counter(), "landed but not in the golden file"
    assert expected - landed == Counter(), "in the golden file but not landed"
    assert sum(expected.values()) == 20  # 9 indicators x 2 values, two of them stating two targets each


def test_figure_lines_contain_the_value():
    result = parse()
    lines = (DOCUMENTS / NAME).read_text(encoding="utf-8").splitlines()
    for figure in result.figures:
        assert figure.line_start == figure.line_end
        assert figure.value_text in lines[figure.line_start - 1].split(), figure
        assert figure.value_text in figure.raw_text


def test_budget_as_printed_not_fixed():
    """Income 3,400.36 + 1.00 ≠ 3,400.36 by level, ≠ 基本 + 项目: the publisher's, landed as printed."""
    figures = {f.measure: f for f in parse().figures}
    assert figures["basic_expenditure"].value == Decimal("2234.47")
    assert figures["basic_expenditure"].printed_decimals == 2
    assert figures["project_expenditure"].value == Decimal("874.39")
    assert figures["fiscal_appropriation"].value == Decimal("3400.36")
    assert figures["other_funds"].value == Decimal("1.00")
    assert figures["own_level_funds"].value == Decimal("3400.36")
    assert figures["transfer_to_lower_level"].value == Decimal("0")
    assert figures["other_development_expenditure"].value == Decimal("151.50")
    assert figures["subordinate_unit_count"].value == 2 and figures["subordinate_unit_count"].printed_unit is None
    assert figures["special_fund"].parent_label == "事业发展性支出"
    assert figures["fiscal_appropriation"].parent_label == "收入来源"
    assert figures["own_level_funds"].parent_label == "按预算级次划分"


def test_seven_key_tasks():
    result = parse()
    amounts = {f.subject: f.value_text for f in result.figures if f.measure == "task_amount"}
    assert amounts == TASKS
    by = {(a.attribute, a.subject): a for a in result.attributes}
    for task in TASKS:
        for attribute in ("task_name", "task_content", "task_goal"):
            assert (attribute, task) in by, (attribute, task)
    name = by[("task_name", "各镇（街）来穗人员信息采集工作")]  # wraps over a blank line
    assert (name.line_start, name.line_end) == (164, 167)
    content = by[("task_content", "网格化服务管理工作")]
    assert (content.line_start, content.line_end) == (47, 62)
    assert content.value_text.startswith("一、网格化服务管理工作宣传经费。用于网格化服务管理咨询宣传活动")
    assert content.value_text.endswith("数据格式转换与发布等。")
    goal = by[("task_goal", "各镇（街）来穗人员信息采集工作")]  # follows the amount without a blank line
    assert (goal.line_start, goal.line_end) == (178, 180)
    assert goal.value_text == "来穗人员和出租屋底数清、情况明、管理实，及时做到“人来登记、人走注销、人在更新”。"
    goal = by[("task_goal", "来穗人员和出租屋管理专项工作")]  # before a page break with repeated headings
    assert (goal.line_start, goal.line_end) == (115, 131)
    assert by[("other_tasks", None)].value_text == "无。"
    overall = by[("overall_goal", None)]
    assert (overall.line_start, overall.line_end) == (28, 33)
    assert overall.value_text.endswith("网格化服务管理信息系统“本地化”。")


def test_indicator_values():
    result = parse()
    by = {}
    for indicator in result.indicators:
        by.setdefault((indicator.indicator_name, indicator.value_period_kind), []).append(indicator)
    cases = by[("开展案件评查数量", "cycle")][0]
    assert cases.comparison == "range" and cases.number == Decimal("6") and cases.number_high == Decimal("12")
    assert cases.unit == "宗" and (cases.line_start, cases.line_end) == (243, 244)
    reads = [i for i in by[("微信公众号年度信息发布量、阅读量", "annual")] if i.unit == "万次"][0]
    assert reads.number == Decimal("5") and (reads.line_start, reads.line_end) == (260, 261)
    monthly = by[("数据通报及时性", "cycle")][0]
    assert monthly.is_qualitative and monthly.comparison is None and monthly.period == "月"
    assert (monthly.line_start, monthly.line_end) == (298, 300)
    assert all(i.level1_code is None and i.sequence_no is None for i in result.indicators)


def test_indicator_lines_contain_the_value():
    result = parse()
    lines = (DOCUMENTS / NAME).read_text(encoding="utf-8").splitlines()
    for indicator in result.indicators:
        assert indicator.value_text in joined_lines(lines, indicator.line_start, indicator.line_end), indicator
        assert not lines[indicator.line_start - 1].strip() == ""


def test_facts_and_fiscal_year_from_manifest_only():
    facts = parse(read_document(DOCUMENTS / NAME, {})).facts
    assert facts.kind == "department_targets"
    assert facts.department == DEPARTMENT
    assert facts.unit == "万元"
    assert facts.fiscal_year is None
    entry = ManifestEntry(file_name=NAME, kind="department_targets", fiscal_year=2024)
    assert parse(read_document(DOCUMENTS / NAME, {NAME: entry})).facts.fiscal_year == 2024


def test_registered_and_fast():
    assert_registered_and_fast("department_targets", department_targets, DOCUMENTS / NAME)


SYNTHETIC = """部门整体预算绩效目标申报表
部门名称 某某委员会 下属二级单位数 0
预算整体情况
部门预算支出 预算金额（万元） 收入来源 预算金额（万元）
基本支出 10.00 财政拨款 12.00
项目支出 2.00 {odd}
总体绩效目标
做好工作。
年度重点工作
任务
名称 主要实施内容
拟投入的资金
（万元）
期望达到的目标（概述）

甲工作

开展甲。

2.00
完成甲。
其他需完成的
任务（可选
填）
无。
绩效指
标
一级指标 二级指标 三级指标 实施周期指标值 年度指标值
产出指标
数量指标
甲数
量

≥1
0次

≥10次
{extra}
"""


def test_synthetic_form():
    result = parse(text_document(SYNTHETIC.format(odd="", extra="")))
    assert result.findings == []
    assert Counter((f.measure, f.value_text) for f in result.figures) == Counter({
        ("subordinate_unit_count", "0"): 1, ("basic_expenditure", "10.00"): 1, ("fiscal_appropriation", "12.00"): 1,
        ("project_expenditure", "2.00"): 1, ("task_amount", "2.00"): 1})
    cycle, annual = result.indicators
    assert cycle.indicator_name == "甲数量" and cycle.value_text == "≥10次" and cycle.number == Decimal("10")
    assert (cycle.line_start, cycle.line_end) == (34, 35)
    assert annual.value_text == "≥10次" and annual.line_start == 37


def test_unknown_label_and_broken_table_are_findings_not_guesses():
    result = parse(text_document(SYNTHETIC.format(odd="某种资金 5.00", extra="乙数量\n\n5次")))
    unplaced = [f for f in result.findings if f.rule_id == "LOAD-UNPLACED-FIGURE"]
    assert len(unplaced) == 1 and "5.00" in unplaced[0].raw_text
    assert "5.00" not in {f.value_text for f in result.figures if f.measure != "task_amount"}
    incomplete = [f for f in result.findings if f.rule_id == "LOAD-INCOMPLETE-TABLE"]
    assert len(incomplete) == 1  # five cells under 产出指标/数量指标: not landed
    assert result.indicators == []


def test_task_name_run_into_its_content_is_a_finding():
    text_ = SYNTHETIC.format(odd="", extra="").replace("甲工作\n\n开展甲。", "甲工作\n开展甲。")
    result = parse(text_document(text_))
    assert [f.line_start for f in result.findings if f.rule_id == "LOAD-UNPLACED-FIGURE"] == [19]
    assert "task_amount" not in {f.measure for f in result.figures}


def test_missing_sections_is_a_parse_error():
    import pytest

    from loaders.records import ParseError

    with pytest.raises(ParseError):
        parse(text_document("部门整体预算绩效目标申报表\n部门名称 某某 下属二级单位数 1\n"))


def test_repeated_column_header_in_the_indicator_table():
    text_ = SYNTHETIC.format(odd="", extra="").replace(
        "\n\n≥10次", "\n\n部门整体预算绩效目标申报表\n一级指标 二级指标 三级指标 实施周期指标值 年度指标值\n≥10次")
    result = parse(text_document(text_))
    assert result.findings == []
    assert [(i.value_period_kind, i.value_text, i.line_start) for i in result.indicators] == [
        ("cycle", "≥10次", 34), ("annual", "≥10次", 39)]
