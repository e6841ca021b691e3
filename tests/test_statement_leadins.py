"""Wholes named before their parts, breakdowns of a part, cut lists, past amounts with a comparison of their own,
budgets adjusted (由X调整为Y), completion words (为调整预算的, 预算执行比例), nouns before a verb with nothing after it, and
a document year only sentences give (reader 1.4.0, marks 1.4.2, detection; found on documents/real/heldout6/).

Every sentence here is written for this test (other subjects, places, amounts and wordings than the held-out
documents the mechanisms were found on); every expected value is read from the sentence by hand. Each test of a new
mechanism fails on the reader of 46109ff (reader 1.3.7, marks 1.4.1); two guard what must not change with them (a
lead-in followed by a clause makes no list; sentences that agree give the year).
"""

from __future__ import annotations

from decimal import Decimal

from conftest import text_document
from loaders.detect import detect, missing_facts, resolve_facts
from loaders.records import DocumentFacts
from loaders.statements import READER_VERSION, read_statements
from loaders.statements.reader import AMBIGUOUS_LIST_RULE
from loaders.text_marks import read_marks


_doc = text_document


def _read(text: str, year: int | None = 2024, kind: str | None = "three_public_final_accounts"):
    return read_statements(_doc(text), DocumentFacts(kind=kind, fiscal_year=year))


def _amounts(statements):
    return {s.value: s for s in statements if s.role == "amount"}


def test_reader_version_names_the_change():
    assert tuple(map(int, READER_VERSION.split("."))) >= (1, 4, 0)


# --- X中， after the sentence's year, organisation and budget words ---------------------------------------------------

def test_a_lead_in_after_a_year_names_the_whole_and_the_basis_of_the_parts():
    text = ("某县文化馆2024年度一般公共预算财政拨款“三公”经费支出预算为12万元，支出决算为10万元，完成预算的83.33%。\n"
            "某县文化馆2024年度一般公共预算财政拨款“三公”经费支出决算中，因公出国（境）费支出0万元，占0%；"
            "公务接待费支出10万元，占55.00%。\n")
    statements, findings = _read(text)
    amounts = _amounts(statements)
    for value in (Decimal("0"), Decimal("10")):
        part = [s for s in statements if s.role == "amount" and s.value == value and s.line_start == 2][0]
        assert part.parent_subject == "三公经费"
        assert part.basis == "final_accounts"  # the lead-in's 决算, the part prints none
        assert part.period_year == 2024
    assert amounts[Decimal("12")].parent_subject is None
    # the whole is stated before the parts for their basis (决算 10): no ambiguity, although a 预算 of it is stated too
    assert not [f for f in findings if f.rule_id == AMBIGUOUS_LIST_RULE]
    shares = [s for s in statements if s.role == "share_pct"]
    assert [(s.subject, s.value, s.parent_subject) for s in shares] == [
        ("因公出国（境）费", Decimal("0"), "三公经费"), ("公务接待费", Decimal("55.00"), "三公经费")]


def test_a_lead_in_whose_whole_is_stated_for_another_year_only_is_reported_not_bound():
    text = ("2023年“三公”经费财政拨款支出决算为5.20万元。\n"
            "2024年“三公”经费财政拨款支出决算中，公务用车购置及运行维护费支出决算3.00万元，占57.69%；"
            "公务接待费支出决算1.00万元，占19.23%。\n")
    statements, findings = _read(text, year=None)
    parts = [s for s in statements if s.role == "amount" and s.line_start == 2]
    assert [(s.value, s.period_year, s.parent_subject) for s in parts] == [
        (Decimal("3.00"), 2024, None), (Decimal("1.00"), 2024, None)]
    ambiguous = [f for f in findings if f.rule_id == AMBIGUOUS_LIST_RULE]
    assert len(ambiguous) == 1 and "another period or basis" in ambiguous[0].message


def test_a_lead_in_followed_by_a_clause_not_a_noun_makes_no_list():
    text = "在政府采购项目中，由本地供应商中标或成交的，合同金额120万元。\n"
    statements, findings = _read(text, kind="final_accounts")
    assert [(s.value, s.parent_subject) for s in statements if s.role == "amount"] == [(Decimal("120"), None)]
    assert not [f for f in findings if f.rule_id == AMBIGUOUS_LIST_RULE]


