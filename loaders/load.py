"""Landing parsed records in the raw schema: a load ledger, and atomic replacement of each document's rows.

Three steps:

1. triage, in this process and cheap: every file is read and hashed (a file whose stamp -- size, mtime, ctime,
   inode -- is the one kept by an earlier triage is not read again: ``loaders.file_stamps``); unreadable files,
   duplicates (the same sha256 as an earlier file) and files whose sha256 and parser version are unchanged since
   their last completed load are settled here, without parsing;
2. parse, the expensive part, pure: the remaining documents are parsed in a pool of worker processes
   (``--workers`` / ``$YUSUAN_WORKERS``, default ``os.cpu_count()``; a few documents, or one worker, are
   parsed here, serially). Results come back in document order, whatever the number of workers;
3. land, by this one writer, in document order: for a batch of parsed documents, ONE transaction deletes
   the rows each file had before (under its old or current sha256), inserts the new rows in bulk, and
   writes each document's completed ledger row. If the batch fails, it is rolled back and its documents
   are landed again one transaction each, so a document that cannot be landed is marked failed with the
   reason while the others land, and what was landed before for it stays.

The warehouse is therefore the same, row for row, for any number of workers.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import operator
import os
import re
import uuid
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from loaders.detect import GENERIC_KINDS, missing_facts, resolve_facts
from loaders.documents import (DocumentError, read_document, scan_document_entries,
                               read_manifest_checked)
from loaders import limits
from loaders.file_stamps import FileStamps
from loaders.guards import drop_unfit_amounts
from loaders.identity import Seen, canonical_files, clear_file_errors, content_key, duplicate_message, rename_document
from loaders.parsers import parser_for
from loaders.records import DocumentFacts, Finding, LayoutMismatch, ParseError, ParseResult
from loaders.schema import DOCUMENT_TABLES, ensure_raw_schema
from loaders.statements import READER_VERSION, read_statements
from loaders.text_marks import MARKS_VERSION, read_marks

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
STATEMENT_COLUMNS = [
    "sentence_index", "page", "line_start", "line_end", "section", "sentence", "subject", "subject_kind",
    "subject_path", "parent_subject", "list_index", "role", "period_year", "basis", "compared_year",
    "compared_basis", "direction", "value_text", "value", "printed_decimals", "printed_unit", "reason_text",
    "reason_direction", "raw_text", "scope",
]
FINDING_COLUMNS = ["rule_id", "severity", "page", "line_start", "line_end", "raw_text", "message"]


@dataclass
class DocumentOutcome:
    file_name: str
    status: str  # completed | unchanged | failed | unsupported | duplicate | skipped (layout text of a PDF)
    sha256: str | None = None
    kind: str | None = None
    figures: int = 0
    indicators: int = 0
    findings: int = 0
    message: str | None = None
    rule_id: str | None = None  # the LOAD-FILE-* rule of a document not loaded


@dataclass
class LoadSummary:
    outcomes: list[DocumentOutcome] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    manifest_encoding: str | None = None  # utf-8 | utf-8-bom | utf-16… | gbk/gb18030, when there is a manifest
    # what is not a document outcome but must be named: manifest rows left out or pointing at no file, and entries
    # of the folder that are not read (folders, symlink loops, FIFOs …); each a message naming it and the reason
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # named too, but not a failure (a nested folder named README)
    files_read: int = 0  # readable files triage read and hashed; the others' stamps were unchanged (file_stamps)

    @property
    def failed(self) -> list[DocumentOutcome]:
        return [o for o in self.outcomes if o.status in ("failed", "duplicate", "unsupported")]

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


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


def _record_failures(con, failures: list[tuple]) -> None:
    """``_record_failure`` for many files in one transaction: ledger rows and LOAD-FILE-* findings in bulk.
    ``failures``: (sha256 or None, file name, rule id, message, status, parser name, parser version)."""
    if not failures:
        return
    now = _now()
    loads, findings = [], []
    for sha, file_name, rule_id, message, status, parser_name, parser_version in failures:
        load_id = uuid.uuid4().hex
        loads.append((load_id, sha, file_name, parser_name, parser_version, now, now, status, None, None, None,
                      message))
        findings.append((sha, load_id, file_name, 0, rule_id, "error", message))
    con.execute("begin transaction")
    try:
        con.execute("delete from raw.load_findings where rule_id like 'LOAD-FILE-%' "
                    "and file_name in (select unnest(?::varchar[]))", [[f[1] for f in failures]])
        _bulk_insert(con, "raw.loads", LOAD_COLUMNS, loads)
        _bulk_insert(con, "raw.load_findings", ["document_sha256", "load_id", "file_name", "finding_index",
                                                "rule_id", "severity", "message"], findings)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


def _open_ledger(con, doc_sha: str, file_name: str, parser_name: str | None, parser_version: str | None) -> str:
    load_id = uuid.uuid4().hex
    con.execute(
        "insert into raw.loads (load_id, document_sha256, file_name, parser_name, parser_version, started_at, "
        "status) values (?, ?, ?, ?, ?, ?, 'running')",
        [load_id, doc_sha, file_name, parser_name, parser_version, _now()],
    )
    return load_id


def _delete_document_rows(con, file_name: str) -> None:
    """Every row that a file landed before, under whatever sha256 it had then."""
    shas = [r[0] for r in con.execute(
        "select document_sha256 from raw.documents where file_name = ?", [file_name]).fetchall()]
    for sha in shas:
        for table in DOCUMENT_TABLES:
            con.execute(f"delete from {table} where document_sha256 = ?", [sha])
    con.execute("delete from raw.load_findings where file_name = ?", [file_name])
    con.execute("delete from raw.documents where file_name = ?", [file_name])


# --- parallel loading ---------------------------------------------------------------------------------

WORKERS_ENV = "YUSUAN_WORKERS"
# YUSUAN_STATEMENT_READER=off loads the tables only, without reading the prose (to measure what the reader costs:
# benchmarks/end_to_end.py); any other value, or none, reads it
STATEMENT_READER_ENV = "YUSUAN_STATEMENT_READER"


def _statement_reader_on() -> bool:
    return os.environ.get(STATEMENT_READER_ENV, "").strip().lower() != "off"
SERIAL_BELOW = 16  # fewer documents to parse than this: no process pool (starting one costs more)
BATCH_SIZE = 500  # documents landed per transaction
CHUNK_SIZE = 8  # documents handed to a worker at a time


def default_workers() -> int:
    configured = os.environ.get(WORKERS_ENV, "").strip()
    if configured:
        try:
            value = int(configured)
        except ValueError:
            raise ValueError(f"{WORKERS_ENV}={configured!r} is not a whole number of worker processes") from None
        if value < 1:
            raise ValueError(f"{WORKERS_ENV}={configured!r}: at least one worker is needed")
        return value
    return os.cpu_count() or 1


@dataclass
class _Meta:
    """What the writer needs of a document (not its bytes)."""

    file_name: str
    path: str
    sha256: str
    size_bytes: int
    encoding: str | None
    source: str | None
    line_count: int | None


@dataclass
class _Parsed:
    meta: _Meta
    status: str  # parsed | failed | unsupported
    rule_id: str | None = None
    message: str | None = None
    kind: str | None = None
    sources: dict[str, str] = field(default_factory=dict)
    parser_name: str | None = None
    parser_version: str | None = None
    result: ParseResult | None = None
    started_at: dt.datetime | None = None
    facts: DocumentFacts | None = None  # result.facts, kept when the records travel as ``columns``
    # what the writer lands, column by column (see ``_prepare``): table -> one list per column of
    # FIGURE_COLUMNS / INDICATOR_COLUMNS / ATTRIBUTE_COLUMNS / FINDING_COLUMNS, amounts as exact text
    columns: dict[str, list[list]] | None = None
    fallback_reason: str | None = None
    fallback_from: str | None = None  # the parser of the document's kind, when the general reader read it instead
    counts: tuple[int, int, int, int] = (0, 0, 0, 0)  # figures, indicators, attributes, findings


# table -> (record list of a ParseResult, columns, DECIMAL columns)
RECORD_TABLES = {
    "raw.figures": ("figures", FIGURE_COLUMNS, ("value",)),
    "raw.indicators": ("indicators", INDICATOR_COLUMNS, ("number", "number_high")),
    "raw.attributes": ("attributes", ATTRIBUTE_COLUMNS, ()),
    "raw.statements": ("statements", STATEMENT_COLUMNS, ("value",)),
    "raw.load_findings": ("findings", FINDING_COLUMNS, ()),
}
assert all(len(names) > 1 for _a, names, _d in RECORD_TABLES.values())  # attrgetter(*names) gives a tuple (_prepare)


def _exact(value) -> str | None:
    """An amount as exact text for the DECIMAL cast in SQL (never through a float)."""
    return None if value is None else format(value, "f")


def _prepare(parsed: _Parsed) -> _Parsed:
    """Worker: turn the parse result into the columns the writer lands, so the one writer only
    concatenates lists (plain values also travel between processes far cheaper than records)."""
    result = parsed.result
    if result is None:
        return parsed
    result = drop_unfit_amounts(result)  # an amount that cannot be stored exactly is a finding, not a lost document
    columns = {}
    for table, (attribute, names, decimals) in RECORD_TABLES.items():
        records = getattr(result, attribute)
        # every record's fields in one call, then turned into columns (for speed: not one pass per column)
        rows = list(map(operator.attrgetter(*names), records))
        table_columns = [list(values) for values in zip(*rows)] if rows else [[] for _name in names]
        for i, name in enumerate(names):
            if name in decimals:
                table_columns[i] = list(map(_exact, table_columns[i]))
        columns[table] = table_columns
    parsed.counts = (len(result.figures), len(result.indicators), len(result.attributes), len(result.findings))
    parsed.facts, parsed.columns, parsed.result = result.facts, columns, None
    return parsed


def _parse_path(task: tuple[str, object]) -> _Parsed:
    """Worker: read, resolve the facts, parse (within the per-document limits), lay the records out."""
    return _prepare(_guarded_parse(task))


def _guarded_parse(task: tuple[str, object]) -> _Parsed:
    """``_parse_document`` within the time budget, after the PDF check; whatever escapes it (a PDF pdfminer
    cannot open, an error in detection) is this document's error with its file and reason (loaders/limits.py)."""
    path = Path(task[0])
    started = _now()

    def failed(rule_id: str, reason: str) -> _Parsed:
        return _Parsed(_Meta(path.name, str(path), limits.sha256_of(path), 0, None, None, None), "failed", rule_id,
                       f"{path.name}: {reason}", started_at=started)

    seconds = limits.max_document_seconds()
    try:
        with limits.time_budget(seconds):
            problem = limits.pdf_problem_of(path)
            if problem is not None:
                return failed(limits.RULE_UNREADABLE, problem)
            return _parse_document(task)
    except limits.DocumentTooSlow:
        return failed(limits.RULE_TOO_SLOW, limits.too_slow_reason(seconds))
    except Exception as exc:  # noqa: BLE001 - one document's error, never the batch's
        return failed(limits.RULE_UNREADABLE, limits.failure_reason(path, exc))


