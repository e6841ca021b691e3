"""Golden tests for the 项目支出绩效目标表 parser (广州市来穗人员服务管理局).

tests/golden/gz-laisui-bureau-project-targets.*.csv were typed from the document text, line by line,
never copied from parser output. The tests compare the complete landed set with the golden set as
multisets: nothing missing, nothing extra, nothing in the wrong column.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from loaders.documents import ManifestEntry, read_document, read_manifest
from loaders.parsers import project_targets

from conftest import DOCUMENTS, assert_registered_and_fast, golden_counter, joined_lines, landed_counter
from conftest import text_document
from conftest import TARGET_FIGURE_COLUMNS as FIGURE_COLUMNS, TARGET_INDICATOR_COLUMNS as INDICATOR_COLUMNS

NAME = "gz-laisui-bureau-project-targets.txt"
BUREAU = "广州市来穗人员服务管理局"
CENTRE = "广州市来穗人员服务中心"


def parse(document=None):
    return project_targets.parse(document or read_document(DOCUMENTS / NAME, read_manifest(DOCUMENTS)))


def test_every_figure_lands_exactly_once():
    landed = landed_counter(parse().figures, FIGURE_COLUMNS)
    expected = golden_counter(NAME, "figures", FIGURE_COLUMNS)
    assert landed - expected == Counter(), "landed but not in the golden file"
    assert expected - landed == Counter(), "in the golden file but not landed"
    assert sum(expected.values()) == 13  # 合计, two units, ten projects


def test_every_indicator_value_lands_exactly_once():
    landed = landed_counter(parse().indicators, INDICATOR_COLUMNS)
    expected = golden_counter(NAME, "indicators", INDICATOR_COLUMNS)
    assert landed - expected == Counter(), "landed but not in the golden file"
    assert expected - landed == Counter(), "in the golden file but not landed"
    assert sum(expected.values()) == 84  # 42 printed indicators x (实施周期, 年度)


def test_42_indicators_two_values_each():
    result = parse()
    keys = Counter((i.subject, i.sequence_no) for i in result.indicators)
    assert len(keys) == 42
    assert set(keys.values()) == {2}
    kinds = Counter(i.value_period_kind for i in result.indicators)
    assert kinds == Counter({"cycle": 42, "annual": 42})


def test_source_columns_are_not_guessed():
    """Every row prints 总计 and one source amount; the source column cannot be told, so it is a finding."""
    result = parse()
    assert {f.measure for f in result.figures} == {"total"}
    ambiguous = [f for f in result.findings if f.rule_id == "LOAD-AMBIGUOUS-ROW"]
    assert len(ambiguous) == 13
    assert {f.line_start for f in ambiguous} == {f.line_start for f in result.figures}
    for finding in ambiguous:
        assert finding.raw_text and re.search(r"\d+\.\d{2}\s+\d+\.\d{2}", finding.raw_text)
    assert [f for f in result.findings if f.rule_id != "LOAD-AMBIGUOUS-ROW"] == []


def test_figure_values_and_lines():
    result = parse()
    lines = (DOCUMENTS / NAME).read_text(encoding="utf-8").splitlines()
    for figure in result.figures:
        assert figure.value_text in lines[figure.line_start - 1]
        assert figure.line_start == figure.line_end
        assert figure.printed_unit == "万元" and figure.printed_decimals == 2
        assert figure.value == Decimal(figure.value_text)
    by_label = {f.row_label: f for f in result.figures}
    assert by_label["合计"].value == Decimal("950.00") and by_label["合计"].row_kind == "total"
    assert by_label[BUREAU].row_kind == "unit" and by_label[CENTRE].value == Decimal("7.00")
    projects = [f for f in result.figures if f.row_kind == "project"]
    assert sum(f.value for f in projects if f.subject == BUREAU) == by_label[BUREAU].value
    assert sum(f.value for f in projects) == by_label["合计"].value


def test_wrapped_project_names_are_joined():
    result = parse()
    names = {a.value_text: a for a in result.attributes if a.attribute == "project_name"}
    name = BUREAU + "2023年广州市来穗人员服务管理信息系统升级改造项目"
    assert (names[name].line_start, names[name].line_end) == (99, 102)
    assert names["广州市城市社区网格化服务管理项目"].line_start == 46
    assert len(names) == 10


def test_purposes():
    result = parse()
    purposes = {a.subject: a for a in result.attributes if a.attribute == "project_purpose"}
    assert len(purposes) == 10
    first = purposes["专项工作经费"]
    assert (first.line_start, first.line_end) == (14, 23)
    assert first.value_text.startswith("通过开展专项工作经费项目，提高管理水平，做好理论研究工作")
    assert first.value_text.endswith("推动工作开展。")
    assert "\n" not in first.value_text and " " not in first.value_text
    assert purposes["工作经费"].line_start == 146
    grid = purposes["广州市城市社区网格化服务管理项目"].value_text
    assert "相关制度建设、事项申请" in grid  # "建设、 事项申" / "请": the space and the wrap are gone
    assert (purposes["广州市来穗服务管理局2024年政务信息化建设项目"].line_start,
            purposes["广州市来穗服务管理局2024年政务信息化建设项目"].line_end) == (183, 205)


def test_indicator_lines_contain_the_value():
    result = parse()
    lines = (DOCUMENTS / NAME).read_text(encoding="utf-8").splitlines()
    for indicator in result.indicators:
        assert indicator.value_text in joined_lines(lines, indicator.line_start, indicator.line_end), indicator
        assert indicator.value_text in indicator.raw_text.replace("\n", "")


def test_wrapped_values_and_names():
    result = parse()
    by = {(i.subject, i.sequence_no, i.value_period_kind): i for i in result.indicators}
    wrapped = by[("业务用房物业管理费", 1, "cycle")]  # "实施周期指标值:≥" / "90%"
    assert (wrapped.line_start, wrapped.line_end) == (39, 40)
    assert wrapped.value_text == "≥90%" and wrapped.comparison == ">=" and wrapped.number == Decimal("90")
    annual = by[("全市来穗人员服务工作专项", 2, "annual")]  # "年度指标值:≥" / "100条。"
    assert (annual.line_start, annual.line_end) == (87, 88) and annual.value_text == "≥100条"
    assert annual.period is None and by[("全市来穗人员服务工作专项", 2, "cycle")].period == "年"
    report = by[("广州市城市社区网格化服务管理项目", 5, "annual")]
    assert report.unit == "份" and report.period == "季度"
    # 3、2-效益指 / (blank line) / 标；22-社会效益；信息泄露事故数量
    across_blank = by[("广州市来穗人员服务管理局2023-2024年信息化运维项目", 3, "cycle")]
    assert across_blank.level1_name == "效益指标" and across_blank.indicator_name == "信息泄露事故数量"
    assert by[("专项工作经费", 3, "annual")].is_qualitative and by[("专项工作经费", 3, "annual")].comparison is None


def test_facts_and_fiscal_year_from_manifest_only():
    document = read_document(DOCUMENTS / NAME, {})
    facts = parse(document).facts
    assert facts.kind == "project_targets"
    assert facts.department == BUREAU
    assert facts.unit == "万元"
    assert facts.fiscal_year is None  # not printed; never invented
    with_manifest = read_document(DOCUMENTS / NAME, {NAME: ManifestEntry(file_name=NAME, kind="project_targets",
                                                                         fiscal_year=2024)})
    assert parse(with_manifest).facts.fiscal_year == 2024


def test_registered_and_fast():
    assert_registered_and_fast("project_targets", project_targets, DOCUMENTS / NAME)


SYNTHETIC = """项目支出绩效目标表
部门名称：某某局 单位：万元
项目名称（资金使用单位） 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标
合计 {total}
某某局 {unit}
    甲项目 {a}
