"""Lists and frames the reader reads since reader 1.5.6 (found on documents/real/heldout13 and heldout14, blind sets):

- 包括 / 包含 / 含 after an amount's clause, or opening a bracket with an amount in it, list that amount's parts (they
  are no parts of the list the amount stands in), and a bracket opened by its own token ends its list at its ）;
- a numbered item after ； goes on with the list whose first part printed the number before (其中：1、…；2、…);
- a split heading (按功能分类科目：) after a list's parts ends that breakdown (its parts are not summed into it);
- a bracket after a rate breaks down the clause's amount (…万元，同比下降x%（A…、B…）);
- 预算稳定调节基金 is a noun (its 预算 is no basis), 上解 / 返还 / 转移支付 / 基金 / 债券 end nouns;
- a share of the organisation's own total (占部门预算总支出, 占本单位总收入) is a share of 总支出 / 总收入;
- the economic classes as older publishers print them (工资性支出, 商品与服务支出, 对个人与家庭补助支出);
- an empty 分别 frame pairs with the nouns of the clause before when each of its items prints its noun and a number,
  a number before 、 takes the money unit of the next item of its clause, and 支总计 / 收总计 are 支出总计 / 收入总计.

Every sentence is written for this test (other places, subjects and amounts than the documents the mechanisms were
found on); every expected value is read from the sentence by hand.
"""

from __future__ import annotations

from decimal import Decimal

from conftest import text_document
from loaders.records import DocumentFacts
from loaders.statements import READER_VERSION, read_statements


def _read(text: str, year: int | None = 2022, kind: str | None = "department_budget"):
    return read_statements(text_document(text), DocumentFacts(kind=kind, fiscal_year=year))


def _amounts(statements):
    return [(s.subject, s.parent_subject, s.value) for s in statements if s.role == "amount"]


def test_reader_version_names_the_change():
    assert tuple(map(int, READER_VERSION.split("."))) >= (1, 5, 6)


def test_baokuo_after_a_part_breaks_that_part_down_and_a_numbered_item_goes_on_with_the_list():
    statements, findings = _read("本年度支出预算580.4万元。其中：1、基本支出420.4万元，包括：人员经费350.1万元，"
                                 "公用经费70.3万元；2、项目支出160万元。\n")
    assert _amounts(statements) == [
        ("支出", None, Decimal("580.4")),
        ("基本支出", "支出", Decimal("420.4")),
        ("人员经费", "基本支出", Decimal("350.1")),
        ("公用经费", "基本支出", Decimal("70.3")),
        ("项目支出", "支出", Decimal("160"))]
    assert findings == []


def test_bracketed_numbered_items_go_on_over_semicolons_and_a_bracket_after_a_rate_breaks_down_its_amount():
    statements, _ = _read("全县一般公共预算收入完成61200万元，其中：（1）地方收入完成35200万元，同比增长3.5%（税收收入"
                          "20100万元、非税收入15100万元）；（2）上级补助收入完成24000万元；（3）调入资金2000万元。\n",
                          kind=None)
    # (全县 is the sentence's scope, not part of the noun)
    assert _amounts(statements) == [
        ("一般公共预算收入", None, Decimal("61200")),
        ("地方收入", "一般公共预算收入", Decimal("35200")),
        ("税收收入", "地方收入", Decimal("20100")),
        ("非税收入", "地方收入", Decimal("15100")),
        ("上级补助收入", "一般公共预算收入", Decimal("24000")),
        ("调入资金", "一般公共预算收入", Decimal("2000"))]


def test_an_item_of_another_number_opens_a_statement_of_its_own():
    # （3） after （1）: not the next part (a part is missing or the numbering is another list's)
    statements, _ = _read("全县一般公共预算收入完成61200万元，其中：（1）地方收入完成35200万元；（3）调入资金2000万元。\n",
                          kind=None)
    assert ("调入资金", None, Decimal("2000")) in _amounts(statements)
    assert ("地方收入", "一般公共预算收入", Decimal("35200")) in _amounts(statements)


