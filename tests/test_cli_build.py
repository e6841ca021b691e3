"""`yusuan build` for schedules and people: phases and counts while it runs, one summary line at the end,
`--quiet` (the summary line only) and `--format json` (one JSON object) for cron and CI, and the exit codes of the
publication status (README, "Publication status": 0 complete, 1 published but incomplete, 3 nothing published)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from loaders import build as pipeline
from loaders.cli import app, build_summary, summary_line

from conftest import copy_documents

runner = CliRunner()
REPORTS = ["baiyun-zfw-2022-laisui-evaluation.txt", "baiyun-zfw-2023-laisui-evaluation.txt"]
SUMMARY_KEYS = {"published", "publication_status", "exit_code", "status", "run_id", "warehouse", "documents",
                "figures", "findings", "findings_by_severity", "gate", "dbt", "dbt_failed", "refusal", "not_loaded",
                "not_loaded_more", "problems", "seconds"}


def published_copy(built, tmp_path: Path) -> Path:
    _, warehouse = built
    target = tmp_path / "warehouse" / "yusuan.duckdb"
    target.parent.mkdir(parents=True)
    shutil.copyfile(warehouse, target)
    return target


def findings_by_category(warehouse: Path) -> dict[str, int]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        counts = dict(con.execute("select publication_category, count(*) from fct_findings group by 1").fetchall())
    finally:
        con.close()
    return {category: counts.get(category, 0) for category in ("publisher_error", "data_not_read", "notice")}


def publication_status_row(warehouse: Path) -> dict:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        cursor = con.execute("select * from ops.publication_status")
        columns = [d[0] for d in cursor.description]
        rows = [dict(zip(columns, row)) for row in cursor.fetchall()]
    finally:
        con.close()
    assert len(rows) == 1
    return rows[0]


def test_json_is_one_object_with_the_summary_and_data_not_read_publishes_incomplete(built, tmp_path):
    warehouse = published_copy(built, tmp_path)
    docs = copy_documents(tmp_path / "docs")
    result = runner.invoke(app, ["build", str(docs), "--warehouse", str(warehouse), "--format", "json"])
    # the bundled documents print rows the loaders could not place (LOAD-UNPLACED-FIGURE, LOAD-AMBIGUOUS-ROW …):
    # the warehouse is published, and says it is incomplete
    assert result.exit_code == pipeline.EXIT_INCOMPLETE == 1, result.output
    summary = json.loads(result.stdout)  # the whole of stdout is one JSON object
    assert set(summary) == SUMMARY_KEYS
    assert summary["published"] is True and summary["publication_status"] == "incomplete"
    assert summary["exit_code"] == 1 and summary["status"] == "published"
    assert summary["documents"] == {"in_folder": 5, "parsed": 0, "unchanged": 5, "not_loaded": 0, "removed": 0}
    # nothing changed since the published build: dbt was not rerun
    assert summary["dbt"] == {"mode": None, "engine": None, "documents_in_scope": 0, "replay_note": None}
    assert summary["findings"] == findings_by_category(warehouse)
    assert summary["findings"]["data_not_read"] > 0 and summary["findings"]["publisher_error"] > 0
    row = publication_status_row(warehouse)
    assert row["run_id"] == summary["run_id"] and row["publication_status"] == "incomplete" and row["exit_code"] == 1
    assert row["findings_data_not_read"] == summary["findings"]["data_not_read"]


def test_quiet_prints_only_the_summary_line(built, tmp_path):
    warehouse = published_copy(built, tmp_path)
    docs = copy_documents(tmp_path / "docs")
    result = runner.invoke(app, ["build", str(docs), "--warehouse", str(warehouse), "--quiet"])
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    counts = findings_by_category(warehouse)
    assert lines[0].startswith("yusuan build: published incomplete · 5 documents (0 parsed, 5 unchanged, 0 not "
                               "loaded) · figures landed: ")
    assert (f"findings: {counts['publisher_error']} publisher errors, {counts['data_not_read']} data not read, "
            f"{counts['notice']} notices · ") in lines[0]
    assert lines[0].endswith(" s · exit 1")
    assert result.stderr == ""


def test_not_on_a_terminal_no_animation_and_no_table_of_documents(built, tmp_path):
    warehouse = published_copy(built, tmp_path)
    docs = copy_documents(tmp_path / "docs")
    result = runner.invoke(app, ["build", str(docs), "--warehouse", str(warehouse)])
    assert result.exit_code == 1, result.output
    assert "\r" not in result.output and "\x1b[" not in result.output  # no redrawn progress line, no colours
    assert "baiyun-zfw-2022-laisui-evaluation.txt" not in result.output  # no line per document in a cron log
    assert "publication status: incomplete: " in result.stdout
    assert result.stdout.splitlines()[-1].startswith("yusuan build: published incomplete · 5 documents")


def test_usage_and_lock_errors_in_json_and_quiet(tmp_path):
    missing = tmp_path / "none"
    result = runner.invoke(app, ["build", str(missing), "--warehouse", str(tmp_path / "w.duckdb"), "-f", "json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout) == {"published": False, "exit_code": 2,
                                         "error": f"{missing} is not a folder of documents"}
    result = runner.invoke(app, ["build", str(tmp_path), "--format", "yaml"])
    assert result.exit_code == 2 and "--format must be text or json" in result.output
    docs = tmp_path / "docs"
    docs.mkdir()
    warehouse = tmp_path / "w.duckdb"
    with pipeline.build_lock(warehouse):
        locked = runner.invoke(app, ["build", str(docs), "--warehouse", str(warehouse), "--format", "json"])
        quiet = runner.invoke(app, ["build", str(docs), "--warehouse", str(warehouse), "--quiet"])
    assert locked.exit_code == quiet.exit_code == pipeline.EXIT_LOCKED == 4
    answer = json.loads(locked.stdout)
    assert answer["published"] is False and answer["exit_code"] == 4 and "is running on" in answer["error"]
    assert quiet.stdout == "" and "is running on" in quiet.stderr


def test_progress_phases_and_counts_and_a_complete_publication(tmp_path):
    """Two evaluation reports whose every figure is read: published complete, exit 0; the progress callback is told
    every phase in order, the documents parsed 0..2 of 2 and the dbt nodes up to their total."""
    docs = copy_documents(tmp_path / "docs", REPORTS)
    warehouse = tmp_path / "w.duckdb"
    calls: list[tuple[str, int | None, int | None]] = []
    report = pipeline.build(docs, warehouse, progress=lambda *call: calls.append(call))
    phases = list(dict.fromkeys(phase for phase, _, _ in calls))
    assert phases == ["reading", "parsing", "landing", "dbt", "gate", "publish"] == list(pipeline.PHASES)
    assert [(done, total) for phase, done, total in calls if phase == "parsing"] == [(0, 2), (1, 2), (2, 2)]
    dbt = [(done, total) for phase, done, total in calls if phase == "dbt" and total is not None]
    totals = {total for _, total in dbt}
    assert len(totals) == 1 and totals.pop() > 100  # every model, seed and test of the project
    assert dbt[-1][0] == dbt[-1][1]  # every node finished
    assert [done for done, _ in dbt] == sorted(done for done, _ in dbt)
    assert report.published and report.publication_status == "complete" and report.exit_code == pipeline.EXIT_OK
    summary = build_summary(report)
    assert summary["findings"] == findings_by_category(warehouse) and summary["findings"]["data_not_read"] == 0
    assert summary["documents"] == {"in_folder": 2, "parsed": 2, "unchanged": 0, "not_loaded": 0, "removed": 0}
    assert summary_line(report).startswith("yusuan build: published complete · 2 documents (2 parsed, 0 unchanged, "
                                           "0 not loaded) · figures landed: 75 · ")  # 35 + 40 (test_warehouse)
    assert publication_status_row(warehouse)["publication_status"] == "complete"
