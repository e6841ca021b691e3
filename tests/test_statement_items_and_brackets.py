"""Reader 1.5.20 (found on documents/real/heldout55, measured blind first: see its BASELINE.md):

- a numbered item's noun stands before its first figure: a noun after it (a part's after 其中, a reason's after 主要
  原因是) never names the item's amounts (（一）2019年支出决算X元，…，主要原因是人员经费支出增加 had bound X, its prior and
  its rate to 人员经费: a silent wrong subject, and a false NAR-CALC-002 on a rate of the whole);
- a 其中 after a reason going on from the sentence before (…主要原因是教师人数增加；学生人数增加，公用经费增加，其中：)
  names no whole: the reason's noun is what changed, not what the parts break down (they were listed under 公用经费);
  the parts keep their own nouns, and the list is reported (LOAD-AMBIGUOUS-LIST);
- a bare rate in brackets right after a change's amount is that change's rate (较上年减少1.5万元（42.86%）): it was
  reported with no role, and the rate of 新城区 L9 (42.86 % for 1.5 of 3.80, 39.47 %) was not checked;
- a form's two directions, neither struck out (较上年增加（减少）67.65万元, 增长(下降)12%), give a figure no direction: it
  is reported, never read as the second word's (it was a decrease); a 0 keeps its row (a change of 0 has no direction);
- a web page's reprint notice quotes a placeholder (凡本网注明“XXX（非本网）提供”的作品，均转载自其它媒体): no placeholder
  left in the text (heldout58's 山东 mirror gave a false NAR-TEXT-002); the same placeholder in the text's own words is;
- a flat word after an amount whose noun is bound only with the sentence (a heading's noun, 二、公务接待费 / 2016年预算
  5万元，与上年持平) is a change of 0 of that noun; a basis word after the year compared (与2015年预算持平) is the basis
  compared with.

Every sentence is written for this test (other places, subjects and amounts than the documents); every expected value
is read from the sentence by hand.
"""

from __future__ import annotations

from decimal import Decimal

from conftest import text_document
from loaders.records import DocumentFacts
from loaders.statements import READER_VERSION, read_statements


def _read(text: str, year: int = 2023, kind: str = "final_accounts"):
    return read_statements(text_document(text), DocumentFacts(kind=kind, fiscal_year=year))


def _rows(statements):
    return [(s.role, s.subject, s.parent_subject, s.value, s.direction) for s in statements]


def _unbound(findings):
    return sorted(f.message.split(":")[0] for f in findings if f.rule_id == "LOAD-UNBOUND-STATEMENT")


def test_reader_version_names_the_change():
    assert tuple(map(int, READER_VERSION.split("."))) >= (1, 5, 21)


def test_a_reason_after_an_items_amount_does_not_name_it():
    statements, findings = _read("（一）2023年支出决算5123.40万元，上年支出决算4800.00万元，与上年相比增长6.74%，"
                                 "增长的主要原因是退休人员增加，人员经费支出增加。\n")
    assert statements == []  # 支出决算 names no noun of the vocabulary: reported, never 人员经费's
    assert _unbound(findings) == ["4800.00万元", "5123.40万元", "6.74%"]


def test_a_part_after_an_items_amount_does_not_name_it():
    statements, findings = _read("（二）2023年支出决算5123.40万元，其中人员经费3000.00万元。\n")
    assert [(s.role, s.subject, s.value) for s in statements] == [("amount", "人员经费", Decimal("3000.00"))]
    assert _unbound(findings) == ["5123.40万元"]


def test_an_items_own_noun_before_its_amount_still_names_it():
    statements, findings = _read("（一）一般公共预算支出5123.40万元，主要原因是人员经费支出增加。\n")
    assert [(s.role, s.subject, s.value) for s in statements] == [("amount", "一般公共预算支出", Decimal("5123.40"))]
    assert _unbound(findings) == []


def test_a_list_after_a_reason_going_on_from_the_sentence_before_names_no_whole():
    statements, findings = _read("2023年收入决算800.50万元，与上年相比增长6.30%，增长的主要原因是在校学生增加；"
                                 "教师人数增加，人员经费增加，其中：\n财政拨款收入700.50万元，与上年相比增长5.10%。\n"
                                 "事业收入100.00万元。\n")
    parts = [(s.role, s.subject, s.parent_subject, s.value) for s in statements if s.line_start >= 2]
    assert parts == [("amount", "财政拨款收入", None, Decimal("700.50")),
                     ("growth_pct", "财政拨款收入", None, Decimal("5.10")),
                     ("amount", "事业收入", None, Decimal("100.00"))]
    ambiguous = [f for f in findings if f.rule_id == "LOAD-AMBIGUOUS-LIST"]
    assert len(ambiguous) == 1 and "follow a reason (“人员经费”" in ambiguous[0].message


