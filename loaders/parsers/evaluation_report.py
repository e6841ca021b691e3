"""Parser for 项目绩效评价报告 / 自评报告 written as prose.

The report is read as flowed text (lines joined, so sentences the PDF wrapped are whole again). Rules
below claim the numbers whose meaning the sentence states: the budget and its execution, the scoring
weights, the total score and grade, the targets. Every other number that carries a unit is landed as a
``result_quantity`` with its clause; a number with no unit that is not a year or a list number is an
*unplaced figure* finding. Nothing is guessed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal

from loaders.documents import Document
from loaders.numbers import NUMBER_PATTERN, parse_number
from loaders.records import (
    Attribute,
    DocumentFacts,
    Figure,
    Finding,
    Indicator,
    LayoutMismatch,
    ParseResult,
)
from loaders.text import FlowedText

NAME = "evaluation_report"
VERSION = "1.0.0"
KINDS = ("evaluation_report",)

N = rf"(?P<num>{NUMBER_PATTERN})"
_CLAUSE_RE = re.compile(r"[^，,；;。]+")
_SHARE_WEIGHT_RE = re.compile(rf"(?P<label>[\u4e00-\u9fff]{{2,8}}?)占比\s*{N}\s*(?P<unit>%|％)")
_POINTS_WEIGHT_RE = re.compile(rf"(?:(?P<parent>[\u4e00-\u9fff]{{2,6}}指标)中)?(?P<label>[\u4e00-\u9fff]{{2,8}}?指标)"
                               rf"权重为?\s*{N}\s*(?P<unit>分)")
_SATISFACTION_RE = re.compile(r"[\u4e00-\u9fff]{2,10}满意度")
_SCORED_NUMBER_RE = re.compile(rf"{N}\s*(?P<unit>分|%|％|小时)")
MONEY_UNIT = r"(?P<unit>亿元|万元|元)"
CLAUSE_END = "，,。；;：:\n"
CLAUSE_END_RE = re.compile(f"[{re.escape(CLAUSE_END)}]")

# Quantity units seen in reports; 万/亿 in front multiply (handled in dbt).
_COUNT_UNITS = (
    "人次 场次 批次 小时 个工作日 工作日 万元 亿元 元 名 个 次 条 间 场 篇 份 人 户 件 宗 项 家 所 套 台 册 期 天 日 "
    "平方米 公里 米 吨 辆 张 本 封 期 分 岁 年"
).split()
_UNIT_RE = "|".join(sorted(set(_COUNT_UNITS), key=len, reverse=True))
QUANTITY_RE = re.compile(
    rf"(?P<num>{NUMBER_PATTERN})\s*(?P<mult>[万亿])?(?P<approx>余)?\s*(?P<unit>%|％|{_UNIT_RE})?"
)
HEADING_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(]\s*[一二三四五六七八九十]+\s*[）)])\s*(?P<title>[^。]{1,30})$")
ORG_SUFFIX = r"(?:委员会|人民政府|政府|办事处|办公室|管理局|服务中心|中心|局|厅|委|院|所|站|队|部|处|会)"


@dataclass
class _Claim:
    start: int
    end: int


class _Reader:
    def __init__(self, document: Document):
        self.doc = document
        self.flow = FlowedText.from_lines(document.lines, break_after=lambda line: bool(HEADING_RE.match(line)))
        self.text = self.flow.text
        self.claimed: list[_Claim] = []
        self.figures: list[Figure] = []
        self.offsets: list[int] = []
        self.ambiguous_measures: set[str] = set()
        self.indicators: list[Indicator] = []
        self.attributes: list[Attribute] = []
        self.findings: list[Finding] = []
        self.sections = self._sections()
        self.subject: str | None = None

    # --- structure -------------------------------------------------------------------------------
    def _sections(self) -> dict[int, str]:
        """Line number -> heading of the section the line belongs to."""
        current = None
        mapping: dict[int, str] = {}
        for number, line in enumerate(self.doc.lines, start=1):
            match = HEADING_RE.match(line.strip())
            if match:
                current = re.sub(r"\s+", "", match.group("title"))
            mapping[number] = current
        return mapping

    def lines_of(self, start: int, end: int) -> tuple[int, int, str]:
        first, last = self.flow.span_lines(start, end)
        return first, last, self.flow.raw_text(first, last, around=(start, end))

    def is_claimed(self, start: int) -> bool:
        return any(c.start <= start < c.end for c in self.claimed)

    def _claimed_cursor(self):
        """``is_claimed`` for offsets asked in increasing order, linear overall: the claims merged into disjoint
        spans, walked once (``read_remaining_numbers`` asks every number in text order)."""
        spans: list[list[int]] = []
        for claim in sorted(self.claimed, key=lambda c: c.start):
            if spans and claim.start <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], claim.end)
            elif claim.end > claim.start:
                spans.append([claim.start, claim.end])
        position = 0

        def claimed(offset: int) -> bool:
            nonlocal position
            while position < len(spans) and spans[position][1] <= offset:
                position += 1
            return position < len(spans) and spans[position][0] <= offset

        return claimed

    def _clause_ends(self) -> list[int]:
        if getattr(self, "_clause_end_offsets", None) is None:
            self._clause_end_offsets = [m.start() for m in CLAUSE_END_RE.finditer(self.text)]
        return self._clause_end_offsets

    def clause_around(self, start: int, end: int) -> str:
        """The clause a span stands in: from the clause end before ``start`` to the first one at or after
        ``end`` (found by bisection in the offsets of every clause end: no scan of a long line per figure)."""
        ends = self._clause_ends()
        before = bisect.bisect_left(ends, start) - 1
        left = ends[before] + 1 if before >= 0 else 0
        after = bisect.bisect_left(ends, end)
        right = ends[after] if after < len(ends) else len(self.text)
        return self.text[left:right].strip()

    # --- landing ---------------------------------------------------------------------------------
    def add_figure(self, measure: str, num_start: int, num_end: int, unit: str | None, *, span=None,
                   label=None, parent_label=None, sign=1, comparison=None) -> None:
        number = parse_number(self.text[num_start:num_end])
        start, end = span or (num_start, num_end)
        first, last, raw = self.lines_of(start, end)
        self.claimed.append(_Claim(num_start, num_end))
        self.offsets.append(num_start)
        self.figures.append(
            Figure(
                measure=measure,
                value_text=number.text,
                value=number.value,
                printed_decimals=number.decimals,
                printed_unit=unit.replace("％", "%") if unit else None,
                line_start=first,
                line_end=last,
                raw_text=raw,
                section=self.sections.get(first),
                subject=self.subject,
                label=label,
                parent_label=parent_label,
                sign=sign,
                comparison=comparison,
                context_text=self.clause_around(num_start, num_end),
            )
        )

    def add_attribute(self, attribute: str, value: str, start: int, end: int) -> None:
        first, last, raw = self.lines_of(start, end)
        self.attributes.append(
            Attribute(attribute=attribute, value_text=value, line_start=first, line_end=last,
                      raw_text=raw, subject=self.subject)
        )

    # --- rules -----------------------------------------------------------------------------------
    def read_facts(self) -> DocumentFacts:
        facts = DocumentFacts(kind="evaluation_report")
        head = self.text[:120]
        year = re.search(r"(?P<year>20\d{2})\s*年度?", head)
        if year:
            facts.fiscal_year = int(year.group("year"))
            rest = re.split(r"\s", self.doc.text[self.doc.text.find(year.group(0)) + len(year.group(0)):].lstrip(),
                            maxsplit=1)[0]
            dept = re.match(rf"(?P<d>.+{ORG_SUFFIX})", rest)
            if dept:
                facts.department = dept.group("d")
        if facts.department is None:
            owner = re.search(rf"主管部门(?:是|为)(?P<d>[^，,。]+?{ORG_SUFFIX})", self.text)
            if owner:
                facts.department = owner.group("d")
        title_end = self.text.find("报告")
        facts.title = self.text[: title_end + 2] if 0 <= title_end < 80 else None
        return facts

    def read_project(self) -> None:
        named = re.search(r"项目名称[：:]\s*(?P<p>[^。，,；;]+)", self.text)
        funded = re.search(r"(?:20\d{2}\s*年度?)?(?P<p>[\u4e00-\u9fff“”\"]{2,30}?)项目资金来源", self.text)
        match = named or funded
        if match is None:
            return
        self.subject = match.group("p").strip()
        self.add_attribute("project_name", self.subject, match.start("p"), match.end("p"))
        if named and funded and funded.group("p") != self.subject:
            # The report names the project two ways (e.g. 来穗工作经费 / 来穗专项工作项目): keep both.
            self.add_attribute("project_alias", funded.group("p"), funded.start("p"), funded.end("p"))
        source = re.search(r"资金来源(?:是|为)(?P<s>[^。，,；;]+)", self.text)
        if source:
            self.add_attribute("fund_source", source.group("s"), source.start("s"), source.end("s"))

    def read_execution(self) -> None:
        rules = [
            ("initial_budget", rf"年初预算(?:资金|数)?(?:是|为)?\s*{N}\s*{MONEY_UNIT}", None, 1),
            ("budget_adjustment",
             rf"(?P<label>划拨经费指标|压减[\u4e00-\u9fff]{{0,12}}?(?:指标|资金|经费)|调减[\u4e00-\u9fff]{{0,8}}?|"
             rf"追加[\u4e00-\u9fff]{{0,8}}?|调增[\u4e00-\u9fff]{{0,8}}?)\s*{N}\s*{MONEY_UNIT}", None, None),
            ("adjusted_budget", rf"(?P<label>年度指标金额|调整后预算(?:资金|数)?|全年预算数)(?:是|为)?\s*{N}\s*{MONEY_UNIT}",
             None, 1),
            ("actual_spending", rf"实际支出(?:资金|金额)?(?:是|为)?\s*{N}\s*{MONEY_UNIT}", None, 1),
            ("reported_execution_rate", rf"执行率(?:是|为|达)?\s*{N}\s*(?P<unit>%|％)", None, 1),
        ]
        for measure, pattern, _unused, fixed_sign in rules:
            matches = list(re.finditer(pattern, self.text))
            if len(matches) > 1:
                values = {m.group("num") for m in matches}
                if len(values) > 1:
                    first, last, raw = self.lines_of(matches[0].start(), matches[-1].end())
                    self.findings.append(Finding(
                        rule_id="LOAD-AMBIGUOUS-FIGURE", severity="error",
                        message=f"{measure} is stated {len(matches)} times with different values {sorted(values)}; "
                                "none is landed", line_start=first, line_end=last, raw_text=raw))
                    for m in matches:
                        self.claimed.append(_Claim(m.start("num"), m.end("num")))
                    self.ambiguous_measures.add(measure)
                    continue
            for m in matches:
                label = m.groupdict().get("label")
                sign = fixed_sign
                if sign is None:
                    sign = 1 if label and label.startswith(("追加", "调增")) else -1
                self.add_figure(measure, m.start("num"), m.end("num"), m.group("unit"), span=(m.start(), m.end()),
                                label=label or m.group(0)[: m.start("num") - m.start()].strip(), sign=sign)

    def read_weights(self) -> None:
        start = self.text.find("评分标准")
        if start < 0:
            return
        end_candidates = [i for i in (self.text.find(h, start) for h in ("三、", "四、")) if i > 0]
        end = min(end_candidates) if end_candidates else len(self.text)
        level1: list[str] = []
        parent: str | None = None
        current: str | None = None
        for clause in _CLAUSE_RE.finditer(self.text[start:end]):
            c_start = start + clause.start()
            body = clause.group(0)
            share = list(_SHARE_WEIGHT_RE.finditer(body))
            for m in share:
                label = re.sub(r"^(?:各自)?权重为", "", m.group("label"))
                level1.append(label)
                self.add_figure("weight", c_start + m.start("num"), c_start + m.end("num"), "%",
                                span=(c_start + m.start(), c_start + m.end()), label=label)
            if share:
                continue
            weight = _POINTS_WEIGHT_RE.search(body)
            if weight:
                label = re.sub(r"^具体为", "", weight.group("label"))
                if weight.group("parent"):
                    parent = re.sub(r"^具体为", "", weight.group("parent"))
                elif label.startswith(("社会效益", "经济效益", "生态效益", "可持续")):
                    parent = "效益指标"
                current = label
                self.add_figure("weight", c_start + weight.start("num"), c_start + weight.end("num"), "分",
                                span=(c_start + weight.start(), c_start + weight.end()), label=label,
                                parent_label=parent)
                continue
            if _SATISFACTION_RE.fullmatch(body.strip()):
                current = body.strip()
                continue
            for m in _SCORED_NUMBER_RE.finditer(body):
                unit = m.group("unit")
                before = body[: m.start()]
                if unit == "分":
                    measure = "scoring_points"
                    label = re.sub(rf"^(?:其中|要求)|^{NUMBER_PATTERN}\s*(?:%|％|小时)(?:内)?", "", before).strip()
                    label = label.removesuffix("得").strip() or None
                else:
                    measure = "scoring_condition"
                    after = re.split(rf"\s*{NUMBER_PATTERN}", body[m.end():], maxsplit=1)[0]
                    label = after.removeprefix("内").strip() or before.strip()
                self.add_figure(measure, c_start + m.start("num"), c_start + m.end("num"), unit,
                                span=(c_start + m.start(), c_start + m.end()), label=label, parent_label=current,
                                comparison="<=" if unit == "小时" and body[m.end():].startswith("内") else None)

    def read_scores(self) -> None:
        for m in re.finditer(rf"(?P<label>综合评价(?:总分|得分为?|总得分为?))\s*{N}\s*(?P<unit>分)?(?:[，,]\s*(?P<grade>优秀?|良好?|中|差|合格|不合格))?",
                             self.text):
            self.add_figure("total_score", m.start("num"), m.end("num"), m.group("unit"), span=(m.start(), m.end()),
                            label=m.group("label"))
            if m.group("grade"):
                self.add_attribute("grade", m.group("grade"), m.start("grade"), m.end("grade"))

    def read_targets(self) -> None:
        """The target sentence of 评价设计: 产出指标包括…，主要内容是 A，B，C。效益指标包括…主要内容是 …。"""
        for m in re.finditer(r"(?P<level1>产出指标|效益指标)包括[^。]*?。?主要内容是(?P<body>[^。]+)。", self.text):
            level1 = m.group("level1")
            code = "1" if level1 == "产出指标" else "2"
            separator = r"[，,]" if level1 == "产出指标" else r"[；;]"
            offset = m.start("body")
            for part in re.finditer(rf"(?:(?!{separator}).)+", m.group("body")):
                self._add_target(level1, code, offset + part.start(), offset + part.end())

    def _add_target(self, level1: str, code: str, start: int, end: int) -> None:
        clause = self.text[start:end]
        first, last, raw = self.lines_of(start, end)
        patterns = [
            (rf"(?P<name>.*?)(?P<cmp>不得低于|不低于|不少于|至少)\s*{N}\s*(?P<unit>%|％|{_UNIT_RE})?", ">="),
            (rf"(?P<name>.*?)(?:达到?|超过)?\s*{N}\s*(?P<unit>%|％|{_UNIT_RE})?以上(?P<rest>.*)", ">="),
            (rf"(?P<name>){N}\s*(?P<unit>%|％|{_UNIT_RE})内(?P<rest>.*)", "<="),
            (rf"(?P<name>){N}\s*(?P<unit>%|％)(?P<rest>.*)", "="),
        ]
        for pattern, comparison in patterns:
            m = re.fullmatch(pattern, clause)
            if not m:
                continue
            number = parse_number(m.group("num"))
            name = (m.group("name") or "").strip() or (m.groupdict().get("rest") or "").strip()
            value_text = clause[len(m.group("name") or ""):].strip() if m.group("name") else clause[: m.end("unit") + (1 if comparison == "<=" else 0)]
            self.claimed.append(_Claim(start + m.start("num"), start + m.end("num")))
            unit = (m.group("unit") or "").replace("％", "%") or None
            self.indicators.append(Indicator(
                indicator_name=re.sub(r"^年内", "年内", name), value_text=value_text.strip(), line_start=first,
                line_end=last, raw_text=raw, subject=self.subject, level1_code=code, level1_name=level1,
                value_period_kind="target", comparison=comparison, number_text=number.text, number=number.value,
                printed_decimals=number.decimals, unit=unit, is_qualitative=False,
                sequence_no=len(self.indicators) + 1))
            return
        self.indicators.append(Indicator(
            indicator_name=clause.strip(), value_text=clause.strip(), line_start=first, line_end=last, raw_text=raw,
            subject=self.subject, level1_code=code, level1_name=level1, value_period_kind="target",
            is_qualitative=True, sequence_no=len(self.indicators) + 1))

    def read_remaining_numbers(self) -> None:
        # claims made in this loop lie inside the match being read, never ahead of it: the cursor of the claims
        # made before is enough, and walks them once
        is_claimed = self._claimed_cursor()
        for m in QUANTITY_RE.finditer(self.text):
            if is_claimed(m.start("num")):
                continue
            unit = m.group("unit")
            following = self.text[m.end("num"): m.end("num") + 2].lstrip()
            preceding = self.text[max(0, m.start() - 1): m.start()]
            if unit in ("年",) or following.startswith(("年", "月")):
                continue  # a year or a date, not a figure
            if following.startswith(("、", ".", "．")) and (preceding in ("", "。", "；", ";", " ") or
                                                          self._line_start(m.start())):
                continue  # a list number "1、"
            if preceding.isascii() and preceding.isalpha():
                continue  # part of a name such as "IP1"
            if unit is None and m.group("mult") is None:
                first, last, raw = self.lines_of(m.start(), m.end())
                self.findings.append(Finding(
                    rule_id="LOAD-UNPLACED-FIGURE", severity="warning",
                    message=f"number {m.group('num')!r} has no unit and no rule places it; not landed",
                    line_start=first, line_end=last, raw_text=raw))
                continue
            printed_unit = (m.group("mult") or "") + (unit or "")
            tail = self.text[m.end(): m.end() + 2]
            before = self.text[max(0, m.start() - 4): m.start()].rstrip()
            comparison = None
            if m.group("approx"):
                comparison = ">"
            elif tail.startswith("以上"):
                comparison = ">="
            elif before.endswith(("超过", "超")) or before[-1:] == "超":
                comparison = ">"
            self.add_figure("result_quantity", m.start("num"), m.end("num"), printed_unit.replace("％", "%"),
                            span=(m.start(), m.end()), comparison=comparison)

    def _line_start(self, offset: int) -> bool:
        starts = self.flow._starts  # increasing: bisection, not a scan of every line
        index = bisect.bisect_left(starts, offset)
        return index < len(starts) and starts[index] == offset


def parse(document: Document) -> ParseResult:
    if document.text is None:
        raise LayoutMismatch("an evaluation report is read from text; this file has none")
    reader = _Reader(document)
    facts = reader.read_facts()
    reader.read_project()
    reader.read_execution()
    missing = [m for m in ("initial_budget", "adjusted_budget", "actual_spending")
               if m not in reader.ambiguous_measures and not any(f.measure == m for f in reader.figures)]
    if missing:
        raise LayoutMismatch(
            "no budget execution block found (missing " + ", ".join(missing) + "): the report is incomplete or "
            "truncated, or its layout is unknown")
    reader.read_weights()
    reader.read_scores()
    reader.read_targets()
    reader.read_remaining_numbers()
    figures = [f for _, f in sorted(zip(reader.offsets, reader.figures), key=lambda pair: pair[0])]
    return ParseResult(facts=facts, figures=figures, indicators=reader.indicators, attributes=reader.attributes,
                       findings=reader.findings)