# --- a part broken down, and a list going on after its sentence ends -------------------------------------------------

def test_the_main_items_of_a_part_are_no_parts_of_the_list():
    text = ("支出预算500万元，其中：基本支出300万元，主要支出事项：工资福利支出200万元、商品和服务支出90万元等；"
            "项目支出200万元。\n")
    statements, _ = _read(text, year=2025, kind="department_budget")
    parents = {s.value: s.parent_subject for s in statements if s.role == "amount"}
    assert parents[Decimal("300")] == parents[Decimal("200")] is not None  # 基本支出 and 项目支出: 300 + 200 = 500
    assert parents[Decimal("90")] is None
    # (200 is printed twice: 工资福利支出 is the breakdown's, 项目支出 the list's)
    assert [s.parent_subject for s in statements if s.role == "amount" and s.value == Decimal("200")] == [
        None, parents[Decimal("300")]]


def test_a_part_after_a_sentence_that_broke_the_previous_part_down_goes_on_with_the_list():
    text = ("2025年基本支出预算650万元，其中：\n"
            "人员经费500万元，主要包括：基本工资、津贴补贴、住房公积金等。\n"
            "公用经费150万元，主要包括：办公费、差旅费、维修（护）费等。\n"
            "项目支出预算80万元。\n")
    statements, _ = _read(text, year=2025, kind="department_budget")
    amounts = _amounts(statements)
    assert amounts[Decimal("500")].parent_subject == amounts[Decimal("150")].parent_subject is not None
    assert amounts[Decimal("500")].list_index == amounts[Decimal("150")].list_index
    assert amounts[Decimal("80")].parent_subject is None  # a sibling of the whole, not a part of it


def test_a_list_the_text_ends_inside_is_reported_and_not_summed():
    text = "2025年政府采购预算总额100万元，其中：政府采购货物预算40万元、政府采购服务预算30万元、"
    statements, findings = _read(text, year=2025, kind="department_budget")
    assert all(s.parent_subject is None for s in statements)
    ambiguous = [f for f in findings if f.rule_id == AMBIGUOUS_LIST_RULE]
    assert len(ambiguous) == 1 and "cut short" in ambiguous[0].message


def test_a_noun_ending_in_jieyu_after_a_semicolon_names_its_own_amount():
    text = "2025年收入预算1000.00万元，其中：事业收入600.00万元，占比60.00%；使用事业基金结余400.00万元，占比40.00%。\n"
    statements, _ = _read(text, year=2025, kind="department_budget")
    assert [(s.subject, s.value) for s in statements if s.role == "amount"][-1] == ("使用事业基金结余", Decimal("400.00"))


# --- an amount of an earlier year with a 同比 comparison of its own ---------------------------------------------------

def test_last_years_amount_with_its_own_year_on_year_change_is_that_changes_current_side():
    text = "去年全年全县一般公共预算收入累计完成52000万元，同比增加2000万元，增长4.0%。\n"
    statements, _ = _read(text, year=None, kind="unclassified")
    roles = [(s.role, s.value, s.period_year, s.compared_year) for s in statements]
    assert roles == [("amount", Decimal("52000"), None, None), ("change", Decimal("2000"), None, None),
                     ("growth_pct", Decimal("4.0"), None, None)]


def test_an_earlier_years_execution_in_a_budget_report_is_not_the_prior_of_the_budget_year():
    text = "2024年全市一般公共预算收入完成88亿元，同比增长10%，增收8亿元。\n"
    statements, _ = _read(text, year=2025, kind="unclassified")
    assert [s.role for s in statements] == ["amount", "growth_pct", "change"]
    statements, _ = _read("2024年全市一般公共预算收入完成88亿元，比上年增收8亿元。\n", year=2025, kind="unclassified")
    assert [s.role for s in statements] == ["amount", "change"]  # 比上年: the year before 2024
    # an amount of the document's year in the sentence: the earlier one stays its prior
    statements, _ = _read("2024年一般公共预算收入88亿元，2025年一般公共预算收入96.8亿元，同比增长10%。\n", year=2025,
                          kind="unclassified")
    assert [s.role for s in statements] == ["prior_amount", "amount", "growth_pct"]