def _parser_version(parser) -> str:
    """The version recorded in the ledger: the parser's and the statement reader's, so a document is parsed
    again when either changes (see ``_unchanged``)."""
    if not _statement_reader_on():
        return f"{parser.VERSION}+statements-off"
    return f"{parser.VERSION}+statements-{READER_VERSION}+marks-{MARKS_VERSION}"


def _parse_document(task: tuple[str, object]) -> _Parsed:
    """Read, resolve the facts, parse. Pure (no database); any process may run it."""
    path_text, entry = task
    path = Path(path_text)
    started = _now()
    try:
        doc = read_document(path, {path.name: entry} if entry is not None else None)
    except DocumentError as exc:  # the file changed or vanished since it was read for triage
        return _Parsed(_Meta(path.name, str(path), "", 0, None, None, None), "failed", "LOAD-FILE-UNREADABLE",
                       str(exc), started_at=started)
    meta = _Meta(doc.file_name, str(doc.path), doc.sha256, doc.size_bytes, doc.encoding,
                 doc.manifest.source if doc.manifest else None, len(doc.lines) if doc.lines else None)
    try:
        facts, sources = resolve_facts(doc)
    except DocumentError as exc:
        return _Parsed(meta, "failed", "LOAD-FILE-UNKNOWN-KIND", str(exc), started_at=started)
    parser = parser_for(facts.kind) or parser_for(GENERIC_KINDS[-1])
    fallback: Finding | None = None
    try:
        result = parser.parse(doc)
        if parser.NAME != GENERIC_PARSER and not result.figures and not result.indicators:
            # a parser that found nothing of its own layout: what the general reader can read is landed instead
            raise LayoutMismatch("it found no table or form it knows in this document")
    except LayoutMismatch as exc:
        reason = str(exc)
        fallback = Finding(
            rule_id="LOAD-READ-GENERAL", severity="warning",
            message=f"the {parser.NAME} parser does not read this document ({exc}); read by the general reader "
                    "(tables by column headers and row labels, prose by the statement reader)")
        parser = parser_for(GENERIC_KINDS[-1])
        try:
            result = parser.parse(doc)
        except Exception as inner:  # noqa: BLE001 - reported below like any parser failure
            exc = inner
            return _Parsed(meta, "failed", "LOAD-FILE-UNPARSEABLE",
                           f"{doc.file_name}: the general reader failed: {type(exc).__name__}: {exc}", kind=facts.kind,
                           parser_name=parser.NAME, parser_version=_parser_version(parser), started_at=started)
    except ParseError as exc:
        return _Parsed(meta, "failed", "LOAD-FILE-UNPARSEABLE", f"{doc.file_name}: {exc}", kind=facts.kind,
                       parser_name=parser.NAME, parser_version=_parser_version(parser), started_at=started)
    except Exception as exc:  # noqa: BLE001 - a parser bug on one document must not stop the batch
        return _Parsed(meta, "failed", "LOAD-FILE-UNPARSEABLE",
                       f"{doc.file_name}: the {parser.NAME} parser failed: {type(exc).__name__}: {exc}",
                       kind=facts.kind, parser_name=parser.NAME, parser_version=_parser_version(parser), started_at=started)
    # What the manifest or the detection established wins over what the parser read, field by field.
    for name in ("kind", "fiscal_year", "department", "unit", "level"):
        if getattr(facts, name) is not None:
            setattr(result.facts, name, getattr(facts, name))
    for name in ("fiscal_year", "department", "unit", "level"):
        if getattr(facts, name) is None and getattr(result.facts, name) is not None:
            sources[name] = "parser"  # read by the parser from the body of the document
    if result.facts.title is None:
        result.facts.title = facts.title
    # Nothing that holds figures is refused: what the document does not say is named, as a warning.
    # (a manifest row that leaves a field blank says so on purpose: the document does not print it)
    missing = missing_facts(result.facts, sources) if doc.manifest is None else []
    extra = [fallback] if fallback else []
    if missing:
        extra.append(Finding(
            rule_id="LOAD-FACT-MISSING", severity="warning",
            message=f"the document does not print {' or '.join(missing)}, and documents/manifest.csv has no row "
                    "giving it: loaded without it (add a manifest row to supply it)"))
    if extra:
        result.findings[:0] = extra
    # The statement reader runs after whichever parser, on every document (the prose of every kind).
    try:
        if _statement_reader_on():
            statements, reader_findings = read_statements(doc, result.facts)
            statements.extend(read_marks(doc, result.facts))  # the words the prose rules need beside the numbers
        else:
            statements, reader_findings = [], []
    except Exception as exc:  # noqa: BLE001 - a reader bug on one document must not stop the batch
        return _Parsed(meta, "failed", "LOAD-FILE-UNPARSEABLE",
                       f"{doc.file_name}: the statement reader failed: {type(exc).__name__}: {exc}",
                       kind=facts.kind, parser_name=parser.NAME, parser_version=_parser_version(parser),
                       started_at=started)
    result.statements.extend(statements)
    result.findings.extend(reader_findings)
    if not (result.figures or result.indicators or result.statements or result.findings):
        # read, but nothing placed and nothing said: the document's numbers would vanish without a word (a form
        # flattened onto one line, heldout47 稷山). Said, so the document counts as read with a reason.
        numbers = len(_PRINTED_NUMBER_RE.findall(doc.text or ""))
        result.findings.append(Finding(
            rule_id=NOTHING_READ_RULE, severity="warning",
            message=f"{doc.file_name}: read as {facts.kind or 'an unknown kind'} by the {parser.NAME} parser, but no "
                    f"figure, indicator or statement could be placed: its {numbers} printed numbers are not landed "
                    "(a layout this tool does not read, such as a form flattened onto one line)"))
    return _Parsed(meta, "parsed", kind=result.facts.kind, sources=sources, parser_name=parser.NAME,
                   parser_version=_parser_version(parser), result=result, started_at=started,
                   fallback_from=None if fallback is None else parser_for(facts.kind).NAME,
                   fallback_reason=None if fallback is None else reason)