def test_han_in_a_bracket_or_after_a_comma_lists_the_parts_of_the_amount_before():
    statements, _ = _read("支出总计调整为6400万元。其中：一般公共预算支出5100万元，上解支出1300万元（含收回结余资金400万元）。"
                          "收入总计6400万元，其中：本级收入1800万元（包含：税收收入1500万元，非税收入300万元），"
                          "上级补助收入4600万元，含一般性转移支付3900万元，专项转移支付700万元。\n", kind=None)
    assert _amounts(statements) == [
        ("支出总计", None, Decimal("6400")),
        ("一般公共预算支出", "支出总计", Decimal("5100")),
        ("上解支出", "支出总计", Decimal("1300")),
        ("收回结余资金", "上解支出", Decimal("400")),
        ("收入总计", None, Decimal("6400")),
        ("本级收入", "收入总计", Decimal("1800")),
        ("税收收入", "本级收入", Decimal("1500")),
        ("非税收入", "本级收入", Decimal("300")),
        ("上级补助收入", "收入总计", Decimal("4600")),
        ("一般性转移支付", "上级补助收入", Decimal("3900")),
        ("专项转移支付", "上级补助收入", Decimal("700"))]


def test_a_split_heading_after_parts_ends_the_breakdown():
    statements, _ = _read("本年度支出预算298.6万元，其中：按支出项目类别：基本支出210.6万元，项目支出88万元。"
                          "按支出功能分类科目：教育支出280.1万元，住房保障支出18.5万元。\n")
    # (the second sentence here is a sentence of its own; printed after a period without 。 it is the same sentence)
    statements2, _ = _read("本年度支出预算298.6万元，其中：按支出项目类别：基本支出210.6万元，项目支出88万元."
                           "按支出功能分类科目：教育支出280.1万元，住房保障支出18.5万元。\n")
    for found in (statements, statements2):
        assert _amounts(found) == [
            ("支出", None, Decimal("298.6")),
            ("基本支出", "支出", Decimal("210.6")),
            ("项目支出", "支出", Decimal("88")),
            ("教育支出", None, Decimal("280.1")),
            ("住房保障支出", None, Decimal("18.5"))]


def test_the_budget_stabilisation_fund_and_transfer_nouns_name_their_amounts():
    statements, _ = _read("决算收入总计9120万元，其中：本级收入2100万元，上级补助收入5020万元，动用预算稳定调节基金2000万元。"
                          "体制上解980万元。\n", kind=None)
    # (决算 is the basis of the total, not part of its noun)
    assert _amounts(statements) == [
        ("收入总计", None, Decimal("9120")),
        ("本级收入", "收入总计", Decimal("2100")),
        ("上级补助收入", "收入总计", Decimal("5020")),
        ("预算稳定调节基金", "收入总计", Decimal("2000")),
        ("体制上解", None, Decimal("980"))]
    # 预算 inside the fund's name is no basis: the fund's amount takes the 决算 its list prints
    assert [s.basis for s in statements if s.subject == "预算稳定调节基金"] == ["final_accounts"]


def test_a_share_of_the_organisations_own_total_is_a_share_of_the_list_whole():
    statements, findings = _read("某某局2016年预算支出合计60.5万元。其中：工资性支出40.1万元，占某某局预算总支出的66.28%；"
                                 "商品与服务支出15.4万元，占部门预算总支出的25.45%；对个人与家庭补助支出5万元，占本单位总支出的"
                                 "8.26%。\n", year=2016)
    shares = [(s.subject, s.parent_subject, s.value) for s in statements if s.role == "share_pct"]
    assert shares == [("工资性支出", "支出合计", Decimal("66.28")), ("商品与服务支出", "支出合计", Decimal("25.45")),
                      ("对个人与家庭补助支出", "支出合计", Decimal("8.26"))]
    assert [f for f in findings if "share" in f.message] == []


