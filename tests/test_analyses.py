"""The example analyses in analyses/ run against the built warehouse and return what a person reads in the documents.

Expected values are read from the documents by hand (file and line in each comment); amounts in yuan are the printed
万元 figures x 10,000.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

ANALYSES = Path(__file__).resolve().parent.parent / "analyses"
BUDGET_2016 = "gz-laisui-bureau-2016-department-budget.txt"
LAISUI = "广州市来穗人员服务管理局"
BAIYUN = "中共广州市白云区委政法委员会"


def run_analysis(con, name: str) -> list[dict]:
    sql = (ANALYSES / f"{name}.sql").read_text(encoding="utf-8")
    sql = re.sub(r"\{\{\s*ref\('([a-z_]+)'\)\s*\}\}", r"main.\1", sql)
    cursor = con.execute(sql)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def test_execution_rate_by_department_and_year(warehouse_con):
    rows = run_analysis(warehouse_con, "execution_rate_by_department_and_year")
    assert [(r["department_name"], r["fiscal_year"], r["line_name"], r["reported_rate_pct"], r["computed_rate_pct"])
            for r in rows] == [
        # baiyun 2022 report line 19: 实际支出 16.5万元, 执行率 100%
        (BAIYUN, 2022, "来穗专项工作", Decimal("100.00"), Decimal("100.00")),
        # baiyun 2023 report lines 24-26: 15.13 of 15.14万元, 执行率 99.93%
        (BAIYUN, 2023, "来穗工作经费", Decimal("99.93"), Decimal("99.93")),
        # 2016 budget 表四 line 448: 合计 4,736.11 4,736.11 4,439.22 94% — 2015 executed 93.73%
        (LAISUI, 2015, "合计", Decimal("94.00"), Decimal("93.73")),
    ]
    total = rows[2]
    assert (total["adjusted_budget_yuan"], total["actual_yuan"], total["rate_basis"], total["rate_source"]) == (
        Decimal("47361100.00"), Decimal("44392200.00"), "adjusted_budget", f"{BUDGET_2016}:448")


def test_largest_mid_year_cuts(warehouse_con):
    rows = run_analysis(warehouse_con, "largest_mid_year_cuts")
    assert [(r["fiscal_year"], r["line_name"], r["adjustment_label"], r["adjustment_yuan"], r["share_of_initial_pct"],
             r["adjusted_budget_yuan"], r["actual_yuan"], r["reported_rate_pct"]) for r in rows] == [
        # 2022 report line 19: 年初 80万元, 压减经费回收预算指标 63.5万元 (79.38% of 80), 16.5 spent, 100%
        (2022, "来穗专项工作", "压减经费回收预算指标", Decimal("-635000.00"), Decimal("-79.38"), Decimal("165000.00"),
         Decimal("165000.00"), Decimal("100.00")),
        # 2023 report lines 20-26: 年初 45万元, 划拨经费指标 29.86万元 (66.36% of 45), 15.14 left, 15.13 spent, 99.93%
        (2023, "来穗工作经费", "划拨经费指标", Decimal("-298600.00"), Decimal("-66.36"), Decimal("151400.00"),
         Decimal("151300.00"), Decimal("99.93")),
    ]
    assert rows[1]["adjustment_source"] == "baiyun-zfw-2023-laisui-evaluation.txt:22"


def test_over_executed_lines(warehouse_con):
    rows = run_analysis(warehouse_con, "over_executed_lines")
    # 2016 budget 表四, the 2015 columns (调整后预算, 预算执行, 执行率):
    assert [(r["fiscal_year"], r["function_code"], r["line_name"], r["rate_basis_yuan"], r["actual_yuan"],
             r["reported_rate_pct"], r["source_locator"]) for r in rows] == [
        # line 599: 221 02 03 购房补贴 46.05 46.05 76.46 166%
        (2015, "2210203", "购房补贴", Decimal("460500.00"), Decimal("764600.00"), Decimal("166.00"),
         f"{BUDGET_2016}:599"),
        # line 478: 221 四、住房保障支出 72.95 72.95 120.56 165%; line 480: 221 02 住房改革支出, the same figures
        (2015, "221", "四、住房保障支出", Decimal("729500.00"), Decimal("1205600.00"), Decimal("165.00"),
         f"{BUDGET_2016}:478"),
        (2015, "22102", "住房改革支出", Decimal("729500.00"), Decimal("1205600.00"), Decimal("165.00"),
         f"{BUDGET_2016}:480"),
        # line 597: 221 02 01 住房公积金 26.90 26.90 44.10 164%
        (2015, "2210201", "住房公积金", Decimal("269000.00"), Decimal("441000.00"), Decimal("164.00"),
         f"{BUDGET_2016}:597"),
        # line 476: 210 07 计划生育事务 6.84 6.84 9.00 132%; line 515: 210 07 99 其他计划生育事务支出, the same figures
        (2015, "21007", "计划生育事务", Decimal("68400.00"), Decimal("90000.00"), Decimal("132.00"),
         f"{BUDGET_2016}:476"),
        (2015, "2100799", "其他计划生育事务支出", Decimal("68400.00"), Decimal("90000.00"), Decimal("132.00"),
         f"{BUDGET_2016}:515"),
    ]
    # 9.00 / 6.84 = 131.58%, 76.46 / 46.05 = 166.04%
    assert rows[-1]["computed_rate_pct"] == Decimal("131.58") and rows[0]["computed_rate_pct"] == Decimal("166.04")


def test_budget_by_function_class(warehouse_con):
    rows = run_analysis(warehouse_con, "budget_by_function_class")
    got = [(r["fiscal_year"], r["phase"], r["class_code"], r["class_name_zh"], r["value_text"], r["amount_yuan"])
           for r in rows]
    # 2016 budget 表四 (一般公共预算支出预算表), lines 450-478: the 类 lines with 2015 年初预算 / 调整后预算 / 预算执行
    # and the 2016 总计. 206 科学技术支出 is new in 2016 (no 2015 figures on line 464).
    assert got == [
        (2015, "年初预算", "201", "一般公共服务支出", "4,646.32", Decimal("46463200.00")),
        (2015, "年初预算", "210", "卫生健康支出", "16.84", Decimal("168400.00")),
        (2015, "年初预算", "221", "住房保障支出", "72.95", Decimal("729500.00")),
        (2015, "调整后预算", "201", "一般公共服务支出", "4,646.32", Decimal("46463200.00")),
        (2015, "调整后预算", "210", "卫生健康支出", "16.84", Decimal("168400.00")),
        (2015, "调整后预算", "221", "住房保障支出", "72.95", Decimal("729500.00")),
        (2015, "执行/决算", "201", "一般公共服务支出", "4,304.39", Decimal("43043900.00")),
        (2015, "执行/决算", "210", "卫生健康支出", "14.27", Decimal("142700.00")),
        (2015, "执行/决算", "221", "住房保障支出", "120.56", Decimal("1205600.00")),
        (2016, "预算", "201", "一般公共服务支出", "5,478.02", Decimal("54780200.00")),
        (2016, "预算", "206", "科学技术支出", "501.50", Decimal("5015000.00")),
        (2016, "预算", "210", "卫生健康支出", "22.84", Decimal("228400.00")),
        (2016, "预算", "221", "住房保障支出", "148.28", Decimal("1482800.00")),
    ]
    # 210 is printed under its 2016 name; the dimension gives today's national name.
    assert {r["printed_label"] for r in rows if r["class_code"] == "210"} == {"三、医疗卫生与计划生育支出"}
    assert {r["department_name"] for r in rows} == {LAISUI}


def test_indicator_targets_by_type(warehouse_con):
    rows = run_analysis(warehouse_con, "indicator_targets_by_type")
    laisui = [r for r in rows if r["file_name"] == "gz-laisui-bureau-project-targets.txt"]
    # The 来穗局 project table prints 42 indicators, each with a 实施周期指标值 and a 年度指标值:
    # 4 + 4 + 8 + 2 + 5 + 4 + 4 + 4 + 4 + 3 over its ten projects.
    assert len(laisui) == 42
    assert all(r["cycle_value_text"] is not None for r in laisui)
    by_name = {(r["project_name"], r["indicator_name"]): r for r in laisui}
    # lines 39-44 (业务用房物业管理费): 11-数量指标 物管服务覆盖率 ≥90%; 12-质量指标 有效投诉量 ≦2;
    # 31-服务对象满意度 评价满意度 ≥90%
    coverage = by_name[("业务用房物业管理费", "物管服务覆盖率")]
    assert (coverage["level2_code"], coverage["value_text"], coverage["comparison"], coverage["target_value"],
            coverage["target_unit"]) == ("11", "≥90%", ">=", Decimal("90.000000"), "%")
    complaints = by_name[("业务用房物业管理费", "有效投诉量")]
    assert (complaints["level2_code"], complaints["comparison"], complaints["target_value"]) == (
        "12", "<=", Decimal("2.000000"))
    # lines 67-69 (广州市城市社区网格化服务管理项目): 24-可持续影响 网格事件分析报告数量 ≥1份/季度
    reports = by_name[("广州市城市社区网格化服务管理项目", "网格事件分析报告数量")]
    assert (reports["level1_code"], reports["level2_code"], reports["target_value"], reports["target_unit"],
            reports["target_period"], reports["cycle_value_text"]) == ("2", "24", Decimal("1.000000"), "份", "季度",
                                                                      "≥1份/季度")
    # every 二级 code sits under its 一级 code (11 under 1, 22 under 2 …)
    assert all(r["level2_code"].startswith(r["level1_code"]) for r in rows if r["level2_code"])


def test_narrative_vs_table_disagreements(warehouse_con):
    rows = run_analysis(warehouse_con, "narrative_vs_table_disagreements")
    # 2016 budget line 168: 科学技术支出 501.50 万元，比上年增加 501.50 万元，增长 100.00% -- 表四 prints no 2015
    # figure on the 206 科学技术支出 row (line 464), so the base is zero and no percentage follows from it. Every
    # other total, change, growth and share of the narrative agrees with the tables (read by hand: lines 82-184).
    assert [(r["file_name"], r["line_start"], r["statement_kind"], r["subject_label"], r["stated"], r["tables_give"],
             r["rule_id"], r["severity"]) for r in rows] == [
        ("gz-laisui-bureau-2016-department-budget.txt", 168, "growth", "科学技术支出", "100.00%", None,
         "NAR-CALC-004", "warning"),  # the general rule, in place of NAR-GROWTH-002 (one finding per error)
    ]
    assert rows[0]["current_source"] == "表四 gz-laisui-bureau-2016-department-budget.txt:464"
    assert rows[0]["base_source"] == "表四 gz-laisui-bureau-2016-department-budget.txt:464 (no prior-year figure printed)"
