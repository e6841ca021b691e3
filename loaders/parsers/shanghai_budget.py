"""Parser for Shanghai district 部门预算 and 单位预算 disclosures (PDF or ``pdftotext -layout`` text).

Kinds: ``department_budget_sh`` (上海市…区级部门预算, 编制部门) and ``unit_budget_sh`` (…单位预算,
编制单位). The nine standard tables (财务收支预算总表 … “三公”经费和机关运行经费预算表) are read by
the shared table interpreter in ``loaders.layout``; every number a table prints lands as a ``Figure``
with its table, row code, row name, column and unit; a number that cannot be placed with certainty is
a ``LOAD-UNPLACED-FIGURE`` finding. The narrative (编制说明) is not read by this parser.

Line provenance: for text input ``line_start`` is the line of the text (``Document.lines``); for PDF
input it is the index of the reconstructed line within the page (``page`` says which page).
"""

from __future__ import annotations

import re

from loaders.documents import Document
from loaders.layout.figures import document_money_unit, read_tables
from loaders.layout.rows import pages_of
from loaders.layout.tables import ColumnSpec, TableInterpreter, TableSpec
from loaders.records import DocumentFacts, ParseError, ParseResult

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

TITLE_RE = re.compile(r"上海市(?P<district>\S{1,6}区)(?P<year>20\d{2})年(?P<what>区级部门预算|单位预算)")
DEPT_RE = re.compile(r"预算主管部门\s*[:：]\s*(?P<name>\S+)")
UNIT_RE = re.compile(r"预算单位\s*[:：]\s*(?P<name>\S+)")
UNIT_TITLE_RE = re.compile(r"(?P<name>上海市\S+?)(?P<year>20\d{2})年单位预算")


def _head_text(document: Document) -> str:
    if document.is_pdf:
        pages = pages_of(document)
        return "\n".join(line.raw_text for page in pages[:1] for line in page.lines)
    return "\n".join(document.lines[:8])


def detect(document: Document, head: str | None = None) -> DocumentFacts | None:
    head = head if head is not None else _head_text(document)
    flat = re.sub(r"[ \t]+", "", head)
    unit = UNIT_TITLE_RE.search(flat)
    if unit:
        owner = UNIT_RE.search(flat)
        name = owner.group("name") if owner else unit.group("name")
        # a 单位预算 is published by the budget unit itself: it is the document's department
        return DocumentFacts(kind="unit_budget_sh", fiscal_year=int(unit.group("year")), department=name,
                             unit=document_money_unit(document), title=unit.group(0))
    title = TITLE_RE.search(flat)
    if title and title.group("what") == "区级部门预算":
        dept = DEPT_RE.search(flat)
        return DocumentFacts(kind="department_budget_sh", fiscal_year=int(title.group("year")),
                             department=dept.group("name") if dept else None, unit=document_money_unit(document),
                             title=title.group(0))
    return None


INTERPRETER = TableInterpreter(SPECS)


def parse(document: Document) -> ParseResult:
    pages = pages_of(document)
    head = "\n".join(line.raw_text for line in pages[0].lines) if pages else ""
    facts = detect(document, head)
    if facts is None:
        raise ParseError(f"{document.file_name}: not a Shanghai 部门预算/单位预算 (no title such as "
                         "上海市普陀区2025年区级部门预算 on the first page)")
    facts.page_count = len(pages)
    figures, findings, _pages, _reading = read_tables(document, INTERPRETER, pages)
    return ParseResult(facts=facts, figures=figures, findings=findings)
