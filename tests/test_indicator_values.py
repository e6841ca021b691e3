"""Printed indicator values -> comparison, number, unit, period (loaders/indicator_values.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from loaders.indicator_values import parse_indicator_value, split_value_clauses

# text, comparison, number, number_high, decimals, unit, period
CASES = [
    ("100%", "=", "100", None, 0, "%", None),
    ("0", "=", "0", None, 0, None, None),
    ("95%", "=", "95", None, 0, "%", None),
    ("99.5%", "=", "99.5", None, 1, "%", None),
    ("≥90%", ">=", "90", None, 0, "%", None),
    ("≧90%", ">=", "90", None, 0, "%", None),
    (">=90%", ">=", "90", None, 0, "%", None),
    ("＞＝90％", ">=", "90", None, 0, "%", None),
    ("≥ 85 %", ">=", "85", None, 0, "%", None),
    ("≤2", "<=", "2", None, 0, None, None),
    ("≦2", "<=", "2", None, 0, None, None),
    ("<=24小时", "<=", "24", None, 0, "小时", None),
    (">0", ">", "0", None, 0, None, None),
    ("<5%", "<", "5", None, 0, "%", None),
    ("＜3次", "<", "3", None, 0, "次", None),
    ("=1份", "=", "1", None, 0, "份", None),
    ("1份", "=", "1", None, 0, "份", None),
    ("≥1份/季度", ">=", "1", None, 0, "份", "季度"),
    ("≥100条/年", ">=", "100", None, 0, "条", "年"),
    ("≥14场/年", ">=", "14", None, 0, "场", "年"),
    ("≥10人/年", ">=", "10", None, 0, "人", "年"),
    ("≥750篇/年", ">=", "750", None, 0, "篇", "年"),
    ("≥100条", ">=", "100", None, 0, "条", None),
    ("≥6条", ">=", "6", None, 0, "条", None),
    ("≥15万", ">=", "15", None, 0, "万", None),
    ("12次/月", "=", "12", None, 0, "次", "月"),
    ("每月1次", "=", "1", None, 0, "次", "月"),
    ("每季度不少于1次", ">=", "1", None, 0, "次", "季度"),
    ("对6-12宗案件开展案件评查", "range", "6", "12", 0, "宗", None),
    ("6～12宗", "range", "6", "12", 0, "宗", None),
    ("3至5天", "range", "3", "5", 0, "天", None),
    ("80%-90%", "range", "80", "90", 0, "%", None),
    ("微信公众号年度信息发布200条以上", ">=", "200", None, 0, "条", None),
    ("年度阅读量达到5万次", ">=", "5", None, 0, "万次", None),
    ("住宅类出租屋安全星级评定覆盖率90%以上", ">=", "90", None, 0, "%", None),
    ("全年全区出租屋平均抽查登记率为达95%", ">=", "95", None, 0, "%", None),
    ("全年来穗人员平均抽查登记率达90%", ">=", "90", None, 0, "%", None),
    ("每个综合网格采集事件不少于5宗", ">=", "5", None, 0, "宗", None),
    ("办结率不低于95%", ">=", "95", None, 0, "%", None),
    ("至少3场", ">=", "3", None, 0, "场", None),
    ("不得低于300场次", ">=", "300", None, 0, "场次", None),
    ("不高于5%", "<=", "5", None, 0, "%", None),
    ("不超过10个工作日", "<=", "10", None, 0, "个工作日", None),
    ("投诉率5%以下", "<=", "5", None, 0, "%", None),
    ("2小时以内", "<=", "2", None, 0, "小时", None),
    ("超过1000人次", ">", "1000", None, 0, "人次", None),
    ("低于3%", "<", "3", None, 0, "%", None),
    ("约200人", "~", "200", None, 0, "人", None),
    ("1,200万元", "=", "1,200", None, 0, "万元", None),
    ("１００％", "=", "１００", None, 0, "%", None),
]


@pytest.mark.parametrize("text,comparison,number,high,decimals,unit,period", CASES)
def test_quantitative(text, comparison, number, high, decimals, unit, period):
    value = parse_indicator_value(text)
    assert value.text == text
    assert value.is_qualitative is False
    assert value.comparison == comparison
    assert value.number_text.startswith(number)
    assert value.number == Decimal(number.replace(",", "").translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    assert value.number_high == (Decimal(high) if high else None)
    assert value.printed_decimals == decimals
    assert value.unit == unit
    assert value.period == period
    assert value.extra_numbers == ()


@pytest.mark.parametrize("text,period", [
    ("发布", None),
    ("有所提升", None),
    ("我区群众安全感和政法工作满意度有所提升", None),
    ("每月", "月"),
    ("每月总结分析网格事件情况并通报给相关部门和各镇街", "月"),
    ("按时完成", None),
    ("逐步提高", None),
    ("  显著改善  ", None),
])
def test_qualitative(text, period):
    value = parse_indicator_value(text)
    assert value.is_qualitative is True
    assert value.comparison is None
    assert value.number is None and value.number_text is None and value.unit is None
    assert value.period == period
    assert value.text == text.strip()


def test_range_number_text_as_printed():
    value = parse_indicator_value("对6-12宗案件开展案件评查")
    assert value.number_text == "6-12"
    assert value.text == "对6-12宗案件开展案件评查"


def test_printed_text_is_kept():
    assert parse_indicator_value(" ≥90% ").text == "≥90%"
    assert parse_indicator_value("≧90%").text == "≧90%"


def test_numbers_not_read_are_reported():
    value = parse_indicator_value("完成3项，满意度90%")
    assert value.number == Decimal("3")
    assert value.extra_numbers == ("90",)


def test_split_clauses_only_when_several_targets():
    text = "微信公众号年度信息发布200条以上，年度阅读量达到5万次"
    spans = split_value_clauses(text)
    assert [text[a:b] for a, b in spans] == ["微信公众号年度信息发布200条以上", "年度阅读量达到5万次"]
    text = "每个综合网格采集事件不少于5宗，办结率不低于95%"
    assert [text[a:b] for a, b in split_value_clauses(text)] == ["每个综合网格采集事件不少于5宗", "办结率不低于95%"]
    text = "每月总结分析，并通报"
    assert [text[a:b] for a, b in split_value_clauses(text)] == ["每月总结分析，并通报"]
    text = "按时完成，覆盖率达90%。"
    assert [text[a:b] for a, b in split_value_clauses(text)] == ["按时完成，覆盖率达90%"]
    assert split_value_clauses("") == []
    assert split_value_clauses("100%") == [(0, 4)]


@pytest.mark.parametrize("text", ["2024年底前完成", "2023-2024年度完成验收", "6月底前上线", "12月31日前完成", "2024年"])
def test_dates_are_not_targets(text):
    value = parse_indicator_value(text)
    assert value.is_qualitative and value.number is None and value.extra_numbers == ()
    assert value.text == text


def test_date_beside_a_target():
    value = parse_indicator_value("2024年底前完成率达90%")
    assert (value.comparison, value.number, value.unit) == (">=", Decimal("90"), "%")
    assert value.extra_numbers == ()
    value = parse_indicator_value("≥2年")
    assert (value.comparison, value.number, value.unit) == (">=", Decimal("2"), "年")
