"""Numbers stated in prose against the tables, end to end on the real documents: the four disclosures of
documents/real/ (their pdftotext -layout copies) are loaded, raw.statements is replaced by statements read by hand
from their 说明 (as the statement reader's contract in loaders/records.py describes them), and the dbt models
downstream (int_statements_linked, fct_stated_figures, fct_findings) must find exactly the genuine errors of the
development set that live in prose (issue 13) -- and nothing on the consistent sentences, nothing at all on
govoffice-2025. Every value below is copied from the document at the line given; the arithmetic is in the comments.
"""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from loaders.build import run_dbt
from loaders.load import load_directory

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "documents" / "real"
WANLI = "sh-putuo-wanli-2024-dept-budget.layout.txt"
WELFARE = "sh-putuo-welfarehome-2024-unit-budget.layout.txt"
FINANCE = "sh-putuo-finance-2024-final-accounts.layout.txt"
GOVOFFICE = "sh-putuo-govoffice-2025-dept-budget.layout.txt"
PROSE_RULES = "rule_id similar to 'NAR-(STATED|CALC|PARTS)-.*' or rule_id similar to 'NAR-SHARE-1[0-9][0-9]'"


class Statements:
    """Hand-read statements, in the columns of raw.statements."""

    def __init__(self, shas: dict[str, str]):
        self.shas = shas
        self.rows: list[tuple] = []

    def add(self, file_name, sentence_index, lines, sentence, role, value_text=None, unit="万元", subject=None,
            kind=None, path=None, parent=None, list_index=None, period=None, basis=None, compared_year=None,
            compared_basis=None, direction=None):
        first, last = lines if isinstance(lines, tuple) else (lines, lines)
        decimals = None if value_text is None else len(value_text.split(".")[1]) if "." in value_text else 0
        value = None if value_text is None else Decimal(value_text.replace(",", ""))
        self.rows.append((self.shas[file_name], "hand", file_name, len(self.rows), sentence_index, None, first, last,
                          None, sentence, subject, kind, path, parent, list_index, role, period, basis, compared_year,
                          compared_basis, direction, value_text, value, decimals, unit if value_text else None,
                          None, None, sentence, None))  # scope: none of these sentences prints one


