"""The general parser: documents whose kind has no parser of its own, or that their own parser cannot read.

Kinds: ``project_self_evaluation`` (项目支出绩效自评表), ``department_self_evaluation`` (部门整体绩效自评表),
``three_public_budget`` / ``three_public_final_accounts`` (“三公”经费 预算 / 决算 sections) and
``unclassified`` (a document that prints amounts but names no kind). The loader also hands it any document
whose own parser does not read its form (``LayoutMismatch``: a PDF given to a text parser, a 部门预算 with
none of the tables its parser knows), with a ``LOAD-READ-GENERAL`` warning.

What it lands: the facts the general detection reads (kind, year, department, level, unit; what is missing
is a ``LOAD-FACT-MISSING`` warning added by the loader), and every table amount the general table reader
(``loaders/layout/general.py``) places with certainty by column header and row label; every other amount of
a table is a ``LOAD-UNPLACED-FIGURE`` finding. Prose is left to the statement reader, which the loader runs
for every document.
"""

from __future__ import annotations

from loaders.detect import GENERIC_KINDS, detect_facts
from loaders.documents import Document
from loaders.layout.general import read_general
from loaders.layout.rows import pages_of
from loaders.records import ParseResult

NAME = "generic"
VERSION = "0.2.0"
KINDS = GENERIC_KINDS


def parse(document: Document) -> ParseResult:
    pages = pages_of(document)
    facts = detect_facts(document)
    facts.page_count = len(pages) if document.is_pdf or len(pages) > 1 else facts.page_count
    figures, findings, _blocks = read_general(pages)
    return ParseResult(facts=facts, figures=figures, findings=findings)