def test_an_empty_respective_frame_takes_the_nouns_of_the_clause_before():
    statements, _ = _read("2021年度收入385.2、支总计371.9万元。与2020年相比，收入减少40.1、支出总计减少52.3万元，"
                          "分别下降9.43%、12.33%。\n", year=2021, kind="final_accounts")
    assert [(s.role, s.subject, s.value, s.printed_unit) for s in statements] == [
        ("amount", "收入", Decimal("385.2"), "万元"), ("amount", "支出总计", Decimal("371.9"), "万元"),
        ("change", "收入", Decimal("40.1"), "万元"), ("change", "支出总计", Decimal("52.3"), "万元"),
        ("growth_pct", "收入", Decimal("9.43"), "%"), ("growth_pct", "支出总计", Decimal("12.33"), "%")]


def test_a_number_opening_a_line_item_takes_no_unit_from_the_next_item():
    statements, _ = _read("主要用于：\n1、办公设备购置12万元。\n", kind=None)
    assert [(s.value, s.printed_unit) for s in statements if s.role == "amount"] == [(Decimal("12"), "万元")]


def test_a_part_listed_under_a_whole_never_takes_that_wholes_name():
    # the item heading names 项目支出; the first part's own noun (绿化养护) is no noun the reader knows: reported, not
    # bound to 项目支出 (which would make 项目支出 two amounts), and its list is not summed
    statements, findings = _read("（二）项目支出\n2022年项目支出预算为96.5万元，主要用于专项业务。其中：绿化养护40.5万元、"
                                 "物业管理经费56万元。\n")
    assert _amounts(statements) == [("项目支出", None, Decimal("96.5")), ("物业管理经费", None, Decimal("56"))]
    assert [f.rule_id for f in findings] == ["LOAD-UNBOUND-STATEMENT", "LOAD-AMBIGUOUS-LIST"]
    # a debt's interest is a noun (利息): the list is whole and summed
    statements, findings = _read("（二）项目支出\n2022年项目支出预算为96.5万元，主要用于专项业务。其中：贷款利息40.5万元、"
                                 "物业管理经费56万元。\n")
    assert _amounts(statements) == [("项目支出", None, Decimal("96.5")), ("贷款利息", "项目支出", Decimal("40.5")),
                                    ("物业管理经费", "项目支出", Decimal("56"))]
    assert findings == []


def test_a_totals_list_goes_on_with_project_spending_after_the_economic_classes():
    statements, _ = _read("2022年支出预算总计512.3万元，其中：工资福利支出300.1万元，商品和服务支出80.2万元；项目支出132万元。\n")
    assert _amounts(statements) == [
        ("支出预算总计", None, Decimal("512.3")), ("工资福利支出", "支出预算总计", Decimal("300.1")),
        ("商品和服务支出", "支出预算总计", Decimal("80.2")), ("项目支出", "支出预算总计", Decimal("132"))]


def test_three_public_parts_printed_with_zhichu_are_those_parts():
    statements, _ = _read("2022年“三公”经费支出12.6万元，其中：因公出国（境）支出0万元；公务用车购置及运行维护费10.1万元；"
                          "公务接待支出2.5万元。\n", kind="final_accounts")
    assert _amounts(statements) == [
        ("三公经费", None, Decimal("12.6")), ("因公出国（境）支出", "三公经费", Decimal("0")),
        ("公务用车购置及运行维护费", "三公经费", Decimal("10.1")), ("公务接待支出", "三公经费", Decimal("2.5"))]


def test_yi_alone_ending_a_listed_clause_is_yi_yuan():
    # (it was dropped silently: no 预算/支出/收入 word in its clause, so the list looked whole without it)
    statements, _ = _read("2024年全县财政总支出86.2亿元，其中：一般公共预算支出60.1亿元，债务还本支出20.1亿元，"
                          "再融资债券结余1亿，调出资金5亿。\n", year=2024, kind=None)
    assert [(s.subject, s.parent_subject, s.value, s.printed_unit) for s in statements if s.role == "amount"][-2:] == [
        ("再融资债券结余", "财政总支出", Decimal("1"), "亿元"), ("调出资金", "财政总支出", Decimal("5"), "亿元")]
    # 亿 alone after a count word is no amount
    statements, _ = _read("2024年全县接待游客1.2亿人次，旅游收入80亿元。\n", year=2024, kind=None)
    assert [(s.value, s.printed_unit) for s in statements if s.role == "amount"] == [(Decimal("80"), "亿元")]


