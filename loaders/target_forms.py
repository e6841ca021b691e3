"""What the two target-form parsers share (项目支出绩效目标表, project_targets; 部门整体预算绩效目标申报表,
department_targets): the reader that collects a document's landed records and load findings, cell text joined
over the lines it wraps on (every character mapped back to its line), and the indicator records of a printed
value. Both forms are PDF tables extracted as text, whose cells wrap inside words and numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.documents import Document
from loaders.indicator_values import parse_indicator_value, split_value_clauses
from loaders.records import Attribute, DocumentFacts, Figure, Finding, Indicator, LayoutMismatch, ParseResult

# Severities as in the rule catalog (seeds/rule_catalog.csv).
SEVERITY = {"LOAD-AMBIGUOUS-ROW": "error", "LOAD-UNPLACED-FIGURE": "warning", "LOAD-INCOMPLETE-TABLE": "warning"}

# Spaces between two Chinese characters inside a line (dropped when cells are joined).
CJK_GAP = re.compile(r"(?<=[^\x00-\x7f])[ \t\u3000]+(?=[^\x00-\x7f])")


def require_text(document: Document, parser_name: str) -> None:
    """Refuse a document without text (a PDF), naming its file and the parser."""
    if document.text is None:
        raise LayoutMismatch(f"{parser_name} reads text documents only")


class FormReader:
    """Collects what a parser lands from one document (figures, indicators, attributes) and its load findings,
    each finding quoting the printed lines it is about."""

    def __init__(self, document: Document):
        self.doc = document
        self.lines = document.lines
        self.figures: list[Figure] = []
        self.indicators: list[Indicator] = []
        self.attributes: list[Attribute] = []
        self.findings: list[Finding] = []

    def finding(self, rule_id: str, message: str, first: int | None, last: int | None = None) -> None:
        raw = raw_lines(self.lines, first, last or first) if first else None
        self.findings.append(Finding(rule_id=rule_id, severity=SEVERITY[rule_id], message=message, line_start=first,
                                     line_end=last or first, raw_text=raw))

    def result(self, facts: DocumentFacts) -> ParseResult:
        return ParseResult(facts=facts, figures=self.figures, indicators=self.indicators,
                           attributes=self.attributes, findings=self.findings)


# --- joined text ------------------------------------------------------------------------------------
@dataclass
class Joined:
    """Lines joined with nothing between them (cells wrap inside words and numbers), every character
    mapped to its 1-based line. Spaces between two Chinese characters inside a line are dropped."""

    text: str
    line_of: list[int]
    lines: list[str]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Lines covered by text[start:end] (end exclusive)."""
        return self.line_of[start], self.line_of[max(start, end - 1)]

    def raw_text(self, first: int, last: int) -> str:
        return raw_lines(self.lines, first, last)


def join_lines(lines: list[str], numbers) -> Joined:
    """Join the given 1-based line numbers of ``lines`` (blank lines are skipped)."""
    parts: list[str] = []
    line_of: list[int] = []
    for number in numbers:
        stripped = CJK_GAP.sub("", lines[number - 1].strip())
        if not stripped:
            continue
        parts.append(stripped)
        line_of.extend([number] * len(stripped))
    return Joined(text="".join(parts), line_of=line_of, lines=lines)


def strip_span(text: str, start: int, end: int, chars: str = "") -> tuple[int, int]:
    """Shrink [start, end) past whitespace (and the given characters) on both sides."""
    while start < end and (text[start].isspace() or text[start] in chars):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in chars):
        end -= 1
    return start, end


def raw_lines(lines: list[str], first: int, last: int) -> str:
    """Lines first..last (1-based), stripped, blank ones left out, joined by newlines."""
    return "\n".join(s for s in (lines[n - 1].strip() for n in range(first, last + 1)) if s)


def value_indicators(joined: Joined, start: int, end: int, **fields) -> tuple[list[Indicator], list[Finding]]:
    """Indicator records for the value printed in joined.text[start:end] (one per clause that states a
    target of its own), with the lines the value stands on."""
    indicators: list[Indicator] = []
    findings: list[Finding] = []
    start, end = strip_span(joined.text, start, end)
    if start >= end:
        return indicators, findings
    cell = joined.text[start:end]
    for a, b in split_value_clauses(cell):
        first, last = joined.span(start + a, start + b)
        raw = joined.raw_text(first, last)
        value = parse_indicator_value(cell[a:b])
        if value.extra_numbers:
            findings.append(Finding(
                rule_id="LOAD-UNPLACED-FIGURE", severity=SEVERITY["LOAD-UNPLACED-FIGURE"],
                message=f"indicator value {value.text!r}: numbers {list(value.extra_numbers)} not read "
                        f"(only {value.number_text!r} is the target)",
                line_start=first, line_end=last, raw_text=raw))
        indicators.append(Indicator(
            value_text=value.text, line_start=first, line_end=last, raw_text=raw,
            comparison=value.comparison, number_text=value.number_text, number=value.number,
            number_high=value.number_high, printed_decimals=value.printed_decimals, unit=value.unit,
            period=value.period, is_qualitative=value.is_qualitative, **fields))
    return indicators, findings