做好甲。
1、1-产出指标；11-数量指标；完成率；实施周期指标值:10
0%；年度指标值:100%。
    乙项目
名称续 {b}
做好乙。
1、2-效益指标；22-社会效益；满意度；实施周期指标值:有所提升；年度指标值:≥90%。2、3-满意度指标；31-服务对
象满意度；投诉；实施周期指标值:≤2次/年；年度指标值:≤2次。
"""


def test_sources_placed_when_the_total_row_tells():
    """The total row prints every column; 财政专户拨款 is 0.00 there, so two sources in a row are 财政拨款 and
    其他资金 (in printed order). A single source among two possible columns stays a finding."""
    result = parse(text_document(SYNTHETIC.format(total="100.00 80.00 0.00 20.00", unit="100.00 80.00 20.00",
                                              a="60.00 60.00", b="40.00 20.00 20.00")))
    placed = Counter((f.row_label, f.measure, f.value_text) for f in result.figures)
    assert placed == Counter({
        ("合计", "total", "100.00"): 1, ("合计", "fiscal_appropriation", "80.00"): 1,
        ("合计", "special_account_funds", "0.00"): 1, ("合计", "other_funds", "20.00"): 1,
        ("某某局", "total", "100.00"): 1, ("某某局", "fiscal_appropriation", "80.00"): 1,
        ("某某局", "other_funds", "20.00"): 1,
        ("甲项目", "total", "60.00"): 1,
        ("乙项目名称续", "total", "40.00"): 1, ("乙项目名称续", "fiscal_appropriation", "20.00"): 1,
        ("乙项目名称续", "other_funds", "20.00"): 1,
    })
    assert [(f.rule_id, f.line_start) for f in result.findings] == [("LOAD-AMBIGUOUS-ROW", 6)]


def test_synthetic_wraps_inside_a_number_and_a_name():
    result = parse(text_document(SYNTHETIC.format(total="100.00", unit="100.00", a="60.00", b="40.00")))
    assert result.findings == []
    by = {(i.subject, i.sequence_no, i.value_period_kind): i for i in result.indicators}
    split = by[("甲项目", 1, "cycle")]  # "10" / "0%"
    assert split.value_text == "100%" and split.number == Decimal("100") and (split.line_start, split.line_end) == (8, 9)
    assert by[("乙项目名称续", 2, "cycle")].level2_name == "服务对象满意度"
    assert by[("乙项目名称续", 2, "cycle")].period == "年" and by[("乙项目名称续", 2, "annual")].period is None
    assert by[("乙项目名称续", 1, "cycle")].is_qualitative
    assert len(result.indicators) == 6
    assert {a.subject: a.value_text for a in result.attributes if a.attribute == "project_purpose"} == {
        "甲项目": "做好甲。", "乙项目名称续": "做好乙。"}


def test_total_that_does_not_add_up_is_reported_not_fixed():
    result = parse(text_document(SYNTHETIC.format(total="101.00", unit="100.00", a="60.00", b="40.00")))
    assert [f.value_text for f in result.figures if f.row_label == "合计"] == ["101.00"]
    assert [(f.rule_id, f.line_start) for f in result.findings] == [("LOAD-INCOMPLETE-TABLE", 4)]


def test_no_header_is_a_parse_error():
    import pytest

    from loaders.records import ParseError

    with pytest.raises(ParseError):
        parse(text_document("项目支出绩效目标表\n合计 1.00\n"))


def test_page_header_repeated_inside_a_list_and_annual_only_values():
    text_ = SYNTHETIC.format(total="100.00", unit="100.00", a="60.00", b="40.00")
    lines = text_.splitlines()
    # a page break inside 甲项目's indicator list repeats the page header
    lines[8:8] = ["项目支出绩效目标表", "部门名称：某某局 单位：万元",
                  "项目名称（资金使用单位） 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标"]
    text_ = "\n".join(lines).replace("实施周期指标值:有所提升；", "")
    result = parse(text_document(text_))
    assert result.findings == []
    by = {(i.subject, i.sequence_no, i.value_period_kind): i for i in result.indicators}
    assert by[("甲项目", 1, "cycle")].value_text == "100%"
    assert (by[("甲项目", 1, "cycle")].line_start, by[("甲项目", 1, "cycle")].line_end) == (8, 12)
    assert ("乙项目名称续", 1, "cycle") not in by and by[("乙项目名称续", 1, "annual")].value_text == "≥90%"
    assert len(result.indicators) == 5


def test_purpose_starting_with_a_numbered_year_is_not_an_indicator_list():
    text_ = SYNTHETIC.format(total="100.00", unit="100.00", a="60.00", b="40.00").replace(
        "做好甲。", "1、2023-2024年做好甲。")
    result = parse(text_document(text_))
    assert result.findings == []
    purposes = {a.subject: a.value_text for a in result.attributes if a.attribute == "project_purpose"}
    assert purposes["甲项目"] == "1、2023-2024年做好甲。"


def test_indented_row_without_indicators_is_reported():
    """乙项目 loses its purpose and indicators: read as a unit, but indented like a project -> findings."""
    text_ = SYNTHETIC.format(total="100.00", unit="100.00", a="60.00", b="40.00")
    text_ = text_.split("做好乙。")[0]
    result = parse(text_document(text_))
    rules = sorted(f.rule_id for f in result.findings)
    assert "LOAD-AMBIGUOUS-ROW" in rules  # indented "unit"
    assert "LOAD-INCOMPLETE-TABLE" in rules  # 某某局 100.00 is not the sum of its one project 60.00
