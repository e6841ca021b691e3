"""上海 部门决算 (final accounts), laid out like ``pdftotext -layout`` output of the 普陀区 disclosures.

Four of the standard tables, one per page: 收入支出决算总表 (two sides), 收入决算表, 支出决算表 and
一般公共预算财政拨款支出决算表, with function codes 类/款/项. Amounts in 万元 are right-aligned under their
column heading (positions counted in characters, as pdftotext places words). ``cells`` keeps every
printed cell with its position, so the same document can be drawn as a PDF (loaders/synthetic/pdf.py).

Arithmetic, per 项 row: 收入 合计 = 财政拨款 + 其他收入; 支出 合计 = 基本支出 + 项目支出 (other income is
spent on projects); 财政拨款支出 合计 = 基本 + 项目 of the appropriation; 款 and 类 rows and 合计 are the
sums of their rows; the summary's 本年收入合计 = 本年支出合计, and its 总计 adds the carried-over balance
(年初结转和结余 = 年末结转和结余) on both sides.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal

from loaders.synthetic import prose as fiscal_prose
from loaders.synthetic.core import Generated, Num, Page, Segment, amount, money
from loaders.synthetic.names import SH_DEPARTMENTS, SH_DISTRICTS, pick

NUMERALS = "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十 二十一 二十二 二十三".split()
CLASS_LIST = ["一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出",
              "社会保障和就业支出", "卫生健康支出", "节能环保支出", "城乡社区支出", "农林水支出", "交通运输支出",
              "资源勘探工业信息等支出", "商业服务业等支出", "金融支出", "援助其他地区支出", "自然资源海洋气象等支出",
              "住房保障支出", "粮油物资储备支出", "国有资本经营预算支出", "灾害防治及应急管理支出", "其他支出"]
CLASS_CODES = {"一般公共服务支出": "201", "公共安全支出": "204", "文化旅游体育与传媒支出": "207", "社会保障和就业支出": "208",
               "卫生健康支出": "210", "城乡社区支出": "212", "住房保障支出": "221"}
# department -> (class, 款 code, 款 name, [(项 code, 项 name)]): only codes of the code list (seeds/function_classes.csv)
OWN_WORK = {
    "财政局": ("一般公共服务支出", "06", "财政事务", [("01", "行政运行"), ("02", "一般行政管理事务"), ("07", "信息化建设"),
                                               ("08", "财政委托业务支出")]),
    "红十字会": ("社会保障和就业支出", "16", "红十字事业", [("02", "一般行政管理事务")]),
    "统计局": ("一般公共服务支出", "05", "统计信息事务", [("07", "专项普查活动")]),
    "民政局": ("社会保障和就业支出", "10", "社会福利", [("05", "社会福利事业单位")]),
    "体育局": ("文化旅游体育与传媒支出", "03", "体育", [("08", "群众体育")]),
    "司法局": ("公共安全支出", "06", "司法", [("07", "公共法律服务")]),
    "市场监督管理局": ("一般公共服务支出", "38", "市场监督管理事务", [("02", "一般行政管理事务")]),
    "绿化和市容管理局": ("城乡社区支出", "05", "城乡社区环境卫生", [("01", "城乡社区环境卫生")]),
}
COMMON = [
    ("社会保障和就业支出", "05", "行政事业单位养老支出", [("01", "行政单位离退休"), ("05", "机关事业单位基本养老保险缴费支出"),
                                              ("06", "机关事业单位职业年金缴费支出")]),
    ("卫生健康支出", "11", "行政事业单位医疗", [("01", "行政单位医疗"), ("02", "事业单位医疗")]),
    ("住房保障支出", "02", "住房改革支出", [("01", "住房公积金"), ("03", "购房补贴")]),
]
INCOME_COLUMNS = [("本年收入合计", "total"), ("财政拨款收入", "fiscal_appropriation"), ("上级补助收入", "higher_level_subsidy"),
                  ("事业收入", "public_institution_income"), ("经营收入", "operating_income"),
                  ("附属单位上缴收入", "affiliated_unit_remittance"), ("其他收入", "other_income")]
SPENDING_COLUMNS = [("本年支出合计", "total"), ("基本支出", "basic_expenditure"), ("项目支出", "project_expenditure"),
                    ("上缴上级支出", "remittance_to_higher_level"), ("经营支出", "operating_expenditure"),
                    ("对附属单位补助支出", "subsidy_to_affiliated_units")]
FISCAL_COLUMNS = [("合计", "total"), ("基本支出", "basic_expenditure"), ("项目支出", "project_expenditure")]
NAME_AT, NAME_WIDTH, COLUMN_WIDTH = 16, 20, 12


@dataclass
class Item:
    code: str  # 7 digits
    name: str
    basic: Decimal
    project: Decimal
    other: Decimal

    @property
    def fiscal(self) -> Decimal:
        return self.basic + self.project


@dataclass
class Cells:
    """The positioned cells of every page, for the PDF rendering: (page, line on page, x in chars, text, align)."""

    items: list[tuple[int, int, int, str, str]] = field(default_factory=list)


class Layout:
    """Writes lines of cells at character positions into a core ``Page`` and keeps them for the PDF."""

    def __init__(self, page: Page):
        self.page = page
        self.cells = Cells()
        self.page_no = 1
        self.line_on_page = 0

    def new_page(self) -> None:
        self.page.add("\f")
        self.page_no += 1
        self.line_on_page = 0

    def line(self, cells: list[tuple[int, object, str]]) -> int:
        """cells: (position, text or Num, align) with align 'l' (starts at position) or 'r' (ends there)."""
        placed = []
        for position, content, align in cells:
            text = content.text if isinstance(content, Num) else content
            start = position - len(text) if align == "r" else position
            placed.append((start, content, text, align))
        placed.sort(key=lambda p: p[0])
        segments: list = []
        column = 0
        self.line_on_page += 1
        for start, content, text, align in placed:
            gap = max(start - column, 0 if column == 0 else 2)
            segments.append(" " * gap)
            segments.append(content)
            self.cells.items.append((self.page_no, self.line_on_page, column + gap, text, align))
            column += gap + len(text)
        return self.page.add(*segments)

    def blank(self) -> None:
        self.page.blank()

    def paragraph(self, segments: list[Segment], width: int) -> None:
        """Prose wrapped at ``width`` characters, each line one left-aligned cell (a unit may wrap: 万 / 元)."""
        start = len(self.page.lines)
        self.page.paragraph(segments, width, indent="  ")
        for line in self.page.lines[start:]:
            self.line_on_page += 1
            self.cells.items.append((self.page_no, self.line_on_page, 0, line, "l"))


def _columns(count: int) -> list[int]:
    """Right edges of the value columns."""
    return [NAME_AT + NAME_WIDTH + COLUMN_WIDTH * (k + 1) for k in range(count)]


def _title(layout: Layout, title: str, width: int) -> None:
    layout.line([(max((width - len(title)) // 2, 4), title, "l")])
    layout.line([(width, "单位：万元", "r")])


def _grid(layout: Layout, title: str, table: str, columns: list[tuple[str, str]], rows, droppable: bool) -> None:
    edges = _columns(len(columns))
    _title(layout, title, edges[-1])
    layout.line([(0, "支出功能分类科目编码", "l"), (NAME_AT + 4, "科目名称", "l")]
                + [(edge, label, "r") for edge, (label, _m) in zip(edges, columns)])
    layout.line([(0, "类", "l"), (5, "款", "l"), (10, "项", "l")])
    for code, name, values, kind in rows:
        parts = [code[:3], code[3:5], code[5:7]] if code else []
        cells: list = [(k * 5, part, "l") for k, part in enumerate(p for p in parts if p)]
        cells.append((NAME_AT, name, "l"))
        for edge, (label, measure), value in zip(edges, columns, values):
            if value is None:
                continue
            cells.append((edge, Num(money(value), measure, unit="万元", row_label=name, table_name=table,
                                    column_label=label), "r"))
        row = layout.page.begin_row(droppable and kind == "item")
        layout.line(cells)
        layout.page.end_row(row)


def _make_shares_add_up(items: list[Item], classes: list[str]) -> None:
    """The 情况说明 prints each source's share of 本年收入合计 and each 类's share of 一般公共预算财政拨款支出: the
    largest item is raised a cent at a time (no draw from the generator) until both sets of shares, rounded half
    up, add up to exactly 100 % (``prose.shares_add_up``), so a clean document raises no rounding notice."""
    largest = max(items, key=lambda it: (it.fiscal, it.code))

    def exact() -> bool:
        fiscal = sum((it.fiscal for it in items), Decimal(0))
        other = sum((it.other for it in items), Decimal(0))
        by_class = [sum((it.fiscal for it in items if it.code[:3] == c), Decimal(0)) for c in classes]
        return fiscal_prose.shares_add_up([fiscal, other]) and fiscal_prose.shares_add_up(by_class)

    for _ in range(100_000):
        if exact():
            return
        if largest.basic > 0:
            largest.basic += Decimal("0.01")
        else:
            largest.project += Decimal("0.01")
    raise AssertionError("no amounts whose shares add up to 100 %")


def generate(rng: random.Random, index: int, year: int | None = None) -> Generated:
    year = year or rng.randint(2019, 2024)
    district = rng.choice(SH_DISTRICTS)
    short, suffix = rng.choice(SH_DEPARTMENTS)
    department = f"上海市{district}{suffix}"
    groups = [OWN_WORK[suffix]] + [g for g in COMMON if rng.random() < 0.85]
    items: list[Item] = []
    scale = rng.choice([50, 300, 2000])
    for cls, kuan, kuan_name, leaves in groups:
        for xiang, name in pick(rng, leaves, rng.randint(1, len(leaves))):
            basic = amount(rng, scale * 0.05, scale) if rng.random() < 0.8 else Decimal(0)
            project = amount(rng, scale * 0.02, scale) if (basic == 0 or rng.random() < 0.4) else Decimal(0)
            other = amount(rng, 0.01, 10) if rng.random() < 0.2 else Decimal(0)
            items.append(Item(CLASS_CODES[cls] + kuan + xiang, name, basic, project, other))
    items.sort(key=lambda it: it.code)
    classes = sorted({it.code[:3] for it in items})
    _make_shares_add_up(items, classes)
    code_class = {v: k for k, v in CLASS_CODES.items()}
    kuan_names = {CLASS_CODES[c] + k: n for c, k, n, _ in groups}

    def rollup(pick_values):
        """Rows (code, name, values, kind) from 合计 down to 项, summing ``pick_values(item)``."""
        def total(selected):
            sums = None
            for it in selected:
                vals = pick_values(it)
                sums = vals if sums is None else [a + b for a, b in zip(sums, vals)]
            return sums
        out = [("", "合计", total(items), "total")]
        for cls in classes:
            in_class = [it for it in items if it.code[:3] == cls]
            out.append((cls, code_class[cls], total(in_class), "class"))
            for kuan in sorted({it.code[:5] for it in in_class}):
                in_kuan = [it for it in in_class if it.code[:5] == kuan]
                out.append((kuan, kuan_names[kuan], total(in_kuan), "section"))
                out.extend((it.code, it.name, pick_values(it), "item") for it in in_kuan)
        return out

    def blank_zero(values):
        return [v if v != 0 else None for v in values]

    page = Page()
    layout = Layout(page)
    layout.line([(0, department, "l")])
    layout.line([(0, f"{year}年度部门决算", "l")])
    layout.blank()
    layout.line([(6, f"第二部分 {department}{year}年度部门决算表", "l")])
    # 收入支出决算总表
    layout.new_page()
    income_total = sum((it.fiscal + it.other for it in items), Decimal(0))
    fiscal_total = sum((it.fiscal for it in items), Decimal(0))
    other_total = income_total - fiscal_total
    carry = amount(rng, 0.5, scale) if rng.random() < 0.7 else Decimal(0)
    left_at, left_value, right_at, right_value = 0, 44, 48, 90
    _title(layout, "收入支出决算总表", right_value)
    layout.line([(left_at + 12, "收入", "l"), (right_at + 16, "支出", "l")])
    layout.line([(left_at + 6, "项目", "l"), (left_value, "决算数", "r"), (right_at + 6, "项目", "l"), (right_value, "决算数", "r")])
    left_rows = [("一、一般公共预算财政拨款收入", fiscal_total), ("二、政府性基金预算财政拨款收入", None),
                 ("三、国有资本经营预算财政拨款收入", None), ("四、上级补助收入", None), ("五、事业收入", None),
                 ("六、经营收入", None), ("七、附属单位上缴收入", None), ("八、其他收入", other_total or None)]
    class_totals = {code_class[c]: sum((it.fiscal + it.other for it in items if it.code[:3] == c), Decimal(0))
                    for c in classes}
    right_rows = [(f"{NUMERALS[k]}、{name}", class_totals.get(name)) for k, name in enumerate(CLASS_LIST)]
    summary = "收入支出决算总表"

    def summary_num(value, label):
        return Num(money(value), "actual", unit="万元", row_label=label, table_name=summary, column_label="决算数")

    for k in range(max(len(left_rows), len(right_rows))):
        cells: list = []
        if k < len(left_rows):
            label, value = left_rows[k]
            cells.append((left_at, label, "l"))
            if value is not None:
                cells.append((left_value, summary_num(value, label), "r"))
        label, value = right_rows[k]
        cells.append((right_at, label, "l"))
        if value is not None:
            cells.append((right_value, summary_num(value, label), "r"))
        layout.line(cells)
    layout.line([(left_at + 8, "本年收入合计", "l"), (left_value, summary_num(income_total, "本年收入合计"), "r"),
                 (right_at + 8, "本年支出合计", "l"), (right_value, summary_num(income_total, "本年支出合计"), "r")])
    cells = [(left_at + 1, "年初结转和结余", "l"), (right_at + 1, "年末结转和结余", "l")]
    if carry:
        cells[1:1] = [(left_value, summary_num(carry, "年初结转和结余"), "r")]
        cells.append((right_value, summary_num(carry, "年末结转和结余"), "r"))
    layout.line(cells)
    layout.line([(left_at, "总计", "l"), (left_value, summary_num(income_total + carry, "总计"), "r"),
                 (right_at, "总计", "l"), (right_value, summary_num(income_total + carry, "总计"), "r")])
    # 收入决算表
    layout.new_page()
    _grid(layout, "收入决算表", "收入决算表", INCOME_COLUMNS,
          [(c, n, blank_zero(v), k) for c, n, v, k in
           rollup(lambda it: [it.fiscal + it.other, it.fiscal, Decimal(0), Decimal(0), Decimal(0), Decimal(0), it.other])],
          droppable=True)
    # 支出决算表
    layout.new_page()
    _grid(layout, "支出决算表", "支出决算表", SPENDING_COLUMNS,
          [(c, n, blank_zero(v), k) for c, n, v, k in
           rollup(lambda it: [it.fiscal + it.other, it.basic, it.project + it.other, Decimal(0), Decimal(0), Decimal(0)])],
          droppable=True)
    # 一般公共预算财政拨款支出决算表
    layout.new_page()
    _grid(layout, "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表", FISCAL_COLUMNS,
          [(c, n, blank_zero(v), k) for c, n, v, k in rollup(lambda it: [it.fiscal, it.basic, it.project])],
          droppable=True)
    # 情况说明 after the tables, drawn from its own generator (the tables stay as they were before it existed)
    prose = _explanation(layout, random.Random(f"prose:{index}:{department}:{year}:{income_total}"), department, year,
                         items, code_class, kuan_names, income_total, fiscal_total, other_total, carry, scale)
    file_name = f"{index:05d}-sh-{short}-final-accounts-{year}.txt"
    fiscal_prose.resolve_refs(page, prose.groups)
    doc = Generated("final_accounts", "final_accounts", file_name, year, department, "万元", page, prose=prose.groups)
    doc.pdf_cells = layout.cells.items
    return doc


def _explanation(layout: Layout, rng: random.Random, department: str, year: int, items: list[Item], code_class,
                 kuan_names, income_total: Decimal, fiscal_total: Decimal, other_total: Decimal, carry: Decimal,
                 scale: int) -> fiscal_prose.Prose:
    """第三部分 情况说明: 收入支出总计 against last year, 本年收入 by source and 财政拨款支出 by 类 with shares,
    per 项 against its 年初预算, “三公”经费, 机关运行经费 and 政府采购 (决算 wording). The parser of this family
    reads tables only: these numbers are not landed figures (truth.csv), only statements (statements.csv)."""
    prose = fiscal_prose.Prose(year, department, grouping=rng.random() < 0.2, noun="决算", landed=False)
    width = rng.choice([38, 42, 46])
    summary, fiscal_table = "收入支出决算总表", "一般公共预算财政拨款支出决算表"
    layout.new_page()
    layout.line([(6, f"第三部分 {department}{year}年度部门决算情况说明", "l")])
    layout.line([(0, "一、收入支出决算总体情况说明", "l")])
    total = income_total + carry
    prior_total = (total * Decimal(str(round(rng.uniform(0.85, 1.15), 2)))).quantize(Decimal("0.01"))
    layout.paragraph(fiscal_prose.total_change(prose, rng, total, None, prior_total), width)
    layout.line([(0, "二、收入决算情况说明", "l")])
    sources = [("财政拨款收入", fiscal_total, (summary, "一、一般公共预算财政拨款收入", "actual", "")),
               ("其他收入", other_total, (summary, "八、其他收入", "actual", "") if other_total else None)]
    layout.paragraph(fiscal_prose.shares(prose, rng, "income", "本年收入合计", income_total,
                                         (summary, "本年收入合计", "actual", ""), sources), width)
    layout.line([(0, "三、一般公共预算财政拨款支出决算情况说明", "l")])
    classes = sorted({it.code[:3] for it in items})
    parts = [(code_class[c], sum((it.fiscal for it in items if it.code[:3] == c), Decimal(0)),
              (fiscal_table, code_class[c], "total", f"{c} ")) for c in classes]
    layout.paragraph(fiscal_prose.shares(prose, rng, "class_shares", "一般公共预算财政拨款支出", fiscal_total,
                                         (fiscal_table, "合计", "total", "合计"), parts, suffix="（类）"), width)
    facts = []
    for it in items:
        initial = it.fiscal if rng.random() < 0.1 else \
            (it.fiscal * Decimal(str(round(rng.uniform(0.85, 1.15), 3)))).quantize(Decimal("0.01"))
        facts.append(fiscal_prose.ItemFacts(
            code_class[it.code[:3]], kuan_names[it.code[:5]], it.name, it.fiscal, initial,
            amount_ref=(fiscal_table, it.name, "total", f"{it.code[:3]} {it.code[3:5]} {it.code[5:]} "), ref_rows=1))
    for segments in fiscal_prose.final_items(prose, rng, facts):
        layout.paragraph(segments, width)
    layout.line([(0, "四、“三公”经费财政拨款支出决算情况说明", "l")])
    layout.paragraph(fiscal_prose.three_public(prose, rng, scale), width)
    layout.line([(0, "五、机关运行经费支出情况说明", "l")])
    running = amount(rng, scale * 0.02, scale * 0.2)
    prior = (running * Decimal(str(round(rng.uniform(0.8, 1.2), 2)))).quantize(Decimal("0.01"))
    layout.paragraph(fiscal_prose.operation(prose, rng, running, prior), width)
    layout.line([(0, "六、政府采购支出情况说明", "l")])
    layout.paragraph(fiscal_prose.procurement(prose, rng, scale), width)
    return prose
