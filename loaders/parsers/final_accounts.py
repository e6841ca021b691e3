"""Parser for Shanghai 部门决算 (final accounts) disclosures: placeholder until its tables are specified."""

from __future__ import annotations

import re

from loaders.documents import Document
from loaders.records import DocumentFacts, ParseResult

NAME = "final_accounts"
VERSION = "0.1.0"
KINDS = ("final_accounts",)


def detect(document: Document, head: str | None = None) -> DocumentFacts | None:
    return None


def parse(document: Document) -> ParseResult:
    return ParseResult(facts=DocumentFacts(kind="final_accounts"))
