"""Publication under pressure: the run log, failed runs, a second build, SIGKILL at each step, readers.

The builds that are killed run as subprocesses (`python -m loaders.cli build …`) with the test hook
YUSUAN_PAUSE_AT (see loaders/build.py): the build writes a signal file when it reaches the named point and
sleeps there, and the test kills it with SIGKILL.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from loaders import build as pipeline
from loaders import runlog
from loaders.build import BuildLocked, build_lock, lock_path_for
from loaders.cli import app

from conftest import ROOT, copy_documents

runner = CliRunner()
EVALUATION_2023 = "baiyun-zfw-2023-laisui-evaluation.txt"
ACTUAL_2023 = "select actual_yuan from fct_execution where fiscal_year = 2023"


def published_copy(built, tmp_path: Path) -> Path:
    _, warehouse = built
    target = tmp_path / "wh" / "yusuan.duckdb"
    target.parent.mkdir()
    shutil.copyfile(warehouse, target)
    return target


def changed_documents(tmp_path: Path) -> Path:
    """The bundled documents with the 2023 report's actual spending changed from 15.13万元 to 15.12万元."""
    docs = copy_documents(tmp_path / "docs")
    path = docs / EVALUATION_2023
    text = path.read_text(encoding="utf-8")
    assert text.count("实际支出 15.13万元") == 1
    path.write_text(text.replace("实际支出 15.13万元", "实际支出 15.12万元"), encoding="utf-8")
    return docs


def query_one(warehouse: Path, sql: str):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchone()
    finally:
        con.close()


def run_log(warehouse: Path) -> list[dict]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        cursor = con.execute("select * from ops.run_log order by run_number")
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]
    finally:
        con.close()


