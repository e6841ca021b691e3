"""The pipeline: load -> dbt build into a NEW warehouse file -> publication gate -> publish by atomic rename.

Steps run one after another (DuckDB allows one writer per file). The build file starts as a copy of the
published warehouse, so unchanged documents are not parsed again; the published file is only ever replaced
whole, by ``os.replace``, after dbt build and the Great Expectations gate (loaders/gate.py) succeeded, so
readers never see a half-built warehouse and a failed build leaves the previous one in place. Every run is
logged (loaders/runlog.py): in ``ops.run_log`` of the file it publishes, or, when it publishes nothing, in a
sidecar beside the warehouse until the next published run carries it in. One build at a time: a ``flock`` on
``<warehouse>.lock``, which the kernel releases when a build dies, so a killed build never blocks the next.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import glob
import hashlib
import json
import os
import shutil
import threading
import time
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Callable

import duckdb

from loaders import replay, runlog
from loaders.gate import (DATA_NOT_READ, INCOMPLETE, GateResult, PublicationStatus, publication_status, run_gate,
                          store_digests)
from loaders.gate_process import GateProcess
from loaders.load import LoadSummary, load_directory
from loaders.runlog import RunRecord, utc_now

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WAREHOUSE = "warehouse/yusuan.duckdb"
# profiles.yml: the target `build` writes the file named by this variable; only run_dbt sets it. Its default target
# `dev` (dbt run by hand) writes warehouse/dev.duckdb, so a hand-run dbt never writes the published warehouse.
DBT_BUILD_TARGET = "build"
BUILD_FILE_VARIABLE = "YUSUAN_BUILD_FILE"

# Exit codes of `yusuan build` (also in README and --help).
EXIT_OK = 0
# Published, but incomplete: a document could not be loaded, or the warehouse could not read or place something a
# document prints (a finding of publication category data_not_read); ops.run_log.publication_status = incomplete.
EXIT_INCOMPLETE = 1
EXIT_SOME_DOCUMENTS_FAILED = EXIT_INCOMPLETE  # the older name
EXIT_USAGE = 2
EXIT_BUILD_FAILED = 3
EXIT_LOCKED = 4

# The published file is written in DuckDB's v1.0.0 storage format (storage version 64), which every DuckDB from 1.0
# on reads: the DuckDB 1.x command line, DBeaver's JDBC driver, R and older Python packages, not only DuckDB 2.0
# (whose own format, 69, no 1.x release opens). The building file is created in it; DuckDB keeps writing an opened
# file in the format it was created in; a published file in another format (an older build) is converted once.
PUBLISHED_STORAGE_VERSION = "v1.0.0"
# A building file whose blocks are this share free or more is rewritten before it is published (compact_if_loose);
# the rewrite streams table by table and stays within REWRITE_MEMORY_LIMIT (spilling beyond it).
COMPACT_AT_FREE_SHARE = 0.3  # the file at most about 1.4 times its compact size
REWRITE_MEMORY_LIMIT = "800MB"

# Fewer findings after a parser fix is progress, not a broken build.
ALWAYS_ALLOWED_TO_SHRINK = ("fct_findings",)

# A build that would drop more than this share of the published documents (or all of them) looks like an
# accident -- a mount that failed, a wrong folder in a cron job -- and publishes nothing unless --allow-shrink.
DEFAULT_MAX_DROP_SHARE = Decimal("0.5")
MAX_DROP_SHARE_ENV = "YUSUAN_MAX_DROP_SHARE"


def default_max_drop_share() -> Decimal:
    configured = os.environ.get(MAX_DROP_SHARE_ENV, "").strip()
    if not configured:
        return DEFAULT_MAX_DROP_SHARE
    try:
        share = Decimal(configured)
    except ArithmeticError:
        raise ValueError(f"{MAX_DROP_SHARE_ENV}={configured!r} is not a share between 0 and 1") from None
    if not Decimal(0) <= share <= Decimal(1):
        raise ValueError(f"{MAX_DROP_SHARE_ENV}={configured!r} is not a share between 0 and 1")
    return share


def default_warehouse() -> Path:
    configured = os.environ.get("YUSUAN_WAREHOUSE", DEFAULT_WAREHOUSE)
    path = Path(configured)
    return path if path.is_absolute() else PROJECT_ROOT / path


class BuildLocked(Exception):
    pass


def lock_path_for(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".lock")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _read_holder(handle) -> dict | None:
    handle.seek(0)
    text = handle.read().strip()
    if not text:
        return None
    try:
        holder = json.loads(text)
    except ValueError:
        return {"pid": None, "raw": text[:200]}
    return holder if isinstance(holder, dict) else None


def _describe(holder: dict | None) -> str:
    if not holder:
        return "another yusuan build"
    return (f"yusuan build pid {holder.get('pid')} on {holder.get('host')} (run {holder.get('run_id')}, "
            f"started {holder.get('started_at')} UTC)")


@contextlib.contextmanager
def build_lock(warehouse: Path, run: RunRecord | None = None, wait_seconds: float = 0.0):
    """One build at a time per warehouse: an exclusive ``flock`` on ``<warehouse>.lock``.

    The kernel drops the flock when its process dies, even by SIGKILL, so a killed build never blocks the next
    one. The holder writes its pid, host, run id and start into the lock file and empties it when it ends: a
    lock file found non-empty by the next holder is the trace of a build that died (its pid is checked and
    reported); the context manager yields that holder's entry (or None). A second build waits up to
    ``wait_seconds`` (default: not at all) and then raises ``BuildLocked`` naming the running build.
    """
    lock_path = lock_path_for(warehouse)
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = lock_path.open("a+", encoding="utf-8")
    try:
        deadline = time.monotonic() + max(wait_seconds, 0.0)
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _read_holder(handle)
                    raise BuildLocked(
                        f"{_describe(holder)} is running on {warehouse}; not starting a second one "
                        f"(lock {lock_path}). Try again when it has finished, or pass --wait SECONDS.") from None
                time.sleep(0.5)
        stale = _read_holder(handle)
        if stale is not None:
            pid = stale.get("pid")
            stale["pid_alive"] = bool(isinstance(pid, int) and stale.get("host") == os.uname().nodename
                                      and _pid_alive(pid))
        if run is not None:
            handle.seek(0)
            handle.truncate()
            handle.write(json.dumps({"pid": os.getpid(), "host": os.uname().nodename, "run_id": run.run_id,
                                     "started_at": run.started_at.isoformat(),
                                     "documents_dir": run.documents_dir}, ensure_ascii=False))
            handle.flush()
        try:
            yield stale
        finally:  # not reached when the process is killed: that is how the next build knows
            handle.seek(0)
            handle.truncate()
            handle.flush()
    finally:
        handle.close()  # releases the flock


@dataclass
class DbtOutcome:
    success: bool
    results: list[dict] = field(default_factory=list)  # name, resource_type, status, failures, message
    error: str | None = None
    # a replay's data tests, run after its commit beside the gate (``_DeferredTests``); their results are added to
    # ``results`` before the build decides anything
    deferred_tests: list = field(default_factory=list)

    def add(self, results: list[dict]) -> None:
        self.results.extend(results)
        self.success = self.success and not any(r["status"] in ("error", "fail") for r in results)

    def failed_nodes(self) -> list[dict]:
        return [r for r in self.results if r["status"] in ("error", "fail")]

    def warned_tests(self) -> list[dict]:
        return [r for r in self.results if r["status"] == "warn"]


def run_dbt(warehouse: Path, command: str | list[str] = "build", extra: list[str] | None = None,
            callbacks: list | None = None) -> DbtOutcome:
    """Run dbt in-process against ``warehouse``: profiles.yml's target ``build``, whose path is the variable
    YUSUAN_BUILD_FILE set here (dbt run by hand uses target ``dev``, a development copy, never a published file).
    ``command``: a dbt command, or its words (``["docs", "generate"]``); ``extra``: its options."""
    from dbt.cli.main import dbtRunner

    # dbt re-parses the whole project (seconds) whenever the profile it renders changes, and the warehouse path is
    # part of it: dbt runs in the warehouse's folder and is given the file name only, the same for every build of
    # a warehouse of that name wherever it lives (a new folder, a test's tmp_path) -- so the parse is reused.
    warehouse = Path(warehouse).resolve()
    configured = os.environ.get(BUILD_FILE_VARIABLE)
    os.environ[BUILD_FILE_VARIABLE] = warehouse.name
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    words = [command] if isinstance(command, str) else list(command)
    args = [*words, "--project-dir", str(PROJECT_ROOT), "--profiles-dir", str(PROJECT_ROOT),
            "--target", DBT_BUILD_TARGET, "--log-path", str(PROJECT_ROOT / "logs"), "--quiet"] + (extra or [])
    working_dir = os.getcwd()
    os.chdir(warehouse.parent)
    try:
        result = dbtRunner(callbacks=callbacks or []).invoke(args)
    finally:
        os.chdir(working_dir)
        close_dbt_database()
        if configured is None:
            os.environ.pop(BUILD_FILE_VARIABLE, None)
        else:
            os.environ[BUILD_FILE_VARIABLE] = configured
    outcome = DbtOutcome(success=bool(result.success))
    if result.exception is not None:
        outcome.error = f"{type(result.exception).__name__}: {result.exception}"
    for node_result in getattr(result.result, "results", None) or []:
        node = node_result.node
        outcome.results.append({
            "name": node.name,
            "unique_id": node.unique_id,
            "resource_type": str(node.resource_type),
            "status": str(node_result.status),
            "failures": node_result.failures,
            "message": node_result.message,
            "seconds": getattr(node_result, "execution_time", None),
        })
        if str(node.resource_type) == "test":  # what a replayed build judges the test's result row by
            config = node.config
            outcome.results[-1].update(severity=str(config.severity), warn_if=str(config.warn_if),
                                       error_if=str(config.error_if))
    return outcome


def run_replay(con: duckdb.DuckDBPyConnection, fingerprint: str,
               progress: "Progress", relations: str | None = None) -> tuple[DbtOutcome | None, str]:
    """The dbt build replayed, on ``con`` (the building file, open since the load), from a recorded plan
    (loaders/replay.py): an incremental build's from the plan stored in the file, a build from scratch's (when
    ``relations``, the file's relations signature, is given) from the project's plan folder. (its outcome, "") or
    (None, why it was not replayed: no plan valid for this build, or a statement of it failed and the replay was
    rolled back)."""
    plan, why = replay.stored(con, fingerprint) if relations is None else replay.stored_full(con, fingerprint,
                                                                                               relations)
    if plan is None:
        return None, why
    replay.apply_build_settings(con)
    # the replay's one commit writes its log, not the file: the file's checkpoint (1.8 s at 10,000 documents, every
    # table the replay and the load's last batches wrote) runs after it, beside the gate's validation (_build_steps),
    # or when the connection closes. At the load's threshold the commit itself checkpointed, before the gate started
    con.execute(f"set checkpoint_threshold = '{REPLAY_CHECKPOINT_THRESHOLD}'")
    paused = []

    def on_node(done: int, total: int, result: dict) -> None:
        progress("dbt", done, total)
        if not paused:
            paused.append(True)
            _pause_point("dbt")

    try:
        # the data tests only read: they run after the commit, beside the gate (_DeferredTests)
        results = replay.replay(con, plan, on_node, defer_tests=True)
    except replay.ReplayError as exc:
        return None, f"the replay stopped at {exc}"
    return DbtOutcome(success=not any(r["status"] in ("error", "fail") for r in results), results=results,
                      deferred_tests=replay.deferred_tests(plan)), ""


class _DeferredTests:
    """A replay's data tests, run in a thread on a cursor of the build's connection once the replay committed,
    while the gate reads the marts and Great Expectations validates them (a one-document rebuild: 0.6 s of tests
    beside a 1.1 s gate). ``join_into`` waits for them and adds their results to the outcome."""

    def __init__(self, con: duckdb.DuckDBPyConnection, nodes: list) -> None:
        self._cursor = con.cursor()
        self._results: list[dict] = []
        self._error: BaseException | None = None

        def run() -> None:
            try:
                self._results = replay.replay_tests(self._cursor, nodes)
            except BaseException as exc:  # noqa: BLE001 - handed to join_into
                self._error = exc

        self._thread = threading.Thread(target=run, name="yusuan-replayed-tests", daemon=True)
        self._thread.start()

    def join_into(self, outcome: DbtOutcome) -> None:
        self._thread.join()
        self._cursor.close()
        if self._error is not None:
            raise self._error
        outcome.add(self._results)
        outcome.deferred_tests = []


def _keep_plan(staging: Path, recorder: replay.PlanRecorder, outcome: DbtOutcome, fingerprint: str,
               run_id: str) -> str:
    """Store the plan of the incremental dbt build just run in ``staging``, for the next build to replay; what was
    done, for the report."""
    if not outcome.success:
        return "dbt failed: no plan recorded"
    con = duckdb.connect(str(staging))
    try:
        plan, why = recorder.plan(fingerprint, replay.database_name(con), outcome.results, run_id)
        if plan is None:
            replay.forget(con)
            return f"no plan recorded: {why}"
        replay.store(con, plan)
        con.execute("checkpoint")
        return f"plan recorded ({len(plan.nodes)} nodes, {plan.statements} statements): the next build replays it"
    finally:
        con.close()


def _keep_full_plan(staging: Path, recorder: replay.PlanRecorder, outcome: DbtOutcome, fingerprint: str,
                    run_id: str, relations: str) -> str:
    """Keep the plan of the build from scratch just run in the project's plan folder, for the next build from scratch
    of a file of that name holding the same relations to replay; what was done, for the report."""
    if not outcome.success:
        return "dbt failed: no plan recorded"
    if replay.full_plan_directory() is None:
        return f"no plan recorded: plans of builds from scratch are off (${replay.FULL_PLAN_DIRECTORY_VARIABLE}=off)"
    con = duckdb.connect(str(staging), read_only=True)
    try:
        database = replay.database_name(con)
    finally:
        con.close()
    plan, why = recorder.plan(fingerprint, database, outcome.results, run_id)
    if plan is None:
        return f"no plan recorded: {why}"
    try:
        path = replay.store_full(plan, relations)
    except OSError as exc:  # a project folder that cannot be written: builds from scratch keep running dbt
        return f"no plan recorded: {type(exc).__name__}: {exc}"
    return (f"plan of a build from scratch recorded in {path} ({len(plan.nodes)} nodes, {plan.statements} "
            "statements): the next build from scratch of this project and file name replays it")


def _start_gate_process() -> GateProcess | None:
    """The gate's own process (loaders/gate_process.py), or None when it cannot be started (the gate then runs in
    this process, as for a build from scratch)."""
    try:
        return GateProcess()
    except OSError:
        return None


def _preload_gate() -> None:
    """Import Great Expectations (3 s of one core) in a background thread while dbt builds: dbt's nodes spend much
    of their time waiting on DuckDB, so the import mostly overlaps it instead of delaying the gate. Any import error
    is left for the gate itself to meet and report."""
    def load() -> None:
        with contextlib.suppress(Exception):
            import loaders.expectations  # noqa: F401

    threading.Thread(target=load, name="yusuan-preload-gate", daemon=True).start()


def close_dbt_database() -> None:
    """profiles.yml sets keep_open: dbt-duckdb then opens the warehouse file once per run instead of once per
    node (a quarter of a small build's time), but it keeps that handle after the run, in this process. Close it,
    so the gate, the summary and the swap that follow (and the next build) open the file afresh."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    environment = DuckDBConnectionManager._ENV
    if environment is not None:
        environment.close()
    DuckDBConnectionManager.close_all_connections()


# --- test hook: pause at a named point so a test can kill the build there ------------------------------------
# YUSUAN_PAUSE_AT=load|dbt|swap makes the build stop at that point: it writes its pid to the file
# named by YUSUAN_PAUSE_SIGNAL (if set) and sleeps YUSUAN_PAUSE_SECONDS (default 300) before going on.
#   load       documents landed in the building file, the load connection still open, nothing checkpointed
#   dbt        inside `dbt build`, after its first node finished (dbt holds the building file open for writing)
#   swap       the building file complete and fsynced, just before os.replace over the published file
PAUSE_POINTS = ("load", "dbt", "swap")


def _pause_point(name: str) -> None:
    if os.environ.get("YUSUAN_PAUSE_AT") != name:
        return
    signal_file = os.environ.get("YUSUAN_PAUSE_SIGNAL")
    if signal_file:
        # written whole under a temporary name and renamed: a reader never sees it half written
        partial = Path(f"{signal_file}.{os.getpid()}.partial")
        partial.write_text(f"{os.getpid()} {name}\n", encoding="utf-8")
        os.replace(partial, signal_file)
    time.sleep(float(os.environ.get("YUSUAN_PAUSE_SECONDS", "300")))


def _dbt_pause_callback():
    paused = []

    def callback(event) -> None:
        if not paused and event.info.name == "NodeFinished":
            paused.append(True)
            _pause_point("dbt")

    return callback


# Phases of a build, in order, as told to a progress callback: reading the folder (triage), parsing the documents
# (done/total documents; landed in batches as they come), landing the last batch, dbt build (done/total nodes),
# the publication gate, publishing (run log and atomic swap).
PHASES = ("reading", "parsing", "landing", "dbt", "gate", "publish")
Progress = Callable[[str, "int | None", "int | None"], None]


def _no_progress(phase: str, done: int | None, total: int | None) -> None:
    return None


def _dbt_progress_callback(progress: Progress):
    """dbt events to progress("dbt", done, total): a node's start line carries the number of nodes to run; every
    finished node counts one."""
    state = {"done": 0, "total": None}

    def callback(event) -> None:
        name = event.info.name
        if name == "LogStartLine" and state["total"] is None:
            state["total"] = getattr(event.data, "total", None) or None
            progress("dbt", state["done"], state["total"])
        elif name == "NodeFinished":
            state["done"] += 1
            progress("dbt", state["done"], state["total"])

    return callback


@dataclass
class BuildReport:
    warehouse: Path
    load: LoadSummary
    dbt: DbtOutcome | None
    published: bool
    seconds: float
    figures: int = 0
    findings_by_severity: dict[str, int] = field(default_factory=dict)
    publication: PublicationStatus | None = None  # findings by publication category of the built file
    gate: GateResult | None = None
    run: RunRecord | None = None
    stale_lock: dict | None = None      # the lock entry of an earlier build that died, if one was found
    carried_runs: int = 0               # unpublished runs carried from the sidecar into ops.run_log
    refusal: str | None = None          # why publication was refused before dbt (the build would drop documents)
    dbt_mode: str | None = None         # 'incremental' (the changed documents' rows only) or 'full refresh'
    documents_in_scope: int = 0         # sha256s in ops.changed_documents for an incremental dbt build
    dbt_engine: str | None = None       # 'dbt', or 'replay': a recorded dbt build's statements replayed
    replay_note: str | None = None      # why dbt ran instead of a replay, and whether it recorded a plan
    notes: list[str] = field(default_factory=list)

    @property
    def incomplete(self) -> bool:
        """A document not loaded, or data a document prints that the warehouse could not read or place."""
        return bool(self.load.failed or self.load.problems
                    or (self.publication is not None and self.publication.status == INCOMPLETE))

    @property
    def publication_status(self) -> str | None:
        """complete | incomplete for a published build; None when nothing was published."""
        if not self.published:
            return None
        return "incomplete" if self.incomplete else "complete"

    @property
    def exit_code(self) -> int:
        if not self.published:
            return EXIT_BUILD_FAILED
        if self.incomplete:
            return EXIT_INCOMPLETE
        return EXIT_OK


_FREEING: list[threading.Thread] = []


def _superseded_name(warehouse: Path) -> str:
    return f".{warehouse.name}.superseded-"


def _keep_superseded(warehouse: Path) -> Path | None:
    """A second name (hard link) for the published file about to be replaced, so that the swap does not free its
    blocks: on this project's machines (ext4 mounted with ``discard``) unlinking an 800 MB file takes 0.35 s, spent
    in the swap when the rename drops the file's last name. None when there is no file or the folder cannot link."""
    if not warehouse.exists():
        return None
    link = warehouse.with_name(f"{_superseded_name(warehouse)}{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        os.link(warehouse, link)
    except OSError:
        return None
    return link


def _free_after_publication(superseded: Path) -> None:
    """Unlink the superseded file in a thread once the new one is published (readers that still have it open keep
    reading it until they close it, as before). The thread is not a daemon: the process waits for it at exit; a
    build that is killed first leaves the file to the next build, which removes it (``build``'s leftovers)."""
    def free() -> None:
        with contextlib.suppress(OSError):
            superseded.unlink()

    thread = threading.Thread(target=free, name="yusuan-free-superseded")
    thread.start()
    _FREEING.append(thread)


def wait_for_freed_files() -> None:
    """Wait until the files superseded by this process's publications are unlinked (tests, benchmarks)."""
    while _FREEING:
        _FREEING.pop().join()


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def staging_path(warehouse: Path) -> Path:
    """The file a build of ``warehouse`` works on (one per warehouse file name, under the build lock)."""
    return warehouse.with_name(f".{warehouse.name}.building.duckdb")


def data_docs_dir(warehouse: Path, failed: bool = False) -> Path:
    """Where the GX Data Docs of the published build (or of the last build whose gate failed) are kept:
    ``<stem>.gate-docs`` for a ``.duckdb`` file, ``<name>.gate-docs`` for any other (w.duckdb and w.db apart)."""
    base = warehouse.stem if warehouse.suffix == ".duckdb" else warehouse.name
    return warehouse.with_name(f"{base}.gate-docs" + (".failed" if failed else ""))


def _documents_before(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    exists = con.execute("select count(*) from information_schema.tables "
                         "where table_schema = 'raw' and table_name = 'documents'").fetchone()[0]
    if not exists:
        return {}
    return dict(con.execute("select file_name, document_sha256 from raw.documents").fetchall())


def shrink_refusal(before: dict[str, str], after: dict[str, str], max_drop_share: Decimal) -> str | None:
    """Why publishing would look like an accident, or None. ``before``/``after``: file name -> sha256 of the
    documents registered in the published warehouse and in the build. A published document is dropped when
    neither its file name nor its content (sha256) is registered any more: a renamed file is not dropped."""
    if not before:
        return None
    remaining_shas = set(after.values())
    dropped = sorted(name for name, sha in before.items() if name not in after and sha not in remaining_shas)
    share = Decimal(len(dropped)) / Decimal(len(before))
    if not after:
        what = f"it would drop every one of the {len(before)} published documents (the folder holds none of them)"
    elif share > max_drop_share:
        what = (f"it would drop {len(dropped)} of the {len(before)} published documents ({share:.0%}, more than "
                f"the {max_drop_share:.0%} allowed)")
    else:
        return None
    listed = ", ".join(dropped[:5]) + (f" and {len(dropped) - 5} more" if len(dropped) > 5 else "")
    return (f"publication refused: {what}: {listed}. Nothing was published; the previous warehouse stays. If the "
            "folder is right (an empty mount or a wrong path would look the same), run again with --allow-shrink "
            f"(or raise ${MAX_DROP_SHARE_ENV})")


def _count_documents(run: RunRecord, summary: LoadSummary, before: dict[str, str]) -> None:
    added = changed = reparsed = 0
    for outcome in summary.outcomes:
        if outcome.status != "completed":
            continue
        if outcome.file_name not in before:
            added += 1
        elif before[outcome.file_name] != outcome.sha256:
            changed += 1
        else:
            reparsed += 1
    run.documents_in_folder = len(summary.outcomes)
    run.documents_added, run.documents_changed, run.documents_reparsed = added, changed, reparsed
    run.documents_parsed = added + changed + reparsed
    run.documents_unchanged = summary.count("unchanged")
    run.documents_removed = len(summary.removed)
    run.documents_failed = len(summary.failed)
    named = [*summary.problems, *summary.notes]
    if named:  # manifest rows left out or for absent files, entries of the folder not read: in the run log too
        more = f" (and {len(named) - 20} more)" if len(named) > 20 else ""
        run.message = "; ".join(named[:20]) + more


# What, besides the documents, decides the warehouse's content: the dbt project, the gate and the tool versions.
FINGERPRINT_PATHS = ("dbt_project.yml", "profiles.yml", "packages.yml", "models", "macros", "seeds", "snapshots",
                     "tests/dbt", "loaders/gate.py", "loaders/expectations", "loaders/schema.py")
FINGERPRINT_PACKAGES = ("dbt-core", "dbt-duckdb", "duckdb", "great-expectations", "pandas")


def project_fingerprint() -> str:
    """sha256 over the files that turn raw rows into the published marts and decide the gate, and the versions
    of the tools that run them. Equal fingerprints and unchanged documents mean the same warehouse."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256()
    for name in FINGERPRINT_PATHS:
        root = PROJECT_ROOT / name
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root] if root.exists() else []
        for path in files:
            if "__pycache__" in path.parts:
                continue
            digest.update(str(path.relative_to(PROJECT_ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    for package in FINGERPRINT_PACKAGES:
        try:
            digest.update(f"{package}=={version(package)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{package} missing\0".encode())
    return digest.hexdigest()


def _last_published(con: duckdb.DuckDBPyConnection) -> tuple[str, str | None] | None:
    """(run_id, project_fingerprint) of the run that published the file ``con`` is a copy of, if logged."""
    exists = con.execute("select count(*) from information_schema.tables "
                         "where table_schema = 'ops' and table_name = 'run_log'").fetchone()[0]
    if not exists:
        return None
    return con.execute(f"select run_id, project_fingerprint from {runlog.RUN_LOG_TABLE} where status = ? "
                       "order by run_number desc nulls last, finished_at desc limit 1", [runlog.PUBLISHED]).fetchone()


# The load's connection checkpoints the file when its write-ahead log passes this size (DuckDB's default: 16 MB).
# The load's batches go through the log (each is smaller than a row group per table), and at 16 MB a load of
# 10,000 documents checkpointed about fifty times, each time compressing again the tables' open row groups: 18.4
# CPU s of the build process against 13.9 s at 128 MB, and a lower peak (795 -> 575 MB; BENCHMARKS.md, session of
# 2026-12-05 (2)). dbt's own connection keeps the default: a larger threshold made no difference there.
LOAD_CHECKPOINT_THRESHOLD = "128MB"
# The replay's connection (the load's, after it) checkpoints only when told to or closed (see run_replay).
REPLAY_CHECKPOINT_THRESHOLD = "1000GB"
CHANGED_DOCUMENTS_TABLE = "ops.changed_documents"
CHANGED_DEPARTMENTS_TABLE = "ops.changed_departments"
# passed to every dbt build of `yusuan build` (always the same, so dbt keeps its partial parse): the per-document
# incremental models then recompute only the documents in ops.changed_documents (macros/document_scope.sql)
INCREMENTAL_VARS = ["--vars", "{yusuan_incremental: true}"]
# What an incremental build does not rerun: what depends on the project alone (the fingerprint, equal to that of
# the published build, which ran and passed it) and not on the documents: the seeds (reference tables already in
# the file), the models and tests that read no raw table (dim_function_classes, dim_economic_classes,
# dim_indicators: the seeds' code lists), the unit tests of the models and the fixture tests of the check macros
# (tests/dbt, on inline rows, not on the warehouse's data).
NOT_RERUN_WHEN_INCREMENTAL = ["--select", "source:raw+",
                              "--exclude", "resource_type:seed", "resource_type:unit_test", "test_type:singular"]


def _document_state(con: duckdb.DuckDBPyConnection) -> tuple[set[tuple], set[str]]:
    """What decides a document's rows in the models: (sha256, file name, path, registered at) of every registered
    document (a re-parse registers it anew, a rename changes its name), and the sha256 of every file-level
    LOAD-FILE-* finding (a failed load of a registered document leaves its rows but adds such a finding)."""
    exists = con.execute("select count(*) from information_schema.tables "
                         "where table_schema = 'raw' and table_name = 'documents'").fetchone()[0]
    if not exists:
        return set(), set()
    documents = set(con.execute("select document_sha256, file_name, file_path, cast(registered_at as varchar) "
                                "from raw.documents").fetchall())
    failed = {r[0] for r in con.execute("select distinct document_sha256 from raw.load_findings "
                                        "where rule_id like 'LOAD-FILE-%' and document_sha256 is not null").fetchall()}
    return documents, failed


def changed_documents(before: tuple[set[tuple], set[str]], after: tuple[set[tuple], set[str]]) -> set[str]:
    """The sha256 of every document whose rows in the per-document models may differ after this load: added,
    changed (old and new sha256), re-parsed, renamed or removed, and every file with a LOAD-FILE-* finding before
    or after (rows without a document are recomputed in every build)."""
    documents_before, failed_before = before
    documents_after, failed_after = after
    return ({row[0] for row in documents_before ^ documents_after} | failed_before | failed_after)


def _department_names(con: duckdb.DuckDBPyConnection) -> dict[str, str | None]:
    """sha256 -> the department a registered document names (raw.documents.department)."""
    exists = con.execute("select count(*) from information_schema.tables "
                         "where table_schema = 'raw' and table_name = 'documents'").fetchone()[0]
    if not exists:
        return {}
    return dict(con.execute("select document_sha256, department from raw.documents").fetchall())


def _write_changed_documents(con: duckdb.DuckDBPyConnection, shas: set[str],
                             departments: set[str] | None = None) -> None:
    """ops.changed_documents (the documents in scope) and ops.changed_departments (the departments they name, before
    and after the load: a rule across one department's documents recomputes that department's documents)."""
    con.execute("create schema if not exists ops")
    con.execute(f"create or replace table {CHANGED_DOCUMENTS_TABLE} (document_sha256 varchar primary key)")
    if shas:
        con.execute(f"insert into {CHANGED_DOCUMENTS_TABLE} select unnest(?::varchar[])", [sorted(shas)])
    con.execute(f"create or replace table {CHANGED_DEPARTMENTS_TABLE} (department_name varchar primary key)")
    if departments:
        con.execute(f"insert into {CHANGED_DEPARTMENTS_TABLE} select unnest(?::varchar[])", [sorted(departments)])


def _needs_full_refresh(last: tuple[str, str | None] | None, fingerprint: str) -> str | None:
    """Why the models must be rebuilt from scratch, or None (an incremental build gives the same warehouse): no
    build was published into this file yet, or the dbt project, gate or tools changed since (the fingerprint)."""
    if last is None:
        return "no published build in this warehouse yet"
    if last[1] != fingerprint:
        return "the dbt project, the gate or the tool versions changed since the published build"
    return None


def _nothing_to_rebuild(summary: LoadSummary, last: tuple[str, str | None] | None, fingerprint: str) -> bool:
    return (last is not None and last[1] == fingerprint and bool(summary.outcomes) and not summary.removed
            and all(outcome.status == "unchanged" for outcome in summary.outcomes))


def _replace_dir(source: Path, target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    os.replace(source, target)


def _killed_run(stale: dict) -> RunRecord:
    started = stale.get("started_at")
    try:
        started_at = dt.datetime.fromisoformat(started) if started else utc_now()
    except ValueError:
        started_at = utc_now()
    alive = " (that pid is still running: a different process now?)" if stale.get("pid_alive") else ""
    return RunRecord(
        run_id=stale.get("run_id") or uuid.uuid4().hex, started_at=started_at, status=runlog.KILLED,
        pid=stale.get("pid"), host=stale.get("host"), documents_dir=stale.get("documents_dir"),
        message=f"build pid {stale.get('pid')} stopped without finishing (killed or crashed){alive}; "
                "nothing of it was published")


def build(documents_dir: Path, warehouse: Path, *, wait_seconds: float = 0.0, force: bool = False,
          workers: int | None = None, allow_shrink: bool = False,
          max_drop_share: Decimal | None = None, progress: Progress | None = None,
          full_refresh: bool = False, replay_allowed: bool | None = None) -> BuildReport:
    """Load, dbt build, gate and publish (see the module docstring). When every document is unchanged and the
    project fingerprint equals that of the run that published the current warehouse, dbt and the gate are not
    rerun (their result would be the same file): the run is logged and published as such. ``force`` reruns them.
    ``workers``: parser processes (default ``$YUSUAN_WORKERS`` or the number of cores).
    A build that would drop more than ``max_drop_share`` (default ``$YUSUAN_MAX_DROP_SHARE`` or 0.5) of the
    published documents, or every one of them, publishes nothing unless ``allow_shrink``.
    ``progress(phase, done, total)``, if given, is told each phase as it starts (PHASES) and, where it can be
    counted, how far it is: documents parsed of those to parse, dbt nodes finished of the nodes to run.
    dbt rebuilds only the rows of the documents that changed (incremental models keyed by document) unless
    ``full_refresh``, or the project fingerprint changed, or nothing was published yet: then from scratch.
    An incremental build replays the statements of the last incremental dbt build when they are valid for it
    (loaders/replay.py) unless ``replay_allowed`` is false (default: ``$YUSUAN_REPLAY`` is not 0)."""
    started = time.monotonic()
    if replay_allowed is None:
        replay_allowed = os.environ.get("YUSUAN_REPLAY", "1") != "0"
    max_drop_share = default_max_drop_share() if max_drop_share is None else Decimal(max_drop_share)
    warehouse = warehouse.resolve()
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    run = RunRecord(run_id=uuid.uuid4().hex, started_at=utc_now(), documents_dir=str(Path(documents_dir).resolve()))
    with build_lock(warehouse, run, wait_seconds) as stale:
        if stale is not None:
            runlog.append_pending(warehouse, _killed_run(stale))
        # One fixed name per warehouse (the lock makes it this build's alone): dbt's profile names the file it
        # builds, and a profile that changes from run to run costs a full re-parse of the project (seconds).
        # Named after the whole file name: w.duckdb and w.db in one folder never share a staging file.
        staging = staging_path(warehouse)
        docs_building = warehouse.with_name(f".{warehouse.name}.gate-docs.building-{os.getpid()}")
        for leftover in [*warehouse.parent.glob(f".{glob.escape(warehouse.name)}.building*.duckdb*"),
                         *warehouse.parent.glob(f".{glob.escape(warehouse.name)}.gate-docs.building-*"),
                         *warehouse.parent.glob(f"{glob.escape(_superseded_name(warehouse))}*")]:
            # a crashed build's files (never published) and superseded files a build's process did not live to
            # unlink (another process may be unlinking one right now): safe to drop under the lock
            with contextlib.suppress(FileNotFoundError):
                shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
        # a rebuild of a published warehouse is likely to replay: Great Expectations is imported in a process of
        # its own from now on, beside the copy, the load and the replay (loaders/gate_process.py)
        gate_process = _start_gate_process() if replay_allowed and not full_refresh and warehouse.exists() else None
        if warehouse.exists():
            shutil.copyfile(warehouse, staging)
        report = BuildReport(warehouse, LoadSummary(), None, published=False, seconds=0.0, run=run,
                             stale_lock=stale)
        try:
            _build_steps(documents_dir, warehouse, staging, docs_building, report, started, force, workers,
                         None if allow_shrink else max_drop_share, progress or _no_progress, full_refresh,
                         replay_allowed, gate_process)
        except Exception as exc:
            if not report.published:  # after the swap the run is already in the published log
                run.status, run.message = runlog.ERROR, f"{type(exc).__name__}: {exc}"
                _finish(run, started, EXIT_BUILD_FAILED)
                runlog.append_pending(warehouse, run)
            raise
        finally:
            if gate_process is not None:
                gate_process.close()
            for path in (staging, staging.with_name(staging.name + ".wal")):
                if path.exists():
                    path.unlink()
            if docs_building.exists():
                shutil.rmtree(docs_building)
        report.seconds = time.monotonic() - started
        return report


def storage_version(path: Path) -> str | None:
    """The storage format a DuckDB file is written in (e.g. ``v1.0.0+``), read without writing to it."""
    con = duckdb.connect()
    try:
        con.execute(f"attach '{_sql_path(path)}' as probed (read_only)")
        row = con.execute("select tags['storage_version'] from duckdb_databases() "
                          "where database_name = 'probed'").fetchone()
        return row[0] if row else None
    finally:
        con.close()


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _in_published_format(version: str | None) -> bool:
    return version is not None and version.rstrip("+") == PUBLISHED_STORAGE_VERSION


def ensure_storage_version(path: Path) -> None:
    """Make ``path`` a DuckDB file in PUBLISHED_STORAGE_VERSION: create it empty in that format when missing;
    convert it (every schema, table, view and macro, by COPY FROM DATABASE into a new file, then a rename) when it
    is in another one. DuckDB then keeps writing it in that format."""
    if not path.exists():
        con = duckdb.connect()
        try:
            con.execute(f"attach '{_sql_path(path)}' as created (storage_version '{PUBLISHED_STORAGE_VERSION}')")
        finally:
            con.close()
        return
    if _in_published_format(storage_version(path)):
        return
    _rewrite(path, "convert")


def _rewrite(path: Path, purpose: str) -> None:
    """Write every schema, table, view and macro of ``path`` into a new file in PUBLISHED_STORAGE_VERSION (COPY FROM
    DATABASE: the new file holds no free block) and rename it over ``path``. ``path`` is a building file, never the
    published one: a failure leaves it as it was."""
    rewritten = path.with_name(f"{path.name}.{purpose}.duckdb")  # matched by build()'s sweep of leftovers
    for leftover in (rewritten, rewritten.with_name(rewritten.name + ".wal")):
        if leftover.exists():
            leftover.unlink()
    con = duckdb.connect(config={"memory_limit": REWRITE_MEMORY_LIMIT})
    try:
        con.execute(f"attach '{_sql_path(path)}' as source (read_only)")
        con.execute(f"attach '{_sql_path(rewritten)}' as target "
                    f"(storage_version '{PUBLISHED_STORAGE_VERSION}')")
        con.execute("copy from database source to target")
        con.execute("detach target")
        con.execute("detach source")
    except BaseException:
        con.close()
        if rewritten.exists():
            rewritten.unlink()
        raise
    con.close()
    os.replace(rewritten, path)


def free_share_of(con: duckdb.DuckDBPyConnection) -> float:
    """The share of the blocks of ``con``'s database file that are free (after its last checkpoint)."""
    total, free = con.execute("select total_blocks, free_blocks from pragma_database_size() "
                              "where database_name = current_database()").fetchone()
    return free / total if total else 0.0


def free_block_share(path: Path) -> float:
    """The share of the blocks of the DuckDB file ``path`` that are free."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return free_share_of(con)
    finally:
        con.close()


def compact_if_loose(staging: Path, report: BuildReport, share: float | None = None) -> bool:
    """Rewrite the building file without its free blocks when COMPACT_AT_FREE_SHARE of them are free (a note
    says so). Deleted rows and replaced tables leave free blocks that DuckDB reuses but never gives back: a
    --full-refresh of a published warehouse doubled its file (651 MB -> 1.3 GB, 52 % free at 10,000 documents),
    and incremental builds let it grow slowly (730 -> 990 MB over twenty rebuilds). Every later build copies the
    whole file before it writes, and analysts download it. The rewrite costs about 15 s at 10,000 documents, so it
    is done only past the threshold (after a full refresh of a published warehouse, or rarely after many
    incremental builds), never for the few free blocks of a normal build. Whether it rewrote the file."""
    if share is None:
        share = free_block_share(staging)
    if share < COMPACT_AT_FREE_SHARE:
        return False
    before = staging.stat().st_size
    started = time.monotonic()
    _rewrite(staging, "compact")
    after = staging.stat().st_size
    report.notes.append(f"the building file was rewritten without its free blocks ({share:.0%} of them free): "
                        f"{before / 1e6:,.0f} MB -> {after / 1e6:,.0f} MB in {time.monotonic() - started:.1f} s")
    return True


def _dbt_failed(run: RunRecord, report: "BuildReport", staging: Path, warehouse: Path, started: float) -> None:
    """A dbt build (or its replay) that failed: recorded as such, nothing published."""
    run.status = runlog.DBT_FAILED
    lines = [report.dbt.error] if report.dbt.error else []
    lines += [f"{n['resource_type']} {n['name']}: {n['status']} {n['message'] or ''}".strip()
              for n in report.dbt.failed_nodes()]
    run.failures = "\n".join(lines) or None
    _summarise(staging, report, findings=False)  # the marts in the file are stale or half-built
    _finish(run, started, EXIT_BUILD_FAILED)
    runlog.append_pending(warehouse, run)


def _finish(run: RunRecord, started: float, exit_code: int) -> None:
    run.finished_at = utc_now()
    run.seconds = Decimal(f"{time.monotonic() - started:.1f}")
    run.exit_code = exit_code


def _build_steps(documents_dir: Path, warehouse: Path, staging: Path, docs_building: Path,
                 report: BuildReport, started: float, force: bool = False,
                 workers: int | None = None, max_drop_share: Decimal | None = None,
                 progress: Progress | None = None, full_refresh: bool = False,
                 replay_allowed: bool = True, gate_process: GateProcess | None = None) -> None:
    progress = progress or _no_progress
    run = report.run
    run.project_fingerprint = project_fingerprint()
    ensure_storage_version(staging)  # a new file in the published format; an older build's file converted once
    con = duckdb.connect(str(staging))
    con.execute(f"set checkpoint_threshold = '{LOAD_CHECKPOINT_THRESHOLD}'")
    keep_open = False
    tests: _DeferredTests | None = None
    try:  # the connection stays open for a replay (below) and, after one, for the gate; closed on every other way out
        before = _documents_before(con)
        state_before = _document_state(con)
        departments_before = _department_names(con)
        last = _last_published(con)
        progress("reading", None, None)
        report.load = load_directory(con, documents_dir, workers=workers, progress=progress)
        _pause_point("load")
        after = _documents_before(con)
        changed = changed_documents(state_before, _document_state(con))
        refresh_reason = "--full-refresh" if full_refresh else _needs_full_refresh(last, run.project_fingerprint)
        departments_after = _department_names(con)
        _write_changed_documents(con, changed, {name for sha in changed
                                                for name in (departments_before.get(sha), departments_after.get(sha))
                                                if name})
        _count_documents(run, report.load, before)

        refusal = None if max_drop_share is None else shrink_refusal(before, after, max_drop_share)
        if refusal is not None:
            con.close()
            run.status, run.message = runlog.SHRINK_REFUSED, refusal
            report.refusal = refusal
            _finish(run, started, EXIT_BUILD_FAILED)
            runlog.append_pending(warehouse, run)
            return

        if not (force or full_refresh) and _nothing_to_rebuild(report.load, last, run.project_fingerprint):
            con.close()
            run.gate_result = "unchanged"
            run.message = (f"documents, dbt project and gate unchanged since run {last[0]}: dbt build and the gate "
                           "were not rerun (the warehouse would be the same); --force reruns them")
            if (data_docs_dir(warehouse) / "index.html").exists():
                run.data_docs_path = str(data_docs_dir(warehouse) / "index.html")
            _summarise(staging, report)
            progress("publish", None, None)
            _publish(warehouse, staging, docs_building, report, started)
            return

        if refresh_reason is not None and gate_process is not None:
            gate_process.close()  # a build from scratch: the gate validates every row, in this process
            gate_process = None
        if gate_process is None:
            _preload_gate()
        progress("dbt", 0, None)
        report.dbt_mode = "incremental" if refresh_reason is None else "full refresh"
        report.documents_in_scope = len(changed)
        # a build from scratch replays the plan recorded for the relations the file holds now (loaders/replay.py)
        relations = replay.relations_signature(con) if refresh_reason is not None else None
        if replay_allowed:
            # on the load's connection: the file is not checkpointed and reopened between the load and the replay
            report.dbt, report.replay_note = run_replay(con, run.project_fingerprint, progress, relations)
            report.dbt_engine = "replay" if report.dbt is not None else None
            # replayed and committed: the gate reads the file through this connection, and the file's checkpoint
            # runs while Great Expectations validates (below)
            keep_open = report.dbt is not None and report.dbt.success
            if keep_open and report.dbt.deferred_tests:
                # the replay's data tests read the committed marts beside the gate (joined before it returns)
                tests = _DeferredTests(con, report.dbt.deferred_tests)
            elif report.dbt is not None:
                report.dbt.deferred_tests = []  # a model failed: the build fails without them
    finally:
        if not keep_open:
            con.close()  # checkpoints the file: dbt, the gate and the summary open it afresh
    if report.dbt is None:
        recorder = replay.PlanRecorder()
        report.dbt = run_dbt(staging, extra=INCREMENTAL_VARS + (NOT_RERUN_WHEN_INCREMENTAL if refresh_reason is None
                                                                 else ["--full-refresh"]),
                             callbacks=[_dbt_pause_callback(), _dbt_progress_callback(progress), recorder])
        report.dbt_engine = "dbt"
        if relations is None:
            recorded = _keep_plan(staging, recorder, report.dbt, run.project_fingerprint, run.run_id)
        else:
            recorded = _keep_full_plan(staging, recorder, report.dbt, run.project_fingerprint, run.run_id, relations)
        report.replay_note = "; ".join(n for n in (report.replay_note, recorded) if n)
    run.dbt_mode, run.dbt_engine = report.dbt_mode, report.dbt_engine
    run.documents_in_scope = report.documents_in_scope if report.dbt_mode == "incremental" else None
    if not report.dbt.success:
        _dbt_failed(run, report, staging, warehouse, started)
        return

    progress("gate", None, None)
    try:
        report.gate = run_gate(staging, warehouse if warehouse.exists() else None, docs_building,
                               # --allow-shrink (max_drop_share None) lets every mart lose rows, not only the folder
                               allow_shrink=True if max_drop_share is None else ALWAYS_ALLOWED_TO_SHRINK,
                               # an incremental build: the expectations read the rows that changed (loaders/gate.py)
                               scope_to_changes=report.dbt_mode == "incremental",
                               # after a replay: its connection, and the file's checkpoint beside the validation
                               connection=con if keep_open else None,
                               while_validating=(lambda: con.execute("checkpoint")) if keep_open else None,
                               expectations=gate_process)
    finally:
        try:
            if tests is not None:
                tests.join_into(report.dbt)  # before the connection they read through closes
        finally:
            if keep_open:
                con.close()
    if gate_process is not None and gate_process.fallback_reason:
        report.notes.append(gate_process.fallback_reason)
    if not report.dbt.success:  # a replayed data test failed (beside the gate): nothing is published
        _dbt_failed(run, report, staging, warehouse, started)
        return
    run.gate_result = "passed" if report.gate.success else "failed"
    run.gate_checks, run.gate_failed_checks = len(report.gate.checks), len(report.gate.failed())
    _summarise(staging, report)
    if not report.gate.success:
        run.status = runlog.GATE_FAILED
        run.failures = "\n".join(report.gate.failure_lines())
        _wait_for_docs(gate_process, report)
        if report.gate.data_docs_index is not None and docs_building.exists():
            _replace_dir(docs_building, data_docs_dir(warehouse, failed=True))
            run.data_docs_path = str(data_docs_dir(warehouse, failed=True) / "index.html")
        _finish(run, started, EXIT_BUILD_FAILED)
        runlog.append_pending(warehouse, run)
        return

    if report.gate.data_docs_index is not None:
        run.data_docs_path = str(data_docs_dir(warehouse) / "index.html")
    progress("publish", None, None)
    _publish(warehouse, staging, docs_building, report, started,
             docs_ready=lambda: _wait_for_docs(gate_process, report))


def _wait_for_docs(gate_process: GateProcess | None, report: "BuildReport") -> None:
    """The gate's process renders the Data Docs after it answered (loaders/gate_process.py): wait for them before
    their folder is moved into place."""
    if gate_process is not None:
        why = gate_process.wait_for_docs()
        if why is not None:
            report.notes.append(why)


def _publish(warehouse: Path, staging: Path, docs_building: Path, report: BuildReport, started: float,
             docs_ready: Callable[[], None] | None = None) -> None:
    """Write this run (and the unpublished runs since the last publication) into the new file; swap it in."""
    run = report.run
    run.status = runlog.PUBLISHED
    run.publication_status = "incomplete" if report.incomplete else "complete"
    pending = runlog.read_pending(warehouse)
    _finish(run, started, EXIT_INCOMPLETE if report.incomplete else EXIT_OK)
    con = duckdb.connect(str(staging))
    try:
        carried = runlog.insert_runs(con, [*pending, run])
        if report.gate is not None:  # what the next incremental build's gate compares with
            store_digests(con, report.gate.digests)
        con.execute("checkpoint")
        share = free_share_of(con)
        # (read on this connection: attaching the file again to read it cost 0.05 s of a one-document rebuild)
        row = con.execute("select tags['storage_version'] from duckdb_databases() "
                          "where database_name = current_database()").fetchone()
        version = row[0] if row else None
    finally:
        con.close()
    if compact_if_loose(staging, report, share):
        version = storage_version(staging)  # a new file
    report.carried_runs = len(pending)
    if not _in_published_format(version):  # never publish a file the DuckDB 1.x tools cannot open
        raise RuntimeError(f"the building file is in DuckDB storage format {version}, not "
                           f"{PUBLISHED_STORAGE_VERSION}: not published")
    with open(staging, "rb+") as handle:
        os.fsync(handle.fileno())
    _pause_point("swap")
    superseded = _keep_superseded(warehouse)
    os.replace(staging, warehouse)
    _fsync_dir(warehouse.parent)
    report.published = True
    if superseded is not None:
        _free_after_publication(superseded)
    try:  # housekeeping after the swap: a failure here must not turn a published build into a failed one
        runlog.clear_pending(warehouse, carried)
        if docs_ready is not None:
            docs_ready()
        if docs_building.exists():
            _replace_dir(docs_building, data_docs_dir(warehouse))
    except OSError as exc:
        report.notes.append(f"published, but after the swap: {type(exc).__name__}: {exc}")


def _summarise(path: Path, report: BuildReport, findings: bool = True) -> None:
    """Figures, indicators and findings by severity in the building file (what was, or would be, published)."""
    run = report.run
    con = duckdb.connect(str(path), read_only=True)
    try:
        report.figures = run.figures = con.execute("select count(*) from raw.figures").fetchone()[0]
        run.indicators = con.execute("select count(*) from raw.indicators").fetchone()[0]
        if not findings:
            return
        rows = con.execute("select severity, count(*) from main.fct_findings group by 1 order by 1").fetchall()
        report.findings_by_severity = {severity: count for severity, count in rows}
        run.findings_error = report.findings_by_severity.get("error", 0)
        run.findings_warning = report.findings_by_severity.get("warning", 0)
        run.findings_notice = report.findings_by_severity.get("notice", 0)
        run.findings_info = report.findings_by_severity.get("info", 0)
        report.publication = publication_status(con)
        if report.publication is not None:
            run.findings_publisher_error = report.publication.findings.get("publisher_error", 0)
            run.findings_data_not_read = report.publication.findings.get(DATA_NOT_READ, 0)
            run.findings_category_notice = report.publication.findings.get("notice", 0)
    finally:
        con.close()
