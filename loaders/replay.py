"""Replayed incremental builds: a rebuild of a few documents without dbt's fixed cost (issue 15).

An incremental ``yusuan build`` (loaders/build.py) runs dbt with the same selection, the same variables and the same
project every time; only the rows of ``ops.changed_documents`` differ. The SQL dbt sends to DuckDB is then the same
from one incremental build to the next: the scope is a table the statements read, not a list written into them, and
no model or macro of this project reads data while it compiles (no ``run_query`` or ``statement`` blocks:
tests/test_replay.py checks the project for them). Yet dbt spends 25-40 s on such a build (imports and start-up,
and ~0.1 s of its own CPU per node for ~240 nodes) around queries that take a few seconds.

So when dbt runs an incremental build, every statement it sends to DuckDB is recorded with its node (dbt's own
``SQLQuery`` events; of a model, the statements that only read are left out: dbt read them to decide what to send
next), and once the build has succeeded the statements are stored in the warehouse itself
(``ops.build_plan``) with what they are valid for: the project fingerprint (the dbt project, gate and tool versions,
loaders/build.py) and the name DuckDB gives the file. The next incremental build of that warehouse with the same
fingerprint replays them: node by node, in the order dbt finished the nodes (a node starts only after its parents
finished), all in one transaction, on the connection the load used (no checkpoint and reopening of the file between
them); ``yusuan build`` leaves the data tests out of that transaction and runs them after its commit, on a cursor,
beside the gate (``defer_tests``, ``replay_tests``: they only read). A data test's result row (failures,
should_warn, should_error) is judged as dbt judges it (severity error and should_error: fail; should_warn: warn).

What is not replayed from this plan, and runs dbt as before: a build from scratch (a full refresh, a first build;
they have plans of their own, below), any build whose fingerprint or file name differs from the plan's, and
``--no-replay``. A statement that fails during a replay stops it and rolls back
every node it ran; dbt then runs the same incremental build on the file as the load left it, and the report says
why. tests/test_replay.py proves a replayed build equal, row for row, to a dbt build and to a build from scratch.

Builds from scratch are replayed the same way (a first build of a warehouse, a ``--full-refresh``, the first build
after the project changed). What dbt sends for them depends on the project and on which relations the file holds
when dbt starts (a relation that exists is replaced, one that does not is created), not on the rows: the plan of a
build from scratch is kept in the project's ``target/yusuan-plans/`` (``$YUSUAN_PLAN_CACHE``), one file per project
fingerprint, file name, project folder and relations in the file (``relations_signature``), and any later build from
scratch that matches all four replays it instead of running dbt (at 10,000 documents: dbt 46 s wall, 75 CPU s;
replayed 28 s, 45 CPU s; BENCHMARKS.md). The unit tests of the models are not replayed (dbt judges them in Python
from rows it compares): they test the project, not the documents, and passed in the build that recorded the plan
with the same fingerprint. The first build from scratch of each such combination on a machine runs dbt and
records the plan.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import duckdb

PLAN_TABLE = "ops.build_plan"
PLAN_SOURCE_TABLE = "ops.build_plan_source"
PLAN_FORMAT = "1"
# statements dbt sends on connections that belong to no node (listing and creating schemas at the start)
_NO_NODE = "connection:"
_TRANSACTION_WORDS = {"BEGIN", "COMMIT", "ROLLBACK"}
_TEST_RESULT_COLUMNS = ("failures", "should_warn", "should_error")
# dbt-duckdb logs a seed's COPY statement abridged: its first 512 characters and "..." (dbt's SQLQuery event)
_ABRIDGED_AT = 512
_ABRIDGED_MARK = "..."
FULL_PLAN_DIRECTORY_VARIABLE = "YUSUAN_PLAN_CACHE"
FULL_PLANS_KEPT = 8  # plans of builds from scratch kept in the folder (the oldest used are dropped beyond it)


@dataclass
class PlannedNode:
    node_id: str
    resource_type: str
    name: str
    statements: list[str]
    severity: str | None = None   # data tests: ERROR or WARN
    warn_if: str | None = None
    error_if: str | None = None


@dataclass
class Plan:
    fingerprint: str
    database: str
    nodes: list[PlannedNode] = field(default_factory=list)
    recorded_run_id: str | None = None

    @property
    def statements(self) -> int:
        return sum(len(node.statements) for node in self.nodes)


class PlanRecorder:
    """A dbt callback that keeps every statement dbt sends to the database, with its node, in the order sent."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.order: list[str] = []
        self.statements: dict[str, list[str]] = {}

    def __call__(self, event) -> None:
        if event.info.name != "SQLQuery":
            return
        data = event.data
        node_id = getattr(getattr(data, "node_info", None), "unique_id", "") or f"{_NO_NODE}{data.conn_name}"
        with self._lock:
            if node_id not in self.statements:
                self.order.append(node_id)
                self.statements[node_id] = []
            self.statements[node_id].append(data.sql)

    def plan(self, fingerprint: str, database: str, results: list[dict], run_id: str | None) -> tuple[Plan | None, str]:
        """(the plan of the build just run, "") or (None, why it cannot be replayed as recorded: a node did not
        succeed, or ran without a statement recorded, or a seed's statement was logged cut short). Unit tests
        are left out (see the module docstring); every one of them must have passed."""
        replayed = ("model", "test", "seed")
        by_id = {result["unique_id"]: result for result in results if result["resource_type"] in replayed}
        if not any(result["resource_type"] in ("model", "test") for result in by_id.values()):
            return None, "dbt ran no model and no test"
        for result in results:
            if result["resource_type"] == "unit_test" and result["status"] != "pass":
                return None, f"{result['unique_id']} ended {result['status']}"
        for result in by_id.values():
            if result["status"] not in ("success", "pass", "warn"):
                return None, f"{result['unique_id']} ended {result['status']}"
            if result["unique_id"] not in self.statements:
                return None, f"{result['unique_id']} sent no statement"
        nodes = []
        for node_id in self.order:
            result = by_id.get(node_id)
            if node_id.startswith("unit_test."):
                continue
            if node_id.startswith(_NO_NODE):
                nodes.append(PlannedNode(node_id, "connection", node_id[len(_NO_NODE):],
                                         without_reads(self.statements[node_id])))
            elif result is None:
                return None, f"{node_id} sent statements but is not among the results"
            else:
                statements = self.statements[node_id]
                if result["resource_type"] == "seed":
                    statements, why = unabridged(statements)
                    if statements is None:
                        return None, f"{node_id}: {why}"
                if result["resource_type"] != "test":
                    statements = without_reads(statements)
                nodes.append(PlannedNode(node_id, result["resource_type"], result["name"], statements,
                                         result.get("severity"), result.get("warn_if"), result.get("error_if")))
        return Plan(fingerprint, database, nodes, run_id), ""