def wanli(s: Statements) -> None:
    # lines 175-176: 住房公积金 heads 350.35 万元 (表 2210201 prints 3,503,499 元) but states 2024年预算安排352.67万元 with
    # +0.53% on 348.52: 352.67 / 348.52 − 1 = 1.1907% (0.53% fits 350.35: 350.35 / 348.52 − 1 = 0.5251%).
    path = "住房保障支出/住房改革支出/住房公积金"
    head = "“住房保障支出（类）住房改革支出（款）住房公积金（项）”350.35万元，主要用于住房公积金。"
    s.add(WANLI, 31, 175, head, "amount", "350.35", subject="住房公积金", kind="function_class", path=path,
          parent="财政拨款支出", list_index=2, period=2024, basis="budget")
    body = "2023年当年预算执行数为348.52万元，2024年预算安排352.67万元，比2023年预算执行数增加0.53%。"
    s.add(WANLI, 32, (175, 176), body, "prior_amount", "348.52", subject="住房公积金", kind="function_class",
          path=path, period=2023, basis="execution")
    s.add(WANLI, 32, (175, 176), body, "amount", "352.67", subject="住房公积金", kind="function_class", path=path,
          period=2024, basis="budget")
    s.add(WANLI, 32, (175, 176), body, "growth_pct", "0.53", "%", subject="住房公积金", kind="function_class",
          path=path, compared_year=2023, compared_basis="execution", direction=1)
    # lines 178-179: 购房补贴 320.17 on 318.14: +0.6381%, printed 0.64%: right; the table prints 3,201,700 元.
    path = "住房保障支出/住房改革支出/购房补贴"
    body = "2023年当年预算执行数为318.14万元，2024年预算安排320.17万元，比2023年预算执行数增加0.64%。"
    s.add(WANLI, 34, (178, 179), body, "prior_amount", "318.14", subject="购房补贴", kind="function_class",
          path=path, period=2023, basis="execution")
    s.add(WANLI, 34, (178, 179), body, "amount", "320.17", subject="购房补贴", kind="function_class", path=path,
          period=2024, basis="budget")
    s.add(WANLI, 34, (178, 179), body, "growth_pct", "0.64", "%", subject="购房补贴", kind="function_class",
          path=path, compared_year=2023, compared_basis="execution", direction=1)
    # lines 80-81: 专项普查活动 60.13 -> 25.77, 减少57.14%: 34.36 / 60.13 = 57.1429%: right.
    path = "一般公共服务支出/统计信息事务/专项普查活动"
    body = "2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。"
    s.add(WANLI, 4, (80, 81), body, "prior_amount", "60.13", subject="专项普查活动", kind="function_class",
          path=path, period=2023, basis="execution")
    s.add(WANLI, 4, (80, 81), body, "amount", "25.77", subject="专项普查活动", kind="function_class", path=path,
          period=2024, basis="budget")
    s.add(WANLI, 4, (80, 81), body, "growth_pct", "57.14", "%", subject="专项普查活动", kind="function_class",
          path=path, compared_year=2023, compared_basis="execution", direction=-1)
    # lines 104-105: 其他教育支出 0.00 -> 25.00, 增加100.00%: a growth on a zero prior (warning).
    path = "教育支出/其他教育支出/其他教育支出"
    body = "2023年当年预算执行数为0.00万元，2024年预算安排25.00万元，比2023年预算执行数增加100.00%。"
    s.add(WANLI, 20, (104, 105), body, "prior_amount", "0.00", subject="其他教育支出", kind="function_class",
          path=path, period=2023, basis="execution")
    s.add(WANLI, 20, (104, 105), body, "amount", "25.00", subject="其他教育支出", kind="function_class",
          path=path, period=2024, basis="budget")
    s.add(WANLI, 20, (104, 105), body, "growth_pct", "100.00", "%", subject="其他教育支出", kind="function_class",
          path=path, compared_year=2023, compared_basis="execution", direction=1)
    # lines 798-803: “三公”经费47.91 = 0 + 46.56 + 1.35 (the 三公 table prints 47.91, 0, 46.56, 1.35); 46.56 = 25 + 21.56.
    s.add(WANLI, 60, 798, "2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元。其中：", "amount", "47.91",
          subject="三公经费", kind="three_public", period=2024, basis="budget")
    for index, (line, name, value) in enumerate([(799, "因公出国（境）费", "0"), (800, "公务用车购置及运行费", "46.56"),
                                                 (803, "公务接待费", "1.35")]):
        s.add(WANLI, 61 + index, line, f"（{index + 1}）{name}{value}万元", "amount", value, subject=name,
              kind="three_public", parent="“三公”经费", list_index=60, period=2024, basis="budget")
    for line, name, value in [(800, "公务用车购置费", "25"), (801, "公务用车运行费", "21.56")]:
        s.add(WANLI, 64, line, "其中：公务用车购置费25万元…公务用车运行费21.56万元", "amount", value, subject=name,
              kind="three_public", parent="公务用车购置及运行费", list_index=62, period=2024, basis="budget")


def welfarehome(s: Statements) -> None:
    # line 51: 财政拨款支出预算950.12万元 (表 财政拨款收支预算总表 支出总计 9,501,164 元); lines 57-78: the six items of
    # "财政拨款支出主要内容" add up to 53.84 + 76.76 + 38.38 + 738.66 + 50.37 + 33.58 = 991.59; 社会福利事业单位 738.66
    # against 2081005 合计 6,964,796 元 in the 一般公共预算 table (the all-funds 支出预算总表 prints 9,584,796).
    s.add(WELFARE, 2, 51, "支出预算1,212.12万元，其中：财政拨款支出预算950.12万元，比2023年预算增加0.46万元。", "amount",
          "950.12", subject="财政拨款支出预算", kind="expenditure", period=2024, basis="budget")
    items = [(57, "社会保障和就业支出/行政事业单位养老支出/事业单位离退休", "53.84"),
             (61, "社会保障和就业支出/行政事业单位养老支出/机关事业单位基本养老保险缴费支出", "76.76"),
             (65, "社会保障和就业支出/行政事业单位养老支出/机关事业单位职业年金缴费支出", "38.38"),
             (69, "社会保障和就业支出/社会福利/社会福利事业单位", "738.66"),
             (73, "医疗卫生与计划生育支出/行政事业单位医疗/事业单位医疗", "50.37"),
             (77, "住房保障支出/住房改革支出/住房公积金", "33.58")]
    for index, (line, path, value) in enumerate(items):
        s.add(WELFARE, 10 + index, line, f"“{path}”{value}万元", "amount", value, subject=path.split("/")[-1],
              kind="function_class", path=path, parent="财政拨款支出", list_index=2, period=2024, basis="budget")


