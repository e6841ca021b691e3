"""The pipeline: load -> dbt build into a NEW warehouse file -> publication gate -> publish by atomic rename.

Steps run one after another (DuckDB allows one writer per file). The build file starts as a copy of the
published warehouse, so unchanged documents are not parsed again; the published file is only ever
replaced whole, by ``os.replace``, after dbt build and the Great Expectations gate (loaders/gate.py) succeeded, so readers never see a half-built warehouse
and a failed build leaves the previous one in place.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from loaders.gate import GateResult, run_gate
from loaders.load import LoadSummary, load_directory

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WAREHOUSE = "warehouse/yusuan.duckdb"

# Exit codes of `yusuan build` (also in README and --help).
EXIT_OK = 0
EXIT_SOME_DOCUMENTS_FAILED = 1
EXIT_USAGE = 2
EXIT_BUILD_FAILED = 3
EXIT_LOCKED = 4

# Fewer findings after a parser fix is progress, not a broken build.
ALWAYS_ALLOWED_TO_SHRINK = ("fct_findings",)


def default_warehouse() -> Path:
    configured = os.environ.get("YUSUAN_WAREHOUSE", DEFAULT_WAREHOUSE)
    path = Path(configured)
    return path if path.is_absolute() else PROJECT_ROOT / path


class BuildLocked(Exception):
    pass


@contextlib.contextmanager
def build_lock(warehouse: Path):
    """One build at a time per warehouse; a second one is told so at once."""
    lock_path = warehouse.with_name(warehouse.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = lock_path.open("a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked(f"another yusuan build is running on {warehouse} (lock {lock_path})") from None
        yield
    finally:
        handle.close()


@dataclass
class DbtOutcome:
    success: bool
    results: list[dict] = field(default_factory=list)  # name, resource_type, status, failures, message
    error: str | None = None

    def failed_nodes(self) -> list[dict]:
        return [r for r in self.results if r["status"] in ("error", "fail")]

    def warned_tests(self) -> list[dict]:
        return [r for r in self.results if r["status"] == "warn"]


def run_dbt(warehouse: Path, command: str = "build", extra: list[str] | None = None) -> DbtOutcome:
    """Run dbt in-process against ``warehouse`` (via the YUSUAN_WAREHOUSE variable that profiles.yml reads)."""
    from dbt.cli.main import dbtRunner

    os.environ["YUSUAN_WAREHOUSE"] = str(warehouse)
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    args = [command, "--project-dir", str(PROJECT_ROOT), "--profiles-dir", str(PROJECT_ROOT),
            "--log-path", str(PROJECT_ROOT / "logs"), "--quiet"] + (extra or [])
    result = dbtRunner().invoke(args)
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
        })
    return outcome


@dataclass
class BuildReport:
    warehouse: Path
    load: LoadSummary
    dbt: DbtOutcome | None
    published: bool
    seconds: float
    figures: int = 0
    findings_by_severity: dict[str, int] = field(default_factory=dict)
    gate: GateResult | None = None

    @property
    def exit_code(self) -> int:
        if not self.published:
            return EXIT_BUILD_FAILED
        if self.load.failed:
            return EXIT_SOME_DOCUMENTS_FAILED
        return EXIT_OK


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def build(documents_dir: Path, warehouse: Path, workers: int | None = None) -> BuildReport:
    started = time.monotonic()
    warehouse = warehouse.resolve()
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(warehouse):
        staging = warehouse.with_name(f".{warehouse.stem}.building-{os.getpid()}.duckdb")
        for leftover in warehouse.parent.glob(f".{warehouse.stem}.building-*.duckdb*"):
            leftover.unlink()  # a crashed build's file: never published, safe to drop under the lock
        if warehouse.exists():
            shutil.copyfile(warehouse, staging)
        try:
            con = duckdb.connect(str(staging))
            try:
                summary = load_directory(con, documents_dir, workers=workers)
                con.execute("checkpoint")
            finally:
                con.close()
            outcome = run_dbt(staging)
            if not outcome.success:
                return BuildReport(warehouse, summary, outcome, published=False, seconds=time.monotonic() - started)
            report = BuildReport(warehouse, summary, outcome, published=False, seconds=0.0)
            report.gate = run_gate(staging, warehouse if warehouse.exists() else None,
                                   allow_shrink=ALWAYS_ALLOWED_TO_SHRINK)
            if not report.gate.success:
                report.seconds = time.monotonic() - started
                return report
            _summarise(staging, report)
            with open(staging, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(staging, warehouse)
            _fsync_dir(warehouse.parent)
            report.published = True
            report.seconds = time.monotonic() - started
            return report
        finally:
            for path in (staging, staging.with_name(staging.name + ".wal")):
                if path.exists():
                    path.unlink()


def _summarise(path: Path, report: BuildReport) -> None:
    con = duckdb.connect(str(path), read_only=True)
    try:
        report.figures = con.execute("select count(*) from raw.figures").fetchone()[0]
        rows = con.execute("select severity, count(*) from main.fct_findings group by 1 order by 1").fetchall()
        report.findings_by_severity = {severity: count for severity, count in rows}
    finally:
        con.close()
