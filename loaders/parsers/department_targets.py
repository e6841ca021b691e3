"""Parser for 部门整体预算绩效目标申报表 (a department's overall budget performance targets form).

Layout (text extracted from the PDF form)::

    部门整体预算绩效目标申报表
    部门名称 中国共产党广州市番禺区委员会政法委员会 下属二级单位数 2
    预算整体情况
    部门预算支出 预算金额（万元） 收入来源 预算金额（万元）
    基本支出 2,234.47 财政拨款 3,400.36                  <- two label/amount pairs per line
    …
    其他事业发展性 / 支出 / 151.50                          <- labels wrap, the amount on its own line
    总体绩效目标 …
    年度重点工作任务: 名称 | 主要实施内容 | 拟投入的资金（万元） | 期望达到的目标（概述）
    绩效指标: 一级指标 | 二级指标 | 三级指标 | 实施周期指标值 | 年度指标值

What is landed:

* Figures (万元): the budget by kind (基本支出 ``basic_expenditure``, 项目支出 ``project_expenditure``,
  财政专项资金 ``special_fund``, 其他事业发展性支出 ``other_development_expenditure``), by source (财政拨款
  ``fiscal_appropriation``, 其他资金 ``other_funds``) and by budget level (区本级使用资金
  ``own_level_funds``, 拟用于对下转移支付资金 ``transfer_to_lower_level``), all ``row_kind`` ``item`` with
  ``parent_label`` the printed group; the number of 下属二级单位 (``subordinate_unit_count``, no unit); the
  amount of every key task (``task_amount``, ``row_kind`` ``task``, ``subject`` the task name). A number
  whose label is not one of these is a ``LOAD-UNPLACED-FIGURE`` finding. Figures are landed as printed:
  the form's totals do not agree with each other (income 3,400.36 + 1.00, by level 3,400.36, 基本 + 项目
  3,108.86) and that is left to the checks, not "fixed" here.
* Attributes: ``overall_goal`` (总体绩效目标), per task ``task_name``, ``task_content`` (主要实施内容) and
  ``task_goal`` (期望达到的目标), and ``other_tasks``.
* Indicators: one record per printed value, ``value_period_kind`` ``cycle`` (实施周期指标值) or
  ``annual`` (年度指标值); level1/level2 names as printed (no codes are printed, so none are invented;
  no sequence number either). Cells wrap over several lines, inside words and numbers: their lines are
  joined with nothing between them. A value cell that states several targets (``微信公众号年度信息发布
  200条以上，年度阅读量达到5万次``) gives one record per clause, each with its own lines.

The fiscal year is not printed: it comes from the manifest when given, else it stays None.
"""

from __future__ import annotations

import re

from loaders.documents import Document
from loaders.numbers import NUMBER_PATTERN, parse_number
from loaders.records import Attribute, DocumentFacts, Figure, LayoutMismatch, ParseResult
from loaders.target_forms import FormReader, join_lines, raw_lines, require_text, value_indicators

NAME = "department_targets"
VERSION = "1.0.0"
KINDS = ("department_targets",)

TABLE_NAME = "部门整体预算绩效目标申报表"

# Printed budget label -> (measure, printed group the label stands in).
BUDGET_LABELS = {
    "基本支出": ("basic_expenditure", "部门预算支出"),
    "项目支出": ("project_expenditure", "部门预算支出"),
    "财政拨款": ("fiscal_appropriation", "收入来源"),
    "其他资金": ("other_funds", "收入来源"),
    "财政专项资金": ("special_fund", "事业发展性支出"),
    "其他事业发展性支出": ("other_development_expenditure", "事业发展性支出"),
    "区本级使用资金": ("own_level_funds", "按预算级次划分"),
    "本级使用资金": ("own_level_funds", "按预算级次划分"),
    "拟用于对下转移支付资金": ("transfer_to_lower_level", "按预算级次划分"),
    "对下转移支付资金": ("transfer_to_lower_level", "按预算级次划分"),
}
LEVEL1_NAMES = {"产出指标", "效益指标", "满意度指标", "成本指标"}
LEVEL2_NAMES = {
    "数量指标", "质量指标", "时效指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
    "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标",
    "社会公众满意度指标", "社会公众或服务对象满意度指标",
}
# Printed column headings of the key task table (also repeated after a page break).
TASK_HEADINGS = {"年度重点工作", "任务", "年度重点工作任务", "名称主要实施内容", "名称", "主要实施内容", "拟投入的资金",
                 "（万元）", "(万元)", "拟投入的资金（万元）", "期望达到的目标（概述）", "期望达到的目标"}
