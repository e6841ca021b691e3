"""Landing parsed records in the raw schema: a load ledger, and one transaction per document.

For each document: register it, open a ledger row, parse (pure), then in ONE transaction delete the
rows the file had before (under its old or current sha256) and insert the new ones, and mark the
ledger row completed. Any error rolls the transaction back, so what was landed before stays; the
ledger row is marked failed with the reason. A document whose sha256 and parser version are unchanged
is not parsed again.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from loaders.detect import resolve_facts
from loaders.documents import Document, DocumentError, list_document_paths, read_document, read_manifest
from loaders.parsers import parser_for
from loaders.records import ParseError, ParseResult
from loaders.schema import DOCUMENT_TABLES, ensure_raw_schema

FIGURE_COLUMNS = [
    "page", "line_start", "line_end", "section", "table_name", "row_code", "row_code_scheme", "row_kind",
    "unit_code", "row_label", "column_code", "column_label", "subject", "measure", "label", "parent_label",
    "value_text", "value", "printed_decimals", "printed_unit", "sign", "comparison", "raw_text", "context_text",
]
INDICATOR_COLUMNS = [
    "page", "line_start", "line_end", "subject", "sequence_no", "level1_code", "level1_name", "level2_code",
    "level2_name", "indicator_name", "value_period_kind", "value_text", "comparison", "number_text", "number",
    "number_high", "printed_decimals", "unit", "period", "is_qualitative", "raw_text",
]
ATTRIBUTE_COLUMNS = ["page", "line_start", "line_end", "subject", "attribute", "value_text", "raw_text"]
FINDING_COLUMNS = ["rule_id", "severity", "page", "line_start", "line_end", "raw_text", "message"]


@dataclass
class DocumentOutcome:
    file_name: str
    status: str  # completed | unchanged | failed | unsupported | duplicate
    sha256: str | None = None
    kind: str | None = None
    figures: int = 0
    indicators: int = 0
    findings: int = 0
    message: str | None = None


@dataclass
class LoadSummary:
    outcomes: list[DocumentOutcome] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[DocumentOutcome]:
        return [o for o in self.outcomes if o.status in ("failed", "duplicate", "unsupported")]

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: list[str], rows: list[tuple]) -> None:
    if not rows:
        return
    placeholders = ", ".join("?" for _ in columns)
    con.executemany(f"insert into {table} ({', '.join(columns)}) values ({placeholders})", rows)


def _record_failure(con, load_id: str, doc_sha: str | None, file_name: str, rule_id: str, message: str,
                    status: str = "failed") -> None:
    con.execute(
        "update raw.loads set status = ?, finished_at = ?, error_message = ? where load_id = ?",
        [status, _now(), message, load_id],
    )
    # A failure finding is kept per file; the previous one for this file is replaced.
    con.execute("delete from raw.load_findings where file_name = ? and rule_id like 'LOAD-FILE-%'", [file_name])
    con.execute(
        "insert into raw.load_findings (document_sha256, load_id, file_name, finding_index, rule_id, severity, "
        "message) values (?, ?, ?, 0, ?, 'error', ?)",
        [doc_sha, load_id, file_name, rule_id, message],
    )


def _open_ledger(con, doc_sha: str, file_name: str, parser_name: str | None, parser_version: str | None) -> str:
    load_id = uuid.uuid4().hex
    con.execute(
        "insert into raw.loads (load_id, document_sha256, file_name, parser_name, parser_version, started_at, "
        "status) values (?, ?, ?, ?, ?, ?, 'running')",
        [load_id, doc_sha, file_name, parser_name, parser_version, _now()],
    )
    return load_id


def _already_loaded(con, doc_sha: str, file_name: str, parser_name: str, parser_version: str) -> bool:
    row = con.execute(
        "select count(*) from raw.loads l join raw.documents d using (document_sha256) "
        "where l.document_sha256 = ? and d.file_name = ? and l.parser_name = ? and l.parser_version = ? "
        "and l.status = 'completed' and l.finished_at = (select max(finished_at) from raw.loads x "
        "where x.file_name = l.file_name and x.status in ('completed'))",
        [doc_sha, file_name, parser_name, parser_version],
    ).fetchone()
    return bool(row and row[0])


def _delete_document_rows(con, file_name: str) -> None:
    """Every row that a file landed before, under whatever sha256 it had then."""
    shas = [r[0] for r in con.execute(
        "select document_sha256 from raw.documents where file_name = ?", [file_name]).fetchall()]
    for sha in shas:
        for table in DOCUMENT_TABLES:
            con.execute(f"delete from {table} where document_sha256 = ?", [sha])
    con.execute("delete from raw.load_findings where file_name = ?", [file_name])
    con.execute("delete from raw.documents where file_name = ?", [file_name])


def _land(con, doc: Document, result: ParseResult, load_id: str, facts_sources: dict[str, str]) -> None:
    facts = result.facts
    _delete_document_rows(con, doc.file_name)
    con.execute(
        "insert into raw.documents (document_sha256, file_name, file_path, size_bytes, encoding, kind, kind_source, "
        "fiscal_year, fiscal_year_source, department, department_source, printed_unit, source, title, page_count, "
        "line_count, registered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [doc.sha256, doc.file_name, str(doc.path), doc.size_bytes, doc.encoding, facts.kind,
         facts_sources.get("kind"), facts.fiscal_year, facts_sources.get("fiscal_year"), facts.department,
         facts_sources.get("department"), facts.unit, doc.manifest.source if doc.manifest else None, facts.title,
         facts.page_count, len(doc.lines) if doc.lines else None, _now()],
    )
    head = [doc.sha256, load_id, doc.file_name]
    _insert(con, "raw.figures", ["document_sha256", "load_id", "file_name", "figure_index"] + FIGURE_COLUMNS,
            [tuple(head + [i] + [getattr(f, c) for c in FIGURE_COLUMNS]) for i, f in enumerate(result.figures, 1)])
    _insert(con, "raw.indicators", ["document_sha256", "load_id", "file_name", "indicator_index"] + INDICATOR_COLUMNS,
            [tuple(head + [i] + [getattr(x, c) for c in INDICATOR_COLUMNS]) for i, x in enumerate(result.indicators, 1)
             ])
    _insert(con, "raw.attributes", ["document_sha256", "load_id", "file_name", "attribute_index"] + ATTRIBUTE_COLUMNS,
            [tuple(head + [i] + [getattr(a, c) for c in ATTRIBUTE_COLUMNS]) for i, a in enumerate(result.attributes, 1)
             ])
    _insert(con, "raw.load_findings", ["document_sha256", "load_id", "file_name", "finding_index"] + FINDING_COLUMNS,
            [tuple(head + [i] + [getattr(x, c) for c in FINDING_COLUMNS]) for i, x in enumerate(result.findings, 1)])
    con.execute(
        "update raw.loads set status = 'completed', finished_at = ?, figures_loaded = ?, indicators_loaded = ?, "
        "findings_loaded = ? where load_id = ?",
        [_now(), len(result.figures), len(result.indicators), len(result.findings), load_id],
    )


def load_document(con: duckdb.DuckDBPyConnection, path: Path, manifest, seen: dict[str, str]) -> DocumentOutcome:
    file_name = path.name
    try:
        doc = read_document(path, manifest)
    except DocumentError as exc:
        load_id = _open_ledger(con, None, file_name, None, None)
        _record_failure(con, load_id, None, file_name, "LOAD-FILE-UNREADABLE", str(exc))
        return DocumentOutcome(file_name, "failed", message=str(exc))
    if doc.sha256 in seen and seen[doc.sha256] != file_name:
        message = f"{file_name}: duplicate of {seen[doc.sha256]} (same sha256 {doc.sha256[:12]}…); not loaded twice"
        load_id = _open_ledger(con, doc.sha256, file_name, None, None)
        _record_failure(con, load_id, doc.sha256, file_name, "LOAD-FILE-DUPLICATE", message, status="duplicate")
        return DocumentOutcome(file_name, "duplicate", doc.sha256, message=message)
    seen[doc.sha256] = file_name
    try:
        facts, sources = resolve_facts(doc)
    except DocumentError as exc:
        load_id = _open_ledger(con, doc.sha256, file_name, None, None)
        _record_failure(con, load_id, doc.sha256, file_name, "LOAD-FILE-UNKNOWN-KIND", str(exc))
        return DocumentOutcome(file_name, "failed", doc.sha256, message=str(exc))
    parser = parser_for(facts.kind)
    if parser is None:
        message = f"{file_name}: no parser reads documents of kind {facts.kind!r} yet"
        load_id = _open_ledger(con, doc.sha256, file_name, None, None)
        _record_failure(con, load_id, doc.sha256, file_name, "LOAD-FILE-UNSUPPORTED", message, status="unsupported")
        return DocumentOutcome(file_name, "unsupported", doc.sha256, facts.kind, message=message)
    if _already_loaded(con, doc.sha256, file_name, parser.NAME, parser.VERSION):
        return DocumentOutcome(file_name, "unchanged", doc.sha256, facts.kind)
    load_id = _open_ledger(con, doc.sha256, file_name, parser.NAME, parser.VERSION)
    try:
        result = parser.parse(doc)
    except ParseError as exc:
        message = f"{file_name}: {exc}"
        _record_failure(con, load_id, doc.sha256, file_name, "LOAD-FILE-UNPARSEABLE", message)
        return DocumentOutcome(file_name, "failed", doc.sha256, facts.kind, message=message)
    # What the manifest or the detection established wins over what the parser read, field by field.
    for name in ("kind", "fiscal_year", "department", "unit"):
        if getattr(facts, name) is not None:
            setattr(result.facts, name, getattr(facts, name))
    con.execute("begin transaction")
    try:
        _land(con, doc, result, load_id, sources)
        con.execute("commit")
    except Exception as exc:  # noqa: BLE001 - any failure: roll back, keep what was there, report
        con.execute("rollback")
        message = f"{file_name}: could not be landed: {exc}"
        _record_failure(con, load_id, doc.sha256, file_name, "LOAD-FILE-UNPARSEABLE", message)
        return DocumentOutcome(file_name, "failed", doc.sha256, facts.kind, message=message)
    return DocumentOutcome(file_name, "completed", doc.sha256, result.facts.kind, len(result.figures),
                           len(result.indicators), len(result.findings))


def load_directory(con: duckdb.DuckDBPyConnection, directory: Path) -> LoadSummary:
    """Load every document in ``directory``; remove rows of documents no longer there."""
    ensure_raw_schema(con)
    summary = LoadSummary()
    try:
        manifest = read_manifest(directory)
    except DocumentError as exc:
        summary.outcomes.append(DocumentOutcome(exc.file_name, "failed", message=str(exc)))
        manifest = {}
    seen: dict[str, str] = {}
    paths = list_document_paths(directory)
    for path in paths:
        summary.outcomes.append(load_document(con, path, manifest, seen))
    present = {p.name for p in paths}
    for (file_name,) in con.execute("select distinct file_name from raw.documents").fetchall():
        if file_name not in present:
            con.execute("begin transaction")
            _delete_document_rows(con, file_name)
            con.execute("commit")
            summary.removed.append(file_name)
    # Ledger rows and failure findings of files that are gone entirely are removed too.
    con.execute("delete from raw.load_findings where file_name not in (select unnest(?::varchar[]))", [list(present)])
    return summary