def test_a_noun_before_actual_completion_or_execution_names_the_amount():
    # (实际完成, 执行 and a level printed before the noun, 区级, left the amounts unbound)
    statements, _ = _read("2023年，一般公共预算收入实际完成8,120万元，比上年减少230万元，下降2.75%。全县一般公共预算支出执行"
                          "31.5亿元，同比增长4.1%。区级政府性基金收入预计完成6.2亿元。\n", year=2023, kind=None)
    assert [(s.role, s.subject, s.value) for s in statements] == [
        ("amount", "一般公共预算收入", Decimal("8120")), ("change", "一般公共预算收入", Decimal("230")),
        ("growth_pct", "一般公共预算收入", Decimal("2.75")), ("amount", "一般公共预算支出", Decimal("31.5")),
        ("growth_pct", "一般公共预算支出", Decimal("4.1")), ("amount", "政府性基金收入", Decimal("6.2"))]


def test_a_reason_sentence_naming_its_subject_explains_that_subject_not_the_sentence_before():
    statements, _ = _read("2021年“三公”经费支出3.2亿元，比上年减少1.1亿元，下降25.6%。公务接待费0.4亿元，下降20%。"
                          "因公出国（境）费0.3亿元，增长50%。“三公”经费降幅较大的主要原因是机构改革，相应支出改列其他部门。\n",
                          year=2021, kind="final_accounts")
    reasons = {(s.subject, s.role): s.reason_text for s in statements}
    assert reasons[("因公出国（境）费", "growth_pct")] is None
    # without a noun of its own, a reason sentence still explains the sentence before
    statements, _ = _read("2021年因公出国（境）费0.3亿元，增长50%。主要原因是出访任务增多。\n", year=2021, kind="final_accounts")
    assert {s.reason_text for s in statements} == {"出访任务增多"}


def test_a_noun_printed_before_its_year_and_basis_names_the_amount_and_the_amount_compared_with():
    statements, _ = _read("（二）会议费2024年预算3万元，较2023年预算2.40万元增长25%。\n", year=2024)
    assert [(s.role, s.subject, s.value, s.period_year) for s in statements] == [
        ("amount", "会议费", Decimal("3"), 2024), ("prior_amount", "会议费", Decimal("2.40"), 2023),
        ("growth_pct", "会议费", Decimal("25"), 2024)]


def test_the_budget_after_zhan_is_the_sentence_nouns_never_a_noun_of_its_own():
    # (占年度预算 was read as a noun and every number after it bound to it)
    statements, _ = _read("2022年全县财政总收入完成31050万元，占年度预算30000万元的103.5%，较上年28750万元增收2300万元，"
                          "增幅8.0%。上划收入完成5120万元，占年计划5000万元的102.4%。\n", year=2022, kind=None)
    assert {s.subject for s in statements} == {"财政总收入", "上划收入"}
    assert [(s.role, s.value) for s in statements if s.subject == "财政总收入"][:2] == [
        ("amount", Decimal("31050")), ("amount", Decimal("30000"))]


def test_a_bracket_breaking_an_amount_down_may_hold_semicolons():
    # (the ； ended the reader's sentence inside the bracket, so the bracket was no breakdown and its parts were summed
    # into the list around it)
    statements, _ = _read("上级补助收入8.20亿元。其中返还性收入6.10亿元(税收返还3.00亿元,完成年初预算50.12%;非税返还2.50亿元,"
                          "完成年初预算40.33%;基数返还0.60亿元),一般性转移支付收入1.60亿元,专项转移支付收入0.50亿元。\n",
                          year=2025, kind=None)
    assert _amounts(statements) == [
        ("上级补助收入", None, Decimal("8.20")), ("返还性收入", "上级补助收入", Decimal("6.10")),
        ("税收返还", "返还性收入", Decimal("3.00")), ("非税返还", "返还性收入", Decimal("2.50")),
        ("基数返还", "返还性收入", Decimal("0.60")), ("一般性转移支付收入", "上级补助收入", Decimal("1.60")),
        ("专项转移支付收入", "上级补助收入", Decimal("0.50"))]


