"""Sums an analyst cannot get wrong: the safe-to-sum marts (budget_by_function_class_year,
execution_by_department_year) and the is_canonical_for_sum flag add up to the 合计 printed in every bundled
document (documents/) and every real document (documents/real, built into a warehouse of its own).

Every expected value below was read by hand from the document's text at the line named beside it (万元 figures
written in yuan). A sum of printed figures is honest within the rounding of what it adds up: |Σ − 合计| must stay
below the half-steps of the figures summed plus that of the printed 合计 (the project's tolerance rule; figures
printed in whole yuan therefore have to match exactly).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from loaders import build as pipeline
from tests.conftest import ROOT

REAL = ROOT / "documents" / "real"

# (file, fiscal year, phase) -> (printed 合计 in yuan, its unit and decimals, where it is printed)
BUNDLED_BUDGET_TOTALS = {
    # 表三/表四 合计 6,150.64 万元 (2016 预算); 表四's 2015 columns: 年初预算 4,736.11, 调整后预算 4,736.11, 执行 4,439.22
    ("gz-laisui-bureau-2016-department-budget.txt", 2016, "预算"): (Decimal("61506400"), "万元", 2, "line 448"),
    ("gz-laisui-bureau-2016-department-budget.txt", 2015, "年初预算"): (Decimal("47361100"), "万元", 2, "line 448"),
    ("gz-laisui-bureau-2016-department-budget.txt", 2015, "调整后预算"): (Decimal("47361100"), "万元", 2, "line 448"),
    ("gz-laisui-bureau-2016-department-budget.txt", 2015, "执行/决算"): (Decimal("44392200"), "万元", 2, "line 448"),
}
REAL_BUDGET_TOTALS = {
    # 支出决算表 合计 2,940.05 万元
    ("sh-putuo-finance-2024-final-accounts.pdf", 2024, "执行/决算"): (Decimal("29400500"), "万元", 2, "layout line 331"),
    # 部门支出预算总表 合计 91,016,775.35 元
    ("sh-putuo-govoffice-2025-dept-budget.pdf", 2025, "预算"): (Decimal("91016775.35"), "元", 2, "layout line 211"),
    # 部门支出预算总表 合计 156,211,123 元
    ("sh-putuo-wanli-2024-dept-budget.pdf", 2024, "预算"): (Decimal("156211123"), "元", 0, "layout line 488"),
    # 预算单位支出预算总表 合计 12,121,164 元
    ("sh-putuo-welfarehome-2024-unit-budget.pdf", 2024, "预算"): (Decimal("12121164"), "元", 0, "layout line 183"),
}
# Class rows printed in the same tables (the reproduction: class 201 of the 2016 budget is 5,478.02 万元,
# line 450; the other classes of 表四 on lines 464-478).
CLASS_TOTALS = {
    ("gz-laisui-bureau-2016-department-budget.txt", 2016, "预算", "201"): Decimal("54780200"),   # 5,478.02
    ("gz-laisui-bureau-2016-department-budget.txt", 2016, "预算", "206"): Decimal("5015000"),    # 501.50
    ("gz-laisui-bureau-2016-department-budget.txt", 2016, "预算", "210"): Decimal("228400"),     # 5.00 + 17.84
    ("gz-laisui-bureau-2016-department-budget.txt", 2016, "预算", "221"): Decimal("1482800"),    # 148.28
    ("gz-laisui-bureau-2016-department-budget.txt", 2015, "执行/决算", "201"): Decimal("43043900"),  # 4,304.39
    ("sh-putuo-welfarehome-2024-unit-budget.pdf", 2024, "预算", "208"): Decimal("11281624"),     # layout line 155
}
# execution_by_department_year: (file, year) -> (年初预算, 调整后预算, 执行) as printed
EXECUTION_TOTALS = {
    # 表四 合计 line: 4,736.11 4,736.11 4,439.22 94%
    ("gz-laisui-bureau-2016-department-budget.txt", 2015): (Decimal("47361100"), Decimal("47361100"),
                                                            Decimal("44392200")),
    # 年初预算资金是 80 万元 … 2022 年度指标金额是 16.5 万元,实际支出 16.5 万元 (line 19)
    ("baiyun-zfw-2022-laisui-evaluation.txt", 2022): (Decimal("800000"), Decimal("165000"), Decimal("165000")),
    # 45万元 … 2023年度指标金额是 15.14万元，实际支出 15.13万元 (lines 22-24)
    ("baiyun-zfw-2023-laisui-evaluation.txt", 2023): (Decimal("450000"), Decimal("151400"), Decimal("151300")),
}
# Documents whose tables print no 功能分类 code: their 合计 is reached through fct_appropriations' flag.
UNCODED_TOTALS = {
    # 项目支出绩效目标表 合计 950.00 万元 (line 8)
    ("gz-laisui-bureau-project-targets.txt", "total"): Decimal("9500000"),
}


def half_step(unit: str, decimals: int) -> Decimal:
    return Decimal(10000 if unit == "万元" else 1) * Decimal("0.5") * Decimal(10) ** -decimals


@pytest.fixture(scope="module")
def built_real(tmp_path_factory):
    """documents/real built into a warehouse of its own."""
    warehouse = tmp_path_factory.mktemp("real") / "real.duckdb"
    report = pipeline.build(REAL, warehouse)
    assert report.published, report.dbt.failed_nodes() if report.dbt else report
    return warehouse


def _connect(path: Path):
    return duckdb.connect(str(path), read_only=True)


def _budget_sums(con) -> dict:
    rows = con.execute("""
        select b.file_name, b.fiscal_year, b.phase, sum(b.amount_yuan), sum(b.figures)
        from budget_by_function_class_year as b group by all""").fetchall()
    return {(f, y, p): (total, figures) for f, y, p, total, figures in rows}


def _half_steps_of_summed(con, file_name: str, year: int, phase: str) -> Decimal:
    """Σ half-steps of the figures budget_by_function_class_year added up for this document, year and phase."""
    rows = con.execute("""
        select a.printed_unit, a.printed_decimals
        from fct_appropriations as a
        inner join (select distinct document_sha256, fiscal_year, phase, measure
                    from budget_by_function_class_year) as b
            on b.document_sha256 = a.document_sha256 and b.fiscal_year = a.figure_year
            and b.phase = a.phase and b.measure = a.measure
        where a.is_canonical_for_sum and a.file_name = ? and a.figure_year = ? and a.phase = ?""",
                       [file_name, year, phase]).fetchall()
    return sum((half_step(unit, decimals) for unit, decimals in rows), Decimal(0))


def _assert_budget_totals(con, expected: dict) -> None:
    sums = _budget_sums(con)
    assert set(sums) == set(expected), "every document with a 功能分类 table, every year and phase, and no other"
    for key, (printed, unit, decimals, where) in expected.items():
        total, _ = sums[key]
        tolerance = _half_steps_of_summed(con, *key) + half_step(unit, decimals)
        assert abs(total - printed) < tolerance, (key, where, total, printed, tolerance)


def test_budget_by_class_adds_up_to_the_printed_total_bundled(warehouse_con):
    _assert_budget_totals(warehouse_con, BUNDLED_BUDGET_TOTALS)
    # figures printed to the 万元 cent that add up exactly in the document add up exactly here
    sums = _budget_sums(warehouse_con)
    for key, (printed, *_rest) in BUNDLED_BUDGET_TOTALS.items():
        assert sums[key][0] == printed, key


def test_budget_by_class_adds_up_to_the_printed_total_real(built_real):
    con = _connect(built_real)
    try:
        _assert_budget_totals(con, REAL_BUDGET_TOTALS)
        sums = _budget_sums(con)
        # printed in whole yuan (or to the fen) with no rounding between rows: exact
        for key in [k for k in REAL_BUDGET_TOTALS if "finance" not in k[0]]:
            assert sums[key][0] == REAL_BUDGET_TOTALS[key][0], key
        # the 决算 prints 万元 to two decimals and its 项 add up to 2,940.06, one hundredth over the printed 合计
        assert sums[("sh-putuo-finance-2024-final-accounts.pdf", 2024, "执行/决算")][0] == Decimal("29400600")
        # the welfare home's misprinted code 71102 (事业单位医疗 under 款 21011) is an orphan: not counted twice
        orphan = con.execute("""
            select is_orphan, is_canonical_for_sum from fct_appropriations
            where file_name = 'sh-putuo-welfarehome-2024-unit-budget.pdf' and function_code = '71102'
                and table_name = '2024年预算单位支出预算总表' and measure = 'total'""").fetchall()
        assert orphan == [(True, False)]
    finally:
        con.close()


def test_budget_by_class_matches_printed_class_rows(warehouse_con, built_real):
    real = _connect(built_real)
    try:
        for (file_name, year, phase, code), printed in CLASS_TOTALS.items():
            con = real if file_name.endswith(".pdf") else warehouse_con
            got = con.execute("""
                select amount_yuan from budget_by_function_class_year
                where file_name = ? and fiscal_year = ? and phase = ? and function_class_code = ?""",
                              [file_name, year, phase, code]).fetchall()
            assert got == [(printed,)], (file_name, year, phase, code)
    finally:
        real.close()


def test_execution_by_department_year_adds_up_to_the_printed_totals(warehouse_con):
    rows = warehouse_con.execute("""
        select file_name, fiscal_year, initial_budget_yuan, adjusted_budget_yuan, actual_yuan
        from execution_by_department_year""").fetchall()
    assert {(f, y): (i, a, x) for f, y, i, a, x in rows} == EXECUTION_TOTALS
    # the reproduction: the naive sum over fct_execution is 284,166,600 for 2015; the flagged lines give 合计
    naive, flagged = warehouse_con.execute("""
        select sum(initial_budget_yuan), sum(initial_budget_yuan) filter (where is_canonical_for_sum)
        from fct_execution where fiscal_year = 2015""").fetchone()
    assert naive > flagged == Decimal("47361100")
    # a 2015 执行率 of the whole table: 4,439.22 / 4,736.11 = 93.73 % (printed 94%)
    rate = warehouse_con.execute("""select computed_rate_pct from execution_by_department_year
                                    where fiscal_year = 2015""").fetchone()[0]
    assert rate == Decimal("93.73")


def test_budget_adjustments_to_sum_are_the_stated_changes(warehouse_con):
    # 压减经费回收预算指标63.5 万元 (2022 report, line 19); 划拨经费指标 29.86万元 (2023 report, line 22)
    rows = warehouse_con.execute("""
        select file_name, sum(adjustment_yuan) from fct_budget_adjustments where is_canonical_for_sum
        group by 1 order by 1""").fetchall()
    assert rows == [("baiyun-zfw-2022-laisui-evaluation.txt", Decimal("-635000")),
                    ("baiyun-zfw-2023-laisui-evaluation.txt", Decimal("-298600"))]


def test_uncoded_documents_reach_their_total_through_the_flag(warehouse_con):
    for (file_name, measure), printed in UNCODED_TOTALS.items():
        total = warehouse_con.execute("""
            select sum(amount_yuan) from fct_appropriations
            where is_canonical_for_sum and file_name = ? and measure = ?""", [file_name, measure]).fetchone()[0]
        assert total == printed


def _assert_one_canonical_table_and_its_total(con) -> None:
    """Every document, year, measure and phase has exactly one canonical table, and where that table prints a top
    合计 line the flagged figures add up to it within their rounding."""
    several = con.execute("""
        select file_name, figure_year, measure, phase, count(distinct table_name)
        from fct_appropriations where is_canonical_table group by all having count(distinct table_name) <> 1
        union all
        select file_name, figure_year, measure, phase, 0 from fct_appropriations group by all
        having not bool_or(is_canonical_table)""").fetchall()
    assert several == []
    rows = con.execute("""
        with canonical as (
            -- a two-sided 收支总表 prints 本年收入合计, 本年支出合计 and 总计 in one column: not one 合计 to compare
            select * from fct_appropriations
            where is_canonical_table and not regexp_matches(table_name, '收支|收入支出')
        ),
        sums as (
            select file_name, figure_year, measure, phase, sum(amount_yuan) as summed,
                list(struct_pack(u := printed_unit, d := printed_decimals)) as steps
            from canonical where is_canonical_for_sum group by all
        ),
        totals as (
            select file_name, figure_year, measure, phase, sum(amount_yuan) as printed,
                list(struct_pack(u := printed_unit, d := printed_decimals)) as steps
            from canonical where row_level = 'total' and not is_canonical_for_sum
            group by all
        )
        select sums.file_name, sums.figure_year, sums.measure, sums.phase, summed, printed, sums.steps, totals.steps
        from sums inner join totals
            on totals.file_name = sums.file_name and totals.figure_year is not distinct from sums.figure_year
            and totals.measure = sums.measure and totals.phase = sums.phase""").fetchall()
    assert rows, "no table with a 合计 line"
    for file_name, year, measure, phase, summed, printed, steps, total_steps in rows:
        tolerance = sum((half_step(s["u"], s["d"]) for s in [*steps, *total_steps]), Decimal(0))
        assert abs(summed - printed) < tolerance, (file_name, year, measure, phase, summed, printed)


def test_one_canonical_table_adding_up_to_its_total(warehouse_con, built_real):
    _assert_one_canonical_table_and_its_total(warehouse_con)
    con = _connect(built_real)
    try:
        _assert_one_canonical_table_and_its_total(con)
    finally:
        con.close()


def test_row_levels_are_the_printed_levels(warehouse_con):
    levels = dict(warehouse_con.execute("""
        select function_code, row_level from fct_appropriations
        where table_name like '表四%' and figure_year = 2015 and measure = 'initial_budget'
            and function_code is not null""").fetchall())
    assert levels["201"] == "class" and levels["20103"] == "section" and levels["2010301"] == "item"
    labels = dict(warehouse_con.execute("""
        select row_label, row_level_zh from fct_appropriations
        where table_name like '表四%' and figure_year = 2015 and measure = 'initial_budget'""").fetchall())
    assert labels["合计"] == "合计" and labels["一、一般公共服务支出"] == "类" and labels["行政运行"] == "项"


def test_generated_documents_add_up_to_their_generated_totals(tmp_path):
    """Documents the rule was not written on: a generated corpus (seed unlike test_synthetic's). Every document,
    year, measure and phase has one canonical table adding up to its 合计, and budget_by_function_class_year adds up
    to the 合计 the generator printed (its truth file) in the table and column it chose."""
    from loaders.build import run_dbt
    from loaders.load import load_directory
    from loaders.synthetic.corpus import read_csv, truth_path, write_corpus

    docs = tmp_path / "docs"
    write_corpus(docs, 10, seed=777)
    warehouse = tmp_path / "synthetic.duckdb"
    con = duckdb.connect(str(warehouse))
    load_directory(con, docs, workers=1)
    con.close()
    outcome = run_dbt(warehouse)
    assert outcome.success, outcome.failed_nodes() or outcome.error

    printed: dict[tuple, list] = {}
    for row in read_csv(truth_path(docs)):
        if row["row_label"].replace(" ", "") == "合计" and row["faulty"] == "0":
            value = Decimal(row["value_text"].replace(",", "")) * (10000 if row["printed_unit"] == "万元" else 1)
            decimals = len(row["value_text"].partition(".")[2])
            printed.setdefault((row["file_name"], row["table_name"], row["measure"]), []).append(
                (value, half_step(row["printed_unit"], decimals)))

    con = _connect(warehouse)
    try:
        _assert_one_canonical_table_and_its_total(con)
        sums = con.execute("""
            select file_name, table_name, measure, sum(amount_yuan)
            from budget_by_function_class_year group by all""").fetchall()
        assert len(sums) >= 4, "the corpus has 部门预算 and 决算 with 功能分类 tables"
        for file_name, table_name, measure, total in sums:
            [(value, step)] = printed[(file_name, table_name, measure)]
            year_sql = """
                select a.printed_unit, a.printed_decimals from fct_appropriations as a
                where a.is_canonical_for_sum and a.file_name = ? and a.table_name = ? and a.measure = ?"""
            tolerance = step + sum((half_step(u, d) for u, d in con.execute(
                year_sql, [file_name, table_name, measure]).fetchall()), Decimal(0))
            assert abs(total - value) < tolerance, (file_name, table_name, measure, total, value)
        # the changes to sum of a table are its 调整后预算 − 年初预算, line by line and in total
        tables = con.execute("""
            select e.document_sha256, e.fiscal_year, e.adjusted_budget_yuan - e.initial_budget_yuan,
                coalesce((select sum(a.adjustment_yuan) from fct_budget_adjustments as a
                          where a.is_canonical_for_sum and a.document_sha256 = e.document_sha256
                              and a.fiscal_year = e.fiscal_year), 0)
            from execution_by_department_year as e
            where e.source_kind = 'table' and e.initial_budget_lines = e.lines
                and e.adjusted_budget_lines = e.lines""").fetchall()
        assert tables, "the corpus has 部门预算 printing the prior year's 年初预算 and 调整后预算"
        assert all(change == summed for _, _, change, summed in tables), tables
    finally:
        con.close()
