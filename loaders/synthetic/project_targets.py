"""项目支出绩效目标表 (project performance targets), laid out like the 来穗局 table as extracted text.

Arithmetic: every row's 总计 = 财政拨款 + 财政专户拨款 + 其他资金; a unit row is the sum of its projects;
合计 the sum of the units. All four amount columns are printed (a blank cell would vanish from the text
and make the row ambiguous, which is a different test).
"""

from __future__ import annotations

import random
from decimal import Decimal

from loaders.synthetic.core import Generated, Num, Page, amount, money
from loaders.synthetic.names import GZ_DEPARTMENTS, GZ_DISTRICTS, PROJECT_STEMS, PURPOSE_PHRASES, TARGET_INDICATORS, pick

COLUMNS = [("total", "总计"), ("fiscal_appropriation", "财政拨款"), ("special_account_funds", "财政专户拨款"),
           ("other_funds", "其他资金")]
TABLE = "项目支出绩效目标表"


def _split(rng: random.Random, total: Decimal) -> list[Decimal]:
    """总计 into 财政拨款 / 财政专户拨款 / 其他资金 (mostly all 财政拨款)."""
    if rng.random() < 0.7 or total < Decimal("1"):
        return [total, Decimal(0), Decimal(0)]
    other = (total * Decimal(str(rng.uniform(0.05, 0.3)))).quantize(Decimal("0.01"))
    special = Decimal(0) if rng.random() < 0.5 else (total * Decimal("0.1")).quantize(Decimal("0.01"))
    return [total - other - special, special, other]


def _row(page: Page, name_lines: list[str], indent: str, values: list[Decimal], row_label: str,
         droppable: bool = False) -> int:
    row = page.begin_row(droppable)
    for part in name_lines[:-1]:
        page.add(indent + part)
        indent = ""
    segments: list = [indent + name_lines[-1]]
    for (measure, label), value in zip(COLUMNS, values):
        segments += [" ", Num(money(value), measure, unit="万元", row_label=row_label, label=label,
                               table_name=TABLE, column_label=label)]
    page.add(*segments)
    return row


def _indicators(rng: random.Random) -> str:
    items = []
    for seq, (c1, n1, c2, n2, name, value) in enumerate(sorted(pick(rng, TARGET_INDICATORS, rng.randint(2, 6))), 1):
        noun = rng.choice(["培训", "宣传", "巡查", "走访", "调研"])
        value = value.format(n=rng.randint(2, 60), p=rng.choice([80, 85, 90, 95]))
        items.append(f"{seq}、{c1}-{n1}；{c2}-{n2}；{name.format(noun=noun)}；实施周期指标值:{value}；年度指标值:{value}。")
    return "".join(items)


def generate(rng: random.Random, index: int, year: int | None = None) -> Generated:
    year = year or rng.randint(2018, 2025)
    district = rng.choice(GZ_DISTRICTS)
    short, suffix, _cls = rng.choice(GZ_DEPARTMENTS)
    department = f"广州市{district}{suffix}"
    units = [department] + [f"{department}{name}" for name in pick(rng, ["服务中心", "信息中心", "执法大队"], rng.randint(0, 2))]
    plan: list[tuple[str, list[tuple[str, Decimal]]]] = []
    for unit in units:
        names = pick(rng, PROJECT_STEMS, rng.randint(1, 6))
        plan.append((unit, [(f"{year}年{n}" if rng.random() < 0.3 else n, amount(rng, 2, 2000)) for n in names]))
    page = Page()
    page.blank()
    page.add("项目支出绩效目标表（含转移支付项目）")
    page.blank()
    page.add(f"部门名称：{department} 单位：万元")
    page.blank()
    page.add("项目名称（资金使用单位） 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标")
    page.blank()
    projects = {unit: [(name, value, _split(rng, value)) for name, value in items] for unit, items in plan}
    unit_values = {unit: [sum((p[2][k] for p in rows), Decimal(0)) for k in range(3)] for unit, rows in projects.items()}
    grand = [sum((v[k] for v in unit_values.values()), Decimal(0)) for k in range(3)]
    _row(page, ["合计"], "", [sum(grand, Decimal(0))] + grand, "合计")
    page.blank()
    for unit, rows in projects.items():
        values = unit_values[unit]
        _row(page, [unit], "", [sum(values, Decimal(0))] + values, unit)
        page.blank()
        for name, total, parts in rows:
            wrap = len(name) > 12 and rng.random() < 0.5
            name_lines = [name[:10], name[10:]] if wrap else [name]
            row = _row(page, name_lines, "    ", [total] + parts, name, droppable=len(rows) > 1)
            page.blank()
            phrases = pick(rng, PURPOSE_PHRASES, rng.randint(2, 4))
            page.paragraph([f"通过开展{name}项目，" + "，".join(phrases) + "。"], 24)
            page.blank()
            page.paragraph([_indicators(rng)], 33)
            page.blank()
            page.end_row(row)
    file_name = f"{index:05d}-gz-{short}-project-targets-{year}.txt"
    return Generated("project_targets", "project_targets", file_name, year, department, "万元", page)