GENERIC_PARSER = "generic"
NOTHING_READ_RULE = "LOAD-NOTHING-READ"
_PRINTED_NUMBER_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*")


def _completed_loads(con) -> dict[str, tuple[str, str, str, str | None, str | None]]:
    """file name -> (sha256, parser name, parser version, kind, kind source) of its latest completed load,
    when that load's document is still registered under the file name."""
    rows = con.execute(
        "select l.file_name, l.document_sha256, l.parser_name, l.parser_version, d.kind, d.kind_source "
        "from raw.loads l join raw.documents d on d.document_sha256 = l.document_sha256 and d.file_name = l.file_name "
        "where l.status = 'completed' "
        "qualify l.finished_at = max(l.finished_at) over (partition by l.file_name)").fetchall()
    return {r[0]: tuple(r[1:]) for r in rows}


def _unchanged_as(sha256: str, given: str | None, previous, versions: dict) -> bool:
    """Same bytes, same kind and the same parser version as at the last completed load: a triaged file's sha256
    and the kind its manifest row gives (None: no row or no kind). ``versions`` keeps (parser name, version) per (kind, previous parser name) within one load, so
    10,000 unchanged files cost one lookup each."""
    if previous is None or previous[0] != sha256:
        return False
    _sha, parser_name, parser_version, kind, kind_source = previous
    if given is not None and given != kind:
        return False
    if given is None and kind_source == "manifest":
        return False  # the kind came from a manifest row that is gone: resolve it again
    key = (kind, parser_name)
    if key not in versions:
        parser = parser_for(kind) or parser_for(GENERIC_KINDS[-1])
        if parser.NAME != parser_name:
            parser = parser_for(GENERIC_KINDS[-1])  # read by the general reader last time: compare with its version
        versions[key] = None if parser is None else (parser.NAME, _parser_version(parser))
    return versions[key] == (parser_name, parser_version)