def _roles(statements):
    return [(s.role, s.subject, s.parent_subject, s.value, s.compared_year, s.direction) for s in statements]


def test_a_respective_frame_after_a_comparison_clause_takes_the_items_before_it():
    # reader 1.5.18 (heldout51 福建 L2, blind: 包括A0.14亿元和B1.27亿元，与2015年相比，分别减少…和…，下降…和…, unbound
    # before): the clause that only says what is compared is passed over, and items joined by 和 after their numbers
    # (包括 before the first) name the runs' numbers in order
    statements, findings = _read("日常公用经费12.5万元，包括办公费4.2万元和印刷费8.3万元，与2021年相比，分别减少1.1万元和"
                                 "0.9万元，下降20.75%和9.78%。\n")
    assert _roles(statements) == [
        ("amount", "日常公用经费", None, Decimal("12.5"), None, None),
        ("amount", "办公费", "日常公用经费", Decimal("4.2"), None, None),
        ("amount", "印刷费", "日常公用经费", Decimal("8.3"), None, None),
        ("change", "办公费", "日常公用经费", Decimal("1.1"), 2021, -1),
        ("change", "印刷费", "日常公用经费", Decimal("0.9"), 2021, -1),
        ("growth_pct", "办公费", "日常公用经费", Decimal("20.75"), 2021, -1),
        ("growth_pct", "印刷费", "日常公用经费", Decimal("9.78"), 2021, -1)]
    assert findings == []


def test_only_a_comparison_before_respective_pairs_with_the_items_before_and_and_inside_a_noun_is_no_cut():
    # 同比分别增长: nothing but the comparison before 分别 in its clause; 及 after 200万元 joins two items, the 和 inside
    # 商品和服务支出 does not cut it
    statements, findings = _read("其中工资福利支出200万元及商品和服务支出50万元，同比分别增长5%和2%。\n")
    assert [(s.role, s.subject, s.value, s.compared_year, s.direction) for s in statements] == [
        ("amount", "工资福利支出", Decimal("200"), None, None), ("amount", "商品和服务支出", Decimal("50"), None, None),
        ("growth_pct", "工资福利支出", Decimal("5"), 2021, 1), ("growth_pct", "商品和服务支出", Decimal("2"), 2021, 1)]
    assert findings == []


def test_and_after_an_amount_opens_the_next_items_noun():
    # 和 / 及 right after an amount, before a noun, joins the next item as 、 does: its own noun names its number
    statements, findings = _read("2022年一般公共预算收入8.6亿元和政府性基金收入2.4亿元。\n", kind=None)
    assert [(s.role, s.subject, s.value) for s in statements] == [
        ("amount", "一般公共预算收入", Decimal("8.6")), ("amount", "政府性基金收入", Decimal("2.4"))]
    assert findings == []


