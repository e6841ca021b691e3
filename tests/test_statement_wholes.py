"""Which whole a list or a share is checked against, and the document's year (issue 13, held-out false alarms).

Every sentence here is written for this test (other subjects, wordings and units than the held-out documents in
documents/real/heldout/, which these mechanisms were found on); every expected value is read from the sentence by
hand. The mechanisms:

- 万 alone after a number is 万元 in a clause about money of a sentence that states money; after a noun that is no
  money (游客, 人) it is not read;
- a share's whole is the aggregate its phrase names (占X的z%): a share of the list's whole (or of no named whole,
  占比) is checked against it; a share of the part's own budget (占年初预算) or of another aggregate is not a share
  of the list's whole: unchecked and reported, and a part naming another aggregate makes the list ambiguous;
- a list that states no amount of its whole before its parts is never checked against an amount of the same name
  stated later or for another period: the list is reported ambiguous;
- the document's year is never read from a year that is only the base of a comparison (较/比/与…相比/同期).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from loaders.detect import comparison_base, detect
from loaders.documents import Document
from loaders.records import DocumentFacts
from loaders.statements import READER_VERSION, read_statements
from loaders.statements.reader import AMBIGUOUS_LIST_RULE, UNBOUND_RULE, share_whole


def _doc(text: str) -> Document:
    doc = Document(path=Path("variant.txt"), file_name="variant.txt", sha256="0" * 64, size_bytes=len(text.encode()),
                   data=text.encode())
    doc.text = text
    doc.lines = text.splitlines()
    return doc


def _read(text: str, year: int | None = 2024, kind: str | None = "department_budget"):
    return read_statements(_doc(text), DocumentFacts(kind=kind, fiscal_year=year))


def _parts(statements, role="amount"):
    return [(s.subject, s.value, s.parent_subject) for s in statements if s.role == role and s.parent_subject]


def test_reader_version_names_the_change():
    assert tuple(map(int, READER_VERSION.split("."))) >= (1, 3, 1)


# 万 alone ---------------------------------------------------------------------------------------------------------

def test_wan_alone_is_wanyuan_in_a_money_clause_and_the_list_takes_it_as_its_whole():
    text = "本部门2024年会议费和培训费预算合计为48.5万，其中：会议费20.3万元，培训费28.2万元。"
    statements, findings = _read(text)
    whole = [s for s in statements if s.value == Decimal("48.5")]
    assert len(whole) == 1 and whole[0].role == "amount" and whole[0].printed_unit == "万元"
    parts = _parts(statements)
    assert [(p[0], p[1]) for p in parts] == [("会议费", Decimal("20.3")), ("培训费", Decimal("28.2"))]
    assert {p[2] for p in parts} == {whole[0].subject}
    assert not [f for f in findings if f.rule_id == AMBIGUOUS_LIST_RULE]


def test_wan_alone_after_a_change_word_in_a_money_clause():
    text = "2024年差旅费比上年减少3.05万元，劳务费增加1.2万，主要原因是新增课题。"
    statements, _ = _read(text)
    change = [s for s in statements if s.value == Decimal("1.2")]
    assert len(change) == 1 and change[0].role == "change" and change[0].printed_unit == "万元"
    assert change[0].subject == "劳务费" and change[0].direction == 1


def test_wan_alone_after_a_count_noun_is_not_money():
    text = "2024年全年接待游客3.5万，景区门票收入120万元。"
    statements, findings = _read(text)
    assert not [s for s in statements if s.value == Decimal("3.5")]
    assert not [f for f in findings if "3.5" in f.message]
    assert [s.value for s in statements if s.role == "amount"] == [Decimal("120")]


def test_wan_alone_in_a_sentence_without_money_is_not_read():
    text = "2024年共培训基层干部1.6万，覆盖全部乡镇的支出项目。"
    statements, findings = _read(text)
    assert not [s for s in statements if s.value == Decimal("1.6")]
    assert not [f for f in findings if "1.6" in f.message]


def test_wan_followed_by_a_noun_stays_a_count_of_that_noun():
    text = "2024年水利建设资金300万元，惠及农户2.4万户。"
    statements, _ = _read(text)
    assert not [s for s in statements if s.value == Decimal("2.4") and s.printed_unit == "万元"]


# shares and their named whole -------------------------------------------------------------------------------------

def test_share_whole_verdicts_by_the_words_between_zhan_and_the_number():
    assert share_whole("", "卫生健康支出") == "whole"  # 占比
    assert share_whole("比为", "卫生健康支出") == "whole"
    assert share_whole("总额的", "科研经费") == "whole"
    assert share_whole("科研经费总额的", "科研经费") == "whole"
    assert share_whole("“三公”经费的", "三公经费") == "whole"
    assert share_whole("调整后预算的", "科研经费") == "own"
    assert share_whole("年初预算", "科研经费") == "own"
    assert share_whole("全部支出预算的", "科研经费") == "other"
    assert share_whole("支出的", "项目支出") == "other"  # a larger aggregate than the list's whole
    # a scope or year printed on one name only names the same aggregate; two different scopes name two
    assert share_whole("地方税收收入比重为", "全县地方税收收入") == "whole"
    assert share_whole("本年支出合计的", "2023年本年支出合计") == "whole"
    assert share_whole("全县支出的", "本级支出") == "other"
    # a balanced budget's total is the total of either side: 收入预算 = 支出预算 = 收支总预算
    assert share_whole("收入预算", "收支总预算") == "whole"
    assert share_whole("支出总预算的", "2025年收支预算总计") == "whole"
    assert share_whole("收入预算", "项目支出") == "other"
    assert share_whole("一般公共预算收入", "收支总预算") == "other"


def test_shares_of_a_balanced_budgets_side_are_checked_against_its_total():
    text = "本单位2025年收支总预算300.00万元，其中：本年收入280.00万元，占收入预算93.33%；上年结转20.00万元，占收入预算6.67%。\n"
    statements, findings = _read(text, year=2025)
    assert not [f for f in findings if f.rule_id in (AMBIGUOUS_LIST_RULE, "LOAD-UNBOUND-STATEMENT")], findings
    shares = [s for s in statements if s.role == "share_pct"]
    assert sorted(s.value_text for s in shares) == ["6.67", "93.33"]
    # the other side after the ； is no part of the total (收入 and 支出 are two sides of it, not two parts)
    statements, findings = _read("本单位2025年收支总预算300.00万元，其中：本年收入300.00万元，占收入预算100.00%；"
                                 "本年支出300.00万元，占支出预算100.00%。\n", year=2025)
    assert [(s.subject, s.parent_subject) for s in statements if s.role == "amount"] == [
        ("收支总预算", None), ("本年收入", "收支总预算"), ("本年支出", None)]
    assert findings == []


def test_a_list_of_changes_keeps_its_parts_when_the_whole_amount_is_stated_elsewhere():
    text = ("2024年“三公”经费预算总计30.5万元。\n"
            "2024年“三公”经费预算较上年增加2.1万元，其中公务接待费较上年减少0.4万元，下降5.0%。\n")
    statements, findings = _read(text, year=2024)
    change = [s for s in statements if s.role == "change" and s.subject == "公务接待费"]
    assert len(change) == 1 and change[0].parent_subject == "三公经费"
    assert not [f for f in findings if f.rule_id == AMBIGUOUS_LIST_RULE]


def test_share_of_the_named_list_whole_is_checked_against_it():
    # the whole is named with its basis (科研经费预算), the share phrase without it (占科研经费的)
    text = ("2024年科研经费预算1000万元，其中：咨询费400万元，占科研经费的40%；劳务费600万元，"
            "占科研经费的60%。")
    statements, findings = _read(text)
    shares = [(s.subject, s.value, s.parent_subject) for s in statements if s.role == "share_pct"]
    assert shares == [("咨询费", Decimal("40"), "科研经费预算"), ("劳务费", Decimal("60"), "科研经费预算")]
    assert not [f for f in findings if f.rule_id in (AMBIGUOUS_LIST_RULE, UNBOUND_RULE)]


def test_share_of_a_parts_own_budget_is_not_a_share_of_the_list_whole():
    text = ("二、农林水支出5400万元，其中：\n"
            "1、农业农村支出3000万元，占调整后预算的96.5%。\n"
            "2、水利支出2400万元，占调整后预算的88%。\n")
    statements, findings = _read(text, year=2023, kind="final_accounts")
    shares = [s for s in statements if s.role == "share_pct"]
    assert [s.value for s in shares] == [Decimal("96.5"), Decimal("88")]
    assert all(s.parent_subject is None and s.list_index is None for s in shares)
    # the amounts stay parts of their whole: the share names the part's own budget, not another whole
    assert [(p[0], p[1], p[2]) for p in _parts(statements)] == [
        ("农业农村支出", Decimal("3000"), "农林水支出"), ("水利支出", Decimal("2400"), "农林水支出")]
    unbound = [f for f in findings if f.rule_id == UNBOUND_RULE and "调整后预算" in f.message]
    assert len(unbound) == 2
    assert not [f for f in findings if f.rule_id == AMBIGUOUS_LIST_RULE]


def test_parts_naming_another_aggregate_make_the_list_ambiguous():
    # the sentence before names a sibling (基本支出) whose 其中 the items are not: each item says it is a share of the
    # whole budget
    text = ("基本支出预算 62000 元，占全部支出预算的 40.00%。其中：\n"
            "（一）教育支出类科目 93000 元，占全部支出预算 60.00%。\n"
            "（二）农林水支出类科目 62000 元，占全部支出预算 40.00%。\n")
    statements, findings = _read(text, year=2026, kind="unit_budget_sh")
    assert _parts(statements) == []
    assert [s for s in statements if s.role == "share_pct" and s.parent_subject] == []
    ambiguous = [f for f in findings if f.rule_id == AMBIGUOUS_LIST_RULE]
    assert len(ambiguous) == 1 and "全部支出预算" in ambiguous[0].message


# a whole stated later or for another period ------------------------------------------------------------------------

def test_a_whole_named_without_an_amount_is_not_taken_from_a_later_sentence():
    text = ("“三公”经费支出情况如下：因公出国（境）费0万元、公务接待费3.2万元、公务用车运行维护费8.5万元。\n"
            "区直单位“三公”经费预算为9.4万元。\n")
    statements, findings = _read(text, year=2024)
    assert [s for s in statements if s.parent_subject] == []
    ambiguous = [f for f in findings if f.rule_id == AMBIGUOUS_LIST_RULE]
    assert len(ambiguous) == 1 and "9.4万元 (line 2)" in ambiguous[0].message
    assert "later sentence" in ambiguous[0].message


def test_a_whole_named_without_an_amount_is_not_taken_from_another_period():
    text = ("2023年“三公”经费决算为10.2万元。\n"
            "“三公”经费预算安排如下：公务接待费3.0万元，公务用车运行维护费7.0万元。\n")
    statements, findings = _read(text, year=2024)
    assert [s for s in statements if s.parent_subject] == []
    ambiguous = [f for f in findings if f.rule_id == AMBIGUOUS_LIST_RULE]
    assert len(ambiguous) == 1 and "another period" in ambiguous[0].message


def test_a_whole_named_without_an_amount_and_none_stated_elsewhere_keeps_its_parts():
    text = "2024年“三公”经费预算安排如下：公务接待费5.5万元，公务用车运行维护费12.0万元。"
    statements, findings = _read(text, year=2024)
    assert [(p[0], p[1]) for p in _parts(statements)] == [
        ("公务接待费", Decimal("5.5")), ("公务用车运行维护费", Decimal("12.0"))]
    assert not [f for f in findings if f.rule_id == AMBIGUOUS_LIST_RULE]


# the document's year ------------------------------------------------------------------------------------------------

def test_comparison_base_years():
    for text, year, expected in [
        ("本年支出较2022年度决算数增加", "2022", True),
        ("比2021年增长3%", "2021", True),
        ("与2020年相比减少", "2020", True),
        ("同2019年度相比", "2019", True),
        ("2022年同期", "2022", True),
        ("2023年预算执行情况与2024年预算草案", "2024", False),
        ("2023年部门决算", "2023", False),
    ]:
        at = text.index(year)
        assert comparison_base(text, at, text.index("年", at) + 1) is expected, text


def test_document_year_is_not_read_from_a_comparison_base():
    text = ("(二)本中心2022年度总支出312.40万元，其中基本支出210.00万元，较2021年度决算数增加12.30万元，\n"
            "增长6.2%。\n")
    detection = detect(_doc(text))
    assert detection.facts.fiscal_year == 2022