def finance(s: Statements) -> None:
    # line 548: 财政拨款收入支出总计0.3万元 -- 财政拨款收入支出决算总表 总计 2,961.68 万元.
    s.add(FINANCE, 10, 548, "上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元。", "amount", "0.3",
          subject="财政拨款收入支出总计", kind="revenue", period=2024, basis="final_accounts")
    # lines 530-531: 收入支出总计2995.39万元 (表 2,995.39), 减少56.95万元，下降1.87%: 56.95 / 3052.34 = 1.8658%: right.
    sentence = "上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。"
    s.add(FINANCE, 1, (530, 531), sentence, "amount", "2995.39", subject="收入支出总计", kind="revenue",
          period=2024, basis="final_accounts")
    s.add(FINANCE, 1, (530, 531), sentence, "change", "56.95", subject="收入支出总计", kind="revenue",
          compared_year=2023, compared_basis="final_accounts", direction=-1)
    s.add(FINANCE, 1, (530, 531), sentence, "growth_pct", "1.87", "%", subject="收入支出总计", kind="revenue",
          compared_year=2023, compared_basis="final_accounts", direction=-1)
    # lines 564-568: 一般公共预算财政拨款支出2940.05万元 and its four 类: the parts add up to 2940.06 (within the five
    # half-steps: notice); 2106.66 / 2940.05 = 71.6539%, stated 71.73% (error); the shares add up to 100.07% (error);
    # 326.72 / 2940.05 = 11.1128%, 60.99 -> 2.0745%, 445.69 -> 15.1592%: right. The table (一般公共预算财政拨款支出决算表)
    # prints 2,106.66 / 326.72 / 60.99 / 445.69.
    sentence = ("一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.73%；"
                "社会保障和就业支出（类）326.72万元，占11.11%；卫生健康支出（类）60.99万元，占2.07%；"
                "住房保障支出（类）445.69万元，占15.16%；")
    s.add(FINANCE, 20, (564, 568), sentence, "amount", "2940.05", subject="一般公共预算财政拨款支出",
          kind="expenditure", period=2024, basis="final_accounts")
    for name, value, share in [("一般公共服务支出", "2106.66", "71.73"), ("社会保障和就业支出", "326.72", "11.11"),
                               ("卫生健康支出", "60.99", "2.07"), ("住房保障支出", "445.69", "15.16")]:
        for role, text, unit in [("amount", value, "万元"), ("share_pct", share, "%")]:
            s.add(FINANCE, 20, (564, 568), sentence, role, text, unit, subject=name, kind="function_class", path=name,
                  parent="一般公共预算财政拨款支出", list_index=20, period=2024, basis="final_accounts")
    # line 681: 机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%: 2.55 / 182.10 = 1.4003%: right.
    sentence = "机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%。"
    s.add(FINANCE, 39, 681, sentence, "amount", "184.65", subject="机关运行经费", kind="operation_fund", period=2024,
          basis="final_accounts")
    s.add(FINANCE, 39, 681, sentence, "change", "2.55", subject="机关运行经费", kind="operation_fund",
          compared_year=2023, compared_basis="final_accounts", direction=1)
    s.add(FINANCE, 39, 681, sentence, "growth_pct", "1.40", "%", subject="机关运行经费", kind="operation_fund",
          compared_year=2023, compared_basis="final_accounts", direction=1)
    # lines 686-687: 政府采购251.25万元，其中 货物4.79、工程0、服务246.47 = 251.26: within rounding, not exact (notice).
    sentence = ("上海市普陀区财政局2024年度政府采购金额（以合同签订为准）为251.25万元，其中：货物采购金额4.79万元、"
                "工程采购金额0万元、服务采购金额246.47万元。")
    s.add(FINANCE, 40, (686, 687), sentence, "amount", "251.25", subject="政府采购", kind="procurement",
          period=2024, basis="final_accounts")
    for name, value in [("货物", "4.79"), ("工程", "0"), ("服务", "246.47")]:
        s.add(FINANCE, 40, (686, 687), sentence, "amount", value, subject=name, kind="procurement",
              parent="政府采购", list_index=40, period=2024, basis="final_accounts")


