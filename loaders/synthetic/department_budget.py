"""广州 部门预算 (department budget) as flattened PDF text, like the 来穗局 2016 budget.

Narrative (概况 and 预算安排情况说明) and four of the standard tables: 表一 收支预算总表 (two sides),
表二 收入预算总表, 表三 支出预算总表, 表四 一般公共预算支出预算表 (with last year's 年初预算, 调整后预算,
预算执行 and 执行率). As in the extracted text, each table page prints its number (表三), the column
numbers, the data rows, and then the scattered header words, the title and the unit.

Arithmetic: per item, 总计 = 基本支出 (工资福利 + 商品和服务 + 对个人和家庭) + 项目支出 (经常性 + 一次性);
units, unit groups (行政单位/事业单位), 款, 类 and 合计 are sums; 执行率 = 预算执行 ÷ 调整后预算 (whole
percent); the narrative's totals, shares (two decimals) and changes against last year are computed from
the printed figures. Every value cell of 表二–表四 is printed (0.00 where nothing is budgeted): a blank
cell vanishes from the text, and which column it was is the solver's business, tested on the real
document, not here.

The budget year is drawn from 2015–2025 unless one is asked for; the headers print it and the year
before (2019年预算 / 2018年预算), as the parser reads them from each table.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from loaders.synthetic import prose as fiscal_prose
from loaders.synthetic.core import Generated, Num, Page, amount, money, rate
from loaders.synthetic.names import GZ_DEPARTMENTS, GZ_DISTRICTS

# class -> (class name, 款 code, 款 name, [(项 code, 项 name)]): only codes of the code list
# (seeds/function_classes.csv), as a real document prints only codes that exist (tests/test_synthetic.py checks it)
CLASSES = {
    "201": ("一般公共服务支出", "03", "政府办公厅（室）及相关机构事务", [("01", "行政运行"), ("02", "一般行政管理事务"),
                                                        ("99", "其他政府办公厅（室）及相关机构事务支出")]),
    "204": ("公共安全支出", "06", "司法", [("07", "公共法律服务")]),
    "205": ("教育支出", "99", "其他教育支出", [("99", "其他教育支出")]),
    "206": ("科学技术支出", "05", "科技条件与服务", [("03", "科技条件专项")]),
    "207": ("文化体育与传媒支出", "03", "体育", [("08", "群众体育")]),
    "208": ("社会保障和就业支出", "05", "行政事业单位离退休", [("01", "归口管理的行政单位离退休"), ("05", "机关事业单位基本养老保险缴费支出")]),
    "210": ("医疗卫生与计划生育支出", "05", "医疗保障", [("01", "行政单位医疗")]),
    "212": ("城乡社区支出", "01", "城乡社区管理事务", [("01", "行政运行"), ("02", "一般行政管理事务"), ("04", "城管执法"),
                                              ("99", "其他城乡社区管理事务支出")]),
    "221": ("住房保障支出", "02", "住房改革支出", [("01", "住房公积金"), ("03", "购房补贴")]),
}
COMMON_CLASSES = ["208", "210", "221"]
ZERO = Decimal(0)
FIRST_YEAR, LAST_YEAR = 2015, 2025  # budget years drawn when none is asked for
NUMERALS = "一二三四五六七八九十"


@dataclass
class Item:
    unit_code: str
    code: str  # 7 digits
    name: str
    wages: Decimal
    goods: Decimal
    individuals: Decimal
    recurrent: Decimal
    one_off: Decimal
    initial_last: Decimal
    adjusted_last: Decimal
    actual_last: Decimal

    @property
    def basic(self) -> Decimal:
        return self.wages + self.goods + self.individuals

    @property
    def project(self) -> Decimal:
        return self.recurrent + self.one_off

    @property
    def total(self) -> Decimal:
        return self.basic + self.project


def _sum(items, attr) -> Decimal:
    return sum((getattr(it, attr) for it in items), ZERO)


def _spaced(text: str) -> str:
    return "  ".join(text) if len(text) <= 2 else text


EXPENDITURE = [("总计", "total", "total"), ("基本支出/小计", "basic_expenditure", "basic"),
               ("基本支出/工资福利支出", "personnel", "wages"), ("基本支出/商品和服务支出", "goods_and_services", "goods"),
               ("基本支出/对个人和家庭的补助支出", "subsidies_to_individuals", "individuals"),
               ("项目支出/小计", "project_expenditure", "project"), ("项目支出/经常性项目", "recurrent", "recurrent"),
               ("项目支出/一次性项目", "one_off", "one_off")]
REVENUE = ["总计", "财政拨款收入（财政补助收入）/合计", "财政拨款收入（财政补助收入）/一般公共预算",
           "财政拨款收入（财政补助收入）/政府性基金预算", "财政拨款收入（财政补助收入）/国有资本经营预算", "财政专户管理资金",
           "事业收入（不含财政专户管理资金）", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入",
           "用事业基金弥补收支差额", "财政应返还额度", "上年结转"]
REVENUE_MEASURES = ["total", "fiscal_appropriation", "general_public_budget", "government_fund_budget",
                    "state_capital_budget", "special_account_funds", "business_revenue", "operating_revenue",
                    "higher_level_subsidy", "subsidiary_remittance", "other_revenue", "business_fund_offset",
                    "fiscal_refund_quota", "carryover_from_last_year"]


def generate(rng: random.Random, index: int, year: int | None = None) -> Generated:
    year = year or rng.randint(FIRST_YEAR, LAST_YEAR)
    last = year - 1
    district = rng.choice(GZ_DISTRICTS)
    short, suffix, own_class = rng.choice(GZ_DEPARTMENTS)
    department = f"广州市{district}{suffix}"
    base_code = f"{rng.randint(100, 199)}{rng.randint(0, 99):02d}"
    units = [(base_code + "1", department, "行政单位")]
    if rng.random() < 0.4:
        units.append((base_code + "2", f"{department}服务中心", "事业单位"))
    classes = [own_class] + sorted(rng.sample([c for c in COMMON_CLASSES if c != own_class], rng.randint(0, 2)))
    scale = rng.choice([30, 200, 1500])
    items: list[Item] = []
    for unit_code, _name, _group in units:
        for cls in classes:
            _cname, kuan, _kname, leaves = CLASSES[cls]
            chosen = leaves if cls == own_class else leaves[:1]
            for xiang, name in rng.sample(chosen, rng.randint(1, len(chosen))):
                operating = name == "行政运行" or cls in COMMON_CLASSES
                wages = amount(rng, scale * 0.1, scale) if operating else ZERO
                goods = amount(rng, scale * 0.02, scale * 0.3) if operating and cls not in COMMON_CLASSES else ZERO
                individuals = amount(rng, scale * 0.01, scale * 0.2) if operating and rng.random() < 0.3 else ZERO
                recurrent = amount(rng, scale * 0.05, scale * 3) if not operating or rng.random() < 0.3 else ZERO
                one_off = amount(rng, scale * 0.02, scale) if not operating and rng.random() < 0.4 else ZERO
                total = wages + goods + individuals + recurrent + one_off
                initial_last = (total * Decimal(str(rng.uniform(0.6, 1.2)))).quantize(Decimal("0.01"))
                adjusted_last = initial_last if rng.random() < 0.7 else \
                    (initial_last * Decimal(str(rng.uniform(0.8, 1.2)))).quantize(Decimal("0.01"))
                actual_last = (adjusted_last * Decimal(str(rng.uniform(0.5, 1.0)))).quantize(Decimal("0.01"))
                items.append(Item(unit_code, cls + kuan + xiang, name, wages, goods, individuals, recurrent, one_off,
                                  initial_last, adjusted_last, actual_last))
    items.sort(key=lambda it: (it.unit_code, it.code))
    total = _sum(items, "total")
    page = Page()
    _narrative(page, rng, department, year, last, items, units, classes)
    # the 编制说明-style prose draws from its own generator, so the tables and the narrative above stay as before
    prose = _explanation(page, random.Random(f"prose:{index}:{department}:{year}:{total}"), department, year, items,
                         units, scale)
    _table_one(page, year, department, items, classes)
    _table_two(page, department, items, units)
    _table_three(page, department, items, units)
    _table_four(page, year, last, department, items, units, classes)
    file_name = f"{index:05d}-gz-{short}-department-budget-{year}.txt"
    assert total == _sum(items, "basic") + _sum(items, "project")
    fiscal_prose.resolve_refs(page, prose.groups)
    return Generated("department_budget", "department_budget", file_name, year, department, "万元", page,
                     prose=prose.groups)


# --- narrative -----------------------------------------------------------------------------------------

def _m(value: Decimal, measure: str, kind: str = "amount") -> Num:
    return Num(money(value), measure, unit="万元", kind=kind)


def _pct(value: Decimal, measure: str = "stated_share_pct", kind: str = "rate") -> Num:
    return Num(f"{value:.2f}", measure, unit="%", kind=kind)


def _change(value: Decimal, measure: str = "stated_change") -> tuple[str, Num]:
    word = "增加" if value >= 0 else "减少"
    return word, Num(money(abs(value)), measure, unit="万元", kind="change")


def _narrative(page: Page, rng, department: str, year: int, last: int, items: list[Item], units, classes) -> None:
    width = 26
    total, basic, project = _sum(items, "total"), _sum(items, "basic"), _sum(items, "project")
    basic_last = sum((it.initial_last for it in items if it.basic > 0), ZERO)
    project_last = sum((it.initial_last for it in items if it.basic == 0), ZERO)
    total_last = basic_last + project_last
    established = rng.randint(10, 300)
    actual = established - rng.randint(0, max(1, established // 5))
    admin = actual - rng.randint(0, max(1, actual // 6))
    support = actual - admin
    change_staff = rng.randint(1, 12)
    page.add(f" 第一部分  {department}概况 ")
    page.blank()
    page.add(f"一、{department}主要职能 ")
    page.blank()
    page.paragraph([f"根据“三定方案”，{department}主要职责是贯彻执行国家、省、市有关方针政策和法律法规，拟订本领域的发展规划、"
                    "相关政策和规定标准并组织实施；负责组织、协调、指导、督促本领域各项工作。"], width)
    page.blank()
    page.add("二、部门预算单位构成 ")
    page.blank()
    groups = {}
    for _code, _name, group in units:
        groups[group] = groups.get(group, 0) + 1
    parts = []
    for group, count in groups.items():
        parts += [f"设{group} ", Num(str(count), "stated_count", unit="个", kind="count"), " 个"]
    page.paragraph([f"{department}"] + parts[:3] + (["，"] + parts[3:] if len(parts) > 3 else []) + ["。 "], width)
    page.blank()
    page.add("三、部门人员构成 ")
    page.blank()
    page.paragraph(["总编制人数 ", Num(str(established), "staff_count", unit="人", kind="count"), " 人，在职实有人数 ",
                    Num(str(actual), "staff_count", unit="人", kind="count"), " 人，其中：行政编制 ",
                    Num(str(admin), "staff_count", unit="人", kind="count"), " 人、机关后勤服务人员 ",
                    Num(str(support), "staff_count", unit="人", kind="count"), " 人。 "], width)
    page.blank()
    page.paragraph([f"与 {last} 年对比，在职实有人员增加 ", Num(str(change_staff), "stated_change", unit="人", kind="count"),
                    " 人，无离退休人员。 "], width)
    page.blank()
    page.add(f"第二部分  {year} 年部门预算安排情况说明 ")
    page.blank()
    page.add(f"一、{year} 年部门预算收支情况总体说明 ")
    page.blank()
    page.paragraph([f"{department}（部门）{year} 年收支总预算 ", _m(total, "stated_total"), " 万元（详见表一），其中：本年收入 ",
                    _m(total, "stated_total"), " 万元，占收入预算 ", _pct(Decimal("100.00")), "%；本年支出 ",
                    _m(total, "stated_total"), " 万元。 "], width)
    page.blank()
    page.add(f"二、{year} 年收入预算情况说明 ")
    page.blank()
    page.paragraph([f"{department}（部门）{year} 年度收入预算 ", _m(total, "stated_total"), " 万元（详见表二），其中：财政拨款收入"
                    "（财政补助收入） ", _m(total, "stated_total"), " 万元（含一般公共预算 ", _m(total, "stated_total"),
                    " 万元），占 ", _pct(Decimal("100.00")), "%。 "], width)
    page.blank()
    page.add(f"三、{year} 年支出预算情况说明 ")
    page.blank()
    page.add("（一）全口径支出预算情况 ")
    page.blank()
    printed_total = Decimal(money(total).replace(",", ""))
    segments = [f"{department}（部门）{year} 年度支出预算 ", _m(total, "stated_total"), " 万元（详见表三），包括：基本支出 ",
                _m(basic, "stated_total"), " 万元，占支出预算 ", _pct(rate(basic, printed_total)), "%，其中：工资福利支出 ",
                _m(_sum(items, "wages"), "stated_total"), " 万元，商品和服务支出 ", _m(_sum(items, "goods"), "stated_total"),
                " 万元，对个人和家庭的补助 ", _m(_sum(items, "individuals"), "stated_total"), " 万元；项目支出 ",
                _m(project, "stated_total"), " 万元，占支出预算 ", _pct(rate(project, printed_total)), "%，其中：部门项目支出 ",
                _m(project, "stated_total"), " 万元。 "]
    page.paragraph(segments, width)
    page.blank()
    word, num = _change(total - total_last)
    word_b, num_b = _change(basic - basic_last)
    word_p, num_p = _change(project - project_last)
    page.paragraph([f"与上年对比，支出预算{word} ", num, f" 万元。其中：基本支出{word_b} ", num_b, f" 万元，主要是人员变动；项目支出{word_p} ",
                    num_p, " 万元，主要是工作任务调整。 "], width)
    page.blank()
    segments = ["按支出预算的功能分类，包括"]
    for k, cls in enumerate(classes):
        value = sum((it.total for it in items if it.code[:3] == cls), ZERO)
        segments += [("" if k == 0 else "；") + CLASSES[cls][0] + " ", _m(value, "stated_total"), " 万元，占 ",
                     _pct(rate(value, printed_total)), "%"]
    page.paragraph(segments + ["。 "], width)
    page.blank()
    page.add("（二）一般公共预算支出预算情况 ")
    page.blank()
    page.paragraph([f"1.支出预算规模变化情况。{department}（部门）{year} 年一般公共预算安排支出 ", _m(total, "stated_total"),
                    f" 万元（详见表四），比上年预算{word} ", _change(total - total_last)[1], " 万元。 "], width)
    page.blank()
    page.add("2.支出预算结构及具体安排情况 ")
    page.blank()
    page.paragraph([f"按支出预算的功能分类，{year} 年一般公共预算安排用于以下方面： "], width)
    page.blank()
    for k, cls in enumerate(classes, start=1):
        value = sum((it.total for it in items if it.code[:3] == cls), ZERO)
        before = sum((it.initial_last for it in items if it.code[:3] == cls), ZERO)
        word_c, num_c = _change(value - before)
        growth = rate(abs(Decimal(money(value - before).replace(",", ""))), Decimal(money(before).replace(",", "")))
        page.paragraph([f"（{k}）{CLASSES[cls][0]} ", _m(value, "stated_total"), f" 万元，比上年{word_c} ", num_c,
                        f" 万元，{'增长' if word_c == '增加' else '下降'} ", _pct(growth, "stated_change_pct", "change"),
                        "%，主要是根据工作计划安排。 "], width)
        page.blank()


def _explanation(page: Page, rng: random.Random, department: str, year: int, items: list[Item], units,
                 scale: int) -> fiscal_prose.Prose:
    """A Shanghai-style 编制说明 after the narrative: per 项 against last year's 预算执行数 (表四), “三公”经费,
    机关运行经费 (the 商品和服务支出 of the 行政单位 items) and 政府采购, each in one of several phrasings."""
    prose = fiscal_prose.Prose(year, department, grouping=rng.random() < 0.3)
    width = rng.choice([26, 26, 40])
    facts = []
    for code in sorted({it.code for it in items}):
        same = [it for it in items if it.code == code]
        cls_name, _kuan, kuan_name, _leaves = CLASSES[code[:3]]
        prefix = f"{code[:3]} {code[3:5]} {code[5:]} "
        facts.append(fiscal_prose.ItemFacts(
            cls_name, kuan_name, same[0].name, _sum(same, "total"), _sum(same, "actual_last"),
            amount_ref=("表三 支出预算总表", same[0].name, "total", prefix),
            prior_ref=("表四 一般公共预算支出预算表", same[0].name, "actual", prefix), ref_rows=len(same)))
    page.add("3.主要支出项目情况说明 ")
    page.blank()
    for segments in fiscal_prose.item_paragraphs(prose, rng, facts):
        page.paragraph(segments, width, whole_units=True)
        page.blank()
    page.add("（三）“三公”经费预算情况说明 ")
    page.blank()
    page.paragraph(fiscal_prose.three_public(prose, rng, scale), width, whole_units=True)
    page.blank()
    admin = {code for code, _name, group in units if group == "行政单位"}
    running = sum((it.goods for it in items if it.unit_code in admin), ZERO)
    if running > 0:
        page.add("（四）机关运行经费预算情况说明 ")
        page.blank()
        prior = (running * Decimal(str(round(rng.uniform(0.8, 1.2), 2)))).quantize(Decimal("0.01"))
        page.paragraph(fiscal_prose.operation(prose, rng, running, prior), width, whole_units=True)
        page.blank()
    page.add("（五）政府采购预算情况说明 ")
    page.blank()
    page.paragraph(fiscal_prose.procurement(prose, rng, scale), width, whole_units=True)
    page.blank()
    return prose


# --- tables --------------------------------------------------------------------------------------------

def _page_break(page: Page) -> None:
    page.blank(3)


def _cells(values: list[tuple[Decimal, str, str]], row_label: str, table: str,
           percent_at: set[int] | None = None) -> list:
    out: list = []
    for k, (value, measure, column) in enumerate(values):
        out.append(" ")
        if percent_at and k in percent_at:
            out += [Num(f"{value:.0f}", measure, unit="%", row_label=row_label, table_name=table,
                        column_label=column, kind="rate"), "%"]
        else:
            out.append(Num(money(value), measure, unit="万元", row_label=row_label, table_name=table, column_label=column))
    return out


def _table_one(page: Page, year: int, department: str, items: list[Item], classes: list[str]) -> None:
    table = "表一 收支预算总表"
    total = _sum(items, "total")
    _page_break(page)
    page.add("表一")
    page.blank()
    page.add("单位：万元")
    page.blank()
    page.add(f"收　入　项　目 {year}年预算 支　出　项　目 {year}年预算")
    page.blank()

    def num(value, label):
        return Num(money(value), "budget_amount", unit="万元", row_label=label, label=f"{year}年预算", table_name=table)

    left = [("一、财政拨款收入(财政补助收入)", total), ("（一）一般公共预算", total), ("（二）政府性基金预算", None),
            ("（三）国有资本经营预算", None), ("二、财政专户管理资金", None), ("三、事业收入（不含财政专户管理资金）", None),
            ("四、事业单位经营收入", None), ("五、上级补助收入", None), ("六、附属单位上缴收入", None), ("七、其他收入", None)]
    right = []
    for k, cls in enumerate(classes):
        name, _kuan, kname, _ = CLASSES[cls]
        right.append((f"{NUMERALS[k]}、{name}", sum((it.total for it in items if it.code[:3] == cls), ZERO)))
        right.append((kname, sum((it.total for it in items if it.code[:3] == cls), ZERO)))
    for k, (label, value) in enumerate(left):
        segments: list = [label]
        if value is not None:
            segments += [" ", num(value, label)]
        if k < len(right):
            r_label, r_value = right[k]
            indent = "" if "、" in r_label else "　　"
            segments += [" ", indent + r_label, " ", num(r_value, r_label)]
        page.add(*segments)
        page.blank()
    page.add("本　年　收　入　合　计 ", num(total, "本年收入合计"), " 本　年　支　出　合　计 ", num(total, "本年支出合计"))
    page.blank()
    page.add("八、用事业基金弥补收支差额 结转下年")
    page.blank()
    page.add("九、财政应返还额度")
    page.blank()
    page.add("十、上年结转")
    page.blank()
    page.add("收　　入　　总　　计 ", num(total, "收入总计"), " 支　　出　　总　　计 ", num(total, "支出总计"))
    page.blank()
    page.add(f"第三部分  {year}年部门预算表")
    page.blank()
    page.add("收支预算总表")
    page.add(f"部门名称：{department}")
    page.blank()
    page.add("收　　　　　　　入 支　　　　　　　出")


def _grid_rows(items: list[Item], units, with_functions: bool, classes: list[str], with_items: bool = True):
    """(code text, label, items it sums, kind) for a grid table: 合计, [类, 款], groups, units, items."""
    rows = [("", "合  计", items, "total")]
    if with_functions:
        for k, cls in enumerate(classes):
            in_class = [it for it in items if it.code[:3] == cls]
            name, kuan, kname, _ = CLASSES[cls]
            rows.append((cls, f"{NUMERALS[k]}、{name}", in_class, "class"))
            rows.append((f"{cls} {kuan}", f"　　{kname}", in_class, "section"))
    for group in dict.fromkeys(g for _c, _n, g in units):
        in_group = [it for it in items if any(u[0] == it.unit_code and u[2] == group for u in units)]
        rows.append(("", group, in_group, "group"))
        for code, name, g in units:
            if g != group:
                continue
            in_unit = [it for it in items if it.unit_code == code]
            rows.append((code, f"　{name}", in_unit, "unit"))
            for it in (in_unit if with_items else []):
                rows.append((f"{it.code[:3]} {it.code[3:5]} {it.code[5:]} {code}", f"　　{it.name}", [it], "item"))
    return rows


def _table_two(page: Page, department: str, items: list[Item], units) -> None:
    table = "表二 收入预算总表"
    _page_break(page)
    page.add("表二")
    page.blank()
    for word in ("合  计", "一般公共", "预算", "政府性", "基金预算", "国有资本", "经营预算"):
        page.add(word)
    page.blank()
    page.add(" ".join(str(k) for k in range(1, 17)))
    page.blank()
    for code, label, selected, kind in _grid_rows(items, units, False, [], with_items=False):
        value = _sum(selected, "total")
        values = [value, value, value] + [ZERO] * 11
        name = label.strip("　").replace("  ", "")
        row = page.begin_row(droppable=kind == "unit" and len(units) > 1)
        page.add(*([f"{code}   " if code else ""] + [label] +
                   _cells([(v, m, c) for v, m, c in zip(values, REVENUE_MEASURES, REVENUE)], name, table)))
        page.end_row(row)
        page.blank()
    for word in ("附属单位", "上缴收入", "其他收入", "用事业基金", "弥补收支", "差  额", "财政应", "返还额度", "财政专户",
                 "管理资金", "事业收入", "（不含财", "政专户管", "理资金）", "单位编码 单位名称", "事业单位", "经营收入"):
        page.add(word)
    page.blank()
    page.add("收入预算总表")
    page.add(f"部门名称：{department} 单位：万元")
    page.blank()
    for word in ("上年结转", "上级补助", "收入", "总  计", "财政拨款收入（财政补助收入）"):
        page.add(word)


def _table_three(page: Page, department: str, items: list[Item], units) -> None:
    table = "表三 支出预算总表"
    _page_break(page)
    page.add("表三")
    page.blank()
    page.add(" ".join(str(k) for k in range(1, 14)))
    page.blank()
    for code, label, selected, kind in _grid_rows(items, units, False, []):
        name = label.strip("　").replace("  ", "")
        values = [(_sum(selected, attr), measure, column) for column, measure, attr in EXPENDITURE]
        row = page.begin_row(droppable=kind == "item" and len(selected) == 1)
        page.add(*([f"{code} " if code else ""] + [label] + _cells(values, name, table)))
        page.end_row(row)
        page.blank()
    for word in ("一次性项目", "项目支出", "工资福利支", "出", "商品和服务", "支出", "对个人和家", "庭", "的补助支出"):
        page.add(word)
    page.blank()
    page.add("支出预算总表")
    page.add(f"部门名称：{department} 单位：万元")
    page.blank()
    page.add("经常性项目")
    page.add("单位编码 单位名称（功能科目）")
    page.add("类 款 项 总计 基本支出 小计 小计")


def _table_four(page: Page, year: int, last: int, department: str, items: list[Item], units, classes) -> None:
    table = "表四 一般公共预算支出预算表"
    _page_break(page)
    page.add("表四")
    page.add("单位：万元")
    page.add("小计")
    page.add("工资福利")
    page.add("支出")
    page.add("商品和服务")
    page.add("支出")
    page.add("对个人和家")
    page.add("庭的补助支")
    page.add("出")
    page.add("小计 经常性项目 一次性项目")
    page.add("1 2 3 4 5 6 7 8 9=8÷7 10=11+15 11=12+13+14 12 13 14 15=16+17 16 17")
    for code, label, selected, kind in _grid_rows(items, units, True, classes):
        name = label.strip("　").replace("  ", "")
        adjusted = _sum(selected, "adjusted_last")
        actual = _sum(selected, "actual_last")
        execution = (actual * 100 / adjusted).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        last_values = [(_sum(selected, "initial_last"), "initial_budget", f"{last}年预算/年初预算"),
                       (adjusted, "adjusted_budget", f"{last}年预算/调整后预算"),
                       (actual, "actual", f"{last}年预算/预算执行"),
                       (execution, "execution_rate", f"{last}年预算/执行率（%）")]
        values = last_values + [(_sum(selected, attr), measure, f"{year}年预算/{column}")
                                for column, measure, attr in EXPENDITURE]
        row = page.begin_row(droppable=kind == "item" and len(selected) == 1)
        page.add(*([f"{code} " if code else ""] + [label] + _cells(values, name, table, percent_at={3})))
        page.end_row(row)
    page.add("一般公共预算支出预算表")
    page.add(f"部门名称：{department}")
    page.add("年初预算")
    page.add("调整后")
    page.add("预算")
    page.add(f"预算执行 总计")
    page.add(f"{year}年预算")
    page.add("类")
    page.add("科目编码")
    page.add("项目支出")
    page.add("款 项")
    page.add("单位编码")
    page.add("单位名称")
    page.add("（功能科目）")
    page.add("基本支出")
    page.add("执行率")
    page.add("（%）")
    page.add(f"{last}年预算")
