"""What keeps the statement reader cheap must not change what it reads (issue 13): the document's lines are split and
classified once for the reader and the text marks (loaders/statements/lines.py, source_lines), and the marks test a
cheap hint before each costly pattern (loaders/text_marks.py). The sentences are written for the test; the expected
lines and marks are read from them by hand."""

from __future__ import annotations

from decimal import Decimal

from conftest import text_document
from loaders.records import DocumentFacts
from loaders.statements import read_statements
from loaders.statements.lines import source_lines
from loaders.text_marks import read_marks

FACTS = DocumentFacts(kind="department_budget", fiscal_year=2024)


def test_lines_of_the_same_document_are_a_new_list_each_time():
    doc = text_document("一、部门收支情况\n2024年收入预算1200.50万元。\n")
    first = source_lines(doc)
    first.clear()  # a caller changing its list changes nobody else's
    second = source_lines(doc)
    assert [(line.number, line.text, line.kind) for line in second] == [
        (1, "一、部门收支情况", "heading"), (2, "2024年收入预算1200.50万元。", "prose")]
    assert second is not source_lines(doc)


def test_another_document_is_read_for_itself_not_from_the_last_one():
    one = text_document("2024年支出预算300万元。\n")
    other = text_document("公务接待费减少0万元，主要原因是压缩接待开支。\n数据有误，系统卡顿导致。\n")
    assert [line.text for line in source_lines(one)] == ["2024年支出预算300万元。"]
    assert [line.text for line in source_lines(other)] == ["公务接待费减少0万元，主要原因是压缩接待开支。",
                                                          "数据有误，系统卡顿导致。"]
    # the same object with other text (a test or a caller reusing it) is read again
    one.text = "2024年支出预算400万元。\n"
    assert [line.text for line in source_lines(one)] == ["2024年支出预算400万元。"]


def test_reader_then_marks_on_one_document_read_what_each_reads_alone():
    text = ("一、部门预算情况\n"
            "2024年支出预算300.00万元，比上年减少0万元，主要原因是压缩会议开支。\n"
            "因系统卡顿，表中一行填报有误。\n"
            "请填写项目实施的主要内容\n")
    alone = read_marks(text_document(text), FACTS)
    doc = text_document(text)
    statements, _findings = read_statements(doc, FACTS)
    after_reader = read_marks(doc, FACTS)
    assert after_reader == alone
    assert [(m.role, m.line_start) for m in alone] == [
        ("template_text", 4), ("zero_change_reason", 2), ("entry_error_note", 3), ("entry_error_note", 3)]
    assert [m.value_text for m in alone if m.role == "entry_error_note"] == ["系统卡顿", "填报有误"]
    zero = alone[1]
    assert (zero.value, zero.direction, zero.printed_unit, zero.reason_text) == (Decimal("0"), -1, "万元",
                                                                                "压缩会议开支")
    assert [(s.role, s.value) for s in statements if s.value is not None][:1] == [("amount", Decimal("300.00"))]


def test_a_line_read_again_from_the_cache_is_the_same_and_its_own():
    # the same lines in two documents (the second read from the per-line cache): same segments and kinds, and each
    # document's segments are its own list (a caller changing one changes nobody else's)
    text = "2024年  支出预算  300.00万元。\n一般公共服务支出 72.95 72.95 120.56\n"
    first, second = source_lines(text_document(text)), source_lines(text_document("\n" + text))
    assert [(line.number, line.segments, line.text, line.kind) for line in first] == [
        (1, ["2024年", "支出预算", "300.00万元。"], "2024年支出预算300.00万元。", "prose"),
        (2, ["一般公共服务支出 72.95 72.95 120.56"], "一般公共服务支出 72.95 72.95 120.56", "table")]
    assert [(line.number, line.segments, line.kind) for line in second] == [
        (2, ["2024年", "支出预算", "300.00万元。"], "prose"), (3, ["一般公共服务支出 72.95 72.95 120.56"], "table")]
    first[0].segments.append("改")
    assert second[0].segments == ["2024年", "支出预算", "300.00万元。"]
    assert source_lines(text_document(text))[0].segments == ["2024年", "支出预算", "300.00万元。"]


def test_a_sentence_read_again_binds_the_same_statements():
    # the same sentence in two documents of different years: its subjects come from the cache, its years do not
    sentence = "一般公共服务支出（类）300.00万元，比上年增加20.00万元。\n"
    one = read_statements(text_document(sentence), FACTS)[0]
    other = read_statements(text_document(sentence), DocumentFacts(kind="department_budget", fiscal_year=2025))[0]
    assert [(s.role, s.subject, s.value, s.period_year) for s in one] == [
        ("amount", "一般公共服务支出（类）", Decimal("300.00"), 2024), ("change", "一般公共服务支出（类）", Decimal("20.00"), 2024)]
    assert [(s.role, s.subject, s.value, s.period_year) for s in other] == [
        ("amount", "一般公共服务支出（类）", Decimal("300.00"), 2025), ("change", "一般公共服务支出（类）", Decimal("20.00"), 2025)]
