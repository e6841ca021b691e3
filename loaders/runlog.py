"""The run log: one row per `yusuan build`, published with the warehouse in ``ops.run_log``.

A build that publishes writes its own row into the new warehouse file just before the atomic swap. A build
that does not publish (dbt failed, the gate failed, an unexpected error) must not touch the published file,
so it appends its row to a JSON-lines sidecar beside the warehouse (``<warehouse>.runs.jsonl``); a build killed
outright cannot write anything, but the next build finds its entry in the lock file and records it as
``killed``. The next build that publishes carries every sidecar row into ``ops.run_log`` (by run id, so a row is
never carried twice) and then empties the sidecar.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal
from pathlib import Path

import duckdb

RUN_LOG_TABLE = "ops.run_log"
PUBLICATION_STATUS_VIEW = "ops.publication_status"

# Statuses of a run.
PUBLISHED = "published"
DBT_FAILED = "dbt_failed"
GATE_FAILED = "gate_failed"
ERROR = "error"          # an unexpected exception stopped the build (message says which)
KILLED = "killed"        # the build process died without finishing (found by the next build in the lock file)
SHRINK_REFUSED = "shrink_refused"  # the build would drop too many published documents: nothing published

# (name, type) of each column; a warehouse logged by an older yusuan gets the missing columns added.
RUN_LOG_COLUMNS = [
    ("run_id", "varchar primary key"),
    # order of the runs as logged (1, 2, …): runs carried from the sidecar in the order they happened, then the
    # publishing run; timestamps alone cannot order runs that start within the clock's resolution
    ("run_number", "integer"),
    ("started_at", "timestamp not null"),  # UTC
    ("finished_at", "timestamp"),  # UTC; null for a killed run
    ("status", "varchar not null"),  # published | dbt_failed | gate_failed | shrink_refused | error | killed
    ("exit_code", "integer"),
    ("seconds", "decimal(10, 1)"),
    ("documents_dir", "varchar"),
    ("documents_in_folder", "integer"),
    ("documents_parsed", "integer"),  # added + changed + reparsed
    ("documents_added", "integer"),  # new file name
    ("documents_changed", "integer"),  # same file name, new sha256
    ("documents_reparsed", "integer"),  # same file and sha256, new parser version
    ("documents_unchanged", "integer"),  # same sha256 and parser version: not parsed
    ("documents_removed", "integer"),  # no longer in the folder: rows removed
    ("documents_failed", "integer"),  # not loaded (unreadable, unsupported, duplicate, parse error)
    ("figures", "bigint"),  # rows in raw.figures after the run
    ("indicators", "bigint"),  # rows in raw.indicators after the run
    ("findings_error", "integer"),
    ("findings_warning", "integer"),
    ("findings_notice", "integer"),  # a difference within printed rounding, not exact: visible, never an error
    ("findings_info", "integer"),
    # what was published (README, "Publication status"): complete | incomplete (data the documents print that the
    # warehouse could not read or place: published, exit 1); null when nothing was published
    ("publication_status", "varchar"),
    ("findings_publisher_error", "integer"),  # findings by publication category of their rule (rule_catalog)
    ("findings_data_not_read", "integer"),
    ("findings_category_notice", "integer"),
    ("gate_result", "varchar"),  # passed | failed | not run | unchanged (nothing to rebuild)
    ("gate_checks", "integer"),
    ("gate_failed_checks", "integer"),
    ("failures", "varchar"),  # failed gate checks or dbt nodes, one per line
    ("data_docs_path", "varchar"),  # index.html of the GX Data Docs of this run's gate, if written
    ("project_fingerprint", "varchar"),  # sha256 of the dbt project, gate code and tool versions
    ("pid", "integer"),
    ("host", "varchar"),
    ("message", "varchar"),
    # how dbt ran (README, "Incremental rebuilds"): incremental | full refresh (null: dbt not run); by dbt or replay
    # (the statements of the last incremental dbt build replayed); the document versions in ops.changed_documents
    ("dbt_mode", "varchar"),
    ("dbt_engine", "varchar"),
    ("documents_in_scope", "integer"),
]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


@dataclass
class RunRecord:
    run_id: str
    started_at: dt.datetime
    status: str = ERROR
    finished_at: dt.datetime | None = None
    exit_code: int | None = None
    seconds: Decimal | None = None
    documents_dir: str | None = None
    documents_in_folder: int | None = None
    documents_parsed: int | None = None
    documents_added: int | None = None
    documents_changed: int | None = None
    documents_reparsed: int | None = None
    documents_unchanged: int | None = None
    documents_removed: int | None = None
    documents_failed: int | None = None
    figures: int | None = None
    indicators: int | None = None
    findings_error: int | None = None
    findings_warning: int | None = None
    findings_notice: int | None = None
    findings_info: int | None = None
    publication_status: str | None = None
    findings_publisher_error: int | None = None
    findings_data_not_read: int | None = None
    findings_category_notice: int | None = None
    gate_result: str = "not run"
    gate_checks: int | None = None
    gate_failed_checks: int | None = None
    failures: str | None = None
    data_docs_path: str | None = None
    project_fingerprint: str | None = None
    pid: int | None = field(default_factory=os.getpid)
    host: str | None = field(default_factory=lambda: os.uname().nodename)
    message: str | None = None
    dbt_mode: str | None = None
    dbt_engine: str | None = None
    documents_in_scope: int | None = None

    def to_json(self) -> str:
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, dt.datetime):
                data[key] = value.isoformat()
            elif isinstance(value, Decimal):
                data[key] = str(value)
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, line: str) -> "RunRecord":
        data = json.loads(line)
        known = {f.name for f in fields(cls)}
        data = {k: v for k, v in data.items() if k in known}
        for key in ("started_at", "finished_at"):
            if data.get(key):
                data[key] = dt.datetime.fromisoformat(data[key])
        if data.get("seconds") is not None:
            data["seconds"] = Decimal(data["seconds"])
        return cls(**data)


def sidecar_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".runs.jsonl")


def append_pending(warehouse: Path, record: RunRecord) -> None:
    """Record a run that did not publish, beside the warehouse (never in it)."""
    path = sidecar_path(warehouse)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(record.to_json() + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def read_pending(warehouse: Path) -> list[RunRecord]:
    """Runs recorded in the sidecar; a torn last line (a crash while appending) is skipped."""
    path = sidecar_path(warehouse)
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            records.append(RunRecord.from_json(line))
        except (ValueError, TypeError):
            continue
    return records


def clear_pending(warehouse: Path, carried: set[str]) -> None:
    """Drop the sidecar rows now in the published run log (atomically: rewrite then rename)."""
    path = sidecar_path(warehouse)
    if not path.exists():
        return
    keep = [r for r in read_pending(warehouse) if r.run_id not in carried]
    if not keep:
        path.unlink()
        return
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text("".join(r.to_json() + "\n" for r in keep), encoding="utf-8")
    os.replace(temporary, path)


def ensure_run_log(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("create schema if not exists ops")
    columns = ",\n    ".join(f"{name} {kind}" for name, kind in RUN_LOG_COLUMNS)
    con.execute(f"create table if not exists {RUN_LOG_TABLE} (\n    {columns}\n)")
    for name, kind in RUN_LOG_COLUMNS:
        con.execute(f"alter table {RUN_LOG_TABLE} add column if not exists {name} "
                    f"{kind.replace(' not null', '').replace(' primary key', '')}")
    # one row: what the file holds, as its publishing run recorded it (README, "Publication status")
    con.execute(f"""create or replace view {PUBLICATION_STATUS_VIEW} as
        select run_id, finished_at as published_at, publication_status, findings_publisher_error,
            findings_data_not_read, findings_category_notice, documents_in_folder, documents_failed, exit_code
        from {RUN_LOG_TABLE} where status = '{PUBLISHED}'
        order by run_number desc nulls last, finished_at desc limit 1""")


def insert_runs(con: duckdb.DuckDBPyConnection, records: list[RunRecord]) -> set[str]:
    """Insert the runs not yet in ``ops.run_log``; return the run ids now present."""
    ensure_run_log(con)
    present = {r for (r,) in con.execute(f"select run_id from {RUN_LOG_TABLE}").fetchall()}
    number = con.execute(f"select coalesce(max(run_number), 0) from {RUN_LOG_TABLE}").fetchone()[0]
    names = [f.name for f in fields(RunRecord)] + ["run_number"]
    placeholders = ", ".join("?" for _ in names)
    for record in records:
        if record.run_id in present:
            continue
        number += 1
        con.execute(f"insert into {RUN_LOG_TABLE} ({', '.join(names)}) values ({placeholders})",
                    [getattr(record, name) for name in names[:-1]] + [number])
        present.add(record.run_id)
    return present
