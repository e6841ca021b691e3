"""The statement reader (loaders/statements): numbers in fiscal prose bound to subject, period, basis and role.

Unit tests on short hand-written sentences (every role, the grammar's variants, wrapped lines and a PDF page
break, textual facts, unbound numbers, linear cost), then the development documents in documents/real (PDF and
layout text), whose values below were read by hand from the documents, and the hand-read golden statements of
tests/golden/*.statements.csv (written by another session from the layout text, never from this reader).
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from loaders.documents import read_document
from loaders.detect import resolve_facts
from loaders.records import DocumentFacts
from loaders.statements import READER_VERSION, UNBOUND_RULE, read_statements

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "documents" / "real"
BUDGET_2024 = DocumentFacts(kind="department_budget_sh", fiscal_year=2024)
ACCOUNTS_2024 = DocumentFacts(kind="final_accounts", fiscal_year=2024)


def text_doc(text: str):
    return SimpleNamespace(is_pdf=False, text=text, lines=text.splitlines(), sha256="t", file_name="t.txt")


def read(text: str, facts: DocumentFacts = BUDGET_2024):
    return read_statements(text_doc(text), facts)


def rows(statements, *fields):
    return [tuple(getattr(s, f) for f in fields) for s in statements]


# --- roles --------------------------------------------------------------------------------------------------

def test_amount_prior_change_and_growth_of_one_sentence():
    st, findings = read("机关运行经费2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。\n"
                        "“三公”经费预算数为47.91万元，比2023年预算增加25万元。")
    assert findings == []
    assert rows(st, "role", "value_text", "value", "printed_unit", "period_year", "basis", "compared_year",
                "compared_basis", "direction") == [
        ("prior_amount", "60.13", Decimal("60.13"), "万元", 2023, "execution", 2023, "execution", None),
        ("amount", "25.77", Decimal("25.77"), "万元", 2024, "budget", None, None, None),
        ("growth_pct", "57.14", Decimal("57.14"), "%", 2024, "budget", 2023, "execution", -1),
        ("amount", "47.91", Decimal("47.91"), "万元", 2024, "budget", None, None, None),
        ("change", "25", Decimal("25"), "万元", 2024, "budget", 2023, "budget", 1),
    ]


def test_share_completion_and_count():
    st, findings = read("本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%。\n"
                        "一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。\n"
                        "编报绩效目标的项目50个，涉及项目预算资金5634.81万元。", ACCOUNTS_2024)
    assert findings == []
    assert rows(st, "role", "subject", "value_text", "basis", "parent_subject") == [
        ("amount", "本年收入合计", "2946.25", "final_accounts", None),
        ("amount", "财政拨款收入", "2940.05", "final_accounts", "本年收入合计"),
        ("share_pct", "财政拨款收入", "99.79", "final_accounts", "本年收入合计"),
        ("amount", "其他收入", "6.2", "final_accounts", "本年收入合计"),
        ("share_pct", "其他收入", "0.21", "final_accounts", "本年收入合计"),
        ("amount", "一般公共预算财政拨款支出", "2993.92", "initial_budget", None),
        ("amount", "一般公共预算财政拨款支出", "2940.05", "final_accounts", None),
        ("completion_pct", "一般公共预算财政拨款支出", "98.20", "final_accounts", None),
        ("count", "编报绩效目标的项目", "50", None, None),
        ("amount", "编报绩效目标的项目", "5634.81", "budget", None),
    ]
    assert {s.list_index for s in st if s.parent_subject == "本年收入合计"} == {st[0].sentence_index}
    assert st[-2].printed_unit == "个" and st[-2].subject_kind == "performance_targets"


def test_directions_and_flat():
    st, _ = read("机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%。\n"
                 "公用经费50万元，比上年减少3万元，下降5.66%。\n"
                 "公务接待费1.35万元，比2023年预算持平。")
    assert rows(st, "role", "subject", "value_text", "direction", "compared_year") == [
        ("amount", "机关运行经费", "184.65", None, None),
        ("change", "机关运行经费", "2.55", 1, 2023),
        ("growth_pct", "机关运行经费", "1.40", 1, 2023),
        ("amount", "公用经费", "50", None, None),
        ("change", "公用经费", "3", -1, 2023),
        ("growth_pct", "公用经费", "5.66", -1, 2023),
        ("amount", "公务接待费", "1.35", None, None),
        # 持平 right after the amount against 2023's budget: a change of 0 (reader 1.5.20; before, a basis word after
        # the year left it a direction without a row)
        ("change", "公务接待费", "持平", 0, 2023),
    ]


def test_units_yuan_wan_yi_qian_and_thousands_separators():
    st, _ = read("支出预算1,212.12万元。财政拨款收入3,503,499元。事业收入2.5亿元。其他收入80千元。")
    assert rows(st, "subject", "value_text", "value", "printed_unit", "printed_decimals") == [
        ("支出", "1,212.12", Decimal("1212.12"), "万元", 2),
        ("财政拨款收入", "3,503,499", Decimal("3503499"), "元", 0),
        ("事业收入", "2.5", Decimal("2.5"), "亿元", 1),
        ("其他收入", "80", Decimal("80"), "千元", 0),
    ]


# --- subjects -----------------------------------------------------------------------------------------------

def test_function_class_paths_with_markers_dashes_and_names():
    st, _ = read("1. “住房保障支出（类）住房改革支出（款）住房公积金（项）”350.35万元，主要用于住房公积金。\n"
                 "2. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元。\n"
                 "3、社会保障和就业支出（类）326.72万元，占11.11%。")
    assert rows(st, "subject", "subject_path", "subject_kind", "value_text") == [
        ("住房保障支出（类）住房改革支出（款）住房公积金（项）", "住房保障支出/住房改革支出/住房公积金", "function_class",
         "350.35"),
        ("一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行", "一般公共服务支出/政府办公厅（室）及相关机构事务/行政运行",
         "function_class", "1,202.95"),
        ("社会保障和就业支出（类）", "社会保障和就业支出", "function_class", "326.72"),
        ("社会保障和就业支出（类）", "社会保障和就业支出", "function_class", "11.11"),
    ]


def test_three_public_procurement_and_basis_word_off_the_subject():
    st, _ = read("2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元。其中：\n"
                 "（一）因公出国（境）费0万元，比2023年预算持平。\n"
                 "（二）公务用车购置及运行费46.56万元，主要原因是购置公务用车。其中：公务用车购置费25万元；公务用车运行费21.56万元。\n"
                 "（三）公务接待费1.35万元。\n"
                 "2024年本部门政府采购预算1662.44万元，其中：政府采购货物预算93.98万元、政府采购工程预算815.87万元、政府采购服务预算752.59万元。")
    got = rows(st, "subject", "subject_kind", "parent_subject", "value_text", "basis")
    assert got == [
        ("三公经费", "three_public", None, "47.91", "budget"),
        ("三公经费", "three_public", None, "25", "budget"),
        ("因公出国（境）费", "three_public", "三公经费", "0", "budget"),
        # 比2023年预算持平 right after the amount: a change of 0 against 2023's budget (reader 1.5.20)
        ("因公出国（境）费", "three_public", "三公经费", "持平", "budget"),
        ("公务用车购置及运行费", "three_public", "三公经费", "46.56", "budget"),
        ("公务用车购置费", "three_public", "公务用车购置及运行费", "25", "budget"),
        ("公务用车运行费", "three_public", "公务用车购置及运行费", "21.56", "budget"),
        ("公务接待费", "three_public", "三公经费", "1.35", "budget"),
        ("政府采购", "procurement", None, "1662.44", "budget"),
        ("政府采购货物", "procurement", "政府采购", "93.98", "budget"),
        ("政府采购工程", "procurement", "政府采购", "815.87", "budget"),
        ("政府采购服务", "procurement", "政府采购", "752.59", "budget"),
    ]
    three = [s for s in st if s.parent_subject == "三公经费"]
    assert {s.list_index for s in three} == {st[0].sentence_index}  # the sentence that names the whole
    cars = [s for s in st if s.parent_subject == "公务用车购置及运行费"]
    assert {s.list_index for s in cars} == {st[4].sentence_index}
    assert st[4].reason_text == "购置公务用车" and st[4].reason_direction is None


def test_items_of_a_list_introduced_by_ruzhe_are_parts_of_its_whole():
    st, _ = read("财政拨款支出主要内容如下：\n"
                 "1. “教育支出（类）其他教育支出（款）其他教育支出（项）”25.00万元，主要用于其他教育支出。2023年当年预算执行数为0.00\n"
                 "万元，2024年预算安排25.00万元，比2023年预算执行数增加100.00%。主要原因是：项目调整。")
    assert rows(st, "role", "value_text", "parent_subject", "period_year", "basis") == [
        ("amount", "25.00", "财政拨款支出", 2024, "budget"),
        ("prior_amount", "0.00", "财政拨款支出", 2023, "execution"),
        ("amount", "25.00", "财政拨款支出", 2024, "budget"),
        ("growth_pct", "100.00", "财政拨款支出", 2024, "budget"),
    ]
    assert {s.subject for s in st} == {"教育支出（类）其他教育支出（款）其他教育支出（项）"}  # inherited from the item
    assert st[1].line_start == 2 and st[1].line_end == 3  # 0.00 / 万元 wrapped: the number's own lines
    assert [s.reason_text for s in st[1:]] == ["项目调整"] * 3


# --- reasons ------------------------------------------------------------------------------------------------

def test_reason_of_the_sentence_it_explains_and_its_direction():
    st, _ = read("1. “一般公共服务支出（类）宣传事务（款）一般行政管理事务（项）”110.60万元。2023年当年预算执行数为114.00万元，"
                 "2024年预算安排110.60万元，比2023年预算执行数减少2.98%。主要原因是：宣传事务一般行政管理事务经费增加。\n"
                 "公务接待费1.35万元，比2023年预算持平，主要原因是公务接待费保持不变。")
    assert rows(st, "role", "value_text", "direction", "reason_text", "reason_direction") == [
        ("amount", "110.60", None, None, None),  # its own sentence: the reason explains the next one
        ("prior_amount", "114.00", None, "宣传事务一般行政管理事务经费增加", 1),
        ("amount", "110.60", None, "宣传事务一般行政管理事务经费增加", 1),
        ("growth_pct", "2.98", -1, "宣传事务一般行政管理事务经费增加", 1),
        ("amount", "1.35", None, "公务接待费保持不变", 0),
        ("change", "持平", 0, "公务接待费保持不变", 0),  # a change of 0 against 2023's budget (reader 1.5.20)
    ]


def test_empty_reason_placeholder_and_empty_table_note():
    st, findings = read("部门“三公”经费和机关运行经费预算表\n"
                        "注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。\n"
                        "公务用车购置及运行费6.40万元，与2023年预算持平，主要原因是。\n"
                        "机关运行经费比上年增加5万元，原因：无。\n"
                        "XX局2024年收入预算××万元。")
    textual = rows([s for s in st if s.value is None], "role", "subject", "line_start")
    assert textual == [
        ("empty_table_note", "部门“三公”经费和机关运行经费预算表", 2),
        ("empty_reason", "公务用车购置及运行费", 3),
        ("empty_reason", "机关运行经费", 4),
        ("placeholder", "XX局", 5),
        ("placeholder", "××", 5),
    ]
    assert findings == []


def test_an_empty_reason_stands_on_its_sentence_to_the_line_of_its_closing_mark():
    # the reason emptied out of a wrapped sentence: 原因是 ends line 2, its 。 stands alone on line 3
    text = ("  （2）“节能环保支出（类）污染防治（款）大气（项）”：年初预算12.40万\n"
            "元，决算11.90万元，决算数为年初预算的95.97%，决算数小于年初预算，主要原因是\n"
            "。\n"
            "  （3）“农林水支出（类）水利（款）水利工程建设（项）”：年初预算8.00万元，决算8.00万元。\n")
    st, _findings = read(text, ACCOUNTS_2024)
    [empty] = [s for s in st if s.role == "empty_reason"]
    assert (empty.line_start, empty.line_end) == (1, 3)


def test_no_empty_reason_for_wu_after_no_change():
    st, _ = read("公务接待费1.35万元，与2023年预算持平，原因：无。")
    assert [s.role for s in st] == ["amount", "change"]  # the change of 0 (reader 1.5.20), and no empty reason


# --- layout: wrapped lines, page breaks, tables, PDF provenance ------------------------------------------------

def test_sentence_joined_over_a_page_break_and_tables_skipped():
    text = ("2024年部门财务收支预算总表\n"
            "一、财政拨款收入            156,211,123 一、一般公共服务支出    2,932,700\n"
            "  公务用车购置及运行费46.56万元，比2023年预算增加\f"
            "- 3 -\n"
            "25万元。\n")
    st, findings = read(text)
    assert rows(st, "role", "value_text", "page", "line_start", "section") == [
        ("amount", "46.56", 1, 3, "2024年部门财务收支预算总表"),
        ("change", "25", 2, 5, "2024年部门财务收支预算总表"),
    ]
    assert findings == []  # the table row's numbers are not prose


def test_pdf_page_break_joins_a_sentence(tmp_path):
    from loaders.layout.rows import Cell, Line, Page

    def line(page, number, text):
        return Line(page, number, [Cell(text, 72.0, 72.0 + 12 * len(text))], text, 0.0, 6.0)

    pages = [Page(1, [line(1, 1, "公务用车运行费350.35万元，比2023年预算执行数增加")]),
             Page(2, [line(2, 1, "3"), line(2, 2, "0.53%。主要原因是：公务用车运行费增加。")])]
    doc = SimpleNamespace(is_pdf=True, sha256="p", file_name="t.pdf", _layout_pages=("p", pages))
    st, findings = read_statements(doc, BUDGET_2024)
    assert rows(st, "role", "value_text", "page", "line_start", "direction", "reason_direction") == [
        ("amount", "350.35", 1, 1, None, 1),
        ("growth_pct", "0.53", 2, 2, 1, 1),
    ]
    assert findings == []


def test_swapped_layout_lines_put_back_in_order():
    """pdftotext prints a line starting with digits above the line it continues (finance L542/L543)."""
    text = ("三、支出决算情况说明\n"
            "603.14万元，占20.51%；\n"
            "    本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%； 项目支出\n")
    st, _ = read(text, ACCOUNTS_2024)
    assert rows(st, "subject", "value_text", "line_start") == [
        ("本年支出合计", "2940.05", 3), ("基本支出", "2336.91", 3), ("基本支出", "79.49", 3),
        ("项目支出", "603.14", 2), ("项目支出", "20.51", 2)]


def test_a_line_starting_with_the_amount_the_line_before_asks_for_stays_in_place():
    """…本年预算安排 | 27.78万元；…与上年 | 相比增加7.62万元，…主要原因是 | 工作任务增加: the amount line continues the
    one before it; the line after it, which ends in 主要原因是, asks for words, not for that amount (the layout-swap
    repair once moved the amount line below it, and the change lost its comparison with 上年)."""
    text = ("（2）社会保障和就业支出（类）行政事业单位离退休（款\n"
            "）归口管理的行政单位离退休（项）本年预算安排\n"
            "27.78万元；上年预算执行数16.23万元；与上年\n"
            "相比增加7.62万元，增长37.80%，主要原因是\n"
            "工作任务增加。\n")
    st, _ = read(text, DocumentFacts(kind="department_budget", fiscal_year=2016))
    assert rows(st, "role", "value_text", "compared_year", "line_start") == [
        ("amount", "27.78", None, 3), ("prior_amount", "16.23", 2015, 3), ("change", "7.62", 2015, 4),
        ("growth_pct", "37.80", 2015, 4)]


def test_a_line_giving_the_asked_number_after_a_verb_is_a_continuation():
    """…2020年当年预算执行数 | 为1,746.91万元，… continues the line before it: the amount line above is not swapped
    below it (it was, and the prior year's 1,746.91 was read as the 2021 budget: a false NAR-STATED-001)."""
    text = ("6. “城乡社区支出（类）城乡社区管理事务（款）其他城乡社区管理事务支出（项）”\n"
            "1,984.23万元，主要用于其他城乡社区管理事务支出。2020年当年预算执行数\n"
            "为1,746.91万元，2021年预算安排1,984.23万元，比2020年预算\n"
            "执行数增加13.59%。主要原因是：人员变动。\n")
    st, _ = read(text, DocumentFacts(kind="department_budget", fiscal_year=2021))
    assert rows(st, "role", "value_text", "period_year", "basis", "line_start") == [
        ("amount", "1,984.23", 2021, "budget", 2), ("prior_amount", "1,746.91", 2020, "execution", 3),
        ("amount", "1,984.23", 2021, "budget", 3), ("growth_pct", "13.59", 2021, "budget", 4)]


def test_a_value_after_a_comparison_sign_continues_its_line():
    text = ("1、1-产出指标；11-数量指标；开展培训次数；实施周期指标值:≥\n"
            "9次；年度指标值:≥9次。2、2-效益指标；22-社会效益；信息泄\n"
            "露事故数量；实施周期指标值:0；年度指标值:0。3、3-满意度指标\n"
            "；31-服务对象满意度；服务对象满意度；实施周期指标值:≥85%；\n")
    from loaders.statements.lines import source_lines
    from conftest import text_document
    assert [line.number for line in source_lines(text_document(text))] == [1, 2, 3, 4]


def test_wrapped_lines_starting_with_digits_stay_in_order_without_evidence():
    text = ("基本支出655.84万元，占支出预算10.66%，其中：人员经费337.95万元，对个人和家庭的补助\n"
            "0.00万元；项目支出641.31万元，占支出\n"
            "预算49.69%，其中：部门项目支出641.31\n"
            "万元。\n")
    st, _ = read(text)
    assert ("项目支出", "49.69", "share_pct") in rows(st, "subject", "value_text", "role")
    assert ("对个人和家庭的补助", "0.00", "amount") in rows(st, "subject", "value_text", "role")


@pytest.mark.parametrize("first, second", [
    # the break inside a word (预|算), before the verb (…预算|为…), before the amount (…预算为|304.13万元), in 决算
    ("广州市从化区来穗人员服务管理局机关运行经费财政拨款预", "算为304.13万元，上年预算数为313.25万元，下降2.91%，主要原因是压减一般性支出。"),
    ("上海市普陀区统计局机关运行经费财政拨款预算", "为304.13万元，上年预算数为313.25万元，下降2.91%，主要原因是压减一般性支出。"),
    ("上海市普陀区统计局机关运行经费财政拨款预算为", "304.13万元，上年预算数为313.25万元，下降2.91%，主要原因是压减一般性支出。"),
    ("上海市普陀区统计局机关运行经费财政拨款决", "算为304.13万元，上年决算数为313.25万元，下降2.91%，主要原因是压减一般性支出。"),
])
def test_a_wrapped_first_line_without_punctuation_is_not_a_heading(first, second):
    """A sentence's first line that has neither punctuation nor a digit, after a closed paragraph, is no heading
    when the next line carries the sentence on: its numbers are bound to 机关运行经费, none is left unbound."""
    text = "（四）机关运行经费预算情况说明\n上年的说明到此结束。\n" + first + "\n" + second + "\n"
    st, findings = read(text)
    assert findings == []
    assert rows(st, "subject_kind", "role", "value_text", "line_start") == [
        ("operation_fund", "amount", "304.13", 4), ("operation_fund", "prior_amount", "313.25", 4),
        ("operation_fund", "growth_pct", "2.91", 4)]


def test_a_short_heading_followed_by_a_sentence_stays_a_heading():
    st, findings = read("上年的说明到此结束。\n机关运行经费\n2024年机关运行经费预算为304.13万元，比2023年预算减少9.12万元。\n")
    assert findings == []
    assert rows(st, "section", "role", "value_text") == [("机关运行经费", "amount", "304.13"), ("机关运行经费", "change", "9.12")]


# --- unbound numbers, non-fiscal numbers --------------------------------------------------------------------

def test_unbound_numbers_are_findings_never_guesses():
    st, findings = read("预算为12.5万元，较上年下降3%。")
    assert st == []
    assert [(f.rule_id, f.severity, f.line_start) for f in findings] == [(UNBOUND_RULE, "warning", 1)] * 2
    assert "预算为12.5万元" in findings[0].message


def test_non_fiscal_numbers_are_neither_statements_nor_findings():
    st, findings = read("截至2023年8月31日，根据沪府规【2016】168号文，联系电话62345678，第3条规定。\n"
                        "单价100万元（含）以上设备（不含车辆）0台（套）。")
    assert findings == []
    assert rows(st, "role", "subject", "value_text", "printed_unit") == [
        ("count", "单价100万元（含）以上设备（不含车辆）", "0", "台（套）")]


def test_long_single_line_is_linear():
    unit = "2024年预算安排25.77万元，比2023年预算执行数增加2.98%。城乡社区管理事务一般行政管理事务经费增加。"
    timings = []
    for repeat in (2_000, 4_000):
        text = "财政拨款支出" + unit * repeat
        runs = []
        for _ in range(3):  # the least of three CPU times: a busy machine (cache, frequency) only ever adds
            started = time.process_time()
            read(text)
            runs.append(time.process_time() - started)
        timings.append(min(runs))
    assert timings[1] < 3.0 * timings[0] + 0.05  # twice the text, about twice the time: no quadratic step
    # 1 MB on one line without a sentence end: CJK text, class markers, quotes, a number every ~120 characters
    piece = ("城乡社区管理事务一般行政管理事务经费主要用于“三公”经费和政府采购（类）保障单位正常运转的各项支出以及"
             "相关的事业发展支出和其他各项支出与上年相比") * 2 + "增加12.5万元"
    # linear, not an absolute speed (that is the benchmarks' business): 1 MB costs about twice 0.5 MB, where a
    # quadratic step would make it four times; the least of three CPU times per size (a busy machine only adds)
    costs = []
    for size in (500_000, 1_000_000):
        line = (piece * (size // len(piece) + 1))[:size]
        runs = []
        for _ in range(3):
            started = time.process_time()
            statements, findings = read(line)
            runs.append(time.process_time() - started)
        costs.append(min(runs))
    assert costs[1] < 3.0 * costs[0] + 0.05, costs
    assert len(statements) + len(findings) > 6_000  # one change per piece: read, not skipped


# --- the development documents ------------------------------------------------------------------------------

def _real(stem: str, suffix: str):
    doc = read_document(REAL / f"{stem}{suffix}")
    facts, _sources = resolve_facts(doc)
    return read_statements(doc, facts)


def _find(statements, **where):
    return [s for s in statements if all(getattr(s, k) == v for k, v in where.items())]


@pytest.mark.parametrize("suffix", [".pdf", ".layout.txt"])
def test_wanli_known_errors_are_represented(suffix):
    st, findings = _real("sh-putuo-wanli-2024-dept-budget", suffix)
    assert findings == []
    fund = "住房保障支出（类）住房改革支出（款）住房公积金（项）"
    assert [(s.role, s.value_text, s.basis, s.direction) for s in _find(st, subject=fund)] == [
        ("amount", "350.35", "budget", None), ("prior_amount", "348.52", "execution", None),
        ("amount", "352.67", "budget", None), ("growth_pct", "0.53", "budget", 1)]
    # the 三公 table is printed with figures under the note that it is empty; the prose repeats the figures
    [note] = _find(st, role="empty_table_note", subject="部门“三公”经费和机关运行经费预算表")
    assert _find(st, subject="三公经费", role="amount")[0].value == Decimal("47.91")
    # item 9: growth 100.00% on a prior of 0.00
    other_edu = _find(st, subject="教育支出（类）其他教育支出（款）其他教育支出（项）")
    assert [(s.role, s.value_text) for s in other_edu] == [
        ("amount", "25.00"), ("prior_amount", "0.00"), ("amount", "25.00"), ("growth_pct", "100.00")]
    # item 4: decrease 2.98% while the reason says 经费增加
    [growth] = _find(st, subject="一般公共服务支出（类）宣传事务（款）一般行政管理事务（项）", role="growth_pct")
    assert (growth.direction, growth.reason_direction, growth.reason_text) == (-1, 1, "宣传事务一般行政管理事务经费增加")
    # item 15: reason copied from item 13
    [pension] = _find(st, subject="社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）",
                      role="growth_pct")
    [retired] = _find(st, subject="社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）",
                      role="growth_pct")
    assert pension.reason_text == retired.reason_text == "事业单位离退休经费增加"
    items = [s for s in st if s.parent_subject == "财政拨款支出" and s.role == "amount"
             and s.subject_kind == "function_class"]
    assert len(items) == 66 and len({s.list_index for s in items}) == 1  # 33 items, each heading + 预算安排


@pytest.mark.parametrize("suffix", [".pdf", ".layout.txt"])
def test_welfarehome_items_and_their_total(suffix):
    st, findings = _real("sh-putuo-welfarehome-2024-unit-budget", suffix)
    assert findings == []
    [welfare, _again] = _find(st, subject="社会保障和就业支出（类）社会福利（款）社会福利事业单位（项）", role="amount")
    assert welfare.value == Decimal("738.66")
    headings = {}
    for s in st:
        if s.parent_subject == "财政拨款支出" and s.role == "amount" and s.subject_kind == "function_class":
            headings.setdefault(s.subject, s.value)
    assert len(headings) == 6 and sum(headings.values()) == Decimal("991.59")
    [total] = _find(st, subject="财政拨款支出", role="amount")
    assert total.value == Decimal("950.12")
    [empty] = _find(st, role="empty_reason")
    assert empty.subject == "公务用车购置及运行费"


@pytest.mark.parametrize("suffix", [".pdf", ".layout.txt"])
def test_finance_final_accounts_statements(suffix):
    st, findings = _real("sh-putuo-finance-2024-final-accounts", suffix)
    assert findings == []
    [total] = _find(st, subject="财政拨款收入支出总计")
    assert (total.role, total.value_text, total.basis) == ("amount", "0.3", "final_accounts")
    [share] = _find(st, subject="一般公共服务支出（类）", role="share_pct")
    assert share.value == Decimal("71.73") and share.parent_subject == "一般公共预算财政拨款支出"
    shares = [s.value for s in st if s.role == "share_pct" and s.parent_subject == "一般公共预算财政拨款支出"]
    assert sum(shares) == Decimal("100.07")
    [social] = _find(st, subject="社会保障和就业支出（类）", role="amount")
    assert social.value_text == "326.72"
    [whole] = _find(st, subject="政府采购", role="amount")
    parts = [s for s in st if s.parent_subject == "政府采购"]
    assert whole.value == Decimal("251.25")
    assert [(s.subject, s.value) for s in parts] == [
        ("货物采购", Decimal("4.79")), ("工程采购", Decimal("0")), ("服务采购", Decimal("246.47"))]
    assert {s.list_index for s in parts} == {whole.sentence_index}


@pytest.mark.parametrize("suffix", [".pdf", ".layout.txt"])
def test_govoffice_reads_cleanly(suffix):
    st, findings = _real("sh-putuo-govoffice-2025-dept-budget", suffix)
    assert findings == []
    assert not [s for s in st if s.role in ("placeholder", "empty_reason")]
    [three] = _find(st, subject="三公经费", role="amount")
    parts = [s.value for s in st if s.parent_subject == "三公经费" and s.role == "amount"]
    assert three.value == Decimal("867.50") and sum(parts) == Decimal("867.50")


def test_pdf_and_layout_text_give_the_same_statements():
    for stem in ("sh-putuo-wanli-2024-dept-budget", "sh-putuo-welfarehome-2024-unit-budget",
                 "sh-putuo-finance-2024-final-accounts", "sh-putuo-govoffice-2025-dept-budget"):
        fields = ("role", "subject", "value_text", "printed_unit", "period_year", "basis", "compared_year",
                  "compared_basis", "direction", "parent_subject", "reason_text")
        pdf, _ = _real(stem, ".pdf")
        text, _ = _real(stem, ".layout.txt")
        pdf_only, text_only = Counter(rows(pdf, *fields)) - Counter(rows(text, *fields)), \
            Counter(rows(text, *fields)) - Counter(rows(pdf, *fields))
        if stem == "sh-putuo-finance-2024-final-accounts":
            # the one pair of layout lines printed out of order that the swap repair leaves (a tie, see FINANCE_KNOWN)
            assert {(r[1], r[2]) for r in pdf_only} == {("绩效自评的项目", "598.42"), ("绩效自评的项目", "4")}
            assert {(r[1], r[2]) for r in text_only} == {("绩效自评", "598.42"), ("绩效自评", "4")}
        else:
            assert pdf_only == text_only == Counter(), stem


# --- golden statements --------------------------------------------------------------------------------------

NUMBER_ROLES = ("amount", "prior_amount", "change", "growth_pct", "share_pct", "completion_pct")
# Disagreements with the finance golden, reported to the lead (not edited here):
# - L671 (layout text only): pdftotext prints the 绩效 paragraph's lines out of order and the swap repair has no
#   evidence to reorder this pair (a tie), so 598.42 keeps the subject 绩效自评 (the PDF reads 绩效自评的项目).
# - L686-693: the golden infers basis `actual` from 以合同签订为准 and re-words the subjects of the three
#   在…中，由…中标或成交的，采购金额 clauses; the reader writes the document's basis and the printed noun 采购金额.
FINANCE_KNOWN = {
    ("671", "amount", "绩效自评的项目", "598.42"): ("671", "amount", "绩效自评", "598.42"),
    ("686", "amount", "政府采购", "251.25"): ("686", "amount", "政府采购", "251.25"),
    ("687", "amount", "货物采购", "4.79"): ("687", "amount", "货物采购", "4.79"),
    ("687", "amount", "工程采购", "0"): ("687", "amount", "工程采购", "0"),
    ("687", "amount", "服务采购", "246.47"): ("687", "amount", "服务采购", "246.47"),
    ("691", "amount", "中小企业供应商中标或成交", "246.47"): ("691", "amount", "采购金额", "246.47"),
    ("692", "amount", "小微企业供应商中标或成交", "0"): ("692", "amount", "采购金额", "0"),
    ("693", "amount", "中小企业供应商中标或成交", "4.79"): ("693", "amount", "采购金额", "4.79"),
}


def _norm(text):
    return (text or "").replace(" ", "").replace("“", "").replace("”", "").replace('"', "")


def _golden_key(row):
    return (row["line_start"], row["role"], _norm(row["subject"]), row["period_year"], row["basis"],
            row["compared_year"], row["compared_basis"], row["direction"], row["value_text"], row["printed_unit"])


def _newline_numbers(text: str) -> dict[int, int]:
    """Reader line (``str.splitlines``, where a form feed also ends a line, as ``Document.lines``) -> line of
    the file counted by newlines, as the golden files (and editors) count them."""
    out, newline_line = {}, 1
    for number, piece in enumerate(text.splitlines(keepends=True), start=1):
        out[number] = newline_line
        newline_line += piece.count("\n")
    return out


@pytest.mark.parametrize("stem", ["sh-putuo-wanli-2024-dept-budget", "sh-putuo-finance-2024-final-accounts",
                                  "sh-putuo-welfarehome-2024-unit-budget"])
def test_golden_statements_from_the_layout_text(stem):
    """Every number the golden gives a money or percentage role is read exactly so (role, value, unit, period,
    basis, comparison, direction, subject), and the reader adds no other such row. Counts are outside this
    comparison: the golden writes every quantity (平方米, 层, 分, 家) as a count, the reader binds counts only to
    subjects its vocabulary knows."""
    path = REAL / f"{stem}.layout.txt"
    doc = read_document(path)
    facts, _ = resolve_facts(doc)
    statements, _findings = read_statements(doc, facts)
    lines = _newline_numbers(doc.text)
    with open(ROOT / "tests" / "golden" / f"{stem}.statements.csv", encoding="utf-8") as handle:
        golden = [_golden_key(r) for r in csv.DictReader(handle) if r["role"] in NUMBER_ROLES]
    mine = [(str(lines[s.line_start]), s.role, _norm(s.subject), "" if s.period_year is None else str(s.period_year),
             s.basis or "", "" if s.compared_year is None else str(s.compared_year), s.compared_basis or "",
             "" if s.direction is None else str(s.direction), s.value_text, s.printed_unit)
            for s in statements if s.role in NUMBER_ROLES]
    only_golden, only_mine = Counter(golden) - Counter(mine), Counter(mine) - Counter(golden)
    known = FINANCE_KNOWN if stem == "sh-putuo-finance-2024-final-accounts" else {}
    assert {(k[0], k[1], k[2], k[8]) for k in only_golden.elements()} == set(known)
    assert {(k[0], k[1], k[2], k[8]) for k in only_mine.elements()} == set(known.values())


@pytest.mark.parametrize("stem", ["sh-putuo-wanli-2024-dept-budget", "sh-putuo-finance-2024-final-accounts",
                                  "sh-putuo-welfarehome-2024-unit-budget"])
def test_golden_numbers_from_the_pdf(stem):
    """The PDF gives the same multiset of (role, value, unit, direction) as the golden, for the money and
    percentage roles."""
    statements, _ = _real(stem, ".pdf")
    with open(ROOT / "tests" / "golden" / f"{stem}.statements.csv", encoding="utf-8") as handle:
        golden = Counter((r["role"], r["value_text"], r["printed_unit"], r["direction"])
                         for r in csv.DictReader(handle) if r["role"] in NUMBER_ROLES)
    mine = Counter((s.role, s.value_text, s.printed_unit, "" if s.direction is None else str(s.direction))
                   for s in statements if s.role in NUMBER_ROLES)
    assert mine == golden


# --- the other documents ------------------------------------------------------------------------------------

def test_bundled_documents_read_without_guessing():
    """The five Guangzhou documents: the narrative figures the department_budget parser reads are statements
    here too; the only number left unbound is 其中一般公共预算安排1,085.90万元, whose noun is a fund source."""
    found = {}
    for name in ("baiyun-zfw-2022-laisui-evaluation.txt", "baiyun-zfw-2023-laisui-evaluation.txt",
                 "gz-laisui-bureau-2016-department-budget.txt"):
        doc = read_document(ROOT / "documents" / name)
        facts, _ = resolve_facts(doc)
        found[name] = read_statements(doc, facts)
    st, findings = found["gz-laisui-bureau-2016-department-budget.txt"]
    # 收支总预算6,150.64万元，其中：本年收入6,150.64万元，占收入预算100.00%；本年支出…: 收入预算 is the 收支总预算
    # of a balanced budget, so 本年收入 is its part with a share of 100.00 % (checked and right); 本年支出, the other
    # side after the ；, is no part of the list
    assert [(f.rule_id, f.line_start) for f in findings] == [("LOAD-UNBOUND-STATEMENT", 242)]
    assert "其中一般公共预算安排1,085.90万元" in findings[0].message
    assert [(s.subject, s.value_text, s.parent_subject) for s in st if s.line_start in (82, 84)] == [
        ("收支总预算", "6,150.64", None), ("本年收入", "6,150.64", "收支总预算"), ("本年收入", "100.00", "收支总预算"),
        ("本年支出", "6,150.64", None)]
    assert ("三公经费", "63.33", "budget") in rows(st, "subject", "value_text", "basis")
    growth = _find(st, role="growth_pct", value_text="100.00")
    assert [(s.subject, s.compared_year, s.direction) for s in growth] == [("科学技术支出", 2015, 1)]
    st, findings = found["baiyun-zfw-2023-laisui-evaluation.txt"]
    assert findings == []
    assert ("划拨经费指标", "29.86", "amount") in rows(st, "subject", "value_text", "role")
    assert ("支出执行率", "99.93", "completion_pct") in rows(st, "subject", "value_text", "role")


def test_reader_version_is_recorded_with_the_parser_version():
    from loaders import load
    from loaders.parsers import shanghai_budget

    from loaders.text_marks import MARKS_VERSION

    assert load._parser_version(shanghai_budget) == \
        f"{shanghai_budget.VERSION}+statements-{READER_VERSION}+marks-{MARKS_VERSION}"


def test_a_sentence_naming_its_own_noun_does_not_inherit_the_previous_subject():
    """Read on an unseen 单位预算 (广西三江): after ；, 总支出 names the sentence, not the 总收入 before it."""
    st, findings = read("2024年单位预算总收入848105.90元,比上年减少265895.04元,下降23.87%;"
                        "总支出848105.90元,比上年减少265895.04元,下降23.87%。")
    assert findings == []
    assert rows(st, "role", "subject", "direction", "compared_year") == [
        ("amount", "单位预算总收入", None, None), ("change", "单位预算总收入", -1, 2023),
        ("growth_pct", "单位预算总收入", -1, 2023),
        ("amount", "总支出", None, None), ("change", "总支出", -1, 2023), ("growth_pct", "总支出", -1, 2023)]


def test_statements_land_in_raw_and_the_ledger_records_the_reader(tmp_path):
    """load_directory (the path of yusuan build and yusuan check) lands the reader's statements and findings, and
    a document is parsed again when the reader's version changes."""
    import shutil

    import duckdb

    from loaders import load

    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copyfile(REAL / "sh-putuo-welfarehome-2024-unit-budget.layout.txt",
                    folder / "sh-putuo-welfarehome-2024-unit-budget.layout.txt")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    try:
        load.load_directory(con, folder, workers=1)
        landed = con.execute("select role, subject, value, printed_unit, line_start from raw.statements "
                             "where role = 'amount' and subject like '%社会福利事业单位%' order by line_start").fetchall()
        assert landed == [("amount", "社会保障和就业支出（类）社会福利（款）社会福利事业单位（项）", Decimal("738.66"), "万元",
                           74),
                          ("amount", "社会保障和就业支出（类）社会福利（款）社会福利事业单位（项）", Decimal("738.66"), "万元",
                           75)]
        [(version,)] = con.execute("select distinct parser_version from raw.loads").fetchall()
        assert f"+statements-{READER_VERSION}+marks-" in version
        assert con.execute("select count(*) from raw.statements where role = 'empty_reason'").fetchone() == (1,)
        summary = load.load_directory(con, folder, workers=1)
        assert [o.status for o in summary.outcomes] == ["unchanged"]  # same bytes, same versions
        con.execute("update raw.loads set parser_version = replace(parser_version, '+statements-', '+statements-old-')")
        summary = load.load_directory(con, folder, workers=1)
        assert [o.status for o in summary.outcomes] == ["completed"]  # parsed again: the reader changed
        assert con.execute("select count(*) from raw.statements where role = 'empty_reason'").fetchone() == (1,)
    finally:
        con.close()


def test_reader_switched_off_lands_no_statements_and_says_so_in_the_ledger(tmp_path, monkeypatch):
    """YUSUAN_STATEMENT_READER=off (to measure the reader's cost) loads the tables without the prose; the ledger
    records it, so the document is read again when the reader is switched back on."""
    import shutil

    import duckdb

    from loaders import load

    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copyfile(REAL / "sh-putuo-welfarehome-2024-unit-budget.layout.txt",
                    folder / "sh-putuo-welfarehome-2024-unit-budget.layout.txt")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    try:
        monkeypatch.setenv("YUSUAN_STATEMENT_READER", "off")
        load.load_directory(con, folder, workers=1)
        assert con.execute("select count(*) from raw.statements").fetchone() == (0,)
        assert con.execute("select count(*) from raw.figures").fetchone()[0] > 0
        [(version,)] = con.execute("select distinct parser_version from raw.loads").fetchall()
        assert version.endswith("+statements-off")
        monkeypatch.delenv("YUSUAN_STATEMENT_READER")
        summary = load.load_directory(con, folder, workers=1)
        assert [o.status for o in summary.outcomes] == ["completed"]
        assert con.execute("select count(*) from raw.statements where value = 738.66").fetchone() == (2,)
    finally:
        con.close()


def test_vehicle_counts_and_their_whole():
    st, findings = read("截至2023年12月31日，本单位共有车辆2辆，其中：部级领导干部用车0辆、其他用车2辆；"
                        "主要原因是购置公务用车。")
    assert findings == []
    assert rows(st, "role", "subject", "value_text", "printed_unit", "parent_subject", "subject_kind") == [
        ("count", "车辆", "2", "辆", None, "assets"),
        ("count", "部级领导干部用车", "0", "辆", "车辆", "assets"),
        ("count", "其他用车", "2", "辆", "车辆", "assets"),
    ]


def test_a_form_flattened_onto_one_line_is_read_not_skipped_as_cells():
    """A 自评表 whose cells were flattened onto one line (anhui-guichi-tangxi-2022, as stored): its 预期目标 prose
    (本项目共申请预算资金90万元。其中：30万元…) stands among the numeric cells. The line is read as prose, so every
    amount of those sentences is bound or reported with its line -- never dropped with the cells."""
    line = ("项目名称 委托业务项目 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 0 0 0 10 0 0 "
            "其中:本年财政拨款 90 89.974 89.974 年度总体目标 预期目标 实际完成情况 本项目共申请预算资金90万元。"
            "其中:30万元用于基建工程项目预算编制;30万元用于基建工程项目审计;30万元用于基建工程项目设计、规划、测绘。 "
            "本项目共完成预算资金89.97万元。")
    statements, findings = read(line + "\n")
    bound = {s.value_text for s in statements}
    unbound = [f for f in findings if f.rule_id == UNBOUND_RULE]
    assert "89.97" in bound
    reported = {f.message.split("万元")[0] for f in unbound}
    assert {"90", "30"} <= bound | reported
    assert all(f.line_start == 1 for f in unbound)


def test_a_reason_heading_ending_in_a_colon_is_not_an_empty_reason():
    """广西三江独峒镇林业工作站 2024 单位预算说明 (collected, line 27): "收入预算与上年增减变化的主要原因:" introduces the
    reasons printed on the next lines; "主要原因是。" (万里 2024 / 福利院 2024) is the empty one."""
    statements, _ = read("2.上年结余收入0元,同比减少194888元,下降100%。\n收入预算与上年增减变化的主要原因:\n"
                         "1.一般公共预算拨款收入减少主要原因:主要是人员减少。\n")
    assert not [s for s in statements if s.role == "empty_reason"]
    statements, _ = read("公务接待费预算1.00万元，比上年减少0.50万元，主要原因是。\n")
    assert [s.role for s in statements if s.role == "empty_reason"] == ["empty_reason"]


def test_the_pattern_shortcuts_find_what_their_patterns_find():
    """grammar.placeholder_at, needs_reading and scopes start their pattern's search at the first character a match
    can begin with (a character class kept beside the pattern, for speed). If a pattern gains an alternative that
    starts elsewhere and its class is not widened, they miss it: compared here with the plain search on every line
    of the bundled documents and on strings made for the edges."""
    from loaders.statements import grammar

    lines = [line for path in sorted(ROOT.glob("documents/**/*.txt"))
             for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    lines += ["XX局", "某某单位", "全市12个区", "区本级支出", "县级财政", "其中：", "原因是", "(15.13)万元", "", "，"]
    assert len(lines) > 5000
    for text in lines:
        found = grammar.placeholder_at(text)
        plain = grammar.PLACEHOLDER_RE.search(text)
        assert (found and found.span()) == (plain and plain.span()), text
        assert grammar.needs_reading(text) == (grammar.NEEDS_READING_RE.search(text) is not None), text
        assert [m.span() for m in grammar.scopes(text)] == [m.span() for m in grammar.SCOPE_RE.finditer(text)], text