def govoffice(s: Statements) -> None:
    # lines 71-75: 收入预算 and 财政拨款收入 9,101.68 (the tables: 91,016,775.35 元), 支出预算 and 财政拨款支出预算 9,101.68.
    sentence = "2025年，上海市普陀区人民政府办公室收入预算9,101.68万元，其中：财政拨款收入9,101.68万元，比2024年预算减少2,389.52万元"
    s.add(GOVOFFICE, 1, (71, 72), sentence, "amount", "9,101.68", subject="收入预算", kind="revenue", period=2025,
          basis="budget")
    s.add(GOVOFFICE, 1, (71, 72), sentence, "amount", "9,101.68", subject="财政拨款收入", kind="revenue",
          parent="收入预算", list_index=1, period=2025, basis="budget")
    s.add(GOVOFFICE, 1, (71, 72), sentence, "change", "2,389.52", subject="财政拨款收入", kind="revenue",
          compared_year=2024, compared_basis="budget", direction=-1)
    sentence = "支出预算9,101.68万元，其中：财政拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元。"
    s.add(GOVOFFICE, 2, 73, sentence, "amount", "9,101.68", subject="支出预算", kind="expenditure", period=2025,
          basis="budget")
    s.add(GOVOFFICE, 2, 73, sentence, "amount", "9,101.68", subject="财政拨款支出预算", kind="expenditure",
          period=2025, basis="budget")
    # lines 79-102: the twelve items add up to 9,101.68 exactly; 4,614 万元 is printed without decimals.
    items = [(79, "一般公共服务支出/政府办公厅（室）及相关机构事务/行政运行", "1,202.95"),
             (81, "一般公共服务支出/政府办公厅（室）及相关机构事务/一般行政管理事务", "4,614"),
             (84, "一般公共服务支出/政府办公厅（室）及相关机构事务/事业运行", "380.73"),
             (86, "一般公共服务支出/政府办公厅（室）及相关机构事务/其他政府办公厅（室）及相关机构事务支出", "2,012"),
             (88, "社会保障和就业支出/行政事业单位养老支出/行政单位离退休", "155.42"),
             (90, "社会保障和就业支出/行政事业单位养老支出/机关事业单位基本养老保险缴费支出", "176.32"),
             (92, "社会保障和就业支出/行政事业单位养老支出/机关事业单位职业年金缴费支出", "88.16"),
             (94, "社会保障和就业支出/行政事业单位养老支出/其他行政事业单位养老支出", "1.48"),
             (96, "卫生健康支出/行政事业单位医疗/行政单位医疗", "78.29"),
             (98, "卫生健康支出/行政事业单位医疗/事业单位医疗", "31.42"),
             (100, "住房保障支出/住房改革支出/住房公积金", "174.14"),
             (102, "住房保障支出/住房改革支出/购房补贴", "186.77")]
    for index, (line, path, value) in enumerate(items):
        s.add(GOVOFFICE, 10 + index, line, f"“{path.replace('/', '-')}”科目{value}万元", "amount", value,
              subject=path.split("/")[-1], kind="function_class", path=path, parent="财政拨款支出预算",
              list_index=2, period=2025, basis="budget")
    # lines 375-383: 三公 867.50 = 839 + 0 + 28.50; 0 = 0 + 0; 机关运行经费 213.28; 政府采购 34 = 0 + 0 + 34.
    s.add(GOVOFFICE, 60, 375, "2025年“三公”经费预算数为867.50万元，与2024年预算持平。其中：", "amount", "867.50",
          subject="三公经费", kind="three_public", period=2025, basis="budget")
    s.add(GOVOFFICE, 60, 375, "2025年“三公”经费预算数为867.50万元，与2024年预算持平。其中：", "change",
          subject="三公经费", kind="three_public", compared_year=2024, compared_basis="budget", direction=0)
    for index, (line, name, value) in enumerate([(376, "因公出国（境）费", "839"), (377, "公务用车购置及运行费", "0"),
                                                 (379, "公务接待费", "28.50")]):
        s.add(GOVOFFICE, 61 + index, line, f"{name}{value}万元", "amount", value, subject=name, kind="three_public",
              parent="三公经费", list_index=60, period=2025, basis="budget")
    for name in ("公务用车购置费", "公务用车运行费"):
        s.add(GOVOFFICE, 64, 377, "其中：公务用车购置费0万元…公务用车运行费0万元", "amount", "0", subject=name,
              kind="three_public", parent="公务用车购置及运行费", list_index=62, period=2025, basis="budget")
    s.add(GOVOFFICE, 70, 381, "…财政拨款的机关运行经费预算为213.28万元。", "amount", "213.28", subject="机关运行经费",
          kind="operation_fund", period=2025, basis="budget")
    sentence = "2025年本部门政府采购预算34万元，其中：政府采购货物预算0万元、政府采购工程预算0万元、政府采购服务预算34万元。"
    s.add(GOVOFFICE, 71, 383, sentence, "amount", "34", subject="政府采购", kind="procurement", period=2025,
          basis="budget")
    for name, value in [("货物", "0"), ("工程", "0"), ("服务", "34")]:
        s.add(GOVOFFICE, 71, 383, sentence, "amount", value, subject=name, kind="procurement", parent="政府采购",
              list_index=71, period=2025, basis="budget")


