"""Parser for 部门预算 (department budget) disclosures whose PDF was flattened to text.

Two parts:

* the tables (表一 收支预算总表 … 表九 “三公”经费表 …) are read by the general reader in
  ``loaders/tables`` -- this module only adds one piece of budget knowledge: the 合计 row of the
  收入预算总表 equals the income side of the 收支预算总表, which pins the columns of that row;
* the narrative (概况 and 预算安排情况说明) is read as flowed text: every number with a unit (万元, %,
  人, 个) lands with a measure and a label.

Measures and labels (the choice the issue asks to document):

* table figures: ``measure`` is the canonical name of the printed column (``loaders/vocabulary.py``:
  initial_budget, adjusted_budget, actual, execution_rate, total, basic_expenditure, personnel, …; a
  plain amount column such as 2016年预算 or 预算金额 is ``budget_amount``). The year/phase printed over
  the column (2015年预算, 2016年预算, 2015年调整后预算) goes into ``label``; tables that print no phase
  leave ``label`` empty. ``column_label`` is the printed header path, outer first, joined with "/"
  (``2016年预算/基本支出/小计``); ``column_code`` the printed column number. So 2015 年初预算 is
  measure initial_budget, label 2015年预算; the 2016 total is measure total, label 2016年预算. The years are
  read from each table's header (the layouts name only "the budget year" and "the year before"), so a 2019
  budget lands 2018年预算/年初预算 and 2019年预算/总计; a table whose years cannot be told (its header prints
  none and the fiscal year is unknown, or they contradict the document's fiscal year) lands nothing and its
  numbers become LOAD-UNPLACED-FIGURE findings.
* 收支预算总表 (two sides, no column numbers): measure ``budget_amount``, column_label
  ``收入项目/2016年预算`` or ``支出项目/2016年预算``, label 2016年预算.
* narrative: ``stated_total`` (an amount), ``stated_share_pct`` (占 x%; parent_label = the base when
  printed, e.g. 支出预算), ``stated_change`` / ``stated_change_pct`` (增加/减少 x 万元, 增长/下降 y%;
  sign -1 for 减少/下降), ``staff_count`` (人), ``stated_count`` (个). ``label`` is the printed noun the
  number describes (year, department name and connectives such as 其中/包括/含 removed); for a share or
  a change without its own subject it is the subject of the amount it refers to.
  What a statement is measured against, so that ``fct_stated_changes`` can recompute it from the tables:
  ``parent_label`` of a change is its basis as printed (上年预算, 上年调整后预算, 上年 when unspecified, 2015年;
  a sentence opening with 其中 takes the basis of the sentence before); ``parent_label`` of a share is its
  whole: printed after 占, else the noun of 按…的功能分类, else the sentence's first amount when the share's
  subject is introduced as its part (其中/包括); else null (the share cannot be recomputed). ``section`` is the
  table the sentence cites (（详见表三） → 表三; null when it cites none or several); ``row_kind`` is
  ``table_total`` for the sentence's first amount when the citation directly follows it (the statement gives
  that table's total); for a change it is ``change_total`` when 其中 follows it with the changes of its parts (one
  per clause or numbered item, at least two), each of which is ``change_part`` (rule NAR-CHANGE-002 adds them up).
  ``context_text`` is the whole sentence (so the shares of one sentence can be added up).
* provenance: ``line_start``/``line_end`` are the lines holding the printed number (and its unit);
  ``raw_text`` is that text.

Everything not placed with certainty becomes a finding: LOAD-AMBIGUOUS-ROW, LOAD-ROW-UNRESOLVED,
LOAD-UNPLACED-FIGURE, LOAD-ARITHMETIC-MISMATCH, LOAD-INCOMPLETE-TABLE.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from loaders.documents import Document
from loaders.numbers import NUMBER_PATTERN, parse_number
from loaders.records import DocumentFacts, Figure, Finding, LayoutMismatch, ParseResult
from loaders.tables import find_tables, read_table
from loaders.tables.flattened import NUMBER_TOKEN_RE, TableResult, collapse_spaced, split_pages
from loaders.text import FlowedText

NAME = "department_budget"
VERSION = "1.3.0"  # 1.3.0: a full table row is placed by position even when its column formulas fail (solver)
KINDS = ("department_budget",)

ORG_SUFFIX = r"(?:管理局|委员会|办公室|人民政府|服务中心|中心|局|厅|委|院|办)"
HEADING_RE = re.compile(
    r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)[^，。；,;]*$")
NARRATIVE_RE = re.compile(
    rf"(?P<num>{NUMBER_PATTERN})\s*(?P<unit>万元|亿元|元|%|％|人|个)")
CITED_TABLE_RE = re.compile(r"详见(表[一二三四五六七八九十]+)")
# A number followed at once by （详见表X）: the statement gives that table's total.
DIRECT_CITATION_RE = re.compile(r"\s*（(?:具体)?(?:项目)?详见表[一二三四五六七八九十]+）")
CHANGE_BASIS_RE = re.compile(r"[比与](?P<year>上年|\d{4}\s*年)度?(?P<adjusted>调整后)?(?P<budget>预算)?")
CHANGE_WORDS = {"增加": 1, "增长": 1, "提高": 1, "减少": -1, "下降": -1, "降低": -1}


def _facts(document: Document) -> DocumentFacts:
    text = document.text or ""
    facts = DocumentFacts(kind="department_budget")
    head = re.search(rf"第一部分\s*(?P<dept>\S+?{ORG_SUFFIX})概况", text)
    named = re.search(rf"部门名称[：:]\s*(?P<dept>\S+?{ORG_SUFFIX})", text)
    match = head or named
    if match:
        facts.department = match.group("dept")
    year = re.search(r"(?P<y>20\d{2})\s*年部门预算", text)
    if year:
        facts.fiscal_year = int(year.group("y"))
    units = re.findall(r"单位[：:]\s*(万元|千元|亿元|元)", text)
    if units:
        facts.unit = max(set(units), key=units.count)
    if facts.fiscal_year and facts.department:
        facts.title = f"{facts.department}{facts.fiscal_year}年部门预算"
    return facts


# --- tables ------------------------------------------------------------------------------------------

def _table_figures(result: TableResult) -> list[Figure]:
    figures = []
    table = result.table
    table_name = table.name
    raws: dict[tuple[int, int], str] = {}  # (row, line) -> raw text, worked out once per row and line
    for cell in result.cells:
        row, token = cell.row, cell.token
        key = (id(row), token.line)
        raw = raws.get(key)
        if raw is None:
            raw = next((ln.text.strip() for ln in row.lines if ln.number == token.line), None)
            if raw is None:
                raw = row.raw_text
            raws[key] = raw
        if cell.column is None:  # two-sided table
            item_header, amount_header = cell.side
            measure, label, column_label, column_code = "budget_amount", amount_header, \
                f"{item_header}/{amount_header}", None
        else:
            measure, label = cell.column.measure, cell.column.phase
            column_label = cell.column.label
            column_code = str(cell.column.number) if cell.column.number else None
        figures.append(Figure(
            measure=measure,
            value_text=token.number.text,
            value=token.number.value,
            printed_decimals=token.number.decimals,
            printed_unit="%" if token.percent else table.unit,
            line_start=token.line,
            line_end=token.line,
            raw_text=raw,
            section=table_name,
            table_name=table_name,
            row_code=row.func_code,
            row_code_scheme="function" if row.func_code else None,
            row_kind=row.kind,
            unit_code=row.unit_code,
            row_label=row.label or None,
            column_code=column_code,
            column_label=column_label,
            label=label,
            context_text="".join(row.description_parts) or None,
        ))
    return figures


def _sweep_unread(result: TableResult, lines: list[str]) -> list[Finding]:
    """A table without a known layout: every number standing at the end of one of its lines is reported."""
    findings = []
    for first, last in result.table.pages:
        for number in range(first, last + 1):
            text = lines[number - 1].strip()
            parts = collapse_spaced(text).split()
            if not parts or not NUMBER_TOKEN_RE.match(parts[-1]):
                continue
            if re.fullmatch(r"(?:\d{1,2}(?:=\S+)?\s+)+\d{1,2}(?:=\S+)?", text):
                continue  # printed column numbers
            findings.append(Finding(
                "LOAD-UNPLACED-FIGURE", "warning",
                f"{result.table.name}: the columns of this table are not known; {parts[-1]!r} not landed",
                line_start=number, line_end=number, raw_text=text))
    return findings


def _incomplete(result: TableResult, document: Document) -> Finding | None:
    table = result.table
    reasons = []
    if table.title is None:
        reasons.append("its title, printed after the data, is missing")
    if result.rows and not result.rows[-1].tokens and result.rows[-1].kind != "total":
        reasons.append(f"its last row ({result.rows[-1].label or result.rows[-1].unit_code}) has no numbers")
    if any(f.rule_id == "LOAD-ARITHMETIC-MISMATCH" for f in result.findings):
        reasons.append("its rows do not add up to its totals")
    if not reasons:
        return None
    last = max((n for n in range(table.pages[-1][0], table.pages[-1][1] + 1) if document.lines[n - 1].strip()),
               default=table.pages[-1][1])
    return Finding("LOAD-INCOMPLETE-TABLE", "warning",
                   f"{table.name}: the text ends inside this table ({'; '.join(reasons)}); what is printed is "
                   f"landed, the rest is missing", line_start=last, line_end=last,
                   raw_text=document.lines[last - 1].strip())


# --- narrative ---------------------------------------------------------------------------------------

_YEAR_WORD_RE = re.compile(r"20\d{2}年度?")
_LEAD_WORD_RE = re.compile(r"^(?:其中[：:]?|包括[：:]?|含|设|（\d+）|\d+[.、．]|与上年对比|比上年)")
_CHANGE_END_RE = re.compile(r"(?P<word>增加|减少|增长|下降|提高|降低)$")
_SHARE_END_RE = re.compile(r"占(?P<base>[^占]*)$")
_CHANGE_LEAD_RE = re.compile(r"^(?:与(?:上|\d{4})年对比)?比上年度?(?:调整后)?(?:预算)?")


@lru_cache(maxsize=256)
def _department_prefix(department: str) -> re.Pattern:
    return re.compile(rf"^{re.escape(department)}(?:（部门）)?")


def _clean_label(text: str, department: str | None) -> str:
    text = "".join(text.split())
    if department:
        text = _department_prefix(department).sub("", text)
    text = _YEAR_WORD_RE.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = _LEAD_WORD_RE.sub("", text)
    return text


def _change_basis(before: str) -> str | None:
    """What a change is measured against, as printed: 上年预算, 上年调整后预算, 上年 (unspecified), 2015年 …

    The last comparison phrase of the sentence before the number (比上年预算增加 …; 与上年对比，… 增加 …;
    a percentage after 比上年增加 x 万元 shares the phrase of its amount)."""
    found = list(CHANGE_BASIS_RE.finditer("".join(before.split())))
    if not found:
        return None
    last = found[-1]
    return last.group("year") + (last.group("adjusted") or "") + (last.group("budget") or "")


def _share_whole(before: str, subject: str | None, head: str | None) -> str | None:
    """The whole a share (占 x%) is taken of when 占 names none: the noun of 按…的…分类 in the sentence, or the
    sentence's first amount when the share's subject is a part of it (…收入预算 x 万元，其中：A y 万元，占 z%)."""
    by = re.search(r"按(?P<whole>[^，。；按]+?)的[^，。；]{0,4}分类", before)
    if by:
        return by.group("whole")
    if head and subject and head != subject and re.search(r"其中|包括", before):
        return head
    return None


_SENTENCE_STOP_RE = re.compile(r"[。\n]")
_CLAUSE_STOP_RE = re.compile(r"[。；，：、\n;,:]")


def _last_before(positions: list[int], end: int) -> int:
    """The last of ``positions`` (ascending) before ``end``, -1 when none: ``max(text.rfind(ch, 0, end) for ch in
    chars)`` when ``positions`` are where ``chars`` stand in ``text`` (found once per text: for speed)."""
    i = bisect.bisect_left(positions, end)
    return positions[i - 1] if i else -1


def _narrative(document: Document, end_line: int, department: str | None) -> tuple[list[Figure], list[Finding]]:
    lines = document.lines[:end_line]
    flow = FlowedText.from_lines(lines, break_after=lambda line: bool(HEADING_RE.match(line)))
    text = flow.text
    sentence_stops = [m.start() for m in _SENTENCE_STOP_RE.finditer(text)]
    clause_stops = [m.start() for m in _CLAUSE_STOP_RE.finditer(text)]
    figures: list[Figure] = []
    findings: list[Finding] = []
    spans: list[tuple[int, int, bool]] = []  # per figure: number start, unit end, inside brackets
    last_subject: dict[int, str] = {}  # sentence start -> subject of the latest amount outside brackets
    sentence_head: dict[int, str] = {}  # sentence start -> subject of its first amount outside brackets
    for m in re.finditer(NUMBER_PATTERN, text):
        num_start, num_end = m.start(), m.end()
        after = text[num_end:num_end + 4].lstrip()
        before_char = text[num_start - 1:num_start] if num_start else ""
        unit_m = NARRATIVE_RE.match(text, num_start)
        if unit_m is None or unit_m.start("num") != num_start or unit_m.end("num") != num_end:
            if after.startswith(("年", "月", "日", "号", "〕", "]")) or before_char in ("〔", "["):
                continue  # a year, a date, a document number
            if after[:1] in (".", "、", "．", "）", ")") or before_char in ("（", "("):
                continue  # a list number: 1. 1、 （1）
            first = flow.line_at(num_start)
            if flow.lines[first - 1].strip().startswith(m.group(0)) and not after[:1].isdigit():
                continue  # a sequence number at the start of a row (序号)
            findings.append(Finding("LOAD-UNPLACED-FIGURE", "warning",
                                    f"number {m.group(0)!r} has no unit and no rule places it; not landed",
                                    line_start=first, line_end=first, raw_text=flow.lines[first - 1].strip()))
            continue
        unit = unit_m.group("unit").replace("％", "%")
        sentence_start = _last_before(sentence_stops, num_start) + 1
        stop = _SENTENCE_STOP_RE.search(text, num_end)
        sentence_end = stop.start() if stop is not None else len(text)
        sentence = text[sentence_start:sentence_end + 1].strip()
        cited = set(CITED_TABLE_RE.findall(sentence))
        section = cited.pop() if len(cited) == 1 else None
        directly_cited = bool(section and DIRECT_CITATION_RE.match(text, unit_m.end()))
        headless = sentence_start not in sentence_head
        clause_start = _last_before(clause_stops, num_start) + 1
        clause = text[clause_start:num_start]
        opened = clause.rfind("（")
        if opened > clause.rfind("）"):
            clause = clause[opened + 1:]
        in_brackets = text.count("（", sentence_start, num_start) > text.count("）", sentence_start, num_start)
        clause_n = "".join(clause.split())
        change = _CHANGE_END_RE.search(clause_n)
        share = _SHARE_END_RE.search(clause_n)
        sign, parent_label = 1, None
        if change:
            measure = "stated_change_pct" if unit == "%" else "stated_change"
            sign = CHANGE_WORDS[change.group("word")]
            parent_label = _change_basis(text[sentence_start:num_start])
            if parent_label is None and re.match(r"\s*其中", text[sentence_start:num_start]):
                # 其中：… continues the previous sentence's comparison (与上年对比，… 增加 x。其中：A 增加 y)
                previous_start = max(text.rfind(ch, 0, sentence_start - 1) for ch in "。\n") + 1
                parent_label = _change_basis(text[previous_start:sentence_start])
            subject = _CHANGE_LEAD_RE.sub("",
                             clause_n[: change.start()])
            subject = _clean_label(subject, department)
            label = subject or last_subject.get(sentence_start)
        elif share:
            measure = "stated_share_pct"
            label = last_subject.get(sentence_start)
            parent_label = share.group("base") or _share_whole(text[sentence_start:num_start], label,
                                                               sentence_head.get(sentence_start))
        else:
            measure = {"人": "staff_count", "个": "stated_count", "%": "stated_share_pct"}.get(unit, "stated_total")
            label = _clean_label(clause_n, department) or None
            if label and not in_brackets:
                last_subject[sentence_start] = label
                if measure == "stated_total":
                    sentence_head.setdefault(sentence_start, label)
        if change and label and not in_brackets:
            last_subject.setdefault(sentence_start, label)
        first, last = flow.span_lines(num_start, unit_m.end())
        figures.append(Figure(
            measure=measure,
            value_text=m.group(0),
            value=parse_number(m.group(0)).value,
            printed_decimals=parse_number(m.group(0)).decimals,
            printed_unit=unit,
            line_start=first,
            line_end=last,
            raw_text=flow.raw_text(first, last),
            section=section,
            # the table's total only when it is also the sentence's first amount: in "A x 万元，其中 B y 万元（详见表十）"
            # the citation covers A, not the part B it happens to follow
            row_kind="table_total" if directly_cited and headless and measure == "stated_total" else None,
            label=label,
            parent_label=parent_label,
            sign=sign,
            context_text=sentence,
        ))
        spans.append((num_start, unit_m.end(), in_brackets))
    _mark_change_parts(text, figures, spans)
    return figures, findings


PARTS_OPENING_RE = re.compile(r"\s*[，,。]?\s*其中[：:]")
LIST_ITEM_RE = re.compile(r"\s*(?:\d+[.．、]|（\d+）)")


def _mark_change_parts(text: str, figures: list[Figure], spans: list[tuple[int, int, bool]]) -> None:
    """A stated change followed by 其中 and the changes of its parts (与上年对比，支出预算增加 x 万元。其中：基本支出
    增加 y 万元；项目支出增加 z 万元): the whole gets row_kind ``change_total``, each part ``change_part``.

    The parts are the amount changes of the sentence 其中 opens, one per clause (；), or, when 其中： opens a numbered
    list (其中：1. … 2. … 3. …), of its items, one per item, up to the first sentence that is not an item or the end
    of the paragraph. A clause or item with no change or more than one, a nested 其中, or fewer than two parts leaves
    the statements unmarked: whether the parts make up the whole is then not known."""
    changes = [i for i, f in enumerate(figures) if f.measure == "stated_change" and f.printed_unit in ("万元", "元")
               and not spans[i][2]]
    for whole in changes:
        opening = PARTS_OPENING_RE.match(text, spans[whole][1])
        if opening is None:
            continue
        start = opening.end()
        paragraph_end = text.find("\n", start) if "\n" in text[start:] else len(text)
        if LIST_ITEM_RE.match(text, start):
            pieces, cursor = [], start
            while cursor < paragraph_end and LIST_ITEM_RE.match(text, cursor):
                stop = text.find("。", cursor, paragraph_end)
                stop = paragraph_end if stop < 0 else stop + 1
                pieces.append((cursor, stop))
                cursor = stop
        else:
            stop = text.find("。", start, paragraph_end)
            stop = paragraph_end if stop < 0 else stop + 1
            cuts = [start] + [i + 1 for i in range(start, stop) if text[i] == "；"] + [stop]
            pieces = list(zip(cuts, cuts[1:]))
        if any("其中" in text[a:b] for a, b in pieces):
            continue
        parts = []
        for a, b in pieces:
            inside = [i for i in changes if a <= spans[i][0] < b and figures[i].printed_unit == figures[whole].printed_unit]
            if len(inside) != 1:
                parts = []
                break
            parts.extend(inside)
        if len(parts) < 2:
            continue
        figures[whole] = replace(figures[whole], row_kind="change_total")
        for i in parts:
            figures[i] = replace(figures[i], row_kind="change_part")


def parse(document: Document) -> ParseResult:
    if document.text is None:
        raise LayoutMismatch("a department budget is read from text; this file has none")
    facts = _facts(document)
    tables = find_tables(document.lines)
    if not tables:
        raise LayoutMismatch("no budget table (表一 …) found: the layout is unknown or the text is not a 部门预算")
    figures: list[Figure] = []
    findings: list[Finding] = []
    narrative_end = tables[0].pages[0][0] - 1
    prose, prose_findings = _narrative(document, narrative_end, facts.department)
    figures.extend(prose)
    findings.extend(prose_findings)
    income_side: dict = {}
    results: list[TableResult] = []
    # The budget year of the columns: each table's header prints it (2019年预算, 2018年预算 …); the document's
    # fiscal year (manifest first, then 20xx年部门预算 in the text) must agree, and stands in where a header
    # prints no year.
    fiscal_year = (document.manifest.fiscal_year if document.manifest and document.manifest.fiscal_year
                   else facts.fiscal_year)
    for table in tables:
        evidence = income_side if table.title == "收入预算总表" else None
        result = read_table(table, evidence=evidence, fiscal_year=fiscal_year)
        if result.side_values.get("收入项目"):
            income_side = result.side_values["收入项目"]
        if result.layout is None and table.column_count is None:
            result.findings.extend(_sweep_unread(result, document.lines))
        results.append(result)
        figures.extend(_table_figures(result))
        findings.extend(result.findings)
    # The text may stop inside its last table.
    last_page_end = split_pages(document.lines)[-1][1]
    if results and results[-1].table.last_line >= last_page_end:
        incomplete = _incomplete(results[-1], document)
        if incomplete:
            findings.append(incomplete)
    return ParseResult(facts=facts, figures=figures, findings=findings)
