"""Parser for Shanghai 部门决算 (final accounts) disclosures, from the PDF or ``pdftotext -layout`` text.

The standard tables are read by the shared table interpreter in ``loaders.layout``: 收入支出决算总表,
收入决算表, 支出决算表, 财政拨款收入支出决算总表 (its 一般公共预算 / 政府性基金 / 国有资本经营 column labels
are set vertically in narrow cells and matched on their printed start; the table runs on over the next
page), 一般公共预算财政拨款支出决算表, 一般公共预算财政拨款基本支出决算表 (two tables side by side:
人员经费 on the left, 公用经费 on the right, each with its own codes), and 财政拨款“三公”经费支出决算表
(预算数 / 决算数 under each of 合计, 因公出国（境）费, 公务用车购置及运行费, 公务用车购置费, 公务用车运行费,
公务接待费: measures ``<group>_budget`` / ``<group>_actual``). Header labels the PDF wraps inside their cell
(本年收入合 / 计) are joined. Numbers that cannot be placed with certainty, and amounts standing outside
every recognised table, are ``LOAD-UNPLACED-FIGURE`` findings. Figures are landed as printed (the
publisher prints 社会保障和就业支出 326.71 in the two 总表 and 326.72 in the detailed tables).

Line provenance: for text input ``line_start`` is the line of the text (``Document.lines``); for PDF
input it is the index of the reconstructed line within the page.
"""

from __future__ import annotations

import re

from loaders.documents import Document
from loaders.layout.figures import read_tables
from loaders.layout.rows import pages_of
from loaders.layout.tables import ColumnSpec, TableInterpreter, TableSpec
from loaders.records import DocumentFacts, ParseResult

NAME = "final_accounts"
VERSION = "0.2.0"
KINDS = ("final_accounts",)

C = ColumnSpec
# A title may carry the publisher's name and year, and 部门/单位, before the standard name
# (某某局2023年度部门收入支出决算总表); the standard name itself is matched whole, so 支出决算表 is not
# found inside 一般公共预算财政拨款支出决算表.
PREFIX = r"^(?:\S*?20\d{2}年度?)?(?:部门|单位)?"


def _title(name: str) -> re.Pattern:
    return re.compile(PREFIX + name + "$")


SPECS = [
    TableSpec(_title("收入支出决算总表"), (C("决算数", "actual"), C("决算数", "actual")), None, "收入支出决算总表"),
    TableSpec(
        _title("收入决算表"),
        (C("本年收入合计", "total"), C("财政拨款收入", "fiscal_appropriation"), C("上级补助收入", "higher_level_subsidy"),
         C("事业收入", "public_institution_income"), C("经营收入", "operating_income"),
         C("附属单位上缴收入", "affiliated_unit_remittance"), C("其他收入", "other_income")),
        "function", "收入决算表",
    ),
    TableSpec(
        _title("支出决算表"),
        (C("本年支出合计", "total"), C("基本支出", "basic_expenditure"), C("项目支出", "project_expenditure"),
         C("上缴上级支出", "remittance_to_higher_level"), C("经营支出", "operating_expenditure"),
         C("对附属单位补助支出", "subsidy_to_affiliated_units")),
        "function", "支出决算表",
    ),
    TableSpec(
        _title("财政拨款收入支出决算总表"),
        (C("决算数", "actual"), C("合计", "total"),
         C("一般公共预算财政拨款", "general_public_budget", pattern="一般公共预算.*"),
         C("政府性基金预算财政拨款", "government_fund", pattern="政府性基金.*"),
         C("国有资本经营预算财政拨款", "state_capital_operation", pattern="国有资本经营.*")),
        None, "财政拨款收入支出决算总表",
    ),
    TableSpec(
        _title("财政拨款“三公”经费支出决算表"),
        tuple(
            C(label, f"{group}_{phase}")
            for group in ("three_public_total", "outbound_travel", "official_vehicles", "vehicle_purchase",
                          "vehicle_operation", "official_reception")
            for label, phase in (("预算数", "budget"), ("决算数", "actual"))
        ),
        None, "财政拨款“三公”经费支出决算表",
    ),
    TableSpec(_title("一般公共预算财政拨款基本支出决算表"),
              (C("决算数", "actual", group="人员经费"), C("决算数", "actual", group="公用经费")), "economic",
              "一般公共预算财政拨款基本支出决算表",
              halves=2),
    TableSpec(_title("一般公共预算财政拨款支出决算表"),
              (C("合计", "total"), C("基本支出", "basic_expenditure"), C("项目支出", "project_expenditure")),
              "function", "一般公共预算财政拨款支出决算表"),
]


def _title_fix(title: str) -> str:
    # the PDF sets the quotes of “三公” on a line of their own
    return re.sub(r"财政拨款三公经费", "财政拨款“三公”经费", title, count=1)


INTERPRETER = TableInterpreter(SPECS, _title_fix)

def detect(document: Document) -> DocumentFacts | None:
    """Kind, year, department, level and unit by the general detection (loaders/detect.py), when the
    document is a 部门决算 or 单位决算; None otherwise."""
    from loaders.detect import detect_facts

    facts = detect_facts(document)
    return facts if facts.kind in KINDS else None


def parse(document: Document) -> ParseResult:
    # the kind is settled before the parser is chosen; this parser never refuses a document it was given
    from loaders.detect import detect_facts

    pages = pages_of(document)
    facts = detect_facts(document)
    facts.kind = KINDS[0]
    facts.page_count = len(pages)
    figures, findings, _pages, _reading = read_tables(document, INTERPRETER, pages)
    return ParseResult(facts=facts, figures=figures, findings=findings)
