"""Parser for Shanghai district 部门预算 and 单位预算 disclosures (PDF or ``pdftotext -layout`` text).

Kinds: ``department_budget_sh`` (部门预算: 区级/市级/县级 …, 预算主管部门 / 编制部门) and ``unit_budget_sh``
(单位预算, 预算单位 / 编制单位), whichever publisher prints them: the kind, year and department are read by
the general detection (``loaders/detect.py``), not by a title check of this parser's own. The nine standard tables (财务收支预算总表 … “三公”经费和机关运行经费预算表) are read by
the shared table interpreter in ``loaders.layout``; every number a table prints lands as a ``Figure``
with its table, row code, row name, column and unit; a number that cannot be placed with certainty is
a ``LOAD-UNPLACED-FIGURE`` finding. The narrative (编制说明) is not read by this parser.

Line provenance: for text input ``line_start`` is the line of the text (``Document.lines``); for PDF
input it is the index of the reconstructed line within the page (``page`` says which page).
"""

from __future__ import annotations

import re

from loaders.documents import Document
from loaders.layout.figures import read_tables
from loaders.layout.rows import pages_of
from loaders.layout.tables import ColumnSpec, TableInterpreter, TableSpec
from loaders.records import DocumentFacts, ParseResult

NAME = "shanghai_budget"
VERSION = "0.1.0"
KINDS = ("department_budget_sh", "unit_budget_sh")

C = ColumnSpec
FUNCTION_COLUMNS = (C("合计", "total"), C("基本支出", "basic_expenditure"), C("项目支出", "project_expenditure"))

SPECS = [
    TableSpec(
        re.compile(r"财务收支预算总表$"),
        (C("预算数", "budget"), C("合计", "total"), C("人员经费", "personnel"), C("公用经费", "goods_and_services"),
         C("项目支出", "project_expenditure")),
        None, "财务收支预算总表",
    ),
    TableSpec(re.compile(r"财务收支预算总表$"), (C("预算数", "budget"), C("预算数", "budget")), None, "财务收支预算总表"),
    TableSpec(
        re.compile(r"收入预算总表$"),
        (C("合计", "total"), C("财政拨款收入", "fiscal_appropriation"), C("事业收入", "public_institution_income"),
         C("事业单位经营收入", "operating_income"), C("其他收入", "other_income")),
        "function", "收入预算总表",
    ),
    TableSpec(re.compile(r"(?<!财政拨款收)支出预算总表$"), FUNCTION_COLUMNS, "function", "支出预算总表"),
    TableSpec(
        re.compile(r"财政拨款收支预算总表$"),
        (C("预算数", "budget"), C("合计", "total"), C("一般公共预算", "general_public_budget"),
         C("政府性基金预算", "government_fund"), C("国有资本经营预算", "state_capital_operation")),
        None, "财政拨款收支预算总表",
    ),
    TableSpec(re.compile(r"(一般公共预算|政府性基金预算|国有资本经营预算)支出功能分类预算表$"), FUNCTION_COLUMNS,
              "function", "支出功能分类预算表"),
    TableSpec(re.compile(r"基本支出.*经济分类预算表$"),
              (C("合计", "total"), C("人员经费", "personnel"), C("公用经费", "goods_and_services")),
              "economic", "基本支出经济分类预算表"),
    TableSpec(
        re.compile(r"三公”?经费和机关运行经费预算表$"),
        (C("合计", "three_public_total"), C("因公出国(境)费", "outbound_travel"), C("公务接待费", "official_reception"),
         C("小计", "official_vehicles"), C("购置费", "vehicle_purchase"), C("运行费", "vehicle_operation"),
         C("机关运行经费预算数", "administrative_operating_costs", pattern=r"(?:20\d{2}年)?机关运行经费预算数")),
        None, "三公经费和机关运行经费预算表",
    ),
]

def detect(document: Document) -> DocumentFacts | None:
    """Kind, year, department, level and unit by the general detection (loaders/detect.py), when the
    document is a 部门预算 or 单位预算 this parser reads; None otherwise."""
    from loaders.detect import detect_facts

    facts = detect_facts(document)
    return facts if facts.kind in KINDS else None


INTERPRETER = TableInterpreter(SPECS)


def parse(document: Document) -> ParseResult:
    # The kind is settled before the parser is chosen (manifest first, then the general detection): the parser
    # reads the tables it knows whatever the title's wording, and never refuses a document it was given.
    from loaders.detect import detect_facts

    pages = pages_of(document)
    facts = detect_facts(document)
    if facts.kind not in KINDS:
        facts.kind = document.manifest.kind if document.manifest and document.manifest.kind in KINDS else KINDS[0]
    facts.page_count = len(pages)
    figures, findings, _pages, _reading = read_tables(document, INTERPRETER, pages)
    return ParseResult(facts=facts, figures=figures, findings=findings)