def unabridged(statements: list[str]) -> tuple[list[str] | None, str]:
    """A seed's statements with the "..." dbt appends to the one it logs abridged (the COPY that loads the CSV file)
    taken off: (statements, "") when that statement was logged whole (shorter than the 512 characters dbt keeps), or
    (None, why) when it was cut short."""
    whole = []
    for sql in statements:
        body = sql.rstrip()
        if body.endswith(_ABRIDGED_MARK) and body.lstrip().upper().startswith("COPY"):
            body = sql[:sql.rfind(_ABRIDGED_MARK)]
            if len(body) >= _ABRIDGED_AT:
                return None, "its COPY statement was logged cut short (512 characters or more)"
            whole.append(body)
        else:
            whole.append(sql)
    return whole, ""


def is_read(sql: str) -> bool:
    """Whether ``sql`` only reads (every statement in it a SELECT to DuckDB's parser: select, with, describe, show).
    Unparseable text counts as not a read (it is kept, and fails in the replay as it would have)."""
    try:
        parsed = duckdb.extract_statements(sql)
    except duckdb.Error:
        return False
    return bool(parsed) and all(statement.type == duckdb.StatementType.SELECT for statement in parsed)


def without_reads(statements: list[str]) -> list[str]:
    """A model's (or dbt's connection) statements without those that only read. dbt sends them to look at the
    warehouse (does the relation exist, its columns, constraints, the contract's column types) and decides in Python
    from their results which statements come next; those decisions are in the recorded statements already, so a
    replay has nothing to do with the reads (about 0.2 s of a 10,000-document rebuild). A data test's select is
    its result and always kept."""
    return [sql for sql in statements if not is_read(sql)]


def database_name(con: duckdb.DuckDBPyConnection) -> str:
    return con.execute("select current_database()").fetchone()[0]


