"""The publication gate: validate a freshly built warehouse file before it replaces the published one.

``run_gate(candidate, previous)`` opens both files READ-ONLY (after a replay the build passes its own connection to
the candidate instead) and returns a ``GateResult``; publish only when ``result.success``. Three kinds of check, all
reported the same way (``GateCheck``):

* Great Expectations suites, one per mart (``loaders.expectations.SUITES``), for every mart present in
  schema ``main`` of the candidate. Each mart is read into pandas and validated in an ephemeral GX context
  (one ValidationDefinition + Checkpoint per mart); GX's SQL datasource over DuckDB is not used.
  With ``scope_to_changes`` (an incremental build) a mart is validated on the rows that changed since the previous
  file, not on all of them: see "Scope of the expectations" below.
* Document coverage: every document in ``dim_documents`` has at least one row in ``raw.figures``,
  ``raw.indicators`` or ``raw.statements`` (a document of prose only has its statements).
* Row counts against ``previous`` (the published file, when it exists): a mart of the previous file missing from
  the candidate fails, and no mart loses rows unless documents of the previous file were removed or replaced (their
  sha256 is gone); even then, a mart with a ``document_sha256`` column must keep every row of the documents that
  are still there unchanged. A corrected document that prints fewer rows publishes; a build that loses rows of
  documents it did not change does not (a model or parser that lost data).
* Publication status (``publication_status``): the findings by publication category of their rule
  (seeds/rule_catalog.csv). It never fails the gate, it says what is published: a publisher error is the
  document's own mistake, held as printed with its finding; data the warehouse could not read or place
  (``data_not_read``) makes the warehouse ``incomplete`` -- published, recorded as such in ops.run_log, and
  `yusuan build` exits 1; notices are information. See README, "Publication status".

Scope of the expectations. Every expectation of the suites is judged row by row (not null, between, in a set, a
regex), except uniqueness. So a row whose checked columns hold the same values as a row the gate passed before
passes again, and need not be read. The gate keeps, for each mart and document, the number of rows and the sum of a
64-bit hash of each row's checked columns (``digests``; ``yusuan build`` stores them in the published file, table
``ops.gate_digests``, with a digest of the suite and the Great Expectations version). With ``scope_to_changes``, a
mart whose suite is unchanged since the previous file was published is validated on the rows of the documents whose
digest differs from the previous file's (new, corrected, or rebuilt with other values), plus every row that shares
a value of a column the suite wants unique with one of those rows: a duplicate across the two sets is found, and
rows outside them were unique among themselves in the previous file already. A mart without a document column is one
group; a suite with an expectation that is not judged row by row (or ``mostly`` below 1) is never scoped. Each check
says how many rows it read. What this trusts: the previous file passed its gate (only such a file is published) and a
changed document's hash sum differs (a collision of 64-bit sums is about 1 in 2^64 per changed document).

With ``data_docs_dir`` the GX results are also rendered as a local Data Docs site there (its stylesheets come
from CDNs; offline the pages are unstyled but readable) and ``result.data_docs_index`` is its index.html.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import duckdb

# Great Expectations is imported lazily (it takes seconds); this must be set before it is.
os.environ["GX_ANALYTICS_ENABLED"] = "false"

MART_SCHEMA = "main"
DOCUMENTS_MART = "dim_documents"
DATA_TABLES = ("raw.figures", "raw.indicators", "raw.statements")  # statements: fiscal prose read by the statement reader
DATA_DOCS_SITE = "yusuan_gate"
EXAMPLES = 5  # unexpected values quoted per failed check
FINDINGS_MART = "fct_findings"
DIGESTS_TABLE = "ops.gate_digests"
DOCUMENT_COLUMN = "document_sha256"
# expectations judged row by row: a row that passed once passes again with the same values
ROW_BY_ROW = frozenset({"expect_column_values_to_not_be_null", "expect_column_values_to_be_between",
                        "expect_column_values_to_be_in_set", "expect_column_values_to_match_regex"})
UNIQUE = "expect_column_values_to_be_unique"

# What a finding means for publication (seeds/rule_catalog.csv, column publication_category), in report order.
PUBLISHER_ERROR = "publisher_error"   # the document is wrong: published as printed, with the finding; never blocks
DATA_NOT_READ = "data_not_read"       # the warehouse lacks what the document prints: published as incomplete
NOTICE = "notice"                     # information (rounding-honest differences, a general reader used …)
PUBLICATION_CATEGORIES = (PUBLISHER_ERROR, DATA_NOT_READ, NOTICE)
COMPLETE = "complete"
INCOMPLETE = "incomplete"


@dataclass
class GateCheck:
    suite: str                    # mart name for GX suites; "document_coverage" / "row_counts" / "gate" otherwise
    expectation: str              # e.g. expect_column_values_to_be_unique, documents_have_data
    column: str | None
    success: bool
    observed: str | None = None   # what was found, human-readable
    message: str = ""             # what was expected (and, for failures, what went wrong)
    mart: str | None = None       # table in schema main the check is about

    def line(self) -> str:
        where = self.mart or self.suite
        what = self.expectation + (f"({self.column})" if self.column else "")
        text = f"{where}: {what} {'passed' if self.success else 'FAILED'}"
        if self.message:
            text += f" — {self.message}"
        if self.observed:
            text += f"; observed: {self.observed}"
        return text


@dataclass
class PublicationStatus:
    """What a warehouse file holds, for publication: findings by category and the documents with data not read."""
    findings: dict[str, int] = field(default_factory=dict)   # publication category -> findings
    incomplete_documents: list[str] = field(default_factory=list)  # file names with a data_not_read finding

    @property
    def status(self) -> str:
        return INCOMPLETE if self.findings.get(DATA_NOT_READ) else COMPLETE

    def describe(self) -> str:
        counts = ", ".join(f"{self.findings.get(c, 0)} {c}" for c in PUBLICATION_CATEGORIES)
        if self.status == COMPLETE:
            return f"complete: every figure the documents print was read ({counts})"
        names = ", ".join(self.incomplete_documents[:EXAMPLES])
        more = f" and {len(self.incomplete_documents) - EXAMPLES} more" if len(self.incomplete_documents) > EXAMPLES else ""
        return (f"incomplete: {self.findings[DATA_NOT_READ]} findings of data the warehouse could not read or place, "
                f"in {len(self.incomplete_documents)} documents ({names}{more}); {counts}")


def publication_status(con: duckdb.DuckDBPyConnection) -> PublicationStatus | None:
    """The findings of ``fct_findings`` by publication category (None when the file has no such mart or column)."""
    if not _table_exists(con, f"{MART_SCHEMA}.{FINDINGS_MART}"):
        return None
    has_column = con.execute(
        "select count(*) from information_schema.columns where table_schema = ? and table_name = ? "
        "and column_name = 'publication_category' and table_catalog = current_database()",
        [MART_SCHEMA, FINDINGS_MART]).fetchone()[0]
    if not has_column:
        return None
    counts = dict(con.execute(f"select publication_category, count(*) from {MART_SCHEMA}.{FINDINGS_MART} "
                              "group by 1").fetchall())
    documents = [name for (name,) in con.execute(
        f"select distinct file_name from {MART_SCHEMA}.{FINDINGS_MART} where publication_category = ? "
        "order by file_name", [DATA_NOT_READ]).fetchall()]
    return PublicationStatus({c: counts.get(c, 0) for c in PUBLICATION_CATEGORIES}, documents)


@dataclass
class GateResult:
    success: bool
    checks: list[GateCheck] = field(default_factory=list)
    marts: list[str] = field(default_factory=list)        # marts found in the candidate
    data_docs_index: Path | None = None
    duration_seconds: float = 0.0
    publication: PublicationStatus | None = None          # findings by publication category (never fails the gate)
    digests: dict[str, "MartDigests"] = field(default_factory=dict)  # per mart, for the next build (store_digests)

    def failed(self) -> list[GateCheck]:
        return [check for check in self.checks if not check.success]

    def failure_lines(self) -> list[str]:
        """One line per failed check, naming the mart and the check, e.g. ``fct_execution:
        expect_column_values_to_be_unique(execution_id) FAILED — execution_id is unique; observed: ...``"""
        return [check.line() for check in self.failed()]

    def summary(self) -> str:
        head = (f"publication gate {'passed' if self.success else 'FAILED'}: {len(self.checks)} checks on "
                f"{len(self.marts)} marts, {len(self.failed())} failed ({self.duration_seconds:.1f}s)")
        return "\n".join([head, *("  " + line for line in self.failure_lines())])


def run_gate(candidate: Path, previous: Path | None, data_docs_dir: Path | None = None, *,
             allow_shrink: Iterable[str] | bool = (), scope_to_changes: bool = False,
             connection: duckdb.DuckDBPyConnection | None = None,
             while_validating: Callable[[], None] | None = None,
             expectations: "Expectations | None" = None) -> GateResult:
    """Validate the warehouse file ``candidate`` (and compare it with ``previous``, when that file exists).

    ``allow_shrink`` names marts that may lose rows this time (a deliberate model change), or is True for every
    mart (``yusuan build --allow-shrink``): their row-count check passes and says so. ``scope_to_changes``: validate
    each mart on the rows that changed since ``previous`` (module docstring, "Scope of the expectations"); the
    result's ``digests`` are what the next build compares with. Both files are opened read-only and closed before
    this returns; but with ``connection`` (the build's own connection to ``candidate``, everything committed) the
    candidate is read through a cursor of it instead, and ``while_validating`` (the build's checkpoint of the file)
    runs in a thread from the start, while the gate reads the candidate and Great Expectations validates: it is
    joined, and what it raised raised, before this returns. ``expectations``: where Great Expectations runs
    (default: in this process; a build that replays passes a ``loaders.gate_process.GateProcess``, GX imported and
    run in a process of its own).
    """
    started = time.monotonic()
    candidate = Path(candidate)
    checks: list[GateCheck] = []
    frames: dict[str, Any] = {}
    scopes: dict[str, str] = {}
    digests: dict[str, MartDigests] = {}
    marts: list[str] = []
    expectations = expectations or InProcessExpectations()
    suites = expectations.suites()  # imports great_expectations where it validates (seconds, the first time)
    # the build's checkpoint from now on, beside the reads below and the validation; joined (and what it raised
    # raised) before this returns
    background = _Background(while_validating) if while_validating is not None else None
    submitted = False
    try:
        before = _Previous.read(Path(previous)) if previous is not None and Path(previous).exists() else None
        try:
            with _reader(candidate, connection) as con:
                marts = _marts(con)
                for mart in marts:
                    if mart in suites:
                        suite = suites[mart]
                        # only the columns the suite reads; one it names that the mart lacks stays missing (the
                        # expectation on it fails: the gate fails closed)
                        present = {r[0] for r in con.execute(
                            "select column_name from information_schema.columns where table_schema = ? "
                            "and table_name = ?", [MART_SCHEMA, mart]).fetchall()}
                        columns = None if suite.columns is None else [c for c in suite.columns if c in present]
                        selected = "*" if not columns else ", ".join(f'"{column}"' for column in columns)
                        digest = mart_digests(con, mart, suite, columns, present)
                        if digest is not None:
                            digests[mart] = digest
                        earlier = before.digests.get(mart) if scope_to_changes and before is not None else None
                        where, params, scopes[mart] = _changed_rows(digest, earlier, mart, suite, present)
                        frames[mart] = con.execute(f'select {selected} from {MART_SCHEMA}."{mart}"{where}', params).df()
                # validated (where Great Expectations runs elsewhere) while the checks below read the candidate
                expectations.submit(frames, data_docs_dir)
                submitted = True
                checks += _coverage_checks(con, marts)
                publication = publication_status(con)
                if publication is not None:
                    checks.append(GateCheck("publication_status", "publication_status", "publication_category", True,
                                            publication.describe(),
                                            "informational: publisher errors and notices are published with the "
                                            "warehouse; data not read makes it incomplete (published, exit 1)",
                                            FINDINGS_MART))
                candidate_counts = _row_counts(con, marts)
                candidate_documents = _document_set(con, marts)
        except duckdb.Error as exc:
            checks.append(GateCheck("gate", "open_candidate", None, False, None,
                                    f"cannot read the candidate warehouse {candidate}: {exc}"))
            if submitted:
                with contextlib.suppress(Exception):
                    expectations.collect()  # its answer is of no use, but it must be read before the next request
            return _result(checks, marts, None, started)

        if before is not None:
            if before.error is not None:
                checks.append(GateCheck("row_counts", "open_previous", None, False, None,
                                        f"cannot read the previous warehouse {previous} to compare row counts: "
                                        f"{before.error}"))
            else:
                try:
                    checks += _row_count_checks(candidate_counts, before.counts,
                                                DocumentChange(before.documents, candidate_documents),
                                                set(candidate_counts) if allow_shrink is True else set(allow_shrink),
                                                lambda mart, kept: _kept_rows(lambda: _reader(candidate, connection),
                                                                              Path(previous), mart, kept))
                except duckdb.Error as exc:
                    checks.append(GateCheck("row_counts", "open_previous", None, False, None,
                                            f"cannot read the previous warehouse {previous} to compare row "
                                            f"counts: {exc}"))

        gx_checks, index = expectations.collect()
        for check in gx_checks:
            if scopes.get(check.suite):
                scope = scopes[check.suite]
                check.message = f"{check.message} [{scope}]" if check.message else f"[{scope}]"
        result = _result(gx_checks + checks, marts, index, started, publication)
        result.digests = digests
        return result
    finally:
        if background is not None:
            background.join()


def _result(checks: list[GateCheck], marts: list[str], index: Path | None, started: float,
            publication: PublicationStatus | None = None) -> GateResult:
    return GateResult(success=all(check.success for check in checks), checks=checks, marts=marts,
                      data_docs_index=index, duration_seconds=time.monotonic() - started, publication=publication)


@contextlib.contextmanager
def _reader(candidate: Path, connection: duckdb.DuckDBPyConnection | None):
    """The candidate, read-only; or a cursor of the build's own connection to it."""
    if connection is None:
        with _read_only(candidate) as con:
            yield con
        return
    cursor = connection.cursor()
    try:
        yield cursor
    finally:
        cursor.close()


class _Background:
    """``work()`` in a thread, started at once; ``join()`` waits for it and raises what it raised."""

    def __init__(self, work: Callable[[], None]) -> None:
        self._error: BaseException | None = None

        def run() -> None:
            try:
                work()
            except BaseException as exc:  # noqa: BLE001 - handed to join()
                self._error = exc

        self._thread = threading.Thread(target=run, name="yusuan-gate-background", daemon=True)
        self._thread.start()

    def join(self) -> None:
        self._thread.join()
        if self._error is not None:
            raise self._error


@contextlib.contextmanager
def _read_only(path: Path):
    if not path.exists():
        raise duckdb.IOException(f"no such file: {path}")
    con = duckdb.connect(str(path), read_only=True)
    try:
        yield con
    finally:
        con.close()


def _marts(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "select table_name from information_schema.tables "
        "where table_schema = ? and table_catalog = current_database() order by table_name",
        [MART_SCHEMA],
    ).fetchall()
    return [name for (name,) in rows]


def _row_counts(con: duckdb.DuckDBPyConnection, marts: Iterable[str]) -> dict[str, int]:
    return {mart: con.execute(f'select count(*) from {MART_SCHEMA}."{mart}"').fetchone()[0] for mart in marts}


def _table_exists(con: duckdb.DuckDBPyConnection, qualified: str) -> bool:
    schema, name = qualified.split(".")
    return con.execute(
        "select count(*) from information_schema.tables "
        "where table_schema = ? and table_name = ? and table_catalog = current_database()",
        [schema, name],
    ).fetchone()[0] > 0


def _document_set(con: duckdb.DuckDBPyConnection, marts: list[str]) -> set[str] | None:
    """The sha256 of every document of the warehouse (dim_documents, else raw.documents); None if it has neither."""
    if DOCUMENTS_MART in marts:
        sql = f"select document_sha256 from {MART_SCHEMA}.{DOCUMENTS_MART}"
    elif _table_exists(con, "raw.documents"):
        sql = "select document_sha256 from raw.documents"
    else:
        return None
    return {sha for (sha,) in con.execute(sql).fetchall()}


def _kept_rows(candidate: Callable, previous: Path, mart: str, kept: set[str]) -> tuple[int, int] | None:
    """(rows before, rows after) of ``mart`` that belong to the documents ``kept`` (in both files, unchanged);
    None when the mart has no document_sha256 column in either file. ``candidate()`` opens the candidate."""
    counts = []
    for open_file in (lambda: _read_only(previous), candidate):
        with open_file() as con:
            has_column = con.execute(
                "select count(*) from information_schema.columns where table_schema = ? and table_name = ? "
                "and column_name = 'document_sha256' and table_catalog = current_database()",
                [MART_SCHEMA, mart]).fetchone()[0] > 0
            if not has_column:
                return None
            counts.append(con.execute(
                f'select count(*) from {MART_SCHEMA}."{mart}" where document_sha256 in (select unnest(?::varchar[]))',
                [sorted(kept)]).fetchone()[0])
    return counts[0], counts[1]


# --- scope of the expectations (module docstring) ------------------------------------------------------------

@dataclass
class MartDigests:
    """A mart's rows as the gate saw them: per document (None: rows without one, or the whole mart when it has no
    document column), the number of rows and the sum of a 64-bit hash of each row's checked columns."""
    suite_digest: str
    documents: dict[str | None, tuple[int, int]]


def suite_digest(mart: str) -> str | None:
    """sha256 of the suite's expectation configurations and the Great Expectations version; None when the suite
    cannot be scoped (an expectation not judged row by row, or one with ``mostly`` below 1)."""
    from importlib.metadata import version

    from loaders.expectations import SUITES

    configurations = []
    for expectation in SUITES[mart]():
        configuration = expectation.configuration.to_json_dict()
        mostly = configuration.get("kwargs", {}).get("mostly")
        if configuration["type"] not in ROW_BY_ROW | {UNIQUE} or (mostly is not None and mostly < 1):
            return None
        configurations.append(configuration)
    payload = json.dumps([version("great-expectations"), configurations], sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def mart_digests(con: duckdb.DuckDBPyConnection, mart: str, suite: "SuiteFacts", columns: list[str] | None,
                 present: set[str]) -> MartDigests | None:
    """The digests of ``mart`` in the file ``con`` is open on (None when its suite cannot be scoped)."""
    digest = suite.digest
    if digest is None or not columns:
        return None
    row = ", ".join(f'"{column}"' for column in columns)
    document = f'"{DOCUMENT_COLUMN}"' if DOCUMENT_COLUMN in present else "null::varchar"
    rows = con.execute(f'select {document}, count(*), sum(hash({row})::hugeint)::varchar '
                       f'from {MART_SCHEMA}."{mart}" group by 1').fetchall()
    return MartDigests(digest, {sha: (count, int(total)) for sha, count, total in rows})


def _changed_rows(digest: MartDigests | None, earlier: MartDigests | None, mart: str, suite: "SuiteFacts",
                  present: set[str]) -> tuple[str, list, str | None]:
    """(where clause, its parameters, what it reads) of the rows of ``mart`` to validate: all of them ("", [], None)
    unless both digests exist with the same suite; else the rows of the documents whose digest changed and the
    rows sharing a value of a unique column with them."""
    if digest is None or earlier is None or digest.suite_digest != earlier.suite_digest:
        return "", [], None
    changed = [sha for sha, value in digest.documents.items() if earlier.documents.get(sha) != value]
    total_rows = sum(count for count, _ in digest.documents.values())
    if DOCUMENT_COLUMN not in present:  # one group: the whole mart, or none of it
        if changed:
            return "", [], None
        return " where false", [], f"read 0 of {total_rows:,} rows: the mart is as when the warehouse was published"
    named = sorted(sha for sha in changed if sha is not None)
    condition = f'"{DOCUMENT_COLUMN}" in (select unnest(?::varchar[]))'
    if None in changed:
        condition = f'({condition} or "{DOCUMENT_COLUMN}" is null)'
    unique = [column for column in suite.unique_columns if column in present]
    shared = "".join(f' or "{column}" in (select "{column}" from {MART_SCHEMA}."{mart}" where {condition})'
                     for column in unique)
    read = sum(digest.documents[sha][0] for sha in changed)
    note = (f"read {read:,} of {total_rows:,} rows: those of the {len(changed):,} of {len(digest.documents):,} "
            "documents new or changed since the published warehouse"
            + (f" and the rows sharing a {' or '.join(unique)} with them" if unique else "")
            + "; the rest passed this suite when it was published")
    return f" where {condition}{shared}", [named] * (1 + len(unique)), note


def _suite(mart: str) -> list:
    from loaders.expectations import SUITES

    return SUITES[mart]()


@dataclass(frozen=True)
class SuiteFacts:
    """What the gate reads before it validates a mart: the columns its suite checks (None: every column), the
    suite's digest (None: it cannot be scoped, see ``suite_digest``) and the columns it wants unique (sorted)."""
    columns: tuple[str, ...] | None
    digest: str | None
    unique_columns: tuple[str, ...]


def suite_facts() -> dict[str, SuiteFacts]:
    """The facts of every suite, by mart (imports great_expectations)."""
    from loaders.expectations import SUITES, columns_checked

    facts = {}
    for mart in SUITES:
        columns = columns_checked(mart)
        facts[mart] = SuiteFacts(None if columns is None else tuple(columns), suite_digest(mart),
                                 tuple(sorted({e.column for e in _suite(mart) if e.expectation_type == UNIQUE})))
    return facts


class Expectations:
    """Where the Great Expectations part of the gate runs: ``suites()`` (the facts of every suite, by mart) and
    ``validate(frames, data_docs_dir)`` (the checks of each frame's suite, and the Data Docs index or None).
    ``submit`` then ``collect`` is the same validation in two steps: where it runs elsewhere (a process of its own),
    the gate does its other checks in between."""

    def suites(self) -> dict[str, SuiteFacts]:
        raise NotImplementedError

    def validate(self, frames: dict[str, Any], data_docs_dir: Path | None) -> tuple[list[GateCheck], Path | None]:
        raise NotImplementedError

    def submit(self, frames: dict[str, Any], data_docs_dir: Path | None) -> None:
        self._submitted = (frames, data_docs_dir)

    def collect(self) -> tuple[list[GateCheck], Path | None]:
        frames, data_docs_dir = self._submitted
        return self.validate(frames, data_docs_dir)


class InProcessExpectations(Expectations):
    """Great Expectations imported and run in this process."""

    def suites(self) -> dict[str, SuiteFacts]:
        with _quiet_gx():
            return suite_facts()

    def validate(self, frames: dict[str, Any], data_docs_dir: Path | None) -> tuple[list[GateCheck], Path | None]:
        return _expectation_checks(frames, data_docs_dir)


@dataclass
class _Previous:
    """What the gate reads of the previous (published) file: marts' row counts, documents and digests."""
    counts: dict[str, int] = field(default_factory=dict)
    documents: set[str] | None = None
    digests: dict[str, MartDigests] = field(default_factory=dict)
    error: duckdb.Error | None = None

    @classmethod
    def read(cls, path: Path) -> "_Previous":
        try:
            with _read_only(path) as con:
                marts = _marts(con)
                return cls(_row_counts(con, marts), _document_set(con, marts), read_digests(con))
        except duckdb.Error as exc:
            return cls(error=exc)


def read_digests(con: duckdb.DuckDBPyConnection) -> dict[str, MartDigests]:
    """The digests stored in a published file (``ops.gate_digests``; empty when it has none)."""
    if not _table_exists(con, DIGESTS_TABLE):
        return {}
    digests: dict[str, MartDigests] = {}
    for mart, suite, sha, count, total in con.execute(
            f"select mart, suite_digest, document_sha256, row_count, row_hash_sum from {DIGESTS_TABLE}").fetchall():
        digests.setdefault(mart, MartDigests(suite, {})).documents[sha] = (count, int(total))
    return digests


def store_digests(con: duckdb.DuckDBPyConnection, digests: dict[str, MartDigests]) -> None:
    """Replace ``ops.gate_digests`` in the file ``con`` is open on (read-write) with ``digests``."""
    con.execute("create schema if not exists ops")
    con.execute(f"create or replace table {DIGESTS_TABLE} (mart varchar not null, suite_digest varchar not null, "
                "document_sha256 varchar, row_count bigint not null, row_hash_sum varchar not null)")
    import pandas as pd

    rows = pd.DataFrame(
        [(mart, digest.suite_digest, sha, count, str(total))
         for mart, digest in sorted(digests.items()) for sha, (count, total) in digest.documents.items()],
        columns=["mart", "suite_digest", "document_sha256", "row_count", "row_hash_sum"])
    if len(rows):  # tens of thousands of rows: from the frame (DuckDB reads the local `rows`), not one insert each
        con.execute(f"insert into {DIGESTS_TABLE} select mart, suite_digest, document_sha256, row_count, "
                    "row_hash_sum from rows")


# --- document coverage ------------------------------------------------------------------------------------

def _coverage_checks(con: duckdb.DuckDBPyConnection, marts: list[str]) -> list[GateCheck]:
    if DOCUMENTS_MART not in marts:
        return []
    present = [table for table in DATA_TABLES if _table_exists(con, table)]
    conditions = " and ".join(
        f"not exists (select 1 from {table} t where t.document_sha256 = d.document_sha256)" for table in present
    ) or "true"
    # A document that landed nothing is a silent loss unless the loader said why: its own findings (numbers it
    # could not place, facts it could not read) name every amount it left out. Those documents are counted and
    # shown, not refused; one with no data and no finding fails the gate.
    explained = ("exists (select 1 from raw.load_findings f where f.document_sha256 = d.document_sha256)"
                 if _table_exists(con, "raw.load_findings") else "false")
    empty = con.execute(
        f"select d.file_name, {explained} from {MART_SCHEMA}.{DOCUMENTS_MART} d where {conditions} "
        "order by d.file_name"
    ).fetchall()
    total = con.execute(f"select count(*) from {MART_SCHEMA}.{DOCUMENTS_MART}").fetchone()[0]
    names = [name for (name, has_findings) in empty if not has_findings]
    reported = [name for (name, has_findings) in empty if has_findings]
    expected = ("every document in dim_documents has at least one row in " + " or ".join(DATA_TABLES)
                + ", or load findings that say what could not be read")
    if not names:
        observed = f"{total - len(reported)} of {total} documents have data"
        if reported:
            observed += (f"; {len(reported)} landed nothing and carry findings naming what could not be read: "
                         + ", ".join(reported[:EXAMPLES]) + (" …" if len(reported) > EXAMPLES else ""))
        return [GateCheck("document_coverage", "documents_have_data", "document_sha256", True,
                          observed, expected, DOCUMENTS_MART)]
    shown = ", ".join(names[:EXAMPLES]) + (f" and {len(names) - EXAMPLES} more" if len(names) > EXAMPLES else "")
    return [GateCheck("document_coverage", "documents_have_data", "document_sha256", False,
                      f"{len(names)} of {total} documents have no figures, no indicators, no statements and no finding "
                      f"saying why: {shown}",
                      expected, DOCUMENTS_MART)]


# --- row counts against the previous warehouse ---------------------------------------------------------------

@dataclass
class DocumentChange:
    """The documents (sha256) of the previous and of the candidate warehouse; None where a file has no document
    table."""
    before: set[str] | None
    after: set[str] | None

    @property
    def known(self) -> bool:
        return self.before is not None and self.after is not None

    @property
    def gone(self) -> set[str]:
        """Documents of the previous warehouse not in the candidate: removed, or replaced by a corrected version."""
        return self.before - self.after if self.known else set()

    @property
    def kept(self) -> set[str]:
        return self.before & self.after if self.known else set()

    def describe(self) -> str:
        if not self.known:
            return "documents ? → ?"
        added = len(self.after - self.before)
        return (f"documents {len(self.before)} → {len(self.after)}: {len(self.kept)} unchanged, "
                f"{len(self.gone)} removed or replaced, {added} new or corrected")


def _row_count_checks(candidate: dict[str, int], previous: dict[str, int], documents: DocumentChange,
                      allow_shrink: set[str], kept_rows) -> list[GateCheck]:
    """One check per mart of ``previous``. ``kept_rows(mart, kept)``: (before, after) row counts of the mart's
    rows of the documents ``kept``, or None when the mart has no document column (loaders.gate._kept_rows)."""
    checks = []
    for mart in sorted(previous):
        before = previous[mart]
        if mart not in candidate:
            checks.append(GateCheck("row_counts", "mart_still_present", None, False,
                                    f"missing from the candidate (had {before} rows)",
                                    f"{mart} exists in the previous warehouse and must still exist", mart))
            continue
        after = candidate[mart]
        observed = f"rows {before} → {after}; {documents.describe()}"
        if after >= before:
            checks.append(GateCheck("row_counts", "row_count_not_below_previous", None, True, observed,
                                    "row count not below the previous warehouse's unless documents were removed "
                                    "or replaced", mart))
            continue
        lost = before - after
        shrink = f"{mart} shrank by {lost} rows ({before} → {after}, -{100 * lost / before:.1f}%)"
        if mart in allow_shrink:
            checks.append(GateCheck("row_counts", "row_count_not_below_previous", None, True, observed,
                                    f"{shrink}; allowed: explicitly allowed for this build", mart))
            continue
        if not documents.gone:
            checks.append(GateCheck("row_counts", "row_count_not_below_previous", None, False, observed,
                                    f"{shrink} while no document of the previous warehouse was removed or "
                                    "replaced", mart))
            continue
        kept = kept_rows(mart, documents.kept)
        gone = f"{len(documents.gone)} document(s) of the previous warehouse removed or replaced"
        if kept is None:
            checks.append(GateCheck("row_counts", "row_count_not_below_previous", None, True, observed,
                                    f"{shrink}; allowed: {gone} (the mart has no document column: its rows come "
                                    "from the documents as a whole)", mart))
        elif kept[1] >= kept[0]:
            checks.append(GateCheck("row_counts", "row_count_not_below_previous", None, True,
                                    f"{observed}; rows of the unchanged documents {kept[0]} → {kept[1]}",
                                    f"{shrink}; allowed: only rows of the {gone} are gone", mart))
        else:
            checks.append(GateCheck("row_counts", "row_count_not_below_previous", None, False,
                                    f"{observed}; rows of the unchanged documents {kept[0]} → {kept[1]}",
                                    f"{shrink}, and rows of documents that did not change are among them "
                                    f"({kept[0]} → {kept[1]})", mart))
    return checks


def _fmt(value: int | None) -> str:
    return "?" if value is None else str(value)


# --- Great Expectations ------------------------------------------------------------------------------------

@contextlib.contextmanager
def _quiet_gx():
    from loaders.expectations import quiet_gx_logging  # imports great_expectations, quietly

    quiet_gx_logging()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield
        quiet_gx_logging()  # loggers created while running


def _expectation_checks(frames: dict[str, Any], data_docs_dir: Path | None) -> tuple[list[GateCheck], Path | None]:
    checks, render = validate_then_render(frames, data_docs_dir)
    return checks, render()


def validate_then_render(frames: dict[str, Any], data_docs_dir: Path | None
                         ) -> tuple[list[GateCheck], Callable[[], Path | None]]:
    """The checks of each frame's suite, and a function that renders their Data Docs into ``data_docs_dir`` and
    returns its index (None without a folder): the gate's process answers with the checks first and renders after,
    while the build publishes (loaders/gate_process.py)."""
    if not frames and data_docs_dir is None:
        return [], lambda: None
    with _quiet_gx():
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        context = gx.get_context(mode="ephemeral")
        context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        for site in list(context.list_data_docs_sites()):
            context.delete_data_docs_site(site)  # the default site would write into a temporary directory
        if data_docs_dir is not None:
            data_docs_dir = Path(data_docs_dir).resolve()
            data_docs_dir.mkdir(parents=True, exist_ok=True)
            context.add_data_docs_site(DATA_DOCS_SITE, {
                "class_name": "SiteBuilder",
                "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(data_docs_dir)},
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            })
        source = context.data_sources.add_or_update_pandas("yusuan_warehouse")

        checks: list[GateCheck] = []
        for mart, frame in frames.items():
            try:
                checks += _validate(context, source, mart, frame)
            except Exception as exc:  # noqa: BLE001 - the gate fails closed on anything unexpected
                checks.append(GateCheck(mart, "validation_run", None, False, None,
                                        f"Great Expectations could not validate {mart}: {type(exc).__name__}: {exc}",
                                        mart))

    def render() -> Path | None:
        if data_docs_dir is None:
            return None
        with _quiet_gx():
            context.build_data_docs(site_names=[DATA_DOCS_SITE])
        return data_docs_dir / "index.html"

    return checks, render


def _validate(context, source, mart: str, frame) -> list[GateCheck]:
    import great_expectations as gx

    from loaders.expectations import build_suite

    asset = source.add_dataframe_asset(name=mart)
    batch = asset.add_batch_definition_whole_dataframe(f"{mart}_whole")
    suite = context.suites.add_or_update(build_suite(mart))
    definition = context.validation_definitions.add_or_update(
        gx.ValidationDefinition(name=f"{mart}_validation", data=batch, suite=suite))
    checkpoint = context.checkpoints.add_or_update(
        gx.Checkpoint(name=f"{mart}_checkpoint", validation_definitions=[definition], actions=[],
                      result_format={"result_format": "SUMMARY", "partial_unexpected_count": EXAMPLES}))
    outcome = checkpoint.run(batch_parameters={"dataframe": frame})
    checks = []
    for validation in outcome.run_results.values():
        for result in validation.results:
            config = result.expectation_config
            column = config.kwargs.get("column")
            expected = config.description or config.type
            error = _exception_message(result.exception_info)
            observed = _observed(result.result or {})
            if error:
                observed = None
                expected = f"{expected}; could not be evaluated: {error}"
            checks.append(GateCheck(mart, config.type, column, bool(result.success), observed, expected, mart))
    return checks


def _exception_message(info: Any) -> str | None:
    if not info:
        return None
    if "raised_exception" in info:
        return info.get("exception_message") if info.get("raised_exception") else None
    for value in info.values():  # keyed by metric configuration when a metric failed
        if isinstance(value, dict) and value.get("raised_exception"):
            return value.get("exception_message")
    return None


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


def _observed(result: dict) -> str | None:
    if "unexpected_count" in result:
        count, total = result.get("unexpected_count") or 0, result.get("element_count")
        text = f"{count} of {total} rows unexpected"
        if count and result.get("partial_unexpected_counts"):
            examples = [repr(_plain(item["value"])) + (f" ×{item['count']}" if item["count"] > 1 else "")
                        for item in result["partial_unexpected_counts"][:EXAMPLES]]
            text += ", e.g. " + ", ".join(examples)
        elif count and result.get("partial_unexpected_list"):
            text += ", e.g. " + ", ".join(repr(_plain(v)) for v in result["partial_unexpected_list"][:EXAMPLES])
        return text
    if "observed_value" in result:
        return f"observed {_plain(result['observed_value'])!r}"
    return None