def start_paused_build(docs: Path, warehouse: Path, point: str, tmp_path: Path, pause_seconds: float = 600):
    """Start `yusuan build` in a subprocess and return it once it is paused at ``point``."""
    signal_file = tmp_path / f"paused-at-{point}"
    log = (tmp_path / f"build-{point}.log").open("w")
    env = dict(os.environ, YUSUAN_PAUSE_AT=point, YUSUAN_PAUSE_SIGNAL=str(signal_file),
               YUSUAN_PAUSE_SECONDS=str(pause_seconds))
    process = subprocess.Popen([sys.executable, "-m", "loaders.cli", "build", str(docs), "--warehouse",
                                str(warehouse)], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 900
    expected = [str(process.pid), point]
    # wait on the signal's full content, not on the file's existence (it may exist before it is written)
    while not (signal_file.exists() and signal_file.read_text().split() == expected):
        if process.poll() is not None:
            pytest.fail(f"the build ended (exit {process.returncode}) before reaching {point}:\n"
                        + (tmp_path / f"build-{point}.log").read_text())
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the build did not reach {point} in time")
        time.sleep(0.2)
    return process


def kill9(process: subprocess.Popen) -> None:
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait(timeout=60) == -signal.SIGKILL


# --- the run log ---------------------------------------------------------------------------------------------

def test_first_build_logs_its_run(built):
    report, warehouse = built
    [row] = run_log(warehouse)
    # published, but incomplete: the bundled documents hold rows the loaders could not place (data_not_read)
    assert row["run_id"] == report.run.run_id and row["status"] == "published" and row["exit_code"] == 1
    assert row["publication_status"] == "incomplete" and row["findings_data_not_read"] > 0
    assert (row["documents_in_folder"], row["documents_parsed"], row["documents_added"], row["documents_changed"],
            row["documents_unchanged"], row["documents_removed"], row["documents_failed"]) == (5, 5, 5, 0, 0, 0, 0)
    counts = query_one(warehouse, "select (select count(*) from raw.figures), (select count(*) from raw.indicators), "
                                  "(select count(*) from fct_findings where severity = 'error'), "
                                  "(select count(*) from fct_findings where severity = 'warning')")
    assert (row["figures"], row["indicators"], row["findings_error"], row["findings_warning"]) == counts
    assert row["gate_result"] == "passed" and row["gate_failed_checks"] == 0 and row["gate_checks"] > 20
    assert row["started_at"] <= row["finished_at"]
    assert row["data_docs_path"] == str(pipeline.data_docs_dir(warehouse) / "index.html")
    assert Path(row["data_docs_path"]).is_file()


def test_a_second_build_with_nothing_changed_parses_nothing_and_says_so(built, tmp_path):
    warehouse = published_copy(built, tmp_path)
    docs = copy_documents(tmp_path / "docs")
    result = runner.invoke(app, ["build", str(docs), "--warehouse", str(warehouse)])
    assert result.exit_code == pipeline.EXIT_INCOMPLETE, result.output  # published; data not read is still missing
    assert "parsed nothing: every document unchanged" in result.output
    first, second = run_log(warehouse)
    assert second["status"] == "published" and second["documents_parsed"] == 0
    assert second["documents_unchanged"] == 5 and second["documents_added"] == second["documents_changed"] == 0
    assert second["gate_result"] == "unchanged" and first["run_id"] in second["message"]
    assert second["figures"] == first["figures"] and second["findings_error"] == first["findings_error"]
    print(f"\nfirst build {first['seconds']} s, second build (nothing changed) {second['seconds']} s")

    # --force reruns dbt and the gate, still without parsing anything.
    report = pipeline.build(docs, warehouse, force=True)
    assert report.published and report.load.count("completed") == 0
    assert report.dbt is not None and report.dbt.success and report.gate.success
    third = run_log(warehouse)[-1]
    assert (third["documents_parsed"], third["gate_result"]) == (0, "passed")


def test_failed_runs_go_to_the_sidecar_and_into_the_next_published_log(built, tmp_path, monkeypatch):
    from loaders.build import DbtOutcome
    from loaders.gate import GateCheck, GateResult

    warehouse = published_copy(built, tmp_path)
    docs = changed_documents(tmp_path)
    (docs / "panyu-zfw-department-targets.txt").unlink()
    before = warehouse.read_bytes()

    monkeypatch.setattr(pipeline, "run_dbt", lambda *a, **k: DbtOutcome(success=False, error="forced dbt failure"))
    failed_dbt = pipeline.build(docs, warehouse)
    assert not failed_dbt.published and warehouse.read_bytes() == before
    monkeypatch.undo()

    def failing_gate(candidate, previous, data_docs_dir=None, **_options):
        check = GateCheck(suite="fct_execution", expectation="expect_forced_failure", column=None, success=False,
                          observed="1 of 2 rows unexpected", message="forced failure", mart="fct_execution")
        return GateResult(success=False, checks=[check])

    monkeypatch.setattr(pipeline, "run_gate", failing_gate)
    failed_gate = pipeline.build(docs, warehouse)
    assert not failed_gate.published and warehouse.read_bytes() == before
    monkeypatch.undo()

    pending = runlog.read_pending(warehouse)
    assert [(r.run_id, r.status, r.exit_code) for r in pending] == [
        (failed_dbt.run.run_id, "dbt_failed", 3), (failed_gate.run.run_id, "gate_failed", 3)]
    assert pending[0].failures == "forced dbt failure" and pending[0].gate_result == "not run"
    assert "fct_execution: expect_forced_failure FAILED — forced failure" in pending[1].failures
    # What the failed runs saw: one document changed, one removed, three unchanged.
    assert all((r.documents_parsed, r.documents_changed, r.documents_removed, r.documents_unchanged) == (1, 1, 1, 3)
               for r in pending)

    published = pipeline.build(docs, warehouse)
    assert published.published and published.carried_runs == 2
    assert not runlog.sidecar_path(warehouse).exists()
    rows = run_log(warehouse)
    assert [(r["run_id"], r["status"]) for r in rows[1:]] == [
        (failed_dbt.run.run_id, "dbt_failed"), (failed_gate.run.run_id, "gate_failed"),
        (published.run.run_id, "published")]
    assert [r["run_number"] for r in rows] == [1, 2, 3, 4]  # the order they ran in, whatever the clock says
    assert rows[2]["failures"] == pending[1].failures
    last = rows[-1]
    assert (last["documents_changed"], last["documents_removed"], last["documents_unchanged"]) == (1, 1, 3)
    assert query_one(warehouse, ACTUAL_2023) == (Decimal("151200.00"),)


# --- one build at a time ---------------------------------------------------------------------------------------

def test_a_second_build_while_one_runs_exits_with_code_4_naming_the_first(built, tmp_path):
    warehouse = published_copy(built, tmp_path)
    docs = copy_documents(tmp_path / "docs")
    first = start_paused_build(docs, warehouse, "load", tmp_path)
    try:
        result = runner.invoke(app, ["build", str(docs), "--warehouse", str(warehouse)])
        assert result.exit_code == pipeline.EXIT_LOCKED, result.output
        assert f"yusuan build pid {first.pid}" in result.output and "is running on" in result.output
    finally:
        kill9(first)


def test_wait_option_waits_for_the_running_build(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    released = threading.Event()

    def hold():
        with build_lock(warehouse):
            time.sleep(1.0)
        released.set()

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.3)
    with pytest.raises(BuildLocked):
        with build_lock(warehouse):
            pass
    with build_lock(warehouse, wait_seconds=30) as stale:
        assert released.is_set() and stale is None
    holder.join()


def test_a_lock_file_left_by_a_dead_build_does_not_block(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock_path_for(warehouse).write_text(json.dumps({"pid": dead.pid, "host": os.uname().nodename, "run_id": "r1",
                                                     "started_at": "2025-01-02T03:04:05"}))
    with build_lock(warehouse) as stale:
        assert stale["pid"] == dead.pid and stale["pid_alive"] is False
    assert lock_path_for(warehouse).read_text() == ""  # a build that ends clears its entry


# --- SIGKILL at each step ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("point", ["load", "dbt", "swap"])
def test_sigkill_leaves_the_published_warehouse_intact(built, tmp_path, point):
    warehouse = published_copy(built, tmp_path)
    before = warehouse.read_bytes()
    docs = changed_documents(tmp_path)
    process = start_paused_build(docs, warehouse, point, tmp_path)
    assert list(warehouse.parent.glob(".yusuan.duckdb.building.duckdb"))  # the build works on its own file
    kill9(process)
    assert warehouse.read_bytes() == before
    assert query_one(warehouse, ACTUAL_2023) == (Decimal("151300.00"),)
    assert query_one(warehouse, "select count(*) from ops.run_log") == (1,)
    result = runner.invoke(app, ["query", ACTUAL_2023, "--warehouse", str(warehouse), "--format", "csv"])
    assert result.exit_code == 0 and result.output.splitlines() == ["actual_yuan", "151300.00"]
    assert json.loads(lock_path_for(warehouse).read_text())["pid"] == process.pid


def test_the_build_after_a_killed_one_runs_logs_the_kill_and_cleans_up(built, tmp_path):
    warehouse = published_copy(built, tmp_path)
    docs = changed_documents(tmp_path)
    killed = start_paused_build(docs, warehouse, "load", tmp_path)
    kill9(killed)
    # and a file an earlier build superseded that its process did not live to unlink (see _free_after_publication)
    os.link(warehouse, warehouse.with_name(".yusuan.duckdb.superseded-999999-0badf00d"))
    result = runner.invoke(app, ["build", str(docs), "--warehouse", str(warehouse)])
    assert result.exit_code == pipeline.EXIT_INCOMPLETE, result.output  # published; data not read is still missing
    assert f"build pid {killed.pid} stopped without finishing" in result.output
    rows = run_log(warehouse)
    assert [(r["status"], r["pid"]) for r in rows[1:]] == [("killed", killed.pid), ("published", os.getpid())]
    assert rows[1]["finished_at"] is None and rows[1]["documents_dir"] == str(docs.resolve())
    assert query_one(warehouse, ACTUAL_2023) == (Decimal("151200.00"),)
    assert not list(warehouse.parent.glob(".yusuan.*building*"))
    pipeline.wait_for_freed_files()  # the file this build superseded, unlinked in a thread after the swap
    assert not list(warehouse.parent.glob(".yusuan.duckdb.superseded-*"))
    assert lock_path_for(warehouse).read_text() == ""


# --- readers -------------------------------------------------------------------------------------------------------

def test_a_reader_keeps_working_while_a_rebuild_publishes(built, tmp_path):
    warehouse = published_copy(built, tmp_path)
    docs = changed_documents(tmp_path)
    inode = warehouse.stat().st_ino
    reader = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert reader.execute(ACTUAL_2023).fetchone() == (Decimal("151300.00"),)
        # The build pauses a few seconds inside dbt: the published file is still open to new readers.
        build = start_paused_build(docs, warehouse, "dbt", tmp_path, pause_seconds=3)
        during = subprocess.run([sys.executable, "-m", "loaders.cli", "query", ACTUAL_2023, "--warehouse",
                                 str(warehouse), "--format", "csv"], cwd=ROOT, capture_output=True, text=True)
        assert during.returncode == 0, during.stderr
        assert during.stdout.splitlines() == ["actual_yuan", "151300.00"]
        assert reader.execute(ACTUAL_2023).fetchone() == (Decimal("151300.00"),)
        # published, incomplete: the bundled documents print rows no parser places with certainty
        assert build.wait(timeout=900) == pipeline.EXIT_INCOMPLETE, (tmp_path / "build-dbt.log").read_text()
        # Published by rename: a new file at the path; the open reader still reads the one it opened, whose last
        # name (the link that kept the swap from freeing its blocks) the build's process removed before it exited
        assert warehouse.stat().st_ino != inode
        assert not list(warehouse.parent.glob(".yusuan.duckdb.superseded-*"))
        assert reader.execute(ACTUAL_2023).fetchone() == (Decimal("151300.00"),)
        assert reader.execute("select count(*) from fct_findings").fetchone()[0] > 0
    finally:
        reader.close()
    after = subprocess.run([sys.executable, "-m", "loaders.cli", "query", ACTUAL_2023, "--warehouse", str(warehouse),
                            "--format", "csv"], cwd=ROOT, capture_output=True, text=True)
    assert after.stdout.splitlines() == ["actual_yuan", "151200.00"], after.stderr


def test_an_unexpected_error_is_exit_3_and_logged(built, tmp_path, monkeypatch):
    warehouse = published_copy(built, tmp_path)
    before = warehouse.read_bytes()
    docs = copy_documents(tmp_path / "docs")

    def broken_load(con, directory, **kwargs):
        raise OSError("disk on fire")

    monkeypatch.setattr(pipeline, "load_directory", broken_load)
    result = runner.invoke(app, ["build", str(docs), "--warehouse", str(warehouse)])
    assert result.exit_code == pipeline.EXIT_BUILD_FAILED, result.output
    assert "OSError: disk on fire" in result.output and "nothing was published" in result.output
    assert warehouse.read_bytes() == before
    [record] = runlog.read_pending(warehouse)
    assert (record.status, record.exit_code, record.message) == ("error", 3, "OSError: disk on fire")
    assert lock_path_for(warehouse).read_text() == ""
    assert not list(warehouse.parent.glob(".yusuan.*building*"))


# --- a loose building file is rewritten before it is published (loaders/build.py, compact_if_loose) ---

CATALOG_QUERIES = {
    "schemas": "select schema_name, comment from duckdb_schemas() where database_name = '{db}' and not internal",
    "tables": "select schema_name, table_name, column_count, comment, sql from duckdb_tables() where database_name = '{db}'",
    "columns": "select schema_name, table_name, column_name, column_index, data_type, is_nullable, column_default, "
               "comment from duckdb_columns() where database_name = '{db}'",
    "constraints": "select schema_name, table_name, constraint_type, constraint_text from duckdb_constraints() "
                   "where database_name = '{db}'",
    "views": "select schema_name, view_name, sql from duckdb_views() where database_name = '{db}' and not internal",
    "macros": "select schema_name, function_name, macro_definition from duckdb_functions() "
              "where database_name = '{db}' and not internal",
    "sequences": "select schema_name, sequence_name, last_value from duckdb_sequences() where database_name = '{db}'",
}


def assert_same_database(before: Path, after: Path) -> None:
    """Every catalog entry and every row of ``before`` is in ``after`` and nothing else."""
    con = duckdb.connect()
    try:
        con.execute(f"attach '{before}' as a (read_only)")
        con.execute(f"attach '{after}' as b (read_only)")
        for name, query in CATALOG_QUERIES.items():
            rows_a = sorted(con.execute(query.format(db="a")).fetchall(), key=repr)
            rows_b = sorted(con.execute(query.format(db="b")).fetchall(), key=repr)
            assert rows_a == rows_b, name
        tables = con.execute("select schema_name, table_name from duckdb_tables() where database_name = 'a'").fetchall()
        assert len(tables) > 30  # raw, ops, reference, intermediate and marts
        for schema, table in tables:
            a, b = f'a."{schema}"."{table}"', f'b."{schema}"."{table}"'
            counts = con.execute(f"select (select count(*) from {a}), (select count(*) from {b}), "
                                 f"(select count(*) from (select * from {a} except all select * from {b})), "
                                 f"(select count(*) from (select * from {b} except all select * from {a}))").fetchone()
            assert counts[0] == counts[1] and counts[2:] == (0, 0), (schema, table, counts)
    finally:
        con.close()


def test_rewrite_keeps_every_schema_table_view_and_row(built, tmp_path):
    original = published_copy(built, tmp_path)
    building = original.with_name("building.duckdb")
    shutil.copyfile(original, building)
    pipeline._rewrite(building, "compact")
    assert_same_database(original, building)
    assert pipeline._in_published_format(pipeline.storage_version(building))
    assert not list(building.parent.glob("*.compact.duckdb*"))  # nothing left beside it


def test_a_full_refresh_of_a_published_warehouse_is_published_without_its_free_blocks(built, tmp_path):
    warehouse = published_copy(built, tmp_path)
    docs = copy_documents(tmp_path / "docs")
    share_before = pipeline.free_block_share(warehouse)
    assert share_before < pipeline.COMPACT_AT_FREE_SHARE  # a first build leaves few free blocks: not rewritten
    report = pipeline.build(docs, warehouse, full_refresh=True)
    assert report.published
    # every model table was built again beside the old one (35 % of the blocks free here, 52 % at 10,000 documents)
    notes = [n for n in report.notes if "rewritten without its free blocks" in n]
    assert len(notes) == 1, report.notes
    share_after = pipeline.free_block_share(warehouse)
    assert share_after < 0.05, share_after
    assert run_log(warehouse)[-1]["status"] == "published"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute(ACTUAL_2023).fetchall() == duckdb.connect(str(built[1]), read_only=True).execute(
            ACTUAL_2023).fetchall()


def test_a_building_file_with_few_free_blocks_is_not_rewritten(built, tmp_path):
    building = published_copy(built, tmp_path)
    before = building.read_bytes()
    report = pipeline.BuildReport(building, pipeline.LoadSummary(), None, published=False, seconds=0.0,
                                  run=None)
    pipeline.compact_if_loose(building, report)
    assert report.notes == [] and building.read_bytes() == before