def _frame(columns: list[str], rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame.from_records(rows, columns=columns).astype(object)


def _insert_frame(con, table: str, columns: list[str], frame: pd.DataFrame, decimals: tuple[str, ...] = ()) -> None:
    """Insert a frame in one statement. Decimal columns travel as text and are cast in SQL, so no amount
    ever passes through a float."""
    select = ", ".join(f"cast({c} as decimal(38, 10)) as {c}" if c in decimals else c for c in columns)
    con.register("_yusuan_rows", frame)
    try:
        con.execute(f"insert into {table} ({', '.join(columns)}) select {select} from _yusuan_rows")
    except Exception:
        # in an aborted transaction unregistering fails too: that must not mask the real error
        with contextlib.suppress(duckdb.Error):
            con.unregister("_yusuan_rows")
        raise
    con.unregister("_yusuan_rows")


def _bulk_insert(con, table: str, columns: list[str], rows: list[tuple], decimals: tuple[str, ...] = ()) -> None:
    """Insert many rows at once from a frame (amounts in ``decimals`` columns as Decimals)."""
    if not rows:
        return
    frame = _frame(columns, rows)
    for column in decimals:
        frame[column] = [_exact(v) for v in frame[column]]
    _insert_frame(con, table, columns, frame, decimals)


def _objects(values: list) -> np.ndarray:
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def _bulk_insert_columns(con, table: str, columns: dict[str, list], decimals: tuple[str, ...] = ()) -> None:
    """Insert many rows at once given column by column (amounts in ``decimals`` columns already text)."""
    if not next(iter(columns.values())):
        return
    frame = pd.DataFrame({name: _objects(values) for name, values in columns.items()}, dtype=object, copy=False)
    _insert_frame(con, table, list(columns), frame, decimals)


def _land_batch(con, batch: list[_Parsed], registered: set[str]) -> None:
    """One transaction for the batch: old rows out, new rows in, completed ledger rows. Raises on failure
    (the caller has rolled back nothing yet)."""
    now = _now()
    files = [p.meta.file_name for p in batch]
    replaced = [f for f in files if f in registered]
    # the rows these files had, and the rows of these same bytes registered under another name (its file is gone
    # or holds other content now: two names swapped, a file renamed over another), which they replace
    shas = [r[0] for r in con.execute(
        "select document_sha256 from raw.documents where file_name in (select unnest(?::varchar[])) "
        "or document_sha256 in (select unnest(?::varchar[]))", [replaced, [p.meta.sha256 for p in batch]]).fetchall()]
    if shas:
        for table in DOCUMENT_TABLES:
            con.execute(f"delete from {table} where document_sha256 in (select unnest(?::varchar[]))", [shas])
        con.execute("delete from raw.load_findings where file_name in (select unnest(?::varchar[]))", [replaced])
        con.execute("delete from raw.documents where document_sha256 in (select unnest(?::varchar[]))", [shas])
    clear_file_errors(con, files)  # an earlier failed load of these files is superseded by this one
    documents, loads = [], []
    key = ["document_sha256", "load_id", "file_name"]
    index_names = {"raw.figures": "figure_index", "raw.indicators": "indicator_index",
                   "raw.attributes": "attribute_index", "raw.statements": "statement_index",
                   "raw.load_findings": "finding_index"}
    tables = {table: {name: [] for name in key + [index_names[table]] + names}
              for table, (_attribute, names, _decimals) in RECORD_TABLES.items()}
    for parsed in batch:
        meta, facts = parsed.meta, parsed.facts
        load_id = uuid.uuid4().hex
        sources = parsed.sources
        evidence = "; ".join(f"{name}: {sources[name + '_evidence']}" for name in
                             ("kind", "fiscal_year", "department", "level", "unit") if name + "_evidence" in sources)
        documents.append((meta.sha256, meta.file_name, meta.path, meta.size_bytes, meta.encoding, facts.kind,
                          sources.get("kind"), facts.fiscal_year, sources.get("fiscal_year"), facts.department,
                          sources.get("department"), facts.unit, meta.source, facts.title, facts.page_count,
                          meta.line_count, now, facts.level, sources.get("level"), sources.get("unit"),
                          evidence or None, parsed.parser_name))
        figures, indicators, _attributes, findings = parsed.counts
        loads.append((load_id, meta.sha256, meta.file_name, parsed.parser_name, parsed.parser_version,
                      parsed.started_at, now, "completed", figures, indicators, findings, None))
        for table, (_attribute, names, _decimals) in RECORD_TABLES.items():
            values = parsed.columns[table]
            count = len(values[0]) if values else 0
            if not count:
                continue
            target = tables[table]
            target["document_sha256"].extend([meta.sha256] * count)
            target["load_id"].extend([load_id] * count)
            target["file_name"].extend([meta.file_name] * count)
            target[index_names[table]].extend(range(1, count + 1))
            for name, column in zip(names, values):
                target[name].extend(column)
    _bulk_insert(con, "raw.documents", DOCUMENT_COLUMNS, documents)
    _bulk_insert(con, "raw.loads", LOAD_COLUMNS, loads)
    for table, (_attribute, _names, decimals) in RECORD_TABLES.items():
        _bulk_insert_columns(con, table, tables[table], decimals)


DOCUMENT_COLUMNS = ["document_sha256", "file_name", "file_path", "size_bytes", "encoding", "kind", "kind_source",
                    "fiscal_year", "fiscal_year_source", "department", "department_source", "printed_unit", "source",
                    "title", "page_count", "line_count", "registered_at", "level", "level_source", "unit_source",
                    "detection_evidence", "parser_name"]
LOAD_COLUMNS = ["load_id", "document_sha256", "file_name", "parser_name", "parser_version", "started_at",
                "finished_at", "status", "figures_loaded", "indicators_loaded", "findings_loaded", "error_message"]


def _outcome(parsed: _Parsed) -> DocumentOutcome:
    figures, indicators, _attributes, findings = parsed.counts
    return DocumentOutcome(parsed.meta.file_name, "completed", parsed.meta.sha256, parsed.facts.kind,
                           figures, indicators, findings)


def _land(con, batch: list[_Parsed], registered: set[str], outcomes: dict[str, DocumentOutcome]) -> None:
    """Land a batch; on failure, land its documents one transaction each and mark the failing ones."""
    if not batch:
        return
    con.execute("begin transaction")
    try:
        _land_batch(con, batch, registered)
        con.execute("commit")
    except Exception:  # noqa: BLE001 - retried document by document below, where the culprit is named
        con.execute("rollback")
        if len(batch) > 1:
            for parsed in batch:
                _land(con, [parsed], registered, outcomes)
            return
        parsed = batch[0]
        con.execute("begin transaction")
        try:
            _land_batch(con, batch, registered)
            con.execute("commit")
        except Exception as exc:  # noqa: BLE001 - any failure: roll back, keep what was there, report
            con.execute("rollback")
            message = f"{parsed.meta.file_name}: could not be landed: {exc}"
            load_id = _open_ledger(con, parsed.meta.sha256, parsed.meta.file_name, parsed.parser_name,
                                   parsed.parser_version)
            _record_failure(con, load_id, parsed.meta.sha256, parsed.meta.file_name, "LOAD-FILE-UNPARSEABLE", message)
            outcomes[parsed.meta.file_name] = DocumentOutcome(parsed.meta.file_name, "failed", parsed.meta.sha256,
                                                              parsed.kind, message=message)
            return
    for parsed in batch:
        registered.add(parsed.meta.file_name)
        outcomes[parsed.meta.file_name] = _outcome(parsed)


LAYOUT_TEXT_SUFFIX = ".layout.txt"


def layout_text_twin(file_name: str, names: set[str]) -> str | None:
    """For ``X.layout.txt`` the name of ``X.pdf`` when that PDF is in the same batch, else None."""
    if not file_name.endswith(LAYOUT_TEXT_SUFFIX):
        return None
    stem = file_name[: -len(LAYOUT_TEXT_SUFFIX)]
    for name in names:
        if name.lower() == f"{stem}.pdf".lower():
            return name
    return None


def _parse_all(tasks: list[tuple[str, object]], workers: int):
    """Parsed documents in the order of ``tasks``: in a process pool, or here when it would not pay."""
    if workers <= 1 or len(tasks) < SERIAL_BELOW:
        for task in tasks:
            yield _parse_path(task)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_parse_path, tasks, chunksize=CHUNK_SIZE)


