"""The built warehouse: what an analyst queries, what dbt checked, and the command line around it."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal

import duckdb
from typer.testing import CliRunner

from loaders import build as pipeline
from loaders.cli import app

from conftest import copy_documents

runner = CliRunner()


def test_build_ran_every_dbt_node_without_error(built):
    report, _ = built
    statuses = {r["status"] for r in report.dbt.results if r["resource_type"] != "exposure"}  # exposures: no-op
    assert statuses <= {"success", "pass", "warn"}, report.dbt.failed_nodes()
    names = {r["name"] for r in report.dbt.results}
    # The fixture tests of the generic checks run with every build.
    assert {"test_adjustment_balances_fixtures", "test_reported_rate_matches_fixtures"} <= names
    assert any(r["resource_type"] == "unit_test" for r in report.dbt.results)
    # On the bundled reports the execution arithmetic holds: no warning from those rules.
    execution_tests = [r for r in report.dbt.results if "fct_execution" in r["unique_id"]]
    assert execution_tests and all(r["status"] in ("pass", "success") for r in execution_tests)


def test_execution_rates_of_both_reports(warehouse_con):
    rows = warehouse_con.execute(
        "select fiscal_year, project_name, initial_budget_yuan, adjustment_yuan, adjusted_budget_yuan, actual_yuan, "
        "reported_rate_pct, reported_rate_decimals, computed_rate_pct, adjustment_label from fct_execution "
        "where source_kind = 'evaluation_report' order by fiscal_year").fetchall()
    assert rows == [
        (2022, "来穗专项工作", Decimal("800000.00"), Decimal("-635000.00"), Decimal("165000.00"),
         Decimal("165000.00"), Decimal("100.00"), 0, Decimal("100.00"), "压减经费回收预算指标"),
        (2023, "来穗工作经费", Decimal("450000.00"), Decimal("-298600.00"), Decimal("151400.00"),
         Decimal("151300.00"), Decimal("99.93"), 2, Decimal("99.93"), "划拨经费指标"),
    ]


def test_every_execution_figure_is_traceable_to_its_line(warehouse_con):
    row = warehouse_con.execute(
        "select initial_budget_source, adjustment_source, adjusted_budget_source, actual_source, reported_rate_source "
        "from fct_execution where fiscal_year = 2023 and source_kind = 'evaluation_report'").fetchone()
    assert row == ("baiyun-zfw-2023-laisui-evaluation.txt:20-22", "baiyun-zfw-2023-laisui-evaluation.txt:22",
                   "baiyun-zfw-2023-laisui-evaluation.txt:24", "baiyun-zfw-2023-laisui-evaluation.txt:24",
                   "baiyun-zfw-2023-laisui-evaluation.txt:26")


def test_departments_dimension(warehouse_con):
    row = warehouse_con.execute(
        "select government_level, region, document_count from dim_departments "
        "where department_name = '中共广州市白云区委政法委员会'").fetchone()
    assert row == ("区", "广州市白云区", 2)


def test_money_is_decimal_in_the_marts(warehouse_con):
    types = dict(warehouse_con.execute(
        "select column_name, data_type from information_schema.columns where table_name = 'fct_execution'").fetchall())
    assert types["actual_yuan"] == "DECIMAL(18,2)" and types["reported_rate_pct"] == "DECIMAL(9,2)"


def test_query_command_prints_the_rates(built):
    _, warehouse = built
    result = runner.invoke(app, ["query", "select fiscal_year, reported_rate_pct, computed_rate_pct from fct_execution "
                                 "where source_kind = 'evaluation_report' order by 1", "--warehouse", str(warehouse),
                                 "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["fiscal_year,reported_rate_pct,computed_rate_pct", "2022,100.00,100.00",
                                          "2023,99.93,99.93"]
    as_json = runner.invoke(app, ["query", "select fiscal_year, computed_rate_pct from fct_execution "
                                  "where source_kind = 'evaluation_report' order by 1",
                                  "--warehouse", str(warehouse), "--format", "json"])
    assert json.loads(as_json.output) == [{"fiscal_year": 2022, "computed_rate_pct": "100.00"},
                                          {"fiscal_year": 2023, "computed_rate_pct": "99.93"}]


def test_query_is_read_only_and_reports_sql_errors(built):
    _, warehouse = built
    result = runner.invoke(app, ["query", "delete from fct_execution", "--warehouse", str(warehouse)])
    assert result.exit_code == 1 and "read-only" in result.output.lower()
    result = runner.invoke(app, ["query", "select nope from fct_execution", "--warehouse", str(warehouse)])
    assert result.exit_code == 1 and "SQL error" in result.output


def test_rebuild_keeps_row_counts_and_parses_nothing_new(built, tmp_path):
    _, warehouse = built
    copy = tmp_path / "w.duckdb"
    shutil.copyfile(warehouse, copy)
    docs = copy_documents(tmp_path / "docs")

    def table_counts():
        con = duckdb.connect(str(copy), read_only=True)
        try:
            return {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                    for t in ("raw.figures", "raw.indicators", "fct_execution", "fct_findings", "dim_documents")}
        finally:
            con.close()

    before = table_counts()
    report = pipeline.build(docs, copy)
    assert report.published
    assert report.load.count("completed") == 0  # unchanged documents are not parsed again
    assert table_counts() == before


def test_failed_documents_give_exit_code_1_and_are_named(tmp_path):
    docs = copy_documents(tmp_path / "docs", ["baiyun-zfw-2023-laisui-evaluation.txt"])
    (docs / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["build", str(docs), "--warehouse", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 1, result.output
    assert "empty.txt: empty file" in result.output
    assert "figures landed: 40" in result.output


def test_build_of_missing_folder_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["build", str(tmp_path / "nothing-here")])
    assert result.exit_code == 2


def test_help_states_exit_codes():
    for command in ("build", "query"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Exit codes" in result.output


def test_every_rule_id_the_loaders_emit_is_in_the_catalog():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    emitted = set()
    for path in (root / "loaders").rglob("*.py"):
        emitted |= set(re.findall(r'"(LOAD-[A-Z-]+[A-Z])"', path.read_text(encoding="utf-8")))
    catalog = {line.split(",", 1)[0] for line in (root / "seeds" / "rule_catalog.csv").read_text(
        encoding="utf-8").splitlines()[1:]}
    assert emitted - catalog == set()


def test_check_reports_a_wrong_rate_with_its_lines_and_exit_code_1(tmp_path):
    source = (copy_documents(tmp_path / "d", ["baiyun-zfw-2023-laisui-evaluation.txt"])
              / "baiyun-zfw-2023-laisui-evaluation.txt")
    bad = tmp_path / "report.txt"
    bad.write_text(source.read_text(encoding="utf-8").replace("实际支出 15.13万元", "实际支出 15.03万元"),
                   encoding="utf-8")
    result = runner.invoke(app, ["check", str(bad), "--format", "json"])
    assert result.exit_code == 1, result.output
    findings = json.loads(result.output)
    assert [(f["rule_id"], f["severity"], f["file"]) for f in findings] == [("EXE-RATE-001", "error", "report.txt")]
    finding = findings[0]
    assert 24 in finding["lines"] and 26 in finding["lines"]
    assert Decimal(finding["lhs"]) == Decimal("99.93") and Decimal(finding["rhs"]) == Decimal("99.273448")
    assert "15.03万元" in finding["quoted_source"]
    assert (finding["publication_category"], finding["value_unit"], finding["lhs_in_unit"]) == (
        "publisher_error", "%", "99.93")
    table = runner.invoke(app, ["check", str(bad)])  # the table shows the category and the rate with its unit
    assert table.exit_code == 1 and "publisher_error" in table.output and "99.93 %" in table.output, table.output
    clean = runner.invoke(app, ["check", str(source), "--format", "json"])
    assert clean.exit_code == 0 and json.loads(clean.output) == []
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert runner.invoke(app, ["check", str(empty)]).exit_code == 2


def test_a_failing_gate_leaves_the_published_warehouse_byte_for_byte(built, tmp_path, monkeypatch):
    from loaders.gate import GateCheck, GateResult

    _, warehouse = built
    published = tmp_path / "w.duckdb"
    shutil.copyfile(warehouse, published)
    before = published.read_bytes()
    docs = copy_documents(tmp_path / "docs")
    path = docs / "baiyun-zfw-2023-laisui-evaluation.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("15.13万元", "15.12万元"), encoding="utf-8")

    def failing_gate(candidate, previous, data_docs_dir=None, **_options):
        check = GateCheck(suite="fct_execution", expectation="expect_test_failure", column=None, success=False,
                          observed=None, message="forced failure", mart="fct_execution")
        return GateResult(success=False, checks=[check])

    monkeypatch.setattr(pipeline, "run_gate", failing_gate)
    report = pipeline.build(docs, published)
    assert not report.published and report.exit_code == pipeline.EXIT_BUILD_FAILED
    assert published.read_bytes() == before
    assert not list(tmp_path.glob(".w.building*"))