@pytest.fixture(scope="module")
def stated(tmp_path_factory):
    base = tmp_path_factory.mktemp("stated")
    documents = base / "documents"
    documents.mkdir()
    for name in (WANLI, WELFARE, FINANCE, GOVOFFICE):
        shutil.copyfile(REAL / name, documents / name)
    warehouse = base / "warehouse.duckdb"
    con = duckdb.connect(str(warehouse))
    try:
        load_directory(con, documents, workers=2)
        shas = dict(con.execute("select file_name, document_sha256 from raw.documents").fetchall())
        statements = Statements(shas)
        for read in (wanli, welfarehome, finance, govoffice):
            read(statements)
        con.execute("delete from raw.statements")
        con.executemany("insert into raw.statements values (" + ", ".join(["?"] * 29) + ")", statements.rows)
    finally:
        con.close()
    outcome = run_dbt(warehouse, "build", ["--select", "+fct_findings +fct_stated_figures",
                                           "--resource-type", "model", "--resource-type", "seed"])
    assert outcome.success, outcome.failed_nodes() or outcome.error
    con = duckdb.connect(str(warehouse), read_only=True)
    yield con
    con.close()


def findings(con) -> list[tuple]:
    return con.execute(f"""
        select file_name, rule_id, severity, line_start, line_end, lhs, rhs from fct_findings
        where {PROSE_RULES} order by file_name, line_start, rule_id""").fetchall()