def _read_manifest_into(summary: LoadSummary, directory: Path, paths: list[Path], skipped) -> dict:
    """The manifest's good rows; its problems and the skipped entries of the folder go into ``summary``."""
    for entry in skipped:
        message = f"{entry.name}: skipped: {entry.reason}"
        (summary.problems if entry.looks_like_document else summary.notes).append(message)
    try:
        manifest = read_manifest_checked(directory, present={p.name for p in paths})
    except DocumentError as exc:
        summary.outcomes.append(DocumentOutcome(exc.file_name, "failed", message=str(exc)))
        return {}
    summary.manifest_encoding = manifest.encoding
    summary.problems.extend(manifest.problems)
    summary.notes.extend(manifest.notes)
    return manifest.entries


def load_directory(con: duckdb.DuckDBPyConnection, directory: Path, workers: int | None = None,
                   progress=None) -> LoadSummary:
    """Load every document in ``directory``; remove rows of documents no longer there.

    ``workers``: parser processes (default ``$YUSUAN_WORKERS`` or the number of cores). ``progress``, if given, is
    called as ``progress("parsing", done, total)`` before the first and after each document parsed (they are landed
    in batches as they come), then ``progress("landing", total, total)`` for the last batch and the bookkeeping."""
    workers = workers or default_workers()
    ensure_raw_schema(con)
    summary = LoadSummary()
    paths, skipped_entries, listed = scan_document_entries(directory)
    manifest = _read_manifest_into(summary, directory, paths, skipped_entries)
    previous = _completed_loads(con)
    registered = {r[0] for r in con.execute("select distinct file_name from raw.documents").fetchall()}
    # 1. triage (cheap, here): unreadable, duplicate (same bytes, or the same text re-encoded), renamed, unchanged
    outcomes: dict[str, DocumentOutcome] = {}
    tasks: list[tuple[str, object]] = []
    failures: list[tuple] = []  # recorded in bulk (see _record_failures): 10,000 bad files cost seconds, not minutes
    unchanged: list[str] = []
    names = {p.name for p in paths}
    skipped: set[str] = set()
    readable: list[tuple[Path, Seen]] = []
    stamps = FileStamps.read(con)
    size_limit = limits.max_document_bytes()
    for path in paths:
        file_name = path.name
        twin = layout_text_twin(file_name, names)
        if twin is not None:
            # X.layout.txt beside X.pdf is the same document (its pdftotext -layout text): the PDF is
            # loaded, the text is not, so no figure is counted twice
            skipped.add(file_name)
            outcomes[file_name] = DocumentOutcome(
                file_name, "skipped",
                message=f"{file_name}: the layout text of {twin}, which is loaded instead (same document, not counted twice)")
            continue
        st = listed.get(file_name)  # as the listing saw it (None: read_document names the reason)
        known = stamps.seen(file_name, st) if st is not None and st.st_size <= size_limit else None
        if known is not None:  # the same file as triage read in an earlier build (loaders/file_stamps.py)
            readable.append((path, known))
            continue
        try:
            doc = read_document(path, manifest)
        except DocumentError as exc:
            failures.append((None, file_name, exc.rule_id, str(exc), "failed", None, None))
            outcomes[file_name] = DocumentOutcome(file_name, "failed", message=str(exc), rule_id=exc.rule_id)
            continue
        entry = Seen(file_name, doc.sha256, content_key(doc), doc.encoding)
        if st is not None:
            stamps.remember(file_name, st, entry)
        readable.append((path, entry))
    stamps.write(con)
    summary.files_read = len(readable) - stamps.reused
    registered_by_sha = dict(con.execute("select document_sha256, file_name from raw.documents").fetchall())
    versions: dict = {}  # see _unchanged_as
    canonical = canonical_files([entry for _path, entry in readable], registered_by_sha)
    by_name = {entry.file_name: entry for _path, entry in readable}
    for path, entry in readable:
        file_name = entry.file_name
        original = canonical[entry.key]
        if original != file_name:
            message = duplicate_message(entry, by_name[original])
            failures.append((entry.sha256, file_name, "LOAD-FILE-DUPLICATE", message, "duplicate", None, None))
            outcomes[file_name] = DocumentOutcome(file_name, "duplicate", entry.sha256, message=message)
            continue
        old_name = registered_by_sha.get(entry.sha256)
        renamed_from = None
        if old_name is not None and old_name != file_name and file_name not in registered and (
                old_name not in by_name or by_name[old_name].sha256 != entry.sha256):
            # the same bytes were registered under a name that is gone (or now holds other content): renamed or
            # moved; its rows keep their place under the new name. Not when the new name holds rows of its own
            # (two files' names swapped, or a file renamed over another): the names' rows would mix, so such a
            # file is parsed and landed again like any changed file
            rename_document(con, old_name, file_name, str(path))
            registered.discard(old_name)
            registered.add(file_name)
            if old_name in previous:
                previous[file_name] = previous.pop(old_name)
            renamed_from = old_name
        doc_previous = previous.get(file_name)
        row = manifest.get(file_name)
        if doc_previous is not None and _unchanged_as(entry.sha256, row.kind if row else None, doc_previous, versions):
            unchanged.append(file_name)
            outcomes[file_name] = DocumentOutcome(
                file_name, "unchanged", entry.sha256, doc_previous[3],
                message=f"{file_name}: renamed from {renamed_from}: its rows kept" if renamed_from else None)
            continue
        tasks.append((str(path), manifest.get(file_name)))
    # 2. parse (pool) and 3. land (this writer), in document order
    batch: list[_Parsed] = []
    if progress is not None:
        progress("parsing", 0, len(tasks))
    for done, parsed in enumerate(_parse_all(tasks, workers), start=1):
        if progress is not None:
            progress("parsing", done, len(tasks))
        before = previous.get(parsed.meta.file_name)
        if parsed.status == "parsed" and parsed.fallback_from and before and before[1] == parsed.fallback_from:
            # the file was read by the parser of its kind before and no longer is (truncated, cut): refused, so
            # the complete reading landed before stays rather than being replaced by a partial one
            parsed.status, parsed.rule_id = "failed", "LOAD-FILE-UNPARSEABLE"
            parsed.message = (f"{parsed.meta.file_name}: {parsed.fallback_reason}; the {parsed.fallback_from} parser "
                              "read it before, so what was landed then stays")
        if parsed.status == "parsed":
            batch.append(parsed)
            if len(batch) >= BATCH_SIZE:
                _land(con, batch, registered, outcomes)
                batch = []
            continue
        meta = parsed.meta
        status = "unsupported" if parsed.status == "unsupported" else "failed"
        failures.append((meta.sha256, meta.file_name, parsed.rule_id, parsed.message, status, parsed.parser_name,
                         parsed.parser_version))
        outcomes[meta.file_name] = DocumentOutcome(meta.file_name, status, meta.sha256, parsed.kind,
                                                   message=parsed.message, rule_id=parsed.rule_id)
    if progress is not None:
        progress("landing", len(tasks), len(tasks))
    _land(con, batch, registered, outcomes)
    _record_failures(con, failures)
    clear_file_errors(con, unchanged)
    summary.outcomes.extend(outcomes[p.name] for p in paths if p.name in outcomes)
    present = {p.name for p in paths} - skipped
    for (file_name,) in con.execute("select distinct file_name from raw.documents").fetchall():
        if file_name not in present:
            con.execute("begin transaction")
            _delete_document_rows(con, file_name)
            con.execute("commit")
            summary.removed.append(file_name)
    # Ledger rows and failure findings of files that are gone entirely are removed too.
    con.execute("delete from raw.load_findings where file_name not in (select unnest(?::varchar[]))", [list(present)])
    return summary
