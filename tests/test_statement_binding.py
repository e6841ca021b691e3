"""How the statement reader binds lists, wholes and bases on prose it was not written for (issue 13, generalisation).

Every sentence here is written for this test (rephrased, other subjects, other orders and units than the 18
collected disclosures in documents/real/collected/); every expected value is read from the sentence by hand. The
mechanisms:

- the whole of a 其中 list is the amount stated nearest before it in the same sentence (its own noun when the
  vocabulary has none); a 其中 opening a sentence takes the main amount of the sentence before, never an amount
  inside a reason (原因是：1、…；2、…);
- nested 其中 lists continued over ；: an item goes to the nested list or to the list around it by the parts the
  vocabulary fixes (三公, 政府采购, 基本/项目支出); an item the vocabulary does not place makes both lists ambiguous;
- a list whose end is not printed (a total inside it, a bracketed list mixing 、 and ，) or with a part that cannot be
  bound is not checked: its parts land without a whole and one LOAD-AMBIGUOUS-LIST warning says why;
- 上年结余 / 结转下年 are subjects, not prior amounts; a part of a prior-year whole is a prior amount of that year;
- a listed amount named by its purpose (X万元用于…) and a dash item named by its label (——专项上解…) are bound;
- traditional characters and pinyin glosses (預(yù)算) are read as simplified text; 同比 compares with the year
  before the document's year (no year when the document's is unknown).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from loaders.documents import Document
from loaders.records import DocumentFacts
from loaders.statements import READER_VERSION, read_statements
from loaders.statements.reader import AMBIGUOUS_LIST_RULE, UNBOUND_RULE
from loaders.statements.script import reading_text


def _read(text: str, year: int | None = 2024, kind: str | None = "department_budget"):
    doc = Document(path=Path("variant.txt"), file_name="variant.txt", sha256="0" * 64, size_bytes=len(text.encode()),
                   data=text.encode())
    doc.text = text
    doc.lines = text.splitlines()
    return read_statements(doc, DocumentFacts(kind=kind, fiscal_year=year))


def _rows(statements, role="amount"):
    return [(s.subject, s.value, s.parent_subject, s.list_index) for s in statements if s.role == role]


def _ambiguous(findings):
    return [f for f in findings if f.rule_id == AMBIGUOUS_LIST_RULE]


def test_reader_version_names_the_binding_change():
    assert tuple(map(int, READER_VERSION.split("."))) >= (1, 3, 1)


def test_whole_of_a_list_opening_a_sentence_is_never_an_amount_of_a_reason():
    text = ("2024年收入预算总计为1250.50万元，比上年增加400.00万元，增长47.0%，原因是：1、新增人员经费；2、本年新增"
            "专项资金预算1000.00万元。其中：财政拨款收入250.50万元，占收入预算总计的20.0%；事业收入1000.00万元，"
            "占收入预算总计的80.0%。")
    statements, findings = _read(text)
    whole = [s for s in statements if s.role == "amount" and s.value == Decimal("1250.50")]
    assert len(whole) == 1
    parts = [(s.subject, s.value, s.parent_subject, s.list_index) for s in statements
             if s.role == "amount" and s.parent_subject is not None]
    # the whole is the 1250.50 of the first sentence, not the 1000.00 of the reason's second item
    assert parts == [("财政拨款收入", Decimal("250.50"), "收入预算总计", whole[0].sentence_index),
                     ("事业收入", Decimal("1000.00"), "收入预算总计", whole[0].sentence_index)]
    assert not _ambiguous(findings)


def test_whole_is_the_nearest_amount_before_qizhong_even_without_a_vocabulary_subject():
    text = "全县本级收入620万元，另有上级转移支付资金380万元，其中：一般转移支付资金300万元，专项转移支付资金80万元。"
    statements, _ = _read(text)
    assert [(s.subject, s.parent_subject) for s in statements if s.role == "amount" and s.parent_subject] == [
        ("一般转移支付资金", "另有上级转移支付资金"), ("专项转移支付资金", "另有上级转移支付资金")]


def test_nested_three_public_list_continued_over_semicolons_returns_to_the_outer_list():
    # other order than any collected document: 接待 first, the nested 公务用车 parts, then 出国 back in the outer list
    text = ("2024年“三公”经费财政拨款预算50.00万元，其中：公务接待费10.00万元；公务用车购置及运行维护费40.00万元，"
            "其中：公务用车购置费25.00万元；公务用车运行维护费15.00万元；因公出国（境）费0.00万元。")
    statements, findings = _read(text)
    parents = {s.subject: s.parent_subject for s in statements if s.role == "amount"}
    assert parents == {"三公经费": None, "公务接待费": "三公经费", "公务用车购置及运行维护费": "三公经费",
                       "公务用车购置费": "公务用车购置及运行维护费", "公务用车运行维护费": "公务用车购置及运行维护费",
                       "因公出国（境）费": "三公经费"}
    assert not _ambiguous(findings)


def test_nested_list_item_the_vocabulary_cannot_place_makes_both_lists_ambiguous():
    text = ("本年支出合计300万元，其中：基本支出200万元，其中：培训费120万元；差旅费80万元；会议费100万元；"
            "项目支出100万元。")
    statements, findings = _read(text)
    amounts = {(s.subject, s.value): s.parent_subject for s in statements if s.role == "amount"}
    # 差旅费 and 会议费 may belong to 基本支出 (then 300 > 200) or to 本年支出合计: neither list is checked against a
    # guess; the first item that cannot be placed (差旅费) is the one reported
    assert amounts[("会议费", Decimal("100"))] is None
    assert amounts[("培训费", Decimal("120"))] is None and amounts[("差旅费", Decimal("80"))] is None
    assert amounts[("基本支出", Decimal("200"))] is None
    assert len(_ambiguous(findings)) == 2
    assert all("差旅费" in f.message for f in _ambiguous(findings))


def test_a_total_inside_a_comma_list_leaves_the_list_unchecked():
    text = ("本级财政收入800万元，加上级补助收入500万元，其中：一般性转移支付收入300万元，专项转移支付收入200万元，"
            "上年结余50万元，收入合计1350万元；")
    statements, findings = _read(text, year=2023, kind=None)
    assert [s for s in statements if s.parent_subject is not None] == []
    assert [s.role for s in statements if s.subject == "上年结余"] == ["amount"]  # a balance, not a prior amount
    (finding,) = _ambiguous(findings)
    assert "收入合计" in finding.message and finding.line_start == 1


def test_a_bracketed_list_mixing_separators_is_ambiguous():
    text = ("收到转移支付资金900万元，其中：均衡性转移支付资金500万元（其中：教育补助资金200万元、卫生补助资金100万元，"
            "专项补助资金150万元），其他转移支付资金400万元。")
    statements, findings = _read(text)
    assert [s.subject for s in statements if s.parent_subject is not None] == []
    assert len(_ambiguous(findings)) == 2


def test_balances_carried_over_are_parts_not_prior_amounts():
    text = "2022年政府性基金收入总计760万元，其中本级收入60万元，上级补助收入200万元，上年结余500万元；支出总计760万元，其中本级支出300万元，结转下年使用460万元。"
    statements, findings = _read(text, year=2022, kind=None)
    assert _rows(statements) == [
        ("收入总计", Decimal("760"), None, None), ("本级收入", Decimal("60"), "收入总计", 0),
        ("上级补助收入", Decimal("200"), "收入总计", 0), ("上年结余", Decimal("500"), "收入总计", 0),
        ("支出总计", Decimal("760"), None, None), ("本级支出", Decimal("300"), "支出总计", 1),
        ("结转下年使用", Decimal("460"), "支出总计", 1)]
    assert not [s for s in statements if s.role == "prior_amount"]
    assert not findings


def test_parts_named_by_their_purpose():
    text = "本项目全年实际支出资金48.6万元。其中：20万元用于档案数字化；18.6万元用于系统运维；10万元用于人员培训。"
    statements, findings = _read(text, year=2023, kind="project_self_evaluation")
    assert _rows(statements) == [
        ("本项目全年实际支出资金", Decimal("48.6"), None, None),
        ("用于档案数字化", Decimal("20"), "本项目全年实际支出资金", 0),
        ("用于系统运维", Decimal("18.6"), "本项目全年实际支出资金", 0),
        ("用于人员培训", Decimal("10"), "本项目全年实际支出资金", 0)]
    assert not findings


def test_dash_items_are_named_by_their_own_label_and_never_inherit_the_item_before():
    text = "2024年一般公共预算支出合计900万元，其中：\n——教育支出500万元，增长3.5%；\n——债务付息300万元；\n——结转下年100万元。"
    statements, findings = _read(text)
    assert _rows(statements) == [
        ("支出合计", Decimal("900"), None, None), ("教育支出", Decimal("500"), "支出合计", 0),
        ("债务付息", Decimal("300"), "支出合计", 0), ("结转下年", Decimal("100"), "支出合计", 0)]
    assert [(s.subject, s.value) for s in statements if s.role == "growth_pct"] == [("教育支出", Decimal("3.5"))]
    assert not findings


def test_an_unbound_dash_item_makes_its_list_ambiguous():
    text = "2024年支出合计900万元，其中：\n——教育支出500万元；\n——600元/人标准的补助300万元；\n——结转下年100万元。"
    statements, findings = _read(text)
    assert [s for s in statements if s.parent_subject is not None] == []
    # 600元/人 names no subject: the item's amounts are reported, and the list is left unchecked
    assert [(f.rule_id, f.line_start) for f in findings] == [(UNBOUND_RULE, 3), (AMBIGUOUS_LIST_RULE, 3),
                                                             (UNBOUND_RULE, 3)]


def test_parts_of_a_prior_year_whole_are_prior_amounts_of_that_year():
    text = "2023年度“三公”经费决算支出30.5万元，其中：因公出国（境）费0万元，公务接待费10.2万元，公务用车运行维护费20.3万元。"
    statements, _ = _read(text, year=2024)
    assert {(s.subject, s.role, s.period_year) for s in statements} == {
        ("三公经费", "prior_amount", 2023), ("因公出国（境）费", "prior_amount", 2023),
        ("公务接待费", "prior_amount", 2023), ("公务用车运行维护费", "prior_amount", 2023)}


def test_parts_take_the_basis_of_their_whole():
    text = "2025年“三公”经费预算数为8.4万元，其中：公务接待费2.4万元，公务用车运行维护费6万元。"
    statements, _ = _read(text, year=2025, kind=None)
    assert {(s.subject, s.basis, s.period_year) for s in statements} == {
        ("三公经费", "budget", 2025), ("公务接待费", "budget", 2025), ("公务用车运行维护费", "budget", 2025)}


def test_the_whole_of_a_share_is_not_the_subject_of_what_follows():
    text = "1. 基本支出1600元，占支出总计的80%，同比增加100元，增长6.67%。"
    statements, _ = _read(text, year=2024)
    assert {(s.role, s.subject) for s in statements} == {
        ("amount", "基本支出"), ("share_pct", "基本支出"), ("change", "基本支出"), ("growth_pct", "基本支出")}


def test_tongbi_compares_with_the_year_before_the_documents_year():
    text = "2023年本单位一般公共预算财政拨款支出120万元，同比增长20%。"
    known, _ = _read(text, year=2023)
    assert [(s.role, s.compared_year) for s in known if s.role == "growth_pct"] == [("growth_pct", 2022)]
    unknown, _ = _read(text, year=None)
    assert [(s.role, s.compared_year) for s in unknown if s.role == "growth_pct"] == [("growth_pct", None)]


def test_traditional_characters_and_pinyin_glosses_are_read_as_simplified():
    assert reading_text("一般公共預(yù)算財政撥款支出總計300萬元") == "一般公共预算财政拨款支出总计300万元"
    assert reading_text("第(1)項 (a) 2024年") == "第(1)项 (a) 2024年"  # no tone mark: not a gloss
    assert reading_text("機關支出佔12.26%") == "机关支出占12.26%"  # the share word
    text = ("(二)204-公共安全支出600萬元,較2022年決算數增加150萬元,增長33.33%,其中:\n"
            "1、20402-公安120萬元,較2022年決算數增加120萬元,增長100%。\n"
            "2、20406-司法480萬元,與2022年決算數持平。\n")
    statements, findings = _read(text, year=2023, kind="final_accounts")
    by_role = [(s.subject, s.role, s.value, s.compared_year) for s in statements]
    assert ("公共安全支出", "amount", Decimal("600"), None) in by_role
    assert ("公共安全支出", "growth_pct", Decimal("33.33"), 2022) in by_role
    assert ("20402-公安", "change", Decimal("120"), 2022) in by_role
    assert ("20402-公安", "growth_pct", Decimal("100"), 2022) in by_role
    assert [(s.subject, s.parent_subject) for s in statements if s.role == "amount" and s.parent_subject] == [
        ("20402-公安", "公共安全支出"), ("20406-司法", "公共安全支出")]
    assert statements[0].raw_text.startswith("(二)204-公共安全支出600萬元")  # landed as printed
    assert not findings


def test_pinyin_glossed_sentence_binds_like_its_plain_form():
    glossed = "一般公共預(yù)算財政撥款支出決算數(shù)為900萬元,比上年增加90萬元,增長11.11%。"
    plain = "一般公共预算财政拨款支出决算数为900万元,比上年增加90万元,增长11.11%。"
    a, fa = _read(glossed, year=2019, kind="final_accounts")
    b, fb = _read(plain, year=2019, kind="final_accounts")
    assert [(s.subject, s.role, s.value, s.compared_year) for s in a] == \
        [(s.subject, s.role, s.value, s.compared_year) for s in b]
    assert [(s.role, s.value) for s in a] == [("amount", Decimal("900")), ("change", Decimal("90")),
                                              ("growth_pct", Decimal("11.11"))]
    assert not fa and not fb


def test_a_comparative_states_a_difference_not_an_amount_and_leaves_the_whole_where_it_was():
    # 决算 above 预算 by an amount: a change against the budget of the same year, never the whole of the items below
    text = ("2019年度，本单位一般公共预算财政拨款支出总计820.40万元，与上年相比增加20.40万元，增长2.55%；完成年初预算"
            "102.55%，决算数大于预算数20.40万元，主要原因：人员增加。其中：\n"
            "1. 社会保障和就业支出300.00万元，完成年初预算100%。\n"
            "2. 卫生健康支出520.40万元，决算数小于预算数0.60万元。\n")
    statements, findings = _read(text, year=2019, kind="final_accounts")
    difference = [s for s in statements if s.value == Decimal("20.40") and s.compared_basis == "budget"]
    assert [(s.role, s.direction, s.compared_year, s.basis) for s in difference] == [
        ("change", 1, 2019, "final_accounts")]
    whole = [s for s in statements if s.role == "amount" and s.value == Decimal("820.40")]
    assert [(s.subject, s.parent_subject, s.list_index) for s in statements if s.role == "amount" and s.parent_subject] \
        == [("社会保障和就业支出", "一般公共预算财政拨款支出", whole[0].sentence_index),
            ("卫生健康支出", "一般公共预算财政拨款支出", whole[0].sentence_index)]
    below = [s for s in statements if s.value == Decimal("0.60")]
    assert [(s.role, s.direction, s.subject, s.compared_basis) for s in below] == [
        ("change", -1, "卫生健康支出", "budget")]
    assert not findings


def test_items_of_a_deeper_numbering_are_not_parts_of_the_list_whole():
    text = ("2024年单位收入合计500.00元，明细如下：\n1.财政拨款收入300.00元；\n(1)基本经费拨款200.00元；\n"
            "(2)专项经费拨款100.00元。\n2.事业收入200.00元。\n")
    statements, findings = _read(text)
    assert [(s.subject, s.parent_subject) for s in statements if s.role == "amount"] == [
        ("收入合计", None), ("财政拨款收入", "收入合计"), ("基本经费拨款", None), ("专项经费拨款", None),
        ("事业收入", "收入合计")]
    assert not findings


def test_the_noun_before_a_verb_or_comparison_names_the_number():
    text = ("2021年全县一般公共预算总收入实现8800万元，同比增长6.5%。2021年本县税收收入与去年同期相比下降3.1%。"
            "与2020年相比，政府性基金预算拨款减少120万元，下降4.0%。")
    statements, findings = _read(text, year=2021, kind="final_accounts")
    assert [(s.subject, s.role, s.value, s.compared_year) for s in statements] == [
        ("一般公共预算总收入", "amount", Decimal("8800"), None),
        ("一般公共预算总收入", "growth_pct", Decimal("6.5"), 2020),
        ("税收收入", "growth_pct", Decimal("3.1"), 2020),
        ("政府性基金预算拨款", "change", Decimal("120"), 2020),
        ("政府性基金预算拨款", "growth_pct", Decimal("4.0"), 2020)]
    assert not findings


def test_nested_basic_expenditure_parts_and_a_sibling_after_them():
    text = ("2025年支出预算1000.00万元，其中：基本支出600.00万元，其中：人员经费450.00万元；公用经费150.00万元；"
            "项目支出400.00万元。")
    statements, findings = _read(text, year=2025)
    assert [(s.subject, s.parent_subject) for s in statements if s.role == "amount"] == [
        ("支出", None), ("基本支出", "支出"), ("人员经费", "基本支出"), ("公用经费", "基本支出"), ("项目支出", "支出")]
    assert not findings


def test_a_change_stated_against_last_year_names_the_noun_before_the_comparison():
    # written for this test: the noun printed right before 较上年 / 比上年 / 比2019年 names the change; the year
    # compared with is not where the noun starts (it was cut there, and the sentence was left unbound)
    text = ("1、信息化运维经费较上年增加3.20万元，增长12.5%。2、课题调研资金比上年减少1.05万元。"
            "3、宣传教育经费比2019年增加0.50万元。")
    statements, findings = _read(text, year=2020)
    assert [(s.subject, s.role, s.value, s.direction, s.compared_year) for s in statements] == [
        ("信息化运维经费", "change", Decimal("3.20"), 1, 2019),
        ("信息化运维经费", "growth_pct", Decimal("12.5"), 1, 2019),
        ("课题调研资金", "change", Decimal("1.05"), -1, 2019),
        ("宣传教育经费", "change", Decimal("0.50"), 1, 2019)]
    assert not findings


def test_one_character_directions_and_their_rates():
    # 增/减 as one character, and 增幅 / 减幅 / 降幅 / 涨幅 naming the rate of the change (written for this test)
    text = ("2020年人员经费较上年增6.00万元，增幅5.0%。公用经费较上年减2.00万元，减幅为4.0%。"
            "专项业务费比上年减少8.00万元，降幅10.0%。培训费比上年增加1.00万元，涨幅达20.0%。")
    statements, findings = _read(text, year=2020)
    assert [(s.subject, s.role, s.value, s.direction) for s in statements] == [
        ("人员经费", "change", Decimal("6.00"), 1),
        ("人员经费", "growth_pct", Decimal("5.0"), 1),
        ("公用经费", "change", Decimal("2.00"), -1),
        ("公用经费", "growth_pct", Decimal("4.0"), -1),
        ("专项业务费", "change", Decimal("8.00"), -1),
        ("专项业务费", "growth_pct", Decimal("10.0"), -1),
        ("培训费", "change", Decimal("1.00"), 1),
        ("培训费", "growth_pct", Decimal("20.0"), 1)]
    assert not findings


def test_what_a_completion_is_of_names_no_subject():
    # written for this test: 完成年度预算的x% / 为年度预算的x% state the completion of the amount before them; the
    # growth after them is the amount's too (it was bound to a subject “完成年度预算”)
    text = ("2022年全县税收收入完成8.65亿元，完成年度预算的103.5%，同比增长4.1%。"
            "非税收入完成2.30亿元，为年度预算的92.0%，同比下降6.2%。")
    statements, findings = _read(text, year=2022, kind="final_accounts")
    assert [(s.subject, s.role, s.value) for s in statements] == [
        ("税收收入", "amount", Decimal("8.65")), ("税收收入", "completion_pct", Decimal("103.5")),
        ("税收收入", "growth_pct", Decimal("4.1")),
        ("非税收入", "amount", Decimal("2.30")), ("非税收入", "completion_pct", Decimal("92.0")),
        ("非税收入", "growth_pct", Decimal("6.2"))]
    assert not findings


def test_a_year_printed_without_its_nian_a_total_named_zongliang_and_a_list_opened_by_qizhong_comma():
    # written for this test: 2022全市… (the 年 left out), 财政收入总量 (a total named by 总量; the scope 全市 is no part of
    # the noun since reader 1.5.7), and a sentence
    # opening with 其中， whose part the vocabulary does not name
    text = ("2022全市财政收入总量356.8亿元，增长5.5%。其中，地方级收入完成120.4亿元，增长2.1%。")
    statements, findings = _read(text, year=2022, kind="final_accounts")
    assert [(s.subject, s.role, s.value, s.parent_subject) for s in statements] == [
        ("财政收入总量", "amount", Decimal("356.8"), None),
        ("财政收入总量", "growth_pct", Decimal("5.5"), None),
        ("地方级收入", "amount", Decimal("120.4"), "财政收入总量"),
        ("地方级收入", "growth_pct", Decimal("2.1"), "财政收入总量")]
    assert not findings


def test_the_budget_a_completion_is_of_and_an_aside_in_brackets():
    # written for this test: 累计完成 after the noun; 完成年初预算数X万元的y% states the budget of the same noun; an
    # amount in brackets opened after the subject names itself (含专项经费) or nothing, never the subject
    text = ("1-6月，地方财政收入累计完成18420万元，完成年初预算数40000万元的46.1%，同比增长3.4%。"
            "本年支出合计960.00万元（含专项业务经费210.00万元），比上年增加40.00万元。"
            "全县一般公共预算支出52300万元（含结转使用资金4100万元），完成预算的61.5%，同比下降2.2%。")
    statements, findings = _read(text, year=2022, kind="final_accounts")
    assert [(s.subject, s.role, s.value) for s in statements] == [
        ("地方财政收入", "amount", Decimal("18420")), ("地方财政收入", "amount", Decimal("40000")),
        ("地方财政收入", "completion_pct", Decimal("46.1")), ("地方财政收入", "growth_pct", Decimal("3.4")),
        ("本年支出合计", "amount", Decimal("960.00")), ("专项业务经费", "amount", Decimal("210.00")),
        ("本年支出合计", "change", Decimal("40.00")),
        ("一般公共预算支出", "amount", Decimal("52300")), ("结转使用资金", "amount", Decimal("4100")),
        ("一般公共预算支出", "completion_pct", Decimal("61.5")),
        ("一般公共预算支出", "growth_pct", Decimal("2.2"))]
    assert not findings


def test_the_subject_carried_over_a_semicolon_stops_at_the_clauses_own_noun():
    # written for this test: after ；, 非税收入 is the clause's own noun (read by the generic rule); the shortfall and
    # the change after it are not 税收收入's (they were, when only vocabulary nouns ended the carried subject);
    # 增收 / 减收 are directions. Since reader 1.5.14 短收 is a direction of a difference from the budget: the amount
    # after it is reported unbound, and 同比减收90万元 is 非税收入's own change (−90), no longer cut off by the shortfall
    text = "其中：税收收入5200万元，同比增收150万元，增长3.0%；非税收入1800万元，短收200万元，同比减收90万元。"
    statements, findings = _read(text, year=2022, kind="final_accounts")
    assert [(s.subject, s.role, s.value, s.direction) for s in statements] == [
        ("税收收入", "amount", Decimal("5200"), None), ("税收收入", "change", Decimal("150"), 1),
        ("税收收入", "growth_pct", Decimal("3.0"), 1), ("非税收入", "amount", Decimal("1800"), None),
        ("非税收入", "change", Decimal("90"), -1)]
    assert sorted(f.message.split(":")[0] for f in findings if f.rule_id == UNBOUND_RULE) == ["200万元"]


def test_a_clause_after_a_semicolon_names_its_own_revenue_even_with_a_budget_word_in_it():
    # written for this test: 地方一般公共预算收入 after ； is the clause's own noun (it has 预算 in it, like 涉及预算金额,
    # which names a figure of the carried subject); its amount was bound to the clause before's 中央…收入
    text = ("全市一般公共预算收入完成310.6亿元，增长6.0%。其中：中央级一般公共预算收入完成120.2亿元，增长4.1%；"
            "地方一般公共预算收入完成190.4亿元，增收12.6亿元，增长7.1%。")
    statements, findings = _read(text, year=2022, kind="final_accounts")
    assert [(s.subject, s.role, s.value) for s in statements if s.parent_subject] == [
        ("中央级一般公共预算收入", "amount", Decimal("120.2")), ("中央级一般公共预算收入", "growth_pct", Decimal("4.1")),
        ("地方一般公共预算收入", "amount", Decimal("190.4")), ("地方一般公共预算收入", "change", Decimal("12.6")),
        ("地方一般公共预算收入", "growth_pct", Decimal("7.1"))]
    assert not findings


def test_a_direction_printed_in_brackets_and_a_space_before_the_percent_sign():
    # written for this test: 较上年(减少)… and (减)幅… print the direction in brackets; 增 12 % a space before %.
    # The bracketed 减少 was read as part of the noun (an amount named “…较上年(减少)”), the spaced % as no number
    text = ("1.办公费较上年(减少)3.50万元,减幅 12 %。2.会议费较上年增2.00万元,增 25 %。"
            "3.专项业务费较上年(减)8万元,(减)幅40 %。")
    statements, findings = _read(text, year=2019)
    assert [(s.subject, s.role, s.value, s.direction) for s in statements] == [
        ("办公费", "change", Decimal("3.50"), -1), ("办公费", "growth_pct", Decimal("12"), -1),
        ("会议费", "change", Decimal("2.00"), 1), ("会议费", "growth_pct", Decimal("25"), 1),
        ("专项业务费", "change", Decimal("8"), -1), ("专项业务费", "growth_pct", Decimal("40"), -1)]
    assert not findings


def test_negative_growth_and_a_bracket_that_breaks_an_amount_down():
    # written for this test: 负增长 is a decrease; a bracket opened right after an amount and naming two or more
    # amounts breaks that amount down (as （其中：…） does): its amounts are parts of that amount, not of the list the
    # amount stands in (they were counted as parts of 三公经费 too, and the parts "added up" to twice the whole)
    text = ("2023年“三公”经费预算36万元，其中：因公出国（境）费0万元；公务用车购置及运行费30万元（公务用车购置费10万元，"
            "公务用车运行维护费20万元）；公务接待费6万元，比上年减少0.8万元，负增长11.8%。")
    statements, findings = _read(text, year=2023)
    assert [(s.subject, s.role, s.value, s.parent_subject, s.direction) for s in statements] == [
        ("三公经费", "amount", Decimal("36"), None, None),
        ("因公出国（境）费", "amount", Decimal("0"), "三公经费", None),
        ("公务用车购置及运行费", "amount", Decimal("30"), "三公经费", None),
        ("公务用车购置费", "amount", Decimal("10"), "公务用车购置及运行费", None),
        ("公务用车运行维护费", "amount", Decimal("20"), "公务用车购置及运行费", None),
        ("公务接待费", "amount", Decimal("6"), "三公经费", None),
        ("公务接待费", "change", Decimal("0.8"), "三公经费", -1),
        ("公务接待费", "growth_pct", Decimal("11.8"), "三公经费", -1)]
    assert not findings
    # an aside that includes (含…) one amount is a part of the amount before it (since reader 1.5.6: a list of one part,
    # checked only for exceeding its whole); the change after the bracket is still the whole's
    statements, _ = _read("2023年支出合计500万元（含结转资金50万元），比上年增加20万元。", year=2023)
    assert [(s.subject, s.role, s.value, s.parent_subject) for s in statements] == [
        ("支出合计", "amount", Decimal("500"), None), ("结转资金", "amount", Decimal("50"), "支出合计"),
        ("支出合计", "change", Decimal("20"), None)]
    # a bracket naming one amount without 含 / 包括 is no breakdown
    statements, _ = _read("2023年支出合计500万元（结转资金50万元），比上年增加20万元。", year=2023)
    assert not [s for s in statements if s.parent_subject]


def test_a_share_after_an_amount_that_names_its_own_noun_is_that_amounts():
    # written for this test: 其他支出 is no vocabulary subject; its clause names it, so the share after it is its own
    # (the share was bound to 项目支出, the last subject the vocabulary knows)
    text = "2020年支出合计500.00万元，其中：基本支出300.00万元，占60.00%；项目支出190.00万元，占38.00%，其他支出10.00万元，占2.00%。"
    statements, findings = _read(text, year=2020, kind="final_accounts")
    assert [(s.subject, s.role, s.value) for s in statements if s.role == "share_pct"] == [
        ("基本支出", "share_pct", Decimal("60.00")), ("项目支出", "share_pct", Decimal("38.00")),
        ("其他支出", "share_pct", Decimal("2.00"))]
