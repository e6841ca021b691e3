"""Comparisons the reader reads since reader 1.5.0 (found on documents/real/heldout7 and heldout8):

- a flat word against a basis of the document's own year (与2021年度预算相比无变化 / 无增减 in a 2021 决算): a change of
  exactly zero against that base, for the amount stated before it (not when hedged, 基本持平, nor when a number
  follows; against another year, 与上年持平, it stays a direction without a row);
- 经比较 opening a sentence is no comparison: the amount after it is the current one;
- 亿 printed without 元 after a money word of its clause is 亿元 (财政收入为170.19亿);
- 从2015年的A万元上升到2020年的B万元: both amounts are the noun's before 从;
- 年均增长x%: an average annual rate (role annual_growth_pct), never the growth of the amounts it follows.

Every sentence is written for this test (other places, subjects and amounts than the documents the mechanisms were
found on); every expected value is read from the sentence by hand.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import text_document
from loaders.detect import detect
from loaders.records import DocumentFacts
from loaders.statements import READER_VERSION, read_statements


def _read(text: str, year: int | None = 2022, kind: str | None = "three_public_final_accounts"):
    return read_statements(text_document(text), DocumentFacts(kind=kind, fiscal_year=year))


def _rows(statements):
    return [(s.role, s.subject, s.value, s.printed_unit, s.compared_year, s.compared_basis, s.direction)
            for s in statements]


def test_reader_version_names_the_change():
    assert tuple(map(int, READER_VERSION.split("."))) >= (1, 5, 0)


@pytest.mark.parametrize("word", ["无变化", "无增减", "持平", "没有变化"])
def test_a_flat_word_against_a_base_is_a_change_of_zero(word):
    statements, _ = _read(f"3.公务接待费支出3.75万元，与2022年度预算相比{word}。\n")
    change = [s for s in statements if s.role == "change"]
    assert len(change) == 1
    assert (change[0].subject, change[0].value, change[0].printed_unit, change[0].direction) == \
        ("公务接待费", Decimal("0"), "万元", 0)
    assert (change[0].compared_year, change[0].compared_basis) == (2022, "budget")
    assert change[0].value_text == word
    assert change[0].printed_decimals == 2  # the precision of the amount it is stated for


@pytest.mark.parametrize("sentence", [
    "公务接待费支出3.75万元，与上年基本持平。",  # hedged: not an exact zero
    "公务接待费支出3.75万元，与上年相比持平3.75万元。",  # a number follows the word in its clause
    "与2022年度预算相比无变化。",  # no amount stated before it
    "公务接待费支出3.75万元，培训人次与上年持平。",  # another year, and a noun between: a direction only
])
def test_no_zero_change_when_hedged_or_without_an_amount(sentence):
    statements, _ = _read(sentence + "\n")
    assert [s for s in statements if s.role == "change" and not s.value_text[:1].isdigit()] == []


def test_a_flat_word_against_the_year_before_is_a_change_of_zero_since_reader_1_5_7():
    # 与上年持平 right after the amount: a change of exactly 0 against the year before (its list can be added up)
    statements, _ = _read("公务接待费支出3.75万元，与上年持平。\n")
    change = [s for s in statements if s.role == "change"]
    assert [(s.subject, s.value, s.direction, s.compared_year) for s in change] == [("公务接待费", Decimal("0"), 0, 2021)]


def test_jing_bijiao_opens_no_comparison():
    text = "经比较2022年度镇本级“三公”经费36万元，较上年减少9万元，下降20%，较年初预算数减少3万元，下降7.69%。\n"
    statements, _ = _read(text)
    rows = _rows(statements)
    assert ("amount", "三公经费", Decimal("36"), "万元", None, None, None) in rows
    assert ("change", "三公经费", Decimal("9"), "万元", 2021, None, -1) in rows
    assert ("change", "三公经费", Decimal("3"), "万元", None, "initial_budget", -1) in rows
    assert not [s for s in statements if s.role == "prior_amount"]


def test_yi_without_yuan_after_a_money_word_is_yi_yuan():
    statements, _ = _read("开发区2022年财政收入为85.4亿，同比增长6.2%。\n", kind=None)
    amount = [s for s in statements if s.role == "amount"]
    assert [(s.subject, s.value, s.printed_unit) for s in amount] == [("财政收入", Decimal("85.4"), "亿元")]


def test_yi_without_a_money_word_before_it_is_not_money():
    statements, _ = _read("全区常住人口达到1.2亿，同比增长0.5%。\n", kind=None)
    assert not [s for s in statements if s.role == "amount"]


def test_from_one_year_to_another_both_amounts_are_the_nouns_and_the_annual_rate_is_its_own_role():
    text = "“十四五”以来，某县税收收入从2020年的5120万元增长到2024年的7315万元，年均增长9.33%。\n"
    statements, _ = _read(text, year=None, kind=None)
    rows = [(s.role, s.subject, s.value, s.period_year) for s in statements]
    assert ("amount", "某县税收收入", Decimal("5120"), 2020) in rows or ("amount", "税收收入", Decimal("5120"), 2020) in rows
    subjects = {s.subject for s in statements}
    assert len(subjects) == 1
    assert [(s.role, s.value) for s in statements if s.role.endswith("growth_pct")] == \
        [("annual_growth_pct", Decimal("9.33"))]
    assert len([s for s in statements if s.role == "amount"]) == 2


def test_an_average_annual_change_in_money_is_not_read_as_a_change():
    statements, _ = _read("某县税收收入从2020年的5120万元增长到2024年的7315万元，年均增加548.75万元。\n",
                          year=None, kind=None)
    assert not [s for s in statements if s.role == "change"]


def test_a_three_public_budget_is_not_read_from_a_comparison_with_the_budget():
    # 三公经费…支出合计…，比预算数减少…: spending reported against its budget, no 预算 document
    text = ("财政部日前向人大常委会作2023年中央决算报告。\n"
            "2023年中央本级“三公”经费财政拨款支出合计31.5亿元，比预算数减少20.2亿元。\n")
    facts = detect(text_document(text)).facts
    assert facts.kind != "three_public_budget"


def test_a_share_of_the_total_named_the_other_way_is_a_share_of_the_lists_whole():
    # 支出合计 and 总支出 name one total (heldout5 汕头: the shares were left unchecked); written for this test
    text = "2023年本单位支出合计1,250.00万元，其中基本支出500.00万元，占总支出的40.00%，项目支出750.00万元，占总支出的60.00%。\n"
    statements, findings = _read(text, year=2023, kind="final_accounts")
    shares = [(s.subject, s.parent_subject, s.value) for s in statements if s.role == "share_pct"]
    assert shares == [("基本支出", "支出合计", Decimal("40.00")), ("项目支出", "支出合计", Decimal("60.00"))]
    assert not [f for f in findings if "not the whole" in f.message]


def test_a_share_of_a_total_carried_forward_is_not_read_as_the_years_total():
    # 支出总计 of a 收支总表 includes what is carried forward; 总计 is not read as the total of 本年支出 by name here
    from loaders.statements.reader import _same_aggregate
    assert _same_aggregate("总支出", "支出合计") and _same_aggregate("总收入", "收入总额")
    assert not _same_aggregate("总支出", "支出总计") and not _same_aggregate("总支出", "本年支出合计")


# --- reader 1.5.1, marks 1.4.3 (after the ninth blind set) -------------------------------------------------------------

def test_a_bracket_opened_by_baokuo_after_an_amount_lists_that_amounts_parts():
    text = ("2024年某市本级“三公”经费预算12.60亿元，其中：因公出国（境）费1.10亿元；公务用车购置及运行费8.30亿元"
            "（包括购置费2.00亿元、运行费6.30亿元），减少0.20亿元；公务接待费3.20亿元。\n")
    statements, _ = _read(text, year=2024, kind="three_public_budget")
    parents = {(s.subject, s.value): s.parent_subject for s in statements if s.role == "amount"}
    assert parents[("购置费", Decimal("2.00"))] == "公务用车购置及运行费"
    assert parents[("运行费", Decimal("6.30"))] == "公务用车购置及运行费"
    assert parents[("公务接待费", Decimal("3.20"))] == "三公经费"  # the outer list goes on after the bracket


def test_a_noun_before_yijing_dadao_and_a_change_after_zengjia_e_da():
    statements, _ = _read("上级补助各项资金已经达到320.5亿元，比上年同期增长12%，增加额达34.3亿元。\n", year=None, kind=None)
    assert [(s.role, s.subject, s.value) for s in statements] == [
        ("amount", "上级补助各项资金", Decimal("320.5")),
        ("growth_pct", "上级补助各项资金", Decimal("12")),
        ("change", "上级补助各项资金", Decimal("34.3")),
    ]


def test_parts_that_add_up_to_another_amount_of_the_sentence_leave_the_whole_unsettled():
    text = ("2024年，全县一般公共预算收入6,200万元，同口径完成地方财政收入7,100万元，增长5.2%，其中：税收收入"
            "4,000万元，非税收入2,200万元，非税占比35.5%。\n")
    statements, findings = _read(text, year=2024, kind=None)
    assert all(s.parent_subject is None for s in statements)
    assert [f.rule_id for f in findings] == ["LOAD-AMBIGUOUS-LIST"]
    assert "they add up to 6,200万元" in findings[0].message
    # parts that add up to the amount before 其中 keep it as their whole
    statements, findings = _read(text.replace("4,000万元", "4,900万元"), year=2024, kind=None)
    assert {s.parent_subject for s in statements if s.subject in ("税收收入", "非税收入")} == {"同口径完成地方财政收入"}


def test_counts_of_another_thing_are_no_parts_of_a_count():
    from loaders.text_marks import read_marks
    text = "56个单位全部公开了预算，其中，有40个单位公开了62个项目的绩效目标。\n"
    marks = [(m.role, m.value) for m in read_marks(text_document(text)) if m.role.startswith("count")]
    assert marks == [("count_whole", Decimal("56")), ("count_part", Decimal("40"))]


def test_a_budget_adjusted_without_you_and_the_amount_done_after_it_are_of_the_same_noun():
    # reader 1.5.19 (heldout54 银州 L9, blind: 一般公共预算支出调整为68000万元，2021年完成82133万元，为调整预算的67.1%, all four
    # numbers unbound; written here with other amounts): 调整为 is no part of the noun, and a clause that only says
    # the budget was carried out (2023年完成) gives the amount done of that noun, against the adjusted budget
    statements, findings = _read("经县人大常委会审议通过一般公共预算支出调整为52000万元，2023年完成49400万元，为调整预算的95%，"
                                 "比上年决算增长4%。\n", year=2023, kind="final_accounts")
    assert [(s.role, s.subject, s.value, s.basis) for s in statements] == [
        ("amount", "一般公共预算支出", Decimal("52000"), "adjusted_budget"),
        ("amount", "一般公共预算支出", Decimal("49400"), "final_accounts"),
        ("completion_pct", "一般公共预算支出", Decimal("95"), "final_accounts"),
        ("growth_pct", "一般公共预算支出", Decimal("4"), "final_accounts")]
    assert findings == []


def test_an_amount_done_after_an_amount_of_no_budget_takes_no_noun():
    # the clause before states an amount of a 决算 (no budget): 完成 after it is no budget carried out, so its
    # amount names nothing of its own and is reported
    statements, findings = _read("税收收入52000万元，2023年完成49400万元。\n", year=2023, kind="final_accounts")
    assert [(s.role, s.subject, s.value) for s in statements] == [("amount", "税收收入", Decimal("52000"))]
    assert [f.rule_id for f in findings] == ["LOAD-UNBOUND-STATEMENT"]


def test_in_a_text_of_no_basis_an_amount_done_is_carried_out_and_the_budget_a_completion_is_of_is_a_budget():
    # reader 1.5.19 (heldout54 银州, a government's 决算 report, which has no kind; written here with other amounts):
    # 预算 inside 一般公共预算收入 is no basis word (46997 was read as a budget amount), an amount after 完成 is the amount
    # carried out, and the amount right after 为调整预算 is that budget's: the completion can be checked against them
    statements, findings = _read("全县一般公共预算收入完成30600万元，为调整预算32000万元的95.6%。\n", year=2023, kind=None)
    assert [(s.role, s.subject, s.value, s.basis) for s in statements] == [
        ("amount", "一般公共预算收入", Decimal("30600"), "execution"),
        ("amount", "一般公共预算收入", Decimal("32000"), "adjusted_budget"),
        ("completion_pct", "一般公共预算收入", Decimal("95.6"), "execution")]
    assert findings == []
    # the fund's own budget is one (政府性基金预算为…): its 预算 after the noun is the basis word
    statements, _ = _read("全县政府性基金收入预算为8000万元。\n", year=2023, kind=None)
    assert [(s.subject, s.basis) for s in statements] == [("政府性基金收入", "budget")]
    # a 决算 keeps its own basis for an amount done
    statements, _ = _read("全县一般公共预算收入完成30600万元。\n", year=2023, kind="final_accounts")
    assert [(s.subject, s.basis) for s in statements] == [("一般公共预算收入", "final_accounts")]