# --- the document's year when only sentences give it ----------------------------------------------------------------

def test_sentences_that_date_their_amounts_differently_give_no_year():
    text = ("2024年一般公共预算财政拨款基本支出120.5万元，其中：人员经费100.5万元，公用经费20万元。\n"
            "2023年“三公”经费财政拨款支出决算为2.5万元，完成预算100%。\n"
            "2024年“三公”经费财政拨款支出决算中，公务接待费支出决算2.5万元。\n")
    detection = detect(_doc(text))
    assert detection.facts.fiscal_year is None
    assert detection.facts.kind == "three_public_final_accounts"  # 决算为…，完成预算: the words read first
    facts, sources = resolve_facts(_doc(text))
    missing = missing_facts(facts, sources)
    assert any("2023 (line 2)" in m and "2024 (line 1, 3)" in m for m in missing)


def test_sentences_that_agree_give_the_year():
    text = ("2024年一般公共预算财政拨款基本支出120.5万元，其中：人员经费100.5万元，公用经费20万元。\n"
            "2024年“三公”经费财政拨款支出决算为2.5万元，比2023年增加0.5万元。\n")
    assert detect(_doc(text)).facts.fiscal_year == 2024


# --- column headers are not blanks ----------------------------------------------------------------------------------

def test_a_word_and_unit_ending_a_table_cell_is_a_column_header_not_an_empty_value():
    text = ("项目 | 2023年决算数 | 2024年预算数 | 2024年执行数 | |\n"
            "金额 | 占调整预算% | 比上年增长% | |\n"
            "税收收入 | 380 | 400 | 410 | 102.5 | 7.89 |\n")
    facts = DocumentFacts(kind="unclassified", fiscal_year=2024)
    assert [m for m in read_marks(text_document(text), facts) if m.role == "empty_value"] == []
    # a cell that prints a clause before the blank is still a blank
    text = "说明 | 本年支出比上年增加 万元，增长 %。 |\n"
    found = [m for m in read_marks(text_document(text), facts) if m.role == "empty_value"]
    assert [m.printed_unit for m in found] == ["万元", "%"]


# --- budgets adjusted, completions against the adjusted budget, nouns before 预计为 / 安排 -------------------------------

def test_a_budget_adjusted_from_one_amount_to_another_states_prior_current_and_change():
    text = "经县人大常委会批准，2025年县本级政府性基金预算支出由8600万元调整为9150万元，调增550万元。\n"
    statements, findings = _read(text, year=2025, kind="unclassified")
    rows = [(s.role, s.value, s.basis, s.direction) for s in statements]
    assert rows == [("prior_amount", Decimal("8600"), "initial_budget", None),
                    ("amount", Decimal("9150"), "adjusted_budget", None),
                    ("change", Decimal("550"), "adjusted_budget", 1)]
    assert len({s.subject for s in statements}) == 1 and statements[0].subject.endswith("政府性基金预算支出")
    assert not findings


def test_a_completion_of_the_adjusted_budget_and_an_execution_ratio_are_completions():
    text = ("2024年镇财政总收入完成18650万元，为调整预算的103.61%。\n"
            "“三公”经费支出96.4万元，预算执行比例为87.64%。\n")
    statements, findings = _read(text, year=2024, kind="unclassified")
    assert [(s.role, s.value) for s in statements if s.printed_unit == "%"] == [
        ("completion_pct", Decimal("103.61")), ("completion_pct", Decimal("87.64"))]
    assert not findings


def test_a_noun_before_its_verb_with_nothing_after_the_verb_names_the_amount():
    text = ("2025年全县一般公共预算收入预计为36.2亿元，完成调整预算的101.2%。\n"
            "县本级一般公共预算支出安排28.4亿元。\n")
    statements, findings = _read(text, year=2025, kind="unclassified")
    assert [(s.subject, s.value) for s in statements if s.role == "amount"] == [
        ("一般公共预算收入", Decimal("36.2")), ("县本级一般公共预算支出", Decimal("28.4"))]
    assert not findings


# --- a share whose clause names its own noun; 市级 / 省级 as scopes (found on documents/real/heldout7/) ----------------

