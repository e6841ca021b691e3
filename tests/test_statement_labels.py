"""Labels and basis series (reader 1.5.22): the noun a sentence prints before its first colon, and a numbered item
that is one noun and nothing else, name the numbers after them whose clause prints no noun; a clause of only another
basis (年初预算为…，调整预算为…，决算数为…) is of the noun before it; a completion keeps the stage of the budget it names.

The shape is the usual one of government 决算 reports (一般公共预算收入：年初预算为…，调整预算为…，决算数为…，完成调整预算的…%):
before 1.5.22 every number of it was reported unbound. Every sentence here is written for this test (other funds,
amounts and wordings than any document in the repository); every expected value is read from the sentence by hand.
"""

from __future__ import annotations

from decimal import Decimal

from conftest import text_document
from loaders.records import DocumentFacts
from loaders.statements import read_statements
from loaders.statements.reader import UNBOUND_RULE


def _read(text: str, year: int = 2023, kind: str | None = None):
    return read_statements(text_document(text), DocumentFacts(kind=kind, fiscal_year=year))


def _figures(statements):
    return [(s.role, s.value, s.subject, s.basis) for s in statements]


def test_a_label_before_a_colon_names_each_basis_of_the_series():
    statements, findings = _read("（2）政府性基金预算支出：年初预算为8600万元，调整预算为9150万元，决算数为8975万元，"
                                 "完成调整预算的98.1%。\n")
    noun = "政府性基金预算支出"
    assert _figures(statements) == [
        ("amount", Decimal("8600"), noun, "initial_budget"),
        ("amount", Decimal("9150"), noun, "adjusted_budget"),
        ("amount", Decimal("8975"), noun, "final_accounts"),
        ("completion_pct", Decimal("98.1"), noun, "final_accounts")]
    # the completion names the adjusted budget: that is its base (8975 ÷ 9150 = 98.09 %), not the 8600
    assert statements[-1].compared_basis == "adjusted_budget"
    assert [f for f in findings if f.rule_id == UNBOUND_RULE] == []


def test_a_label_takes_no_clause_that_names_its_own_noun_nor_a_subject_carried_over_a_semicolon():
    statements, _findings = _read("社会保险基金收入年初预算为640万元；国有资本经营预算收入：决算数为75万元，"
                                  "比上年增长7.1%。\n")
    assert _figures(statements) == [
        ("amount", Decimal("640"), "社会保险基金收入", "initial_budget"),
        ("amount", Decimal("75"), "国有资本经营预算收入", "final_accounts"),
        ("growth_pct", Decimal("7.1"), "国有资本经营预算收入", "final_accounts")]


def test_an_item_that_is_one_noun_names_the_numbers_of_the_next_sentence():
    statements, _findings = _read("（三）国有资本经营预算收入。年初预算为320万元，决算数为305万元，完成年初预算的95.3%。\n")
    noun = "国有资本经营预算收入"
    assert _figures(statements) == [
        ("amount", Decimal("320"), noun, "initial_budget"),
        ("amount", Decimal("305"), noun, "final_accounts"),
        ("completion_pct", Decimal("95.3"), noun, "final_accounts")]
    assert statements[-1].compared_basis == "initial_budget"


def test_a_basis_glued_to_the_noun_is_its_basis_and_the_next_basis_clauses_are_of_the_same_noun():
    statements, _findings = _read("社会保险基金收入年初预算为5400万元，调整后预算为5520万元，决算数为5610万元。\n")
    assert _figures(statements) == [
        ("amount", Decimal("5400"), "社会保险基金收入", "initial_budget"),
        ("amount", Decimal("5520"), "社会保险基金收入", "adjusted_budget"),
        ("amount", Decimal("5610"), "社会保险基金收入", "final_accounts")]


def test_what_is_not_one_noun_or_repeats_a_basis_stays_unbound():
    # a label that is no noun (收入方面), and a second amount of a basis the series already stated: reported, never bound
    statements, findings = _read("收入方面：年初预算为12600万元。\n")
    assert statements == [] and [f.rule_id for f in findings] == [UNBOUND_RULE]
    statements, findings = _read("政府性基金收入决算数为4300万元，决算数为4100万元。\n")
    assert [(s.value, s.basis) for s in statements] == [(Decimal("4300"), "final_accounts")]
    assert [f.rule_id for f in findings] == [UNBOUND_RULE]
    assert "4100" in findings[0].message


def test_an_initial_budget_a_change_and_the_amount_adjusted_to_are_one_adjustment():
    # as 由4600万元调整为4180万元，减少420万元 is read: the initial budget is the side compared with, the change the
    # adjusted budget's against it (4600 − 420 = 4180)
    statements, findings = _read("（3）上级补助收入：年初预算为4600万元，减少420万元，调整为4180万元。\n", kind=None)
    assert [(s.role, s.value, s.subject, s.basis, s.compared_basis, s.direction) for s in statements] == [
        ("prior_amount", Decimal("4600"), "上级补助收入", "initial_budget", "initial_budget", None),
        ("change", Decimal("420"), "上级补助收入", "adjusted_budget", "initial_budget", -1),
        ("amount", Decimal("4180"), "上级补助收入", "adjusted_budget", None, None)]
    assert findings == []


def test_a_change_with_a_comparison_of_its_own_is_no_adjustment():
    # 比上年增加: the change is against the year before, not the initial budget's adjustment
    statements, _findings = _read("债务还本支出：年初预算为900万元，比上年增加60万元，调整为950万元。\n", kind=None)
    roles = [(s.role, s.value, s.compared_year, s.compared_basis) for s in statements]
    assert roles[0] == ("amount", Decimal("900"), None, None)
    assert roles[1] == ("change", Decimal("60"), 2022, None)


def test_a_label_names_nothing_when_the_clause_after_the_colon_prints_its_own_noun():
    # 支出：全县政府性基金预算支出…: the rates are the clause's noun's (or unbound), never the label's bare 支出
    statements, _findings = _read("支出：全县政府性基金预算支出6,120万元，为预算的98%，比上年下降4.5%。\n")
    assert "支出" not in {s.subject for s in statements}
    assert {s.subject for s in statements if s.role == "amount"} == {"政府性基金预算支出"}



def test_a_comparison_with_the_year_before_printed_with_nian_du_names_no_noun():
    # 较上年度决算数: the side compared with (上年度 read whole, no noun 度决算 left over): the rate after the item's
    # change is the item's (30.60 ÷ (520.40 + 30.60) = 5.55 %)
    statements, _findings = _read("1.财政拨款收入520.40万元,为财政拨款资金。较上年度决算数减少30.60万元,下降5.55%。\n",
                                  year=2021, kind=None)
    assert {(s.role, s.subject) for s in statements} == {
        ("amount", "财政拨款收入"), ("change", "财政拨款收入"), ("growth_pct", "财政拨款收入")}