def test_a_bare_rate_in_brackets_after_a_changes_amount_is_its_rate():
    statements, findings = _read("公务接待费3.60万元，较上年减少0.90万元（20.00%），主要原因是压减接待。\n"
                                 "培训费1.20万元，比上年增加0.20万元(20%)。\n", kind="three_public_final_accounts")
    assert _rows(statements) == [
        ("amount", "公务接待费", None, Decimal("3.60"), None),
        ("change", "公务接待费", None, Decimal("0.90"), -1),
        ("growth_pct", "公务接待费", None, Decimal("20.00"), -1),
        ("amount", "培训费", None, Decimal("1.20"), None),
        ("change", "培训费", None, Decimal("0.20"), 1),
        ("growth_pct", "培训费", None, Decimal("20"), 1)]
    assert _unbound(findings) == []


def test_a_rate_in_brackets_that_says_more_is_not_the_changes_rate():
    # a share in the bracket, a rate the bracket goes on after, and a rate after an amount of no change
    statements, findings = _read("公务接待费3.60万元，较上年减少0.90万元（占比20.00%）。\n"
                                 "培训费1.20万元，比上年增加0.20万元（20%以上）。\n"
                                 "会议费2.00万元（25%）。\n", kind="three_public_final_accounts")
    assert [s.role for s in statements if s.printed_unit == "%"] == ["share_pct"]
    assert _unbound(findings) == ["20%", "25%"]


def test_a_flat_word_after_an_amount_named_by_its_heading_is_a_change_of_zero():
    statements, findings = _read("二、公务接待费\n2024年预算8.40万元，与上年持平。\n", year=2024, kind="department_budget")
    assert [(s.role, s.subject, s.value, s.compared_year, s.direction) for s in statements] == [
        ("amount", "公务接待费", Decimal("8.40"), None, None),
        ("change", "公务接待费", Decimal("0"), 2023, 0)]
    assert findings == []


def test_a_flat_word_after_an_amount_of_no_noun_is_no_row_and_no_finding_of_its_own():
    # a heading of two nouns names nothing: the amount is reported, the word after it is no figure
    statements, findings = _read("一、收支预算总体情况\n2024年预算安排8.40万元，与上年持平。\n", year=2024,
                                 kind="department_budget")
    assert statements == []
    assert _unbound(findings) == ["8.40万元"]


def test_a_flat_word_against_a_years_budget_compares_with_that_budget():
    statements, _ = _read("培训费2024年预算数为6.20万元，与2023年预算持平。\n", year=2024, kind="department_budget")
    assert [(s.role, s.subject, s.value, s.compared_year, s.compared_basis, s.direction) for s in statements] == [
        ("amount", "培训费", Decimal("6.20"), None, None, None),
        ("change", "培训费", Decimal("0"), 2023, "budget", 0)]


def test_a_forms_two_directions_give_a_figure_no_direction():
    statements, findings = _read("公务接待费6.20万元，较上年增加（减少）1.30万元（26.53%）。\n"
                                 "培训费3.00万元，比上年增加0.50万元，增长(下降)20%。\n", kind="three_public_final_accounts")
    assert [(s.role, s.subject, s.value, s.direction) for s in statements] == [
        ("amount", "公务接待费", Decimal("6.20"), None),
        ("amount", "培训费", Decimal("3.00"), None),
        ("change", "培训费", Decimal("0.50"), 1)]
    assert sorted(f.message.split(":")[0] for f in findings) == ["1.30万元", "20%", "26.53%"]
    assert all("cannot bind its role" in f.message for f in findings)


def test_a_forms_two_directions_before_a_zero_keep_the_change_of_zero():
    statements, findings = _read("因公出国（境）费0万元，较上年增加(减少)0万元，增长(下降)0%。\n", kind="three_public_final_accounts")
    assert [(s.role, s.value) for s in statements] == [("amount", Decimal("0")), ("change", Decimal("0")),
                                                       ("growth_pct", Decimal("0"))]
    assert findings == []


def test_a_reprint_notice_quoting_a_placeholder_leaves_none_in_the_text():
    statements, _ = _read("全县一般公共预算收入完成8.20亿元。\n"
                          "凡本站注明“来源：XXX（非本站）”的作品，均转载自其它媒体，并不代表本站赞同其观点。\n"
                          "XX局2023年部门决算说明\n", kind="department_budget")
    assert [(s.role, s.subject, s.line_start) for s in statements if s.role == "placeholder"] == [("placeholder", "XX局", 3)]
    # the same notice in traditional characters (a mirror's page)
    statements, _ = _read("凡本網注明“來源：XXX（非本網）”的作品，均轉載自其它媒體。\n", kind="department_budget")
    assert [s for s in statements if s.role == "placeholder"] == []