def test_a_share_whose_clause_opens_with_its_own_noun_is_that_nouns_not_the_amount_before():
    text = ("2024年，全县一般公共预算收入完成52000万元，其中税收收入39000万元，非税收入13000万元，"
            "税收占一般公共预算收入的比重为75%。\n")
    statements, _ = _read(text, year=2024, kind="unclassified")
    share = [s for s in statements if s.role == "share_pct"][0]
    assert (share.subject, share.value) == ("税收收入", Decimal("75"))  # 39000 / 52000 = 75 %, not 非税收入's 25 %
    # a noun no amount of the sentence abbreviates: the share is its own noun's (a weight), or unbound
    statements, findings = _read("评分由两部分构成，各自权重为预算执行率占比10%、产出指标占比90%。\n", year=2024,
                                 kind="unclassified")
    assert [(s.subject, s.value) for s in statements if s.role == "share_pct"] == [
        ("预算执行率", Decimal("10")), ("产出指标", Decimal("90"))]
    statements, findings = _read("全区地方财政收入3.5亿元，较上年增长4.2%，税收占比80.1%。\n", year=2024,
                                 kind="unclassified")
    assert [s.subject for s in statements if s.role == "share_pct"] == []
    assert any("80.1%" in f.message for f in findings)


def test_a_city_or_province_level_printed_before_its_budget_is_a_scope():
    text = ("全市一般公共预算总支出604.93亿元。收支相抵，结转下年32.65亿元。\n"
            "市级一般公共预算总支出327.76亿元。收支相抵，结转下年10.4亿元。\n")
    statements, _ = _read(text, year=2023, kind="unclassified")
    scopes = {s.value: s.scope for s in statements if s.role == "amount"}
    assert scopes[Decimal("32.65")] == "全市" and scopes[Decimal("10.4")] == "市级"


# --- a whole said to be made of its parts (由…构成; heldout5 小林) ----------------------------------------------------

def test_a_whole_said_to_be_made_of_its_parts_lists_them():
    text = ("全乡一般公共预算财力2,460.50万元。由一般公共预算收入310.20万元，加上级补助收入、上年结余等2,150.30万元构成。"
            "支出总计2,460.50万元，由一般公共预算支出2,300.50万元，加上解支出、结转下年等160.00万元构成，当年收支平衡。\n")
    statements, findings = _read(text, year=2023, kind="unclassified")
    amounts = [(s.subject, s.value, s.parent_subject) for s in statements if s.role == "amount"]
    assert amounts == [
        ("一般公共预算财力", Decimal("2460.50"), None),
        ("一般公共预算收入", Decimal("310.20"), "一般公共预算财力"),  # the sentence before names the whole
        ("上年结余", Decimal("2150.30"), "一般公共预算财力"),
        ("支出总计", Decimal("2460.50"), None),
        ("一般公共预算支出", Decimal("2300.50"), "支出总计"),
        ("结转下年", Decimal("160.00"), "支出总计")]
    assert not findings
    # 由 before an adjustment is no list (由X万元调整为Y万元)
    statements, _ = _read("一般公共预算支出由5000万元调整为4800万元，调减200万元。\n", year=2023, kind="unclassified")
    assert all(s.parent_subject is None for s in statements)


# --- a share of a whole its phrase names, stated in an earlier sentence (heldout5 汕头) -----------------------------

def test_a_share_naming_a_whole_stated_before_takes_that_whole():
    text = ("2023年度总收入5,000.00万元，其中：财政拨款收入3,000.00万元，事业收入2,000.00万元。\n"
            "①财政拨款收入：本年度财政拨款收入共计3,000.00万元，占总收入的60.00%。\n"
            "②事业收入：本年度事业收入2,000.00万元，占事业单位收入的40.00%。\n")
    statements, _ = _read(text, year=2023, kind="final_accounts")
    shares = [(s.subject, s.value, s.parent_subject, s.list_index) for s in statements if s.role == "share_pct"]
    whole_index = [s.sentence_index for s in statements if s.role == "amount" and s.subject == "总收入"][0]
    # 总收入 is stated once, in the first sentence; 事业单位收入 is stated nowhere: that share stays without a whole
    assert shares == [("财政拨款收入", Decimal("60.00"), "总收入", whole_index),
                      ("事业收入", Decimal("40.00"), None, None)]