def store(con: duckdb.DuckDBPyConnection, plan: Plan) -> None:
    """Replace the plan kept in the warehouse ``con`` is open on."""
    con.execute("create schema if not exists ops")
    con.execute(f"create or replace table {PLAN_SOURCE_TABLE} (plan_format varchar, project_fingerprint varchar, "
                "database_name varchar, recorded_run_id varchar, recorded_at timestamptz, nodes integer, "
                "statements integer)")
    con.execute(f"create or replace table {PLAN_TABLE} (node_position integer, node_id varchar, "
                "resource_type varchar, node_name varchar, severity varchar, warn_if varchar, error_if varchar, "
                "statement_position integer, sql varchar, primary key (node_position, statement_position))")
    rows = [(position, node.node_id, node.resource_type, node.name, node.severity, node.warn_if, node.error_if,
             index, sql)
            for position, node in enumerate(plan.nodes) for index, sql in enumerate(node.statements)]
    con.executemany(f"insert into {PLAN_TABLE} values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.execute(f"insert into {PLAN_SOURCE_TABLE} values (?, ?, ?, ?, now(), ?, ?)",
                [PLAN_FORMAT, plan.fingerprint, plan.database, plan.recorded_run_id, len(plan.nodes),
                 plan.statements])


def forget(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the stored plan (a build that is not replayable from it ran: a full refresh, a failed build)."""
    con.execute(f"drop table if exists {PLAN_TABLE}")
    con.execute(f"drop table if exists {PLAN_SOURCE_TABLE}")


def stored(con: duckdb.DuckDBPyConnection, fingerprint: str) -> tuple[Plan | None, str]:
    """(the plan to replay, "") or (None, why there is none for this build)."""
    exists = con.execute("select count(*) from information_schema.tables where table_schema = 'ops' "
                         "and table_name in ('build_plan', 'build_plan_source')").fetchone()[0]
    if exists != 2:
        return None, "no recorded plan in this warehouse yet (dbt records one in this build)"
    source = con.execute(f"select plan_format, project_fingerprint, database_name, recorded_run_id "
                         f"from {PLAN_SOURCE_TABLE}").fetchall()
    if len(source) != 1:
        return None, "the recorded plan has no single source row"
    plan_format, plan_fingerprint, plan_database, run_id = source[0]
    if plan_format != PLAN_FORMAT:
        return None, f"the recorded plan is in format {plan_format}, this version replays {PLAN_FORMAT}"
    if plan_fingerprint != fingerprint:
        return None, "the dbt project, gate or tools changed since the plan was recorded"
    if plan_database != database_name(con):
        return None, f"the plan was recorded in a file DuckDB names {plan_database!r}, not {database_name(con)!r}"
    plan = Plan(plan_fingerprint, plan_database, [], run_id)
    rows = con.execute(f"select node_position, node_id, resource_type, node_name, severity, warn_if, error_if, sql "
                       f"from {PLAN_TABLE} order by node_position, statement_position").fetchall()
    current = None
    for position, node_id, resource_type, name, severity, warn_if, error_if, sql in rows:
        if current is None or current[0] != position:
            current = (position, PlannedNode(node_id, resource_type, name, [], severity, warn_if, error_if))
            plan.nodes.append(current[1])
        current[1].statements.append(sql)
    if not plan.nodes:
        return None, "the recorded plan is empty"
    return plan, ""


def relations_signature(con: duckdb.DuckDBPyConnection) -> str:
    """sha256 over the relations the file holds (schema, name, table or view, and each column's name and type), the
    plan tables left out: what decides which statements dbt sends for a build from scratch besides the project (it
    creates a relation that does not exist and replaces one that does)."""
    rows = con.execute("""
        with relations as (
            select schema_name, table_name as relation_name, 'table' as kind
            from duckdb_tables() where database_name = current_database()
            union all
            select schema_name, view_name, 'view'
            from duckdb_views() where database_name = current_database() and not internal
        ),
        columns as (
            select schema_name, table_name as relation_name,
                   string_agg(column_name || ' ' || data_type, ', ' order by column_index) as column_list
            from duckdb_columns() where database_name = current_database()
            group by all
        )
        select relations.schema_name, relations.relation_name, relations.kind, coalesce(columns.column_list, '')
        from relations left join columns using (schema_name, relation_name)
        order by 1, 2, 3""").fetchall()
    plan_tables = {tuple(name.split(".")) for name in (PLAN_TABLE, PLAN_SOURCE_TABLE)}
    digest = hashlib.sha256()
    for schema, name, kind, column_list in rows:
        if (schema, name) not in plan_tables:
            digest.update(f"{schema}\0{name}\0{kind}\0{column_list}\n".encode())
    return digest.hexdigest()


def full_plan_directory() -> Path | None:
    """Where plans of builds from scratch are kept: ``$YUSUAN_PLAN_CACHE``, or the project's target/yusuan-plans;
    None when the variable is ``off`` (builds from scratch then always run dbt and record nothing)."""
    configured = os.environ.get(FULL_PLAN_DIRECTORY_VARIABLE, "").strip()
    if configured.lower() == "off":
        return None
    if configured:
        return Path(configured)
    from loaders.build import PROJECT_ROOT

    return PROJECT_ROOT / "target" / "yusuan-plans"


def _full_plan_path(directory: Path, fingerprint: str, database: str, signature: str) -> Path:
    from loaders.build import PROJECT_ROOT

    key = hashlib.sha256("\0".join((PLAN_FORMAT, fingerprint, database, signature,
                                    str(PROJECT_ROOT))).encode()).hexdigest()
    return directory / f"full-{key[:32]}.json"


class FullPlansOff(Exception):
    """$YUSUAN_PLAN_CACHE is off: no plan of a build from scratch is kept."""


def store_full(plan: Plan, signature: str, directory: Path | None = None) -> Path:
    """Keep the plan of a build from scratch in ``directory`` (written whole and renamed into place: a build reading
    it never sees half a file); the oldest plans beyond FULL_PLANS_KEPT are dropped."""
    directory = directory or full_plan_directory()
    if directory is None:
        raise FullPlansOff()
    directory.mkdir(parents=True, exist_ok=True)
    path = _full_plan_path(directory, plan.fingerprint, plan.database, signature)
    content = {"plan_format": PLAN_FORMAT, "project_fingerprint": plan.fingerprint, "database_name": plan.database,
               "relations_signature": signature, "recorded_run_id": plan.recorded_run_id,
               "nodes": [node.__dict__ for node in plan.nodes]}
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    temporary.write_text(json.dumps(content), encoding="utf-8")
    os.replace(temporary, path)
    kept = sorted(directory.glob("full-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in kept[FULL_PLANS_KEPT:]:
        with contextlib.suppress(FileNotFoundError):
            old.unlink()
    return path


def stored_full(con: duckdb.DuckDBPyConnection, fingerprint: str, signature: str,
                directory: Path | None = None) -> tuple[Plan | None, str]:
    """(the plan of a build from scratch to replay on ``con``'s file, "") or (None, why there is none)."""
    directory = directory or full_plan_directory()
    if directory is None:
        return None, f"plans of builds from scratch are off (${FULL_PLAN_DIRECTORY_VARIABLE}=off)"
    database = database_name(con)
    path = _full_plan_path(directory, fingerprint, database, signature)
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, ("no recorded plan of a build from scratch for this project, file name and the relations "
                      "the file holds (dbt records one in this build)")
    except (OSError, ValueError) as exc:
        return None, f"the recorded plan {path.name} cannot be read: {type(exc).__name__}: {exc}"
    expected = {"plan_format": PLAN_FORMAT, "project_fingerprint": fingerprint, "database_name": database,
                "relations_signature": signature}
    if not isinstance(content, dict) or any(content.get(key) != value for key, value in expected.items()):
        return None, f"the recorded plan {path.name} is not for this build"
    try:
        nodes = [PlannedNode(**node) for node in content["nodes"]]
    except (KeyError, TypeError) as exc:
        return None, f"the recorded plan {path.name} is malformed: {type(exc).__name__}: {exc}"
    if not nodes:
        return None, f"the recorded plan {path.name} is empty"
    with contextlib.suppress(OSError):
        os.utime(path)  # used: kept before plans not used lately
    return Plan(fingerprint, database, nodes, content.get("recorded_run_id")), ""


class ReplayError(Exception):
    """A statement of the plan failed: the replay stopped at ``node_id``."""

    def __init__(self, node_id: str, cause: Exception) -> None:
        super().__init__(f"{node_id}: {type(cause).__name__}: {cause}")
        self.node_id = node_id


def _pluralize(count: int) -> str:
    return f"{count} result" if count == 1 else f"{count} results"


def judge_test(node: PlannedNode, failures: int, should_warn: bool, should_error: bool) -> tuple[str, str | None]:
    """(status, message) of a data test from its result row, as dbt judges it (dbt/task/test.py)."""
    if (node.severity or "ERROR").upper() == "ERROR" and should_error:
        return "fail", f"Got {_pluralize(failures)}, configured to fail if {node.error_if}"
    if should_warn:
        return "warn", f"Got {_pluralize(failures)}, configured to warn if {node.warn_if}"
    return "pass", None


def replay(con: duckdb.DuckDBPyConnection, plan: Plan,
           on_node: Callable[[int, int, dict], None] | None = None, defer_tests: bool = False) -> list[dict]:
    """Run the plan's statements on ``con``; the node results, shaped as loaders.build.run_dbt reports them (with
    ``seconds``). The whole replay is one transaction: it commits once, after the last node, and a statement that
    fails (or a test that returns no result row) rolls back every node before raising ReplayError, so dbt then
    starts from the file as the load left it. (One commit instead of one per node: 246 commits and begins cost
    0.4 s of a 10,000-document rebuild.) ``defer_tests``: the data tests are left out (``deferred_tests``), to run
    after the commit with ``replay_tests``, beside the gate."""
    results = []
    total = sum(1 for node in plan.nodes if node.resource_type != "connection")
    con.execute("begin")
    try:
        for node in plan.nodes:
            if defer_tests and node.resource_type == "test":
                continue
            result = _replay_node(con, node)
            if result is None:
                continue
            results.append(result)
            if on_node is not None:
                on_node(len(results), total, result)
        con.execute("commit")
    except BaseException:
        with contextlib.suppress(duckdb.Error):  # a connection that cannot roll back discards the work on close
            con.execute("rollback")
        raise
    return results


def deferred_tests(plan: Plan) -> list[PlannedNode]:
    """The data tests of a plan, in the order dbt ran them (what ``replay(..., defer_tests=True)`` leaves out)."""
    return [node for node in plan.nodes if node.resource_type == "test"]


def replay_tests(con: duckdb.DuckDBPyConnection, nodes: list[PlannedNode]) -> list[dict]:
    """Run data tests of a plan after the replay committed (they only read): their results as ``replay`` gives
    them. A test whose statement fails is an ``error`` result naming the failure (the models it reads are committed
    and are not rolled back: the build fails, and nothing is published)."""
    results = []
    for node in nodes:
        started = time.perf_counter()
        try:
            result = _replay_node(con, node)
        except ReplayError as exc:
            result = {"name": node.name, "unique_id": node.node_id, "resource_type": node.resource_type,
                      "status": "error", "failures": None, "message": f"the replayed test failed to run: {exc}",
                      "seconds": time.perf_counter() - started}
        if result is not None:
            results.append(result)
    return results


def _replay_node(con: duckdb.DuckDBPyConnection, node: PlannedNode) -> dict | None:
    """Run one node's statements (inside the replay's transaction); its result, or None for a connection node."""
    started = time.perf_counter()
    row = None
    try:
        for sql in node.statements:
            if sql.strip().upper() in _TRANSACTION_WORDS:
                continue  # dbt's own transaction words: the replay is one transaction of its own
            cursor = con.execute(sql)
            if node.resource_type == "test" and cursor.description is not None \
                    and tuple(c[0] for c in cursor.description) == _TEST_RESULT_COLUMNS:
                row = cursor.fetchone()
    except duckdb.Error as exc:
        raise ReplayError(node.node_id, exc) from exc
    if node.resource_type == "connection":
        return None
    status, message, failures = "success", None, None
    if node.resource_type == "test":
        if row is None:
            raise ReplayError(node.node_id, RuntimeError("the test's statements returned no result row"))
        failures = int(row[0])
        status, message = judge_test(node, failures, bool(row[1]), bool(row[2]))
    return {"name": node.name, "unique_id": node.node_id, "resource_type": node.resource_type,
            "status": status, "failures": failures, "message": message,
            "seconds": time.perf_counter() - started}


def apply_build_settings(con: duckdb.DuckDBPyConnection) -> None:
    """Give an open connection the settings dbt's build target gives DuckDB (profiles.yml): the load's connection,
    before the replay runs on it, so that a replayed query runs under the memory limit dbt's runs under."""
    for key, value in build_target_settings().items():
        con.execute(f"set {key} = '{value.replace(chr(39), chr(39) * 2)}'")


def build_target_settings() -> dict:
    import yaml

    from loaders.build import DBT_BUILD_TARGET, PROJECT_ROOT

    profiles = yaml.safe_load((PROJECT_ROOT / "profiles.yml").read_text(encoding="utf-8"))
    target = profiles["yusuan"]["outputs"][DBT_BUILD_TARGET]
    return {str(key): str(value) for key, value in (target.get("settings") or {}).items()}