def test_a_numbered_heading_that_is_one_noun_names_its_sections_first_numbers():
    # reader 1.5.19 (heldout51 四川 L3-L10, blind: 一、因公出国(境)经费 / 2014年预算安排40万元，较2013年预算下降39.39%, unbound
    # before); written for this test with other amounts: the heading's noun names the numbers of the section's first
    # sentence printed before a noun of its own; a sentence naming its own noun keeps it
    statements, findings = _read("一、公务接待费\n2022年预算安排12.6万元，较2021年预算减少1.4万元，下降10%。\n"
                                 "二、公务用车购置及运行费\n2022年预算安排30万元，比上年增加2万元，增长7.14%。2022年安排公务用车运行费30万元。\n")
    assert [(s.line_start, s.role, s.subject, s.value, s.compared_year, s.direction) for s in statements] == [
        (2, "amount", "公务接待费", Decimal("12.6"), None, None),
        (2, "change", "公务接待费", Decimal("1.4"), 2021, -1),
        (2, "growth_pct", "公务接待费", Decimal("10"), 2021, -1),
        (4, "amount", "公务用车购置及运行费", Decimal("30"), None, None),
        (4, "change", "公务用车购置及运行费", Decimal("2"), 2021, 1),
        (4, "growth_pct", "公务用车购置及运行费", Decimal("7.14"), 2021, 1),
        (4, "amount", "公务用车运行费", Decimal("30"), None, None)]
    assert findings == []


def test_a_heading_of_more_than_one_noun_names_nothing():
    # 一、收支预算总体情况 is no noun, 二、A和B two, 三、县本级一般公共预算 a budget (its revenue and its spending are
    # amounts, it has none of its own): their sections' numbers with no noun of their own stay unbound
    for heading in ("一、收支预算总体情况", "二、公务接待费和会议费", "三、县本级一般公共预算"):
        statements, findings = _read(f"{heading}\n2022年预算安排12.6万元。\n")
        assert [s.subject for s in statements] == []
        assert [f.rule_id for f in findings] == ["LOAD-UNBOUND-STATEMENT"]


def test_a_split_heading_before_a_comma_ends_the_first_breakdown():
    # reader 1.5.19 (heldout50 三江 L30, a false NAR-PARTS-001: 其中:按资金来源划分,A…,B…;按财力性质划分,C…,D… summed as
    # one list; written here with other amounts): the second 按…划分 before its comma starts another breakdown of
    # the whole, whose parts are not summed into the first
    statements, findings = _read("一般性转移支付收入5000万元。其中：按资金来源划分，中央补助4200万元，市级补助800万元；"
                                 "按财力性质划分，可统筹财力3100万元，专项财力1900万元。\n", kind=None)
    assert _amounts(statements) == [("一般性转移支付收入", None, Decimal("5000")),
                                    ("中央补助", "一般性转移支付收入", Decimal("4200")),
                                    ("市级补助", "一般性转移支付收入", Decimal("800")),
                                    ("可统筹财力", None, Decimal("3100")), ("专项财力", None, Decimal("1900"))]
    assert findings == []


def test_a_respective_frame_takes_items_each_in_a_clause_of_its_own():
    # reader 1.5.19 (heldout53 宁波 L32, blind: 收入总计…,支出总计…,与2021年度相比,各减少…和…,下降…和…, four numbers unbound;
    # written here with other amounts): the items before the comparison, one a clause, pair with the runs in order
    statements, findings = _read("2022年度收入总计860.5万元，支出总计842.3万元，与2021年度相比，各减少95.5万元和101.2万元，"
                                 "下降9.99%和10.73%。\n", kind="final_accounts")
    assert [(s.role, s.subject, s.value, s.direction) for s in statements] == [
        ("amount", "收入总计", Decimal("860.5"), None), ("amount", "支出总计", Decimal("842.3"), None),
        ("change", "收入总计", Decimal("95.5"), -1), ("change", "支出总计", Decimal("101.2"), -1),
        ("growth_pct", "收入总计", Decimal("9.99"), -1), ("growth_pct", "支出总计", Decimal("10.73"), -1)]
    assert findings == []


def test_a_headings_noun_never_names_a_number_printed_after_a_noun_of_its_own():
    # 绿化养护 is a noun the reader does not know: under （二）项目支出 its amount stays unbound (it is no 项目支出 of 40.5);
    # the known noun after it names its own
    statements, findings = _read("（二）项目支出\n绿化养护40.5万元，物业管理经费56万元。\n")
    assert [(s.subject, s.value) for s in statements] == [("物业管理经费", Decimal("56"))]
    assert [f.rule_id for f in findings] == ["LOAD-UNBOUND-STATEMENT"]
