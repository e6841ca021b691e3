"""The example analyses in analyses/ run against the built warehouse and return what a person reads in the documents."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

ANALYSES = Path(__file__).resolve().parent.parent / "analyses"


def run_analysis(con, name: str):
    sql = (ANALYSES / f"{name}.sql").read_text(encoding="utf-8")
    sql = re.sub(r"\{\{\s*ref\('([a-z_]+)'\)\s*\}\}", r"main.\1", sql)
    return con.execute(sql).fetchall()


def test_execution_rate_by_department_and_year(warehouse_con):
    rows = run_analysis(warehouse_con, "execution_rate_by_department_and_year")
    assert [(r[0], r[1], r[7], r[8]) for r in rows] == [
        ("中共广州市白云区委政法委员会", 2022, Decimal("100.00"), Decimal("100.00")),
        ("中共广州市白云区委政法委员会", 2023, Decimal("99.93"), Decimal("99.93")),
    ]


def test_largest_mid_year_cuts(warehouse_con):
    rows = run_analysis(warehouse_con, "largest_mid_year_cuts")
    # 2022: 63.5 of 80 万元 cut (79.38%); 2023: 29.86 of 45 万元 (66.36%).
    assert [(r[1], r[3], r[5], r[6]) for r in rows] == [
        (2022, "压减经费回收预算指标", Decimal("-635000.00"), -79.38),
        (2023, "划拨经费指标", Decimal("-298600.00"), -66.36),
    ]


def test_indicator_targets_by_type(warehouse_con):
    rows = run_analysis(warehouse_con, "indicator_targets_by_type")
    codes = {(r[0], r[2]) for r in rows}
    assert ("1", "11") in codes and ("3", "31") in codes
    # every 二级 code sits under its 一级 code (11 under 1, 22 under 2 …)
    assert all(level2.startswith(level1) for level1, level2 in codes)


def test_narrative_vs_table_disagreements(warehouse_con):
    rows = run_analysis(warehouse_con, "narrative_vs_table_disagreements")
    # 2016 budget line 168: 科学技术支出 501.50 万元，比上年增加 501.50 万元，增长 100.00% -- 表四 prints no 2015
    # figure on the 206 科学技术支出 row (line 464), so the base is zero and no percentage follows from it. Every
    # other total, change, growth and share of the narrative agrees with the tables (read by hand: lines 82-184).
    assert [(r[0], r[1], r[2], r[3], r[4], r[5], r[9], r[10]) for r in rows] == [
        ("gz-laisui-bureau-2016-department-budget.txt", 168, "growth", "科学技术支出", "100.00%", None,
         "NAR-GROWTH-002", "warning"),
    ]
    assert rows[0][7] == "表四 gz-laisui-bureau-2016-department-budget.txt:464"
    assert rows[0][8] == "表四 gz-laisui-bureau-2016-department-budget.txt:464 (no prior-year figure printed)"