def test_the_known_prose_errors_are_found_and_nothing_else(stated):
    assert findings(stated) == [
        # 0.3 万元 against 2,961.68 万元
        (FINANCE, "NAR-STATED-001", "error", 548, 548, Decimal("3000"), Decimal("29616800")),
        # 4 parts = 2940.06 against 2940.05 (within rounding); 71.73% against 71.6539%; shares add up to 100.07%
        (FINANCE, "NAR-PARTS-002", "notice", 564, 568, Decimal("29400600"), Decimal("29400500")),
        (FINANCE, "NAR-SHARE-101", "error", 564, 568, Decimal("71.73"), Decimal("71.653883")),
        (FINANCE, "NAR-SHARE-102", "error", 564, 568, Decimal("100.07"), Decimal("100")),
        # 4.79 + 0 + 246.47 = 251.26 against 251.25 (within rounding)
        (FINANCE, "NAR-PARTS-002", "notice", 686, 687, Decimal("2512600"), Decimal("2512500")),
        # growth on a zero prior (warning); 0.53% against 352.67 / 348.52 − 1 = 1.1907%; 352.67 against 3,503,499 元
        (WANLI, "NAR-CALC-004", "warning", 104, 105, Decimal("100"), None),
        (WANLI, "NAR-CALC-002", "error", 175, 176, Decimal("0.53"), Decimal("1.190749")),
        (WANLI, "NAR-STATED-001", "error", 175, 176, Decimal("3526700"), Decimal("3503499")),
        # the items add up to 991.59 against 财政拨款支出 950.12; 738.66 against 6,964,796 元
        # (lines 51-77: from the whole 财政拨款支出预算950.12, stated in the list's own sentence, to the last item)
        (WELFARE, "NAR-PARTS-001", "error", 51, 77, Decimal("9915900"), Decimal("9501200")),
        (WELFARE, "NAR-STATED-001", "error", 69, 69, Decimal("7386600"), Decimal("6964796")),
    ]


def test_findings_quote_the_sentence_and_the_table_row(stated):
    quote, locator = stated.execute(
        "select quoted_source, source_locator from fct_findings where rule_id = 'NAR-STATED-001' and file_name = ?",
        [WELFARE]).fetchone()
    assert quote.splitlines()[0] == "“社会保障和就业支出/社会福利/社会福利事业单位”738.66万元"
    assert re.search(r"2081005|社会福利事业单位\s+6,964,796", quote.splitlines()[1])
    # the sentence's lines and the table row's page and line
    assert locator.startswith(f"{WELFARE}:69 ↔ {WELFARE}:") and "(p. 11)" in locator


def test_stated_figures_link_to_their_tables(stated):
    rows = {(r[0], r[1], r[2]): r[3:] for r in stated.execute("""
        select file_name, line_start, subject, role, link_method, linked_table_name, linked_row_code, linked_value_yuan
        from fct_stated_figures where role = 'amount'""").fetchall()}
    # 350.35 万元 is 3,503,499 元 rounded (both function tables print it): linked, no finding.
    assert rows[(WANLI, 175, "住房公积金")] == (
        "amount", "code_from_names", "2024年部门一般公共预算支出功能分类预算表", "2210201", Decimal("3503499"))
    assert rows[(WANLI, 798, "三公经费")][1:] == ("measure", "部门“三公”经费和机关运行经费预算表", None, Decimal("479100"))
    assert rows[(FINANCE, 530, "收入支出总计")][1:] == ("row_label", "收入支出决算总表", None, Decimal("29953900"))
    # the welfarehome table prints no 2101102 row (its 210 rows only, code printed "7" for the 项): nothing linked.
    assert rows[(WELFARE, 73, "事业单位医疗")][1] == "none"
    # the govoffice items all link, and agree with their tables
    govoffice = [v for k, v in rows.items() if k[0] == GOVOFFICE and v[1] == "code_from_names"]
    assert len(govoffice) == 12


def test_the_analysis_lists_the_disagreements(stated):
    sql = (ROOT / "analyses" / "prose_vs_table_disagreements.sql").read_text(encoding="utf-8")
    sql = re.sub(r"\{\{\s*ref\('([a-z_]+)'\)\s*\}\}", r"main.\1", sql)
    rows = stated.execute(f"select rule_id, severity, line_start, table_name, table_row from ({sql}) "
                          "where file_name = ?", [WANLI]).fetchall()
    assert rows == [
        ("NAR-CALC-004", "warning", 104, None, None),
        ("NAR-CALC-002", "error", 175, None, None),
        ("NAR-STATED-001", "error", 175, "2024年部门一般公共预算支出功能分类预算表", "住房公积金"),
    ]
