"""部门整体预算绩效目标申报表 (department targets form), laid out like the 番禺 form as extracted text.

Arithmetic: 基本支出 + 项目支出 = 财政拨款 + 其他资金 = the budget; 财政专项资金 + 其他事业发展性支出 =
项目支出; 本级使用资金 + 对下转移支付资金 = 财政拨款; the key tasks' amounts add up to 项目支出.
"""

from __future__ import annotations

import random
from decimal import Decimal

from loaders.synthetic.core import Generated, Num, Page, amount, money, split_amount
from loaders.synthetic.names import GZ_DEPARTMENTS, GZ_DISTRICTS, PURPOSE_PHRASES, TASK_NAMES, pick

TABLE = "部门整体预算绩效目标申报表"


def _wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


def generate(rng: random.Random, index: int, year: int | None = None) -> Generated:
    year = year or rng.randint(2018, 2025)
    district = rng.choice(GZ_DISTRICTS)
    short, suffix, _cls = rng.choice(GZ_DEPARTMENTS)
    department = f"广州市{district}{suffix}"
    tasks = pick(rng, TASK_NAMES, rng.randint(2, 8))
    project = amount(rng, 20 * len(tasks), 5000)
    basic = amount(rng, 50, 20000)
    # as the 番禺 form adds up: 部门预算支出 (基本 + 项目) and 事业发展性支出 (财政专项 + 其他) together are what the
    # 收入来源 (财政拨款 + 其他资金) fund and what 按预算级次 (区本级 + 对下转移) divides
    special = (project * Decimal(str(rng.uniform(0.1, 0.7)))).quantize(Decimal("0.01"))
    other_dev = (project * Decimal(str(rng.uniform(0.1, 0.5)))).quantize(Decimal("0.01"))
    total = basic + project + special + other_dev
    other = Decimal(0) if rng.random() < 0.5 else min(amount(rng, 0.5, 50), total - Decimal("0.01"))
    fiscal = total - other
    transfer = Decimal(0) if rng.random() < 0.6 else (total * Decimal(str(rng.uniform(0.01, 0.2)))).quantize(Decimal("0.01"))
    own = total - transfer
    task_amounts = split_amount(rng, project, len(tasks), Decimal("1.00"))

    def N(value: Decimal, measure: str, label: str) -> Num:
        return Num(money(value), measure, unit="万元", row_label=label, label=label, table_name=TABLE)

    page = Page()
    page.blank()
    page.add("部门整体预算绩效目标申报表")
    page.add(f"部门名称 {department} 下属二级单位数 ",
             Num(str(rng.randint(0, 6)), "subordinate_unit_count", kind="count", label="下属二级单位数"))
    page.blank()
    page.add("预算整体情况")
    page.blank()
    page.add("部门预算支出 预算金额（万元） 收入来源 预算金额（万元）")
    page.blank()
    page.add("基本支出 ", N(basic, "basic_expenditure", "基本支出"), " 财政拨款 ", N(fiscal, "fiscal_appropriation", "财政拨款"))
    page.blank()
    page.add("项目支出 ", N(project, "project_expenditure", "项目支出"), " 其他资金 ", N(other, "other_funds", "其他资金"))
    page.blank()
    page.add("事业发展性支出 预算金额（万元） 按预算级次划分 预算金额（万元）")
    page.blank()
    page.add("财政专项资金 ", N(special, "special_fund", "财政专项资金"), " 区本级使用资金 ",
             N(own, "own_level_funds", "区本级使用资金"))
    page.blank()
    page.add("其他事业发展性")
    page.add("支出")
    page.blank()
    page.add(N(other_dev, "other_development_expenditure", "其他事业发展性支出"))
    page.add("拟用于对下转移")
    page.blank()
    page.add("支付资金")
    page.add(N(transfer, "transfer_to_lower_level", "拟用于对下转移支付资金"))
    page.blank()
    page.add("总体绩效目标")
    page.blank()
    page.paragraph(["；".join(pick(rng, PURPOSE_PHRASES, 4)) + "。"], 60)
    page.blank()
    page.add("年度重点工作")
    page.add("任务")
    page.blank()
    page.add("名称 主要实施内容")
    page.add("拟投入的资金")
    page.add("（万元）")
    page.blank()
    page.add("期望达到的目标（概述）")
    page.blank()
    for name, value in zip(tasks, task_amounts):
        row = page.begin_row(droppable=True)
        for part in _wrap(name, 8):
            page.add(part)
        page.blank()
        page.paragraph(["一、" + "。二、".join(pick(rng, PURPOSE_PHRASES, 3)) + "。"], 26)
        page.blank()
        page.add(Num(money(value), "task_amount", unit="万元", row_label=name, label="拟投入的资金", table_name=TABLE))
        page.blank()
        page.paragraph(["，".join(pick(rng, PURPOSE_PHRASES, 2)) + "。"], 20)
        page.blank()
        page.end_row(row)
    page.add("其他需完成的")
    page.add("任务（可选")
    page.add("填）")
    page.blank()
    page.add("无。")
    page.blank()
    page.add("绩效指")
    page.add("标")
    page.blank()
    page.add("一级指标 二级指标 三级指标 实施周期指标值 年度指标值")
    page.blank()
    for level1, rows in (("产出指标", [("数量指标", "任务完成率", "100%"), ("质量指标", "检查覆盖率", f"≥{rng.choice([85, 90, 95])}%")]),
                         ("效益指标", [("社会效益指标", "群众知晓率", f"≥{rng.choice([80, 85, 90])}%")]),
                         ("满意度指标", [("服务对象满意度指标", "服务对象满意度", f"≥{rng.choice([85, 90])}%")])):
        page.add(level1)
        page.blank()
        for level2, name, value in rows:
            page.add(level2)
            page.blank()
            for cell in (name, value, value):
                for part in _wrap(cell, 8):
                    page.add(part)
                page.blank()
    file_name = f"{index:05d}-gz-{short}-department-targets-{year}.txt"
    return Generated("department_targets", "department_targets", file_name, year, department, "万元", page)
