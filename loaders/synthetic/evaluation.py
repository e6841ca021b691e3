"""绩效评价报告 (project evaluation report), written as prose like the 白云区 reports.

Arithmetic: 年初预算 ∓ 调整 = 年度指标金额; 执行率 = 实际支出 ÷ 年度指标金额 (two decimals, "100%" when
whole); the weights add up (预算执行率 + 产出 + 效益 = 100%, 数量 + 质量 + 时效 = 产出, 社会效益 + 满意度 =
效益), each scoring item equals its weight.
"""

from __future__ import annotations

import random
from decimal import Decimal

from loaders.synthetic.core import Generated, Num, Page, amount, money, rate
from loaders.synthetic.names import ACTIVITY_NOUNS, GZ_DEPARTMENTS, GZ_DISTRICTS, PROJECT_STEMS, PURPOSE_PHRASES, pick


def _printed(value: Decimal) -> str:
    """Amounts in 万元 as reports print them: '45', '29.86', '1,250.5'."""
    text = money(value)
    return text[:-3] if text.endswith(".00") else text.rstrip("0") if "." in text else text


def _rate_text(value: Decimal) -> str:
    return str(int(value)) if value == value.to_integral() else f"{value:.2f}"


def generate(rng: random.Random, index: int, year: int | None = None) -> Generated:
    year = year or rng.randint(2018, 2024)
    district = rng.choice(GZ_DISTRICTS)
    short, suffix, _cls = rng.choice(GZ_DEPARTMENTS)
    department = f"广州市{district}{suffix}" if not suffix.startswith("委") else f"中共广州市{district}{suffix}"
    project = rng.choice(PROJECT_STEMS)
    width = rng.choice([26, 28, 30, 200])
    page = Page()

    initial = amount(rng, 8, 3000)
    if rng.random() < 0.25:
        adjustment_label, sign = "追加经费指标", 1
        adjustment = amount(rng, 1, float(initial) * 0.5 + 1)
    else:
        adjustment_label, sign = rng.choice(["划拨经费指标", "压减经费回收预算指标"]), -1
        adjustment = amount(rng, 0.5, float(initial) * 0.8)
    adjusted = initial + sign * adjustment
    initial_t, adjustment_t, adjusted_t = _printed(initial), _printed(adjustment), _printed(adjusted)
    if rng.random() < 0.3:
        actual = adjusted
    else:
        actual = (adjusted * Decimal(str(rng.uniform(0.6, 0.999)))).quantize(Decimal("0.01"))
    actual_t = _printed(actual)
    # the rate the report prints is computed from the amounts as printed
    rate_value = rate(Decimal(actual_t.replace(",", "")), Decimal(adjusted_t.replace(",", "")))
    rate_t = _rate_text(rate_value)

    a = rng.choice([10, 15, 20, 25])
    b = rng.choice([40, 45, 50, 55])
    c = 100 - a - b
    q = rng.choice([15, 20, 25]) if b >= 45 else 20
    r = rng.choice([10, 15]) if b - q > 15 else 10
    t = b - q - r
    m = rng.choice([5, 10])
    s = c - m
    s1 = s // 2
    s2 = s - s1
    score = a + b + c - rng.choice([0, 0, 0, 2, 5, 8])
    grade = "优" if score >= 90 else "良" if score >= 80 else "中"

    def N(text, measure, unit, kind="count", label=None):
        return Num(text, measure, unit=unit, label=label, kind=kind)

    page.add(f"{year} 年度{department}")
    page.blank()
    page.add(f"{project}项目评价报告")
    page.blank()
    page.add("一、项目概述")
    page.blank()
    phrases = pick(rng, PURPOSE_PHRASES, 3)
    page.paragraph([f"项目名称：{project}。项目内容和用途：{phrases[0]}，{phrases[1]}，{phrases[2]}等。本项目为财政拨款延续项目，"
                    "每年安排财政预算。"], width)
    page.blank()
    page.paragraph([
        f"{year}年{project}项目资金来源是财政拨款。年初预算资金是 ", N(initial_t, "initial_budget", "万元", "amount"),
        f"万元，年中经费调整，{adjustment_label} ", N(adjustment_t, "budget_adjustment", "万元", "amount"),
        f"万元，{year}年度指标金额是 ", N(adjusted_t, "adjusted_budget", "万元", "amount"),
        "万元，实际支出 ", N(actual_t, "actual_spending", "万元", "amount"),
        "万元，支出执行率 ", N(rate_t, "reported_execution_rate", "%", "rate"), "%。",
    ], width)
    page.blank()
    page.paragraph([f"{project}项目主管部门是{department}，具体实施部门是综合科和业务科，实施周期为 {year}年全年。"
                    f"主要内容是：一是{phrases[0]}。二是{phrases[1]}。三是{phrases[2]}。"], width)
    page.blank()
    page.add("二、绩效评价组织情况")
    page.blank()
    page.add("（一）评价目的")
    page.blank()
    page.paragraph(["确保项目内容能在年内完成，进一步扩大服务覆盖面，提高服务水平，为群众提供多元化、共享服务的平台。"], width)
    page.blank()
    page.add("（二）评价设计与实施")
    page.blank()
    noun, unit = rng.choice(ACTIVITY_NOUNS)
    page.paragraph([f"本项目指标包括产出指标和效益指标。其中产出指标包括数量、质量和时效指标，主要内容是年内{noun}不得低于 "
                    f"{rng.randint(5, 400)}{unit}，档案登记达 {rng.choice([90, 95, 98])}%以上，100%为符合条件人士办理业务，"
                    "24小时内处理事故、故障。效益指标包括社会效益和服务对象满意度。主要内容是落实宣传，提升知晓率，社会效益良好；"
                    "提高群众归属感；提升服务对象的满意度。"], width)
    page.blank()
    page.add("（三）绩效评价指标体系和评分标准方法")
    page.blank()
    page.paragraph(["绩效评价指标分为二级指标，一级指标包括产出指标和效益指标；二级指标包括数量指标、质量指标和时效指标；"
                    "另设置年度指标值。"], width)
    page.blank()
    page.paragraph([
        "评分标准方法由预算执行率和一级指标两部分构成，各自权重为预算执行率占比 ", N(str(a), "weight", "%", label="预算执行率"),
        "%、产出指标占比 ", N(str(b), "weight", "%", label="产出指标"), "%、效益指标占比 ", N(str(c), "weight", "%", label="效益指标"),
        "%。具体为产出指标中数量指标权重为 ", N(str(q), "weight", "分", label="数量指标"), " 分，完成年度指标值得 ",
        N(str(q), "scoring_points", "分"), "分；产出指标中质量指标权重为 ", N(str(r), "weight", "分", label="质量指标"), "分，",
        N("100", "scoring_condition", "%"), "%办理符合条件人员 ", N(str(r), "scoring_points", "分"), "分，否则得 ",
        N("0", "scoring_points", "分"), "分；时效指标权重为 ", N(str(t), "weight", "分", label="时效指标"), "分，要求 ",
        N("24", "scoring_condition", "小时"), "小时内处理事故、故障，完成得 ", N(str(t), "scoring_points", "分"),
        " 分，否则得 ", N("0", "scoring_points", "分"), " 分。社会效益指标权重 ", N(str(s), "weight", "分", label="社会效益指标"),
        " 分，其中落实全区宣传，提升知晓率得 ", N(str(s1), "scoring_points", "分"), "分，提高群众归属感得 ",
        N(str(s2), "scoring_points", "分"), "分；服务对象满意度，提升服务对象满意度得 ", N(str(m), "scoring_points", "分"), "分。",
    ], width)
    page.blank()
    page.add("三、绩效评价结论与绩效分析")
    page.blank()
    page.add("（一）总体结论")
    page.blank()
    page.paragraph([f"{year}年{project}项目绩效目标主要完成情况如下：一是有序扩大基本公共服务覆盖面；二是深入推进公共服务；"
                    "三是开展宣传教育工作。综合评价总分 ", N(str(score), "total_score", "分"), "分。"], width)
    page.blank()
    page.add("（二）项目绩效分析")
    page.blank()
    results: list = [f"{year}年{project}项目"]
    for k, (noun, unit) in enumerate(pick(rng, ACTIVITY_NOUNS, rng.randint(2, 5))):
        results += ["开展" if k == 0 else "，开展", noun, " ", N(str(rng.randint(2, 90000)), "result_quantity", unit), unit]
    reach = f"{rng.randint(1, 60)}.{rng.randint(1, 9)}"
    results += ["，惠及 ", N(reach, "result_quantity", "万人次"), "万人次。"]
    page.paragraph(results, width)
    page.blank()
    share = rng.choice([85, 90, 95])
    page.paragraph(["开展深度应用标准地址库工作，确保实现登记地址使用标准地址比例达到 ", N(str(share), "result_quantity", "%"),
                    "%以上，形成常态化更新机制。"], width)
    page.blank()
    page.add("四、项目综合评价等级和评价结论")
    page.blank()
    page.paragraph([f"{project}项目综合评价得分为 ", Num(str(score), "total_score", unit=None, kind="count"), f"，{grade}。"], width)
    page.blank()
    page.add("五、项目主要经验做法、存在的问题和建议")
    page.blank()
    page.paragraph(["一是科学合理地设置绩效指标，提高预算绩效指标的针对性和可测性；二是加快预算执行进度，提升财政资金使用效益。"],
                   width)
    file_name = f"{index:05d}-gz-{short}-evaluation-{year}.txt"
    return Generated("evaluation_report", "evaluation_report", file_name, year, department, "万元", page)
