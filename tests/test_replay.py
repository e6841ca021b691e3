"""Replayed incremental builds (loaders/replay.py, issue 15): the statements of an incremental dbt build, recorded and
replayed in the next incremental build, give the warehouse dbt gives, and the one a build from scratch gives.

A generated corpus (30 documents, a share with injected faults so that rules fire and tests warn) is built from
scratch; one document changes and dbt rebuilds it incrementally, recording its plan; then documents are changed,
added, removed and renamed and an unreadable file is added, and that folder is built three ways from the same
warehouse: replayed, by dbt (--no-replay), and from scratch. Every table of the marts and intermediate models is
compared row for row, and the test results (status and failures of every data test) of the replay and of dbt.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest

from loaders import build as pipeline
from loaders import replay
from loaders.compare import explain

from test_incremental import _apply_changes, _change_an_amount, built_corpus

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def recorded(tmp_path_factory) -> tuple[Path, Path, Path]:
    """(documents, extra documents, warehouse): built from scratch, then one document changed and rebuilt by dbt,
    which recorded its plan in the warehouse."""
    docs, extra, warehouse = built_corpus(tmp_path_factory.mktemp("replay"))
    _change_an_amount(sorted(docs.glob("*-evaluation-*.txt"))[-1], "实际支出 ")
    second = pipeline.build(docs, warehouse, workers=1)
    assert second.published and second.dbt_mode == "incremental" and second.dbt_engine == "dbt"
    assert second.replay_note.startswith("no recorded plan in this warehouse yet")
    assert "plan recorded" in second.replay_note
    return docs, extra, warehouse


def _copy(recorded, tmp_path: Path, name: str) -> tuple[Path, Path]:
    docs, _extra, warehouse = recorded
    work = tmp_path / f"docs-{name}"
    if not work.exists():
        shutil.copytree(docs, work)
    copy = tmp_path / name / "yusuan.duckdb"
    copy.parent.mkdir()
    shutil.copyfile(warehouse, copy)
    return work, copy


def _test_results(report: pipeline.BuildReport) -> set[tuple]:
    return {(r["unique_id"], r["status"], r["failures"]) for r in report.dbt.results if r["resource_type"] == "test"}


def test_a_replayed_build_equals_a_dbt_build_and_a_build_from_scratch(recorded, tmp_path):
    work, replayed = _copy(recorded, tmp_path, "replayed")
    _apply_changes(work, recorded[1])
    _, by_dbt = _copy(recorded, tmp_path, "dbt")

    report = pipeline.build(work, replayed, workers=1)
    assert report.published and report.dbt_mode == "incremental" and report.dbt_engine == "replay", report.replay_note
    assert report.documents_in_scope == 3 * 2 + 2 + 1 + 3
    dbt_report = pipeline.build(work, by_dbt, workers=1, replay_allowed=False)
    assert dbt_report.published and dbt_report.dbt_engine == "dbt"
    assert not (found := explain(replayed, by_dbt)), found
    # the replayed build's gate ran Great Expectations in its own process (loaders/gate_process.py), the dbt
    # build's in the build's: the same checks and verdicts
    assert not any("gate's process" in note for note in report.notes), report.notes
    assert [(c.suite, c.expectation, c.column, c.success, c.observed) for c in report.gate.checks] \
        == [(c.suite, c.expectation, c.column, c.success, c.observed) for c in dbt_report.gate.checks]

    full = tmp_path / "full" / "yusuan.duckdb"
    full.parent.mkdir()
    scratch = pipeline.build(work, full, workers=1)
    assert scratch.published and scratch.dbt_mode == "full refresh"
    assert not (found := explain(replayed, full)), found

    # the tests judged alike: the same tests, the same status and number of failing rows; some of them warn
    assert _test_results(report) == _test_results(dbt_report)
    assert any(r["status"] == "warn" and r["failures"] > 0 for r in report.dbt.results)
    models = {r["unique_id"] for r in report.dbt.results if r["resource_type"] == "model"}
    assert models == {r["unique_id"] for r in dbt_report.dbt.results if r["resource_type"] == "model"}
    # the run log says how dbt ran; the replayed warehouse still carries the plan: the next build replays again
    con = duckdb.connect(str(replayed), read_only=True)
    try:
        assert con.execute("select dbt_mode, dbt_engine, documents_in_scope from ops.run_log "
                           "order by run_number").fetchall() == [
            ("full refresh", "dbt", None), ("incremental", "dbt", 2), ("incremental", "replay", 12)]
        plan, why = replay.stored(con, pipeline.project_fingerprint())
    finally:
        con.close()
    assert plan is not None, why


def _rewrite_plan(warehouse: Path, sql: str, node_like: str) -> str:
    """Replace the statements of the first plan node whose id matches ``node_like`` by ``sql``; its id."""
    con = duckdb.connect(str(warehouse))
    try:
        # the first matching node in the plan's order, and its own id (dbt's node order varies with its threads)
        node_position, node_id = con.execute(f"select node_position, node_id from {replay.PLAN_TABLE} "
                                             "where node_id like ? order by node_position limit 1",
                                             [node_like]).fetchone()
        con.execute(f"delete from {replay.PLAN_TABLE} where node_position = ? and statement_position > 0",
                    [node_position])
        con.execute(f"update {replay.PLAN_TABLE} set sql = ? where node_position = ?", [sql, node_position])
        return node_id
    finally:
        con.close()


def test_a_statement_that_fails_in_a_replay_hands_the_build_to_dbt(recorded, tmp_path):
    work, warehouse = _copy(recorded, tmp_path, "broken")
    _change_an_amount(sorted(work.glob("*-evaluation-*.txt"))[1], "实际支出 ")
    broken = _rewrite_plan(warehouse, "select * from a_table_that_is_not_there", "model.yusuan.fct_execution")
    report = pipeline.build(work, warehouse, workers=1)
    assert report.published and report.dbt_engine == "dbt"
    assert report.replay_note.startswith(f"the replay stopped at {broken}: CatalogException")
    assert "plan recorded" in report.replay_note  # dbt recorded a sound plan over the broken one

    full = tmp_path / "full" / "yusuan.duckdb"
    full.parent.mkdir()
    assert pipeline.build(work, full, workers=1).published
    assert not (found := explain(warehouse, full)), found


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {name for (name,) in con.execute("select table_name from information_schema.tables").fetchall()}


def test_a_replay_is_one_transaction_that_a_failure_rolls_back_whole():
    con = duckdb.connect()
    con.execute("create table kept as select 1 as x")
    first = replay.PlannedNode("model.p.first", "model", "first", [
        "BEGIN", "create table made as select 1 as x", "insert into kept values (2)", "COMMIT"])
    test = replay.PlannedNode("test.p.check", "test", "check", [
        "select count(*) as failures, count(*) > 0 as should_warn, count(*) > 0 as should_error "
        "from kept where x > 2"], "ERROR", "!= 0", "!= 0")
    broken = replay.PlannedNode("model.p.second", "model", "second", ["select * from a_table_that_is_not_there"])
    with pytest.raises(replay.ReplayError, match=r"^model\.p\.second: CatalogException"):
        replay.replay(con, replay.Plan("f", "memory", [first, test, broken]))
    # the first node's table and row are gone with the rest: dbt starts again from the file as the load left it
    assert "made" not in _tables(con)
    assert con.execute("select list(x order by x) from kept").fetchone()[0] == [1]

    results = replay.replay(con, replay.Plan("f", "memory", [first, test]))
    assert [(r["unique_id"], r["status"], r["failures"]) for r in results] == [
        ("model.p.first", "success", None), ("test.p.check", "pass", 0)]
    con.execute("begin")  # the replay committed: no transaction is left open
    con.execute("rollback")
    assert "made" in _tables(con)
    assert con.execute("select list(x order by x) from kept").fetchone()[0] == [1, 2]


def test_a_replay_can_leave_its_data_tests_to_run_after_its_commit():
    """yusuan build replays the models in one transaction and runs the data tests after its commit, on a cursor,
    beside the gate (they only read): their results are the same; a test that cannot run is an error result (the
    build then fails and publishes nothing), not a rollback of the committed models."""
    con = duckdb.connect()
    con.execute("create table kept as select 1 as x")
    first = replay.PlannedNode("model.p.first", "model", "first", [
        "BEGIN", "create table made as select 1 as x", "insert into kept values (3)", "COMMIT"])
    test = replay.PlannedNode("test.p.check", "test", "check", [
        "select count(*) as failures, count(*) > 0 as should_warn, count(*) > 0 as should_error "
        "from kept where x > 2"], "ERROR", "!= 0", "!= 0")
    broken = replay.PlannedNode("test.p.broken", "test", "broken", [
        "select count(*) as failures, false as should_warn, false as should_error from a_table_that_is_not_there"],
        "ERROR", "!= 0", "!= 0")
    plan = replay.Plan("f", "memory", [first, test, broken])
    results = replay.replay(con, plan, defer_tests=True)
    assert [(r["unique_id"], r["status"]) for r in results] == [("model.p.first", "success")]
    assert [node.node_id for node in replay.deferred_tests(plan)] == ["test.p.check", "test.p.broken"]
    cursor = con.cursor()
    tested = replay.replay_tests(cursor, replay.deferred_tests(plan))
    assert [(r["unique_id"], r["status"], r["failures"]) for r in tested] == [
        ("test.p.check", "fail", 1), ("test.p.broken", "error", None)]
    assert tested[1]["message"].startswith("the replayed test failed to run: test.p.broken: CatalogException")
    assert "made" in _tables(con)  # the models stay committed


def test_a_plan_leaves_out_what_a_model_only_reads_and_keeps_every_test_query():
    recorder = replay.PlanRecorder()
    model = ["BEGIN", "describe (select * from (select 1 as x))",
             "select column_name from information_schema.columns where table_name = 'm'",
             "with recursive r as (select 1) select * from r", "show tables",
             "create table m as select 1 as x", "delete from m where x = 2", "insert into m select 2",
             "alter table m rename to m2", "COMMIT", "not sql at all ("]
    test = ["select count(*) as failures, false as should_warn, false as should_error from m2"]
    recorder.order = ["connection:master", "model.p.m", "test.p.t"]
    recorder.statements = {"connection:master": ["select 1 from information_schema.schemata", "create schema if "
                                                 "not exists s"], "model.p.m": model, "test.p.t": test}
    results = [{"unique_id": "model.p.m", "resource_type": "model", "name": "m", "status": "success"},
               {"unique_id": "test.p.t", "resource_type": "test", "name": "t", "status": "pass",
                "severity": "ERROR", "warn_if": "!= 0", "error_if": "!= 0"}]
    plan, why = recorder.plan("f", "memory", results, None)
    assert why == ""
    assert [node.statements for node in plan.nodes] == [
        ["create schema if not exists s"],
        ["BEGIN", "create table m as select 1 as x", "delete from m where x = 2", "insert into m select 2",
         "alter table m rename to m2", "COMMIT", "not sql at all ("],
        test]


def test_a_data_test_that_fails_in_a_replay_fails_the_build(recorded, tmp_path):
    work, warehouse = _copy(recorded, tmp_path, "failing")
    _change_an_amount(sorted(work.glob("*-evaluation-*.txt"))[0], "实际支出 ")
    failing = _rewrite_plan(warehouse, "select 2 as failures, true as should_warn, true as should_error",
                            "test.yusuan.not_null_fct_execution%")
    report = pipeline.build(work, warehouse, workers=1)
    assert not report.published and report.dbt_engine == "replay"
    assert [(n["unique_id"], n["status"], n["failures"]) for n in report.dbt.failed_nodes()] == [(failing, "fail", 2)]
    assert report.dbt.failed_nodes()[0]["message"] == "Got 2 results, configured to fail if != 0"


def test_a_plan_is_replayed_only_for_its_project_and_file(recorded, tmp_path):
    _, warehouse = _copy(recorded, tmp_path, "valid")
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        plan, why = replay.stored(con, pipeline.project_fingerprint())
        assert plan is not None and why == ""
        assert replay.stored(con, "another project")[1] == \
            "the dbt project, gate or tools changed since the plan was recorded"
    finally:
        con.close()
    other = tmp_path / "valid" / "another-name.duckdb"
    shutil.copyfile(warehouse, other)
    con = duckdb.connect(str(other), read_only=True)
    try:
        assert replay.stored(con, pipeline.project_fingerprint())[1].startswith("the plan was recorded in a file")
    finally:
        con.close()


def test_no_replay_runs_dbt(recorded, tmp_path, monkeypatch):
    work, warehouse = _copy(recorded, tmp_path, "no-replay")
    _change_an_amount(sorted(work.glob("*-evaluation-*.txt"))[0], "实际支出 ")
    monkeypatch.setenv("YUSUAN_REPLAY", "0")
    calls = []
    monkeypatch.setattr(pipeline, "run_dbt", lambda *a, **k: calls.append(k) or pipeline.DbtOutcome(success=False))
    report = pipeline.build(work, warehouse, workers=1)
    assert report.dbt_engine == "dbt" and len(calls) == 1 and not report.published


@pytest.mark.parametrize("severity, warn, error, expected", [
    ("ERROR", True, True, "fail"),
    ("ERROR", True, False, "warn"),
    ("WARN", True, True, "warn"),    # a warn-severity test never fails the build
    ("warn", False, False, "pass"),
    ("ERROR", False, False, "pass"),
])
def test_a_test_result_is_judged_as_dbt_judges_it(severity, warn, error, expected):
    node = replay.PlannedNode("test.x", "test", "x", [], severity, "!= 0", "!= 0")
    assert replay.judge_test(node, 3, warn, error)[0] == expected


def test_no_model_or_macro_reads_data_while_it_compiles():
    """The premise of a replay: the SQL of an incremental build does not depend on the data (no run_query, no
    statement blocks, no adapter lookups in this project's models and macros)."""
    pattern = re.compile(r"run_query\s*\(|\{%-?\s*call\s+statement|load_result\s*\(|adapter\.(get_relation|"
                         r"get_columns_in_relation|execute)")
    found = [str(path.relative_to(ROOT)) for folder in ("models", "macros", "tests/dbt")
             for path in (ROOT / folder).rglob("*.sql") if pattern.search(path.read_text(encoding="utf-8"))]
    assert found == []


def test_a_gate_process_that_cannot_start_leaves_the_gate_to_the_build(recorded, tmp_path, monkeypatch):
    """No second Python process (none allowed, no interpreter found): the replayed build validates in its own."""
    import loaders.gate_process

    work, warehouse = _copy(recorded, tmp_path, "no-process")
    _apply_changes(work, recorded[1])

    def refused(*args, **kwargs):
        raise OSError("no process for you")

    monkeypatch.setattr(loaders.gate_process.subprocess, "Popen", refused)
    report = pipeline.build(work, warehouse, workers=1)
    assert report.published and report.dbt_engine == "replay", report.replay_note
    assert report.gate.success and any(c.suite == "fct_execution" for c in report.gate.checks)


# --- builds from scratch: the plan kept in the project's plan folder ($YUSUAN_PLAN_CACHE) ---

def _findings(warehouse: Path) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute("select rule_id, severity, document_sha256, line_start, message from main.fct_findings "
                           "order by all").fetchall()
    finally:
        con.close()


def test_a_build_from_scratch_replays_the_last_and_equals_a_dbt_build(recorded, tmp_path, monkeypatch):
    """A first build runs dbt and records its plan; the next first build (another folder, same file name) replays
    it; a --full-refresh over a built file has other relations to replace: dbt again, then replayed. Every table of
    the marts and intermediate models, the findings and the test results equal dbt's."""
    docs = recorded[0]
    monkeypatch.setenv(replay.FULL_PLAN_DIRECTORY_VARIABLE, str(tmp_path / "plans"))
    by_dbt = tmp_path / "dbt" / "yusuan.duckdb"
    first = pipeline.build(docs, by_dbt, workers=1)
    assert (first.dbt_mode, first.dbt_engine) == ("full refresh", "dbt")
    assert first.replay_note.startswith("no recorded plan of a build from scratch"), first.replay_note
    assert "plan of a build from scratch recorded in" in first.replay_note
    assert len(list((tmp_path / "plans").glob("full-*.json"))) == 1

    replayed = tmp_path / "replayed" / "yusuan.duckdb"
    second = pipeline.build(docs, replayed, workers=1)
    assert (second.published, second.dbt_mode, second.dbt_engine) == (True, "full refresh", "replay"), \
        second.replay_note
    assert not (found := explain(by_dbt, replayed)), found
    assert _findings(by_dbt) == _findings(replayed) and len(_findings(by_dbt)) > 0
    assert _test_results(second) == _test_results(first)
    assert any(status == "warn" for _id, status, _failures in _test_results(second))
    # the unit tests are not replayed (they test the project, which the fingerprint pins); seeds and models are
    assert {r["resource_type"] for r in second.dbt.results} == {"model", "test", "seed"}
    assert {r["unique_id"] for r in second.dbt.results} \
        == {r["unique_id"] for r in first.dbt.results if r["resource_type"] in ("model", "test", "seed")}

    refreshed = pipeline.build(docs, replayed, workers=1, full_refresh=True)
    assert (refreshed.dbt_mode, refreshed.dbt_engine) == ("full refresh", "dbt")  # relations exist now: other SQL
    again = pipeline.build(docs, replayed, workers=1, full_refresh=True)
    assert (again.published, again.dbt_engine) == (True, "replay"), again.replay_note
    assert not (found := explain(by_dbt, replayed)), found


def test_a_plan_of_a_build_from_scratch_is_kept_apart_by_file_name_and_relations(tmp_path, monkeypatch):
    from loaders.replay import Plan, PlannedNode

    monkeypatch.setenv(replay.FULL_PLAN_DIRECTORY_VARIABLE, str(tmp_path / "plans"))
    con = duckdb.connect(str(tmp_path / "one.duckdb"))
    try:
        con.execute("create schema raw; create table raw.figures (figure_id varchar, amount decimal(18, 2))")
        relations = replay.relations_signature(con)
        plan = Plan("project", "one", [PlannedNode("model.p.m", "model", "m", ["create table m as select 1 as x"])])
        replay.store_full(plan, relations)
        kept, why = replay.stored_full(con, "project", relations)
        assert why == "" and [n.statements for n in kept.nodes] == [["create table m as select 1 as x"]]
        assert replay.stored_full(con, "another project", relations)[1].startswith("no recorded plan")
        # a column of another type is another file as far as dbt's statements go
        con.execute("alter table raw.figures alter amount type decimal(20, 2)")
        assert replay.relations_signature(con) != relations
        # the plan tables themselves do not count
        con.execute("alter table raw.figures alter amount type decimal(18, 2)")
        con.execute(f"create schema ops; create table {replay.PLAN_TABLE} (x integer)")
        assert replay.relations_signature(con) == relations
    finally:
        con.close()
    other = duckdb.connect(str(tmp_path / "two.duckdb"))
    try:
        other.execute("create schema raw; create table raw.figures (figure_id varchar, amount decimal(18, 2))")
        assert replay.relations_signature(other) == relations
        assert replay.stored_full(other, "project", relations)[1].startswith("no recorded plan")  # file name "two"
    finally:
        other.close()
    # a damaged plan file is a reason, not a crash; "off" keeps no plan at all
    (path,) = (tmp_path / "plans").glob("full-*.json")
    path.write_text("{not json", encoding="utf-8")
    con = duckdb.connect(str(tmp_path / "one.duckdb"))
    try:
        assert "cannot be read: JSONDecodeError" in replay.stored_full(con, "project", relations)[1]
        monkeypatch.setenv(replay.FULL_PLAN_DIRECTORY_VARIABLE, "off")
        assert replay.stored_full(con, "project", relations)[1].startswith("plans of builds from scratch are off")
        with pytest.raises(replay.FullPlansOff):
            replay.store_full(plan, relations)
    finally:
        con.close()


def test_a_seed_statement_logged_abridged_is_kept_whole_or_not_at_all():
    copy = "\n  COPY \"w\".\"reference\".\"codes\" FROM '/p/seeds/codes.csv' (FORMAT CSV, HEADER TRUE)\n"
    assert replay.unabridged(["BEGIN", "create table t (x int)", copy + "...", "COMMIT"]) \
        == (["BEGIN", "create table t (x int)", copy, "COMMIT"], "")
    long_copy = "COPY t FROM '/" + "p" * 600 + "'"
    statements, why = replay.unabridged([long_copy[:512] + "..."])
    assert statements is None and "cut short" in why
    recorder = replay.PlanRecorder()
    recorder.order = ["seed.p.codes", "unit_test.p.m.t", "model.p.m"]
    recorder.statements = {"seed.p.codes": [long_copy[:512] + "..."], "unit_test.p.m.t": ["select 1"],
                           "model.p.m": ["create table m as select 1 as x"]}
    results = [{"unique_id": "seed.p.codes", "resource_type": "seed", "name": "codes", "status": "success"},
               {"unique_id": "unit_test.p.m.t", "resource_type": "unit_test", "name": "t", "status": "pass"},
               {"unique_id": "model.p.m", "resource_type": "model", "name": "m", "status": "success"}]
    plan, why = recorder.plan("f", "memory", results, None)
    assert plan is None and why.startswith("seed.p.codes: its COPY statement was logged cut short")
    recorder.statements["seed.p.codes"] = [copy + "..."]
    plan, why = recorder.plan("f", "memory", results, None)
    assert why == "" and [n.node_id for n in plan.nodes] == ["seed.p.codes", "model.p.m"]
    assert plan.nodes[0].statements == [copy]
    results[1]["status"] = "fail"  # a unit test that failed: the plan is not kept
    assert recorder.plan("f", "memory", results, None) == (None, "unit_test.p.m.t ended fail")