_NUMBER_TOKEN = re.compile(NUMBER_PATTERN)
_AMOUNT_LINE = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+|\d+\.\d+")
_NAME_CELL_WIDTH = 12  # task name cells are narrow; a longer line in a "name" means the layout was misread


def _squash(text: str) -> str:
    return "".join(text.split())  # as re.sub(r"\s+", "", text)


class _Reader(FormReader):
    def __init__(self, document: Document):
        super().__init__(document)
        self.unit: str | None = None
        self.title_line = 1
        self.heading_cells: dict[int, str] = {}  # line -> the cell text printed after a level heading

    def find_line(self, predicate, start: int = 1, end: int | None = None) -> int | None:
        for number in range(start, (end or len(self.lines)) + 1):
            if predicate(_squash(self.lines[number - 1])):
                return number
        return None

    def figure(self, measure: str, number_text: str, line: int, *, unit: str | None, row_kind: str | None,
               label: str | None, row_label: str | None = None, parent_label: str | None = None,
               subject: str | None = None, section: str | None = None, column_label: str | None = None) -> None:
        number = parse_number(number_text)
        self.figures.append(Figure(
            measure=measure, value_text=number.text, value=number.value, printed_decimals=number.decimals,
            printed_unit=unit, line_start=line, line_end=line, raw_text=raw_lines(self.lines, line, line),
            section=section, table_name=TABLE_NAME, row_kind=row_kind, row_label=row_label,
            column_label=column_label, subject=subject, label=label, parent_label=parent_label))

    def attribute(self, attribute: str, numbers: list[int], subject: str | None = None) -> None:
        numbers = [n for n in numbers if self.lines[n - 1].strip()]
        if not numbers:
            return
        joined = join_lines(self.lines, numbers)
        self.attributes.append(Attribute(attribute=attribute, value_text=joined.text, line_start=numbers[0],
                                         line_end=numbers[-1], raw_text=raw_lines(self.lines, numbers[0], numbers[-1]),
                                         subject=subject))

    # --- header ---------------------------------------------------------------------------------------
    def read_facts(self) -> DocumentFacts:
        facts = DocumentFacts(kind="department_targets")
        title = self.find_line(lambda s: "绩效目标申报表" in s or "绩效目标表" in s)
        if title is None:
            raise LayoutMismatch("部门整体预算绩效目标申报表: no title line found")
        facts.title = _squash(self.lines[title - 1])
        self.title_line = title
        for number, line in enumerate(self.lines, start=1):
            dept = re.search(r"部门名称[:：]?\s*(?P<d>\S+)", line)
            if dept:
                facts.department = dept.group("d")
                count = re.search(rf"下属二级单位数[:：]?\s*(?P<n>{NUMBER_PATTERN})", line)
                if count:
                    self.figure("subordinate_unit_count", count.group("n"), number, unit=None, row_kind=None,
                                label="下属二级单位数")
                break
        unit = re.search(r"预算金额[（(](?P<u>亿元|万元|元)[）)]", self.doc.text or "")
        self.unit = unit.group("u") if unit else None
        facts.unit = self.unit
        if self.doc.manifest is not None:
            facts.fiscal_year = self.doc.manifest.fiscal_year
        return facts

    # --- 预算整体情况 -----------------------------------------------------------------------------------
    def read_budget(self, first: int, last: int) -> None:
        """Label/amount pairs; a label may wrap over lines, so the words since the last number are kept and
        the longest known label they end with names the number."""
        pending = ""
        pending_line = None
        for number in range(first, last + 1):
            for token in self.lines[number - 1].split():
                if _NUMBER_TOKEN.fullmatch(token):
                    label = next((k for k in sorted(BUDGET_LABELS, key=len, reverse=True) if pending.endswith(k)),
                                 None)
                    if label is None:
                        self.finding("LOAD-UNPLACED-FIGURE", f"budget amount {token} after {pending[-20:]!r}: no "
                                     "known label", pending_line or number, number)
                    else:
                        measure, group = BUDGET_LABELS[label]
                        self.figure(measure, token, number, unit=self.unit, row_kind="item", label=label,
                                    row_label=label, parent_label=group, section="预算整体情况",
                                    column_label=f"预算金额（{self.unit}）" if self.unit else "预算金额")
                    pending, pending_line = "", None
                else:
                    if not pending:
                        pending_line = number
                    pending += token
        if pending and any(ch.isdigit() for ch in pending):
            self.finding("LOAD-UNPLACED-FIGURE", f"budget text {pending!r} not read", pending_line, last)

    # --- 年度重点工作任务 -------------------------------------------------------------------------------
    def read_tasks(self, first: int, last: int) -> None:
        # Blocks of consecutive lines; blank lines and the (repeated) column headings separate them, and an
        # amount standing alone on its line is a block of its own.
        blocks: list[tuple[str, list[int]]] = []
        current: list[int] = []

        def close():
            nonlocal current
            if current:
                blocks.append(("text", current))
            current = []

        for number in range(first, last + 1):
            squashed = _squash(self.lines[number - 1])
            if not squashed or squashed in TASK_HEADINGS:
                close()
            elif _AMOUNT_LINE.fullmatch(squashed):
                close()
                blocks.append(("amount", [number]))
            else:
                current.append(number)
        close()
        index = 0
        previous_end = 0  # blocks[previous_end:] not yet used
        tasks = 0
        while index < len(blocks):
            kind, numbers = blocks[index]
            if kind != "amount":
                index += 1
                continue
            amount_line = numbers[0]
            before = blocks[previous_end:index]
            if len(before) < 2 or any(k != "text" for k, _ in before):
                self.finding("LOAD-UNPLACED-FIGURE", "task amount without a task name and content before it",
                             amount_line)
                previous_end = index + 1
                index += 1
                continue
            content = before[-1][1]
            name_lines = [n for _, ns in before[:-1] for n in ns]
            goal = blocks[index + 1][1] if index + 1 < len(blocks) and blocks[index + 1][0] == "text" else None
            name = join_lines(self.lines, name_lines).text
            if any(len(_squash(self.lines[n - 1])) > _NAME_CELL_WIDTH for n in name_lines):
                self.finding("LOAD-AMBIGUOUS-ROW", f"task name {name!r} is longer than a name cell; the amount "
                             f"{_squash(self.lines[amount_line - 1])} is not landed", name_lines[0], amount_line)
                previous_end = index + (2 if goal else 1)
                index = previous_end
                continue
            tasks += 1
            self.attribute("task_name", name_lines, subject=name)
            self.attribute("task_content", content, subject=name)
            self.figure("task_amount", _squash(self.lines[amount_line - 1]), amount_line, unit=self.unit,
                        row_kind="task", label="拟投入的资金", row_label=name, subject=name,
                        section="年度重点工作任务",
                        column_label=f"拟投入的资金（{self.unit}）" if self.unit else "拟投入的资金")
            if goal:
                self.attribute("task_goal", goal, subject=name)
            else:
                self.finding("LOAD-INCOMPLETE-TABLE", f"task {name!r} prints no goal", amount_line)
            previous_end = index + (2 if goal else 1)
            index = previous_end
        leftover = [n for _, ns in blocks[previous_end:] for n in ns]
        if leftover:
            self.finding("LOAD-INCOMPLETE-TABLE", "text after the last task amount not read", leftover[0], leftover[-1])
        if tasks == 0:
            self.finding("LOAD-INCOMPLETE-TABLE", "no key task read", first, last)

    # --- 绩效指标 ---------------------------------------------------------------------------------------
    def read_indicators(self, first: int, last: int) -> None:
        level1: str | None = None
        level2: str | None = None
        cells: list[list[int]] = []  # cells since the last level heading
        current: list[int] = []

        def close():
            nonlocal current
            if current:
                cells.append(current)
            current = []

        def flush():
            close()
            if not cells:
                return
            if len(cells) % 3:
                self.finding("LOAD-INCOMPLETE-TABLE", f"{len(cells)} cells under {level1}/{level2}, not a whole "
                             "number of (三级指标, 实施周期指标值, 年度指标值) rows; not landed", cells[0][0],
                             cells[-1][-1])
            else:
                for i in range(0, len(cells), 3):
                    self.land_indicator(level1, level2, cells[i], cells[i + 1], cells[i + 2])
            cells.clear()

        # After a page break the title and the column header may be printed again: a cell boundary.
        repeated = {_squash(self.lines[first - 2]), _squash(self.lines[self.title_line - 1])}
        for number in range(first, last + 1):
            tokens = self.lines[number - 1].split()
            if not tokens or _squash(self.lines[number - 1]) in repeated:
                close()
                continue
            heading = False
            while tokens and (tokens[0] in LEVEL1_NAMES or tokens[0] in LEVEL2_NAMES):
                if not heading:
                    flush()
                    heading = True
                if tokens[0] in LEVEL1_NAMES:
                    level1, level2 = tokens.pop(0), None
                else:
                    level2 = tokens.pop(0)
            if heading:
                if tokens:
                    # A cell that starts on a heading line ("时效指标 数据通报及时性") ends with that line.
                    cells.append([number])
                    self.heading_cells[number] = "".join(tokens)
                continue
            current.append(number)
        flush()

    def land_indicator(self, level1, level2, name_lines, cycle_lines, annual_lines) -> None:
        if len(name_lines) == 1 and name_lines[0] in self.heading_cells:
            name = self.heading_cells[name_lines[0]]
        else:
            name = join_lines(self.lines, name_lines).text
        fields = dict(indicator_name=name, level1_name=level1, level2_name=level2)
        for kind, numbers in (("cycle", cycle_lines), ("annual", annual_lines)):
            joined = join_lines(self.lines, numbers)
            indicators, findings = value_indicators(joined, 0, len(joined.text), value_period_kind=kind, **fields)
            self.indicators.extend(indicators)
            self.findings.extend(findings)


