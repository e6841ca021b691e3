"""What kind of document is this, for which year and department, in which unit?

The manifest (documents/manifest.csv) wins; what it leaves blank is read from the document's own text.
A document with no manifest row must print its kind, year and department, or it is refused with a
message that says exactly what is missing. A manifest row may leave the year blank on purpose (the
document does not print it and nobody knows it for sure): then the document loads with no fiscal year.
"""

from __future__ import annotations

import re

from loaders.documents import Document, DocumentError
from loaders.records import DocumentFacts

# (kind, pattern on the first part of the text), most specific first.
KIND_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("evaluation_report", re.compile(r"(?:绩效)?(?:评价|自评)报告")),
    ("project_targets", re.compile(r"项目支出绩效目标表")),
    ("department_targets", re.compile(r"部门整体(?:预算)?绩效目标(?:申报)?表")),
    ("final_accounts", re.compile(r"(?:部门|单位)决算")),
    ("department_budget", re.compile(r"部门预算")),
    ("unit_budget", re.compile(r"单位预算")),
]
ORG = r"[\u4e00-\u9fff（）()]{2,40}?(?:委员会|人民政府|政府|办事处|办公室|管理局|服务中心|中心|局|厅|委|院|所|站|队|部|处)"
DEPARTMENT_PATTERNS = [
    re.compile(rf"部门名称[：:\s]\s*(?P<d>{ORG})(?=\s|单位|$)", re.M),
    re.compile(rf"(?P<d>{ORG})[（(]部门[）)]"),
    re.compile(rf"20\d{{2}}\s*年度?\s*(?P<d>{ORG})(?=\s|\n|部门|单位|$)"),
]
YEAR_PATTERNS = [
    re.compile(r"(?P<y>20\d{2})\s*年度?\s*(?:部门|单位)?(?:预算|决算)"),
    re.compile(r"^\s*(?P<y>20\d{2})\s*年度", re.M),
]
UNIT_PATTERN = re.compile(r"单位[：:]\s*(?P<u>亿元|万元|元)")


def detect_facts(document: Document) -> DocumentFacts:
    """Read kind, year, department and unit from the text; fields that cannot be read stay None.

    A parser that knows its family (Shanghai 部门预算/单位预算, 部门决算; PDF or layout text) reads the
    title page first; what it leaves open is read with the general patterns below. ``unit`` is the
    money unit the document prints its amounts in (the first 单位：元/万元 line; else a 预算金额（万元）
    header; else the unit most amounts in the prose carry)."""
    from loaders.parsers import PARSERS  # late import: parsers import this module's siblings

    facts = DocumentFacts()
    for module in PARSERS:
        detector = getattr(module, "detect", None)
        if detector is not None:
            found = detector(document)
            if found is not None and found.kind:
                facts = found
                break
    text = document.text or ""
    head = text[:3000]
    compact_head = re.sub(r"[ \t\u3000]+(?=[\u4e00-\u9fff])", "", head)
    if facts.kind is None:
        for kind, pattern in KIND_PATTERNS:
            if pattern.search(compact_head):
                facts.kind = kind
                break
    if facts.fiscal_year is None:
        for pattern in YEAR_PATTERNS:
            match = pattern.search(compact_head)
            if match:
                facts.fiscal_year = int(match.group("y"))
                break
    if facts.department is None:
        for pattern in DEPARTMENT_PATTERNS:
            # the printed spacing first (部门名称 X 下属二级单位数), then with spaces before CJK removed
            match = pattern.search(head) or pattern.search(compact_head)
            if match:
                facts.department = match.group("d").strip()
                break
    if facts.unit is None:
        facts.unit = money_unit(text)
    return facts


def money_unit(text: str) -> str | None:
    """The money unit a text prints its amounts in, or None when it prints none."""
    unit = UNIT_PATTERN.search(text)
    if unit:
        return unit.group("u")
    header = re.search(r"[（(]\s*(亿元|万元|元)\s*[）)]", text)
    if header:
        return header.group(1)
    counts = {
        "亿元": len(re.findall(r"\d\s*亿元", text)),
        "万元": len(re.findall(r"\d\s*万元", text)),
        "元": len(re.findall(r"\d\s*元", text)),
    }
    best = max(counts, key=lambda u: counts[u])
    return best if counts[best] else None


def resolve_facts(document: Document) -> tuple[DocumentFacts, dict[str, str]]:
    """Manifest first, then the text. Returns the facts and where each came from."""
    detected = detect_facts(document)
    manifest = document.manifest
    facts = DocumentFacts()
    sources: dict[str, str] = {}
    for name in ("kind", "fiscal_year", "department", "unit"):
        given = getattr(manifest, name, None) if manifest else None
        if given is not None:
            setattr(facts, name, given)
            sources[name] = "manifest"
        elif getattr(detected, name) is not None:
            setattr(facts, name, getattr(detected, name))
            sources[name] = "detected"
    if facts.kind is None:
        raise DocumentError(
            document.file_name,
            "unknown layout: the text names no document kind this tool knows (评价报告, 绩效目标表, 部门预算, "
            "决算 …) and documents/manifest.csv has no row for it",
        )
    if manifest is None:
        missing = []
        if facts.fiscal_year is None:
            missing.append("its fiscal year")
        if facts.department is None:
            missing.append("its department")
        if missing:
            raise DocumentError(
                document.file_name,
                f"the document does not print {' or '.join(missing)}, and documents/manifest.csv has no row "
                "for it: add one",
            )
    facts.title = detected.title
    return facts, sources