def parse(document: Document) -> ParseResult:
    require_text(document, NAME)
    reader = _Reader(document)
    facts = reader.read_facts()
    end = len(reader.lines)
    budget = reader.find_line(lambda s: s == "预算整体情况")
    goal = reader.find_line(lambda s: s == "总体绩效目标")
    tasks = reader.find_line(lambda s: s.startswith("年度重点工作"))
    other = reader.find_line(lambda s: s.startswith("其他需完成的"))
    indicators = reader.find_line(lambda s: "三级指标" in s and "年度指标值" in s)
    if None in (budget, goal, tasks, indicators):
        raise LayoutMismatch("部门整体预算绩效目标申报表: the sections 预算整体情况, 总体绩效目标, 年度重点工作任务 and "
                         "绩效指标 were not all found")
    reader.read_budget(budget + 1, goal - 1)
    reader.attribute("overall_goal", list(range(goal + 1, tasks)))
    task_end = (other or indicators) - 1
    reader.read_tasks(tasks, task_end)
    if other is not None:
        # 其他需完成的 / 任务（可选 / 填） then the answer, up to the 绩效指标 heading.
        heading_end = reader.find_line(lambda s: s.endswith("填）") or s.endswith("填)"), other, indicators) or other
        table_heading = reader.find_line(lambda s: s.startswith("绩效指"), heading_end + 1, indicators) or indicators
        reader.attribute("other_tasks", list(range(heading_end + 1, table_heading)))
    reader.read_indicators(indicators + 1, end)
    return reader.result(facts)
