"""The `yusuan` command line."""

from __future__ import annotations

import contextlib
import csv
import json
import sys
from decimal import Decimal
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from loaders import build as pipeline

app = typer.Typer(
    help="yusuan (预算): Chinese public budget disclosures -> a traceable DuckDB warehouse, with arithmetic checks.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console(width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 160)

BUILD_EXIT_CODES = """Exit codes: 0 published, complete; 1 published, but incomplete: a document could not be loaded, or the
warehouse could not read or place something a document prints (findings of category data_not_read; each is named with
its reason); 2 bad usage (e.g. the folder does not exist); 3 nothing published, the previous warehouse stays;
4 another build is running on this warehouse."""

BUILD_FORMATS = ("text", "json")


@app.command()
def build(
    directory: Path = typer.Argument(Path("documents"), help="Folder of documents (and manifest.csv) to load."),
    warehouse: Path = typer.Option(None, "--warehouse", "-w", help="Warehouse file to publish "
                                   "(default: $YUSUAN_WAREHOUSE or warehouse/yusuan.duckdb)."),
    wait: float = typer.Option(0.0, "--wait", min=0.0, help="If another build is running on this warehouse, wait "
                               "up to this many seconds for it to finish (default 0: exit at once with code 4)."),
    force: bool = typer.Option(False, "--force", help="Run dbt build and the gate even when no document and "
                               "nothing in the dbt project changed since the published build."),
    workers: int = typer.Option(None, "--workers", min=1, help="Parser processes (default: $YUSUAN_WORKERS or the "
                                "number of cores); the warehouse is the same for any number."),
    allow_shrink: bool = typer.Option(False, "--allow-shrink", help="Publish even when the folder drops more than "
                                      "the allowed share of the published documents (or all of them), or a mart "
                                      "loses rows of documents that did not change (a deliberate model change)."),
    max_drop_share: float = typer.Option(None, "--max-drop-share", min=0.0, max=1.0, help="Share of the published "
                                         "documents a build may drop before publication is refused (default: "
                                         "$YUSUAN_MAX_DROP_SHARE or 0.5)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the one-line summary (and errors on "
                               "stderr): for cron."),
    fmt: str = typer.Option("text", "--format", "-f", help="text | json: json prints one JSON object (the summary: "
                            "documents, figures, findings by category, publication status, exit code) and nothing "
                            "else on stdout, for CI."),
    full_refresh: bool = typer.Option(False, "--full-refresh", help="Rebuild every dbt model from scratch "
                                      "instead of only the rows of the documents that changed (done anyway when "
                                      "the dbt project changed since the published build)."),
    no_replay: bool = typer.Option(False, "--no-replay", help="Run dbt even when the statements of the last "
                                   "incremental dbt build, or of the last dbt build from scratch of this project "
                                   "(target/yusuan-plans), could be replayed (README, \"Rebuilds\"; default: "
                                   "$YUSUAN_REPLAY=0 does the same)."),
) -> None:
    """Load every document in DIRECTORY, build the dbt models and tests into a new warehouse file, and publish it
    atomically over the old one. Each run is logged in the table ops.run_log of the published warehouse (runs
    that published nothing are kept in <warehouse>.runs.jsonl until the next published build carries them in).
    On a terminal it shows the phase and counts (parsing n/N documents, dbt nodes done/total, gate, publish); it
    ends with one summary line. Publisher errors in the documents never stop publication; data the warehouse could
    not read makes it publish as incomplete (README, "Publication status").

    \b
    Exit codes: 0 published, complete; 1 published, but incomplete: a document could not be loaded, or the
    warehouse could not read or place something a document prints (findings of category data_not_read, each named
    with its file and line; ops.run_log.publication_status = incomplete); 2 bad usage (the folder does not exist,
    an unknown --format); 3 nothing published, the previous warehouse stays: dbt build or the publication gate
    failed, or the folder would drop more than the allowed share of the published documents (all of them: an empty
    or wrong folder) and --allow-shrink was not given; 4 another build is running on this warehouse (the message
    names its pid and start; nothing was done).
    """
    if fmt not in BUILD_FORMATS:
        err.print("[red]error:[/red] --format must be text or json")
        raise typer.Exit(pipeline.EXIT_USAGE)
    as_json = fmt == "json"
    if not directory.is_dir():
        _build_error(as_json, pipeline.EXIT_USAGE, f"{directory} is not a folder of documents")
    target = warehouse or pipeline.default_warehouse()
    progress = None if (quiet or as_json or not err.is_terminal) else BuildProgress(err)
    try:
        with progress or contextlib.nullcontext():
            report = pipeline.build(directory, target, wait_seconds=wait, force=force, workers=workers,
                                    allow_shrink=allow_shrink,
                                    max_drop_share=None if max_drop_share is None else str(max_drop_share),
                                    progress=progress, full_refresh=full_refresh,
                                    replay_allowed=False if no_replay else None)
    except pipeline.BuildLocked as exc:
        _build_error(as_json, pipeline.EXIT_LOCKED, str(exc), "busy")
    except Exception as exc:  # noqa: BLE001 - an unexpected failure is a failed build, not exit 1 ("published")
        _build_error(as_json, pipeline.EXIT_BUILD_FAILED,
                     f"{type(exc).__name__}: {exc}\nnothing was published; the previous warehouse is unchanged (the "
                     "run is recorded in the run log sidecar)", "build failed")
    if as_json:
        print(json.dumps(build_summary(report), ensure_ascii=False))
    elif quiet:
        _print_build_errors(report)
        console.print(summary_line(report), highlight=False, soft_wrap=True)
    else:
        _print_build_report(report)
        console.print(summary_line(report), highlight=False, soft_wrap=True)
    raise typer.Exit(report.exit_code)


def _build_error(as_json: bool, code: int, message: str, label: str = "error") -> None:
    if as_json:
        print(json.dumps({"published": False, "exit_code": code, "error": message}, ensure_ascii=False))
    else:
        colour = "yellow" if code == pipeline.EXIT_LOCKED else "red"
        err.print(f"[{colour}]{label}:[/{colour}] {escape(message)}", highlight=False)
    raise typer.Exit(code)


class BuildProgress:
    """The phase and its counts on a terminal (stderr), as one line that redraws: `parsing 120/3000 documents`,
    `dbt 57/212 nodes`, `gate`, `publish`. Only used when stderr is a terminal and neither --quiet nor --format json
    was given: a cron log gets no animation."""

    LABELS = {"reading": "reading the folder", "parsing": "parsing", "landing": "landing", "dbt": "dbt build",
              "gate": "publication gate", "publish": "publishing"}
    UNITS = {"parsing": "documents", "landing": "documents", "dbt": "nodes"}

    def __init__(self, stream: Console) -> None:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self._progress = Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[count]}"),
                                  TimeElapsedColumn(), TextColumn("{task.fields[eta]}"), TimeRemainingColumn(),
                                  console=stream, transient=True)
        self._task = None
        self._phase = None

    def __enter__(self) -> "BuildProgress":
        self._progress.start()
        self._task = self._progress.add_task("starting", total=None, count="", eta="")
        return self

    def __exit__(self, *exc) -> None:
        self._progress.stop()

    def __call__(self, phase: str, done: int | None, total: int | None) -> None:
        if self._task is None:
            return
        step = pipeline.PHASES.index(phase) + 1 if phase in pipeline.PHASES else 0
        description = f"[{step}/{len(pipeline.PHASES)}] {self.LABELS.get(phase, phase)}"
        count = f"{done or 0}/{total} {self.UNITS.get(phase, '')}" if total else ""
        if phase != self._phase:  # a new phase: its own bar, counter and time left
            self._progress.reset(self._task, total=total or None, completed=done or 0, description=description,
                                 count=count, eta="left" if total else "")
            self._phase = phase
        else:
            self._progress.update(self._task, total=total or None, completed=done or 0, count=count,
                                  eta="left" if total else "")


def _finding_counts(report: pipeline.BuildReport) -> dict[str, int]:
    from loaders.gate import PUBLICATION_CATEGORIES

    found = report.publication.findings if report.publication is not None else {}
    return {category: found.get(category, 0) for category in PUBLICATION_CATEGORIES}


def build_summary(report: pipeline.BuildReport) -> dict:
    """The build as one JSON object (`yusuan build --format json`; the same facts as the summary line)."""
    load, run = report.load, report.run
    not_loaded = [{"file": o.file_name, "status": o.status, "rule_id": o.rule_id, "reason": o.message}
                  for o in load.failed]
    return {
        "published": report.published,
        "publication_status": report.publication_status,
        "exit_code": report.exit_code,
        "status": run.status if run is not None else None,
        "run_id": run.run_id if run is not None else None,
        "warehouse": str(report.warehouse),
        "documents": {
            "in_folder": len(load.outcomes),
            "parsed": load.count("completed"),
            "unchanged": load.count("unchanged"),
            "not_loaded": len(load.failed),
            "removed": len(load.removed),
        },
        "figures": report.figures,
        "findings": _finding_counts(report),
        "findings_by_severity": dict(sorted(report.findings_by_severity.items())),
        "gate": None if report.gate is None else {"passed": report.gate.success, "checks": len(report.gate.checks),
                                                  "failed": report.gate.failure_lines()},
        "dbt": {"mode": report.dbt_mode, "engine": report.dbt_engine, "documents_in_scope": report.documents_in_scope,
                "replay_note": report.replay_note},
        "dbt_failed": None if report.dbt is None else [
            f"{n['resource_type']} {n['name']}: {n['status']}" for n in report.dbt.failed_nodes()],
        "refusal": report.refusal,
        "not_loaded": not_loaded[:MAX_LISTED],
        "not_loaded_more": max(len(not_loaded) - MAX_LISTED, 0),
        "problems": list(load.problems),
        "seconds": round(report.seconds, 1),
    }


def summary_line(report: pipeline.BuildReport) -> str:
    """One line: what was published, from how many documents, with how many findings of each category."""
    load = report.load
    if report.published:
        head = f"published {report.publication_status}"
    elif report.refusal is not None:
        head = "NOT published (refused: the folder would drop published documents)"
    elif report.gate is not None and not report.gate.success:
        head = "NOT published (publication gate failed)"
    elif report.dbt is not None and not report.dbt.success:
        head = "NOT published (dbt build failed)"
    else:
        head = "NOT published"
    counts = _finding_counts(report)
    findings = (f"findings: {counts['publisher_error']} publisher errors, {counts['data_not_read']} data not read, "
                f"{counts['notice']} notices")
    return (f"yusuan build: {head} · {len(load.outcomes)} documents ({load.count('completed')} parsed, "
            f"{load.count('unchanged')} unchanged, {len(load.failed)} not loaded) · figures landed: {report.figures} · "
            f"{findings} · {report.seconds:.1f} s · exit {report.exit_code}")


MAX_LISTED = 200  # documents listed one by one in the build's output; the rest are counted (all are in the warehouse)


def _print_build_errors(report: pipeline.BuildReport) -> None:
    """What went wrong, on stderr: documents not loaded, problems, and why nothing was published."""
    load = report.load
    failed = load.failed
    for outcome in failed[:MAX_LISTED]:
        err.print(f"[red]not loaded:[/red] {escape(outcome.message or '')}", highlight=False)
    if len(failed) > MAX_LISTED:
        err.print(f"[red]not loaded:[/red] … and {len(failed) - MAX_LISTED} more, each named with its reason in "
                  "fct_findings (rule LOAD-FILE-*): yusuan query \"select file_name, message from fct_findings where "
                  "rule_id like 'LOAD-FILE-%'\"", highlight=False)
    for problem in load.problems:
        err.print(f"[red]problem:[/red] {escape(problem)}", highlight=False)
    if report.refusal is not None:
        err.print(f"[red]{escape(report.refusal)}[/red]", highlight=False)
    elif report.gate is not None and not report.gate.success:
        err.print("[red]publication gate failed; nothing was published, the previous warehouse is unchanged.[/red]")
        for line in report.gate.failure_lines():
            err.print(f"  {escape(line)}", highlight=False)
        if report.run is not None and report.run.data_docs_path:
            err.print(f"  Great Expectations Data Docs: {report.run.data_docs_path}")
    elif report.dbt is not None and not report.published:
        err.print("[red]dbt build failed; nothing was published, the previous warehouse is unchanged.[/red]")
        if report.dbt.error:
            err.print(escape(report.dbt.error), highlight=False)
        for node in report.dbt.failed_nodes():
            err.print(f"  {node['resource_type']} {node['name']}: {node['status']} {escape(node['message'] or '')}",
                      highlight=False)


def _print_build_report(report: pipeline.BuildReport) -> None:
    load = report.load
    if report.stale_lock is not None:
        err.print(f"[yellow]note:[/yellow] {pipeline._killed_run(report.stale_lock).message}; "
                  "recorded in the run log")
    if not load.outcomes:
        err.print("[yellow]the folder holds no documents[/yellow]")
    # The table of documents only on a terminal: a cron log gets the problems and the summary, not a line per document
    if load.outcomes and console.is_terminal:
        table = Table(title="Documents", show_lines=False)
        for column in ("file", "status", "kind", "figures", "indicators", "findings"):
            table.add_column(column)
        for outcome in load.outcomes[:MAX_LISTED]:
            style = {"completed": "green", "unchanged": "cyan", "skipped": "yellow"}.get(outcome.status, "red")
            table.add_row(escape(outcome.file_name), f"[{style}]{outcome.status}[/{style}]", outcome.kind or "",
                          str(outcome.figures) if outcome.status == "completed" else "",
                          str(outcome.indicators) if outcome.status == "completed" else "",
                          str(outcome.findings) if outcome.status == "completed" else "")
        console.print(table)
        if len(load.outcomes) > MAX_LISTED:
            console.print(f"… and {len(load.outcomes) - MAX_LISTED} more documents (every one is in raw.loads)")
    _print_build_errors(report)
    for note in load.notes:
        err.print(f"[yellow]note:[/yellow] {escape(note)}", highlight=False)
    for outcome in load.outcomes:
        if outcome.status == "unchanged" and outcome.message:
            console.print(escape(outcome.message), highlight=False)
    if load.manifest_encoding is not None and load.manifest_encoding not in ("utf-8", "utf-8-bom"):
        console.print(f"manifest.csv read as {load.manifest_encoding}")
    if report.refusal is not None or not report.published:
        _print_run(report)
        return
    for name in load.removed:
        console.print(f"removed (no longer in the folder): {name}")
    console.print(f"[bold]Warehouse:[/bold] {report.warehouse}")
    if report.dbt_mode == "incremental":
        how = ("the statements of the last incremental dbt build replayed" if report.dbt_engine == "replay"
               else "run by dbt")
        console.print(f"dbt: incremental, the rows of {report.documents_in_scope} document version(s) recomputed, "
                      f"{how} (--full-refresh rebuilds every model from scratch)")
        if report.replay_note:
            console.print(f"replay: {escape(report.replay_note)}", highlight=False)
    elif report.dbt_mode is not None:
        how = ("the statements of the last dbt build from scratch of this project replayed"
               if report.dbt_engine == "replay" else "run by dbt")
        console.print(f"dbt: full refresh (every model rebuilt from scratch), {how}")
        if report.replay_note:
            console.print(f"replay: {escape(report.replay_note)}", highlight=False)
    if report.gate is not None:
        console.print(f"publication gate: passed ({len(report.gate.checks)} checks)")
    if report.publication is not None:
        console.print(f"publication status: {escape(report.publication.describe())}", highlight=False)
    _print_run(report)


def _print_run(report: pipeline.BuildReport) -> None:
    run = report.run
    if run is None:
        return
    parsed = ("parsed nothing: every document unchanged" if not run.documents_parsed
              else f"parsed {run.documents_parsed} ({run.documents_added} added, {run.documents_changed} changed, "
                   f"{run.documents_reparsed} re-parsed for a new parser version)")
    carried = f"; {report.carried_runs} unpublished earlier run(s) carried into the log" if report.carried_runs else ""
    if run.gate_result == "unchanged":
        console.print(run.message)
    for note in report.notes:
        err.print(f"[yellow]note:[/yellow] {note}")
    console.print(f"run {run.run_id} ({run.status}): {parsed}; {run.documents_unchanged} unchanged, "
                  f"{run.documents_removed} removed · {run.seconds} s{carried}")


def _format_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


QUERY_DEFAULT_LIMIT = 1000
QUERY_DEFAULT_TIMEOUT = 60.0


def reader_connection(target: Path):
    """A connection for a reader of the warehouse: read-only, no file system access outside the warehouse file
    (no COPY … TO, EXPORT DATABASE, ATTACH, read_csv('/etc/…'), INSTALL), and a locked configuration so a
    query cannot turn that back on."""
    import duckdb

    return duckdb.connect(str(target), read_only=True,
                          config={"enable_external_access": False, "lock_configuration": True})


def _query_text(sql: str | None, sql_file: Path | None) -> str:
    if sql is not None and sql_file is not None:
        err.print("[red]error:[/red] give the SQL as an argument or with --file, not both")
        raise typer.Exit(2)
    if sql_file is not None:
        try:
            return sql_file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            err.print(f"[red]error:[/red] cannot read --file {sql_file}: {exc}")
            raise typer.Exit(2) from None
    if sql is None or sql == "-":
        if sql is None and sys.stdin.isatty():
            err.print("[red]error:[/red] no SQL given: `yusuan query \"select …\"`, --file FILE, or SQL on stdin")
            raise typer.Exit(2)
        return sys.stdin.read()
    return sql


@app.command(context_settings={"ignore_unknown_options": True})
def query(
    sql: str = typer.Argument(None, help="SQL to run (read-only; one statement). '-' or nothing: read it from "
                              "stdin. SQL that starts with a -- comment may be given as is."),
    warehouse: Path = typer.Option(None, "--warehouse", "-w", help="Warehouse file (default: the published one)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table | csv | json"),
    sql_file: Path = typer.Option(None, "--file", help="Read the SQL from this file."),
    limit: int = typer.Option(QUERY_DEFAULT_LIMIT, "--limit", min=0, help="Print at most this many rows (0: no "
                              "limit; rows are streamed, never all held in memory)."),
    timeout: float = typer.Option(QUERY_DEFAULT_TIMEOUT, "--timeout", min=0.0, help="Stop the query after this many "
                                  "seconds (0: no timeout)."),
) -> None:
    """Run one read-only SQL statement on the published warehouse and print the result (at most --limit rows,
    default 1000; the output says when rows were left out). The query cannot write or read any file but the
    warehouse (DuckDB's enable_external_access = false, configuration locked): to write files, use `yusuan export`.

    \b
    Exit codes: 0 the query ran; 1 the SQL failed, was stopped by --timeout or ran out of memory (the message says
    why); 2 bad usage (empty SQL, more than one statement) or no warehouse yet.
    """
    import threading

    import duckdb

    target = warehouse or pipeline.default_warehouse()
    if fmt not in ("table", "csv", "json"):
        err.print("[red]error:[/red] --format must be table, csv or json")
        raise typer.Exit(2)
    text = _query_text(sql, sql_file)
    if not Path(target).exists():
        err.print(f"[red]error:[/red] no warehouse at {target}: run `yusuan build` first")
        raise typer.Exit(2)
    try:
        con = reader_connection(Path(target))
    except duckdb.Error as exc:
        err.print(f"[red]error:[/red] cannot open {target} read-only: {exc}")
        raise typer.Exit(2) from None
    timer = None
    stopped = threading.Event()
    try:
        try:
            statements = con.extract_statements(text)
        except duckdb.Error as exc:
            err.print(f"[red]SQL error:[/red] {escape(str(exc))}", highlight=False)
            raise typer.Exit(1) from None
        if not statements:
            err.print("[red]error:[/red] the query is empty (only blanks or comments): nothing to run")
            raise typer.Exit(2)
        if len(statements) > 1:
            err.print(f"[red]error:[/red] {len(statements)} statements given; `yusuan query` runs one at a time")
            raise typer.Exit(2)
        if timeout:
            def interrupt() -> None:
                stopped.set()
                con.interrupt()

            timer = threading.Timer(timeout, interrupt)
            timer.daemon = True
            timer.start()
        try:
            cursor = con.execute(statements[0])
            columns = [d[0] for d in cursor.description] if cursor.description else []
            rows: list[tuple] = []
            more = streamed = False
            if columns and fmt == "csv" and not limit:  # everything asked for: streamed, never held in memory
                writer = csv.writer(sys.stdout)
                writer.writerow(columns)
                while batch := cursor.fetchmany(10000):
                    writer.writerows([_format_value(v) for v in row] for row in batch)
                streamed = True
            elif columns:
                wanted = limit + 1 if limit else None
                while wanted is None or len(rows) < wanted:
                    batch = cursor.fetchmany(10000 if wanted is None else min(10000, wanted - len(rows)))
                    if not batch:
                        break
                    rows.extend(batch)
                if limit and len(rows) > limit:
                    rows, more = rows[:limit], True
        except (duckdb.Error, RuntimeError) as exc:
            if stopped.is_set():
                err.print(f"[red]stopped:[/red] the query ran longer than --timeout {timeout:g} s")
            else:
                err.print(f"[red]SQL error:[/red] {escape(str(exc))}", highlight=False)
            raise typer.Exit(1) from None
        except MemoryError:
            err.print("[red]out of memory:[/red] the result is too large; add a where clause, an aggregate or a "
                      "smaller --limit")
            raise typer.Exit(1) from None
    finally:
        if timer is not None:
            timer.cancel()
        con.close()
    if not streamed:
        _print_rows(columns, rows, fmt)
    if more:
        err.print(f"[yellow]note:[/yellow] only the first {limit} rows are shown (--limit {limit}, the default is "
                  f"{QUERY_DEFAULT_LIMIT}); more rows matched. Use --limit N (0 for all) or `yusuan export`.")


def _print_rows(columns: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps([{c: (_format_value(v) if isinstance(v, Decimal) else v if isinstance(
            v, (int, float, str, bool)) or v is None else str(v)) for c, v in zip(columns, row)} for row in rows],
            ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_format_value(v) for v in row])
    else:
        table = Table()
        for column in columns:
            table.add_column(column)
        for row in rows:
            table.add_row(*[escape(_format_value(v)) for v in row])
        console.print(table)


@app.command()
def check(
    files: list[Path] = typer.Argument(..., help="Documents to check (text or PDF)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table | json"),
    manifest: Path = typer.Option(None, "--manifest", help="manifest.csv giving kind/year/department for the files "
                                  "(default: a manifest.csv beside the first file, if any)."),
) -> None:
    """Check documents before publication: build them in a temporary warehouse and print every finding with its
    rule, severity, publication category (publisher_error: fix the document; data_not_read: yusuan could not read
    it; notice), file, lines, the source lines quoted, lhs, rhs, difference and tolerance. The table shows the
    numbers in the unit the document prints (350.35 万元, 99.93 %); json gives both the stored values (元, ratio
    percent) and the *_in_unit values with value_unit.

    \b
    Exit codes: 0 no error-severity finding (warnings and notices — differences within the printed rounding —
    never change it); 1 at least one error-severity finding; 2 a file could not be read at all (or bad usage).
    """
    import shutil
    import tempfile

    import duckdb

    if fmt not in ("table", "json"):
        err.print("[red]error:[/red] --format must be table or json")
        raise typer.Exit(2)
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        err.print(f"[red]error:[/red] not a file: {', '.join(missing)}")
        raise typer.Exit(2)
    with tempfile.TemporaryDirectory(prefix="yusuan-check-") as tmp:
        folder = Path(tmp) / "documents"
        folder.mkdir()
        for path in files:
            shutil.copyfile(path, folder / path.name)
        source_manifest = manifest or files[0].parent / "manifest.csv"
        if source_manifest.is_file():
            shutil.copyfile(source_manifest, folder / "manifest.csv")
        report = pipeline.build(folder, Path(tmp) / "check.duckdb")
        if not report.published:
            _print_build_report(report)
            raise typer.Exit(2)
        con = duckdb.connect(str(Path(tmp) / "check.duckdb"), read_only=True)
        try:
            cursor = con.execute(
                "select rule_id, severity, publication_category, file_name as file, page, line_start, line_end, "
                "quoted_source, message, lhs, rhs, difference, tolerance, value_kind, value_unit, lhs_in_unit, "
                "rhs_in_unit, difference_in_unit, tolerance_in_unit from main.fct_findings "
                "order by case severity when 'error' then 0 when 'warning' then 1 when 'notice' then 2 else 3 end, file_name, line_start")
            columns = [d[0] for d in cursor.description]
            findings = [dict(zip(columns, row)) for row in cursor.fetchall()]
        finally:
            con.close()
    for finding in findings:
        start, end = finding.pop("line_start"), finding.pop("line_end")
        finding["lines"] = [] if start is None else list(range(start, (end or start) + 1))
        for key in ("lhs", "rhs", "difference", "tolerance"):
            finding[key] = _format_value(finding[key]) if finding[key] is not None else None
        for key in ("lhs_in_unit", "rhs_in_unit", "difference_in_unit", "tolerance_in_unit"):
            # exact, without the trailing zeros of decimal(38, 10): 350.3500000000 -> 350.35
            finding[key] = _format_value(_without_trailing_zeros(finding[key])) if finding[key] is not None else None
    if fmt == "json":
        print(json.dumps(findings, ensure_ascii=False, indent=2))
    else:
        table = Table(title=f"{len(findings)} findings")
        for column in ("rule_id", "severity", "category", "file", "page", "lines", "message", "lhs", "rhs",
                       "difference", "tolerance", "quoted_source"):
            table.add_column(column)
        for f in findings:
            lines = f["lines"]
            where = "" if not lines else (str(lines[0]) if len(lines) == 1 else f"{lines[0]}-{lines[-1]}")
            table.add_row(f["rule_id"], f["severity"], f["publication_category"] or "", f["file"],
                          _format_value(f["page"]), where, f["message"], *_values_in_unit(f),
                          f["quoted_source"] or "")
        console.print(table)
    unreadable = [o for o in report.load.outcomes
                  if o.status == "failed" and (o.sha256 is None or o.rule_id == "LOAD-FILE-UNREADABLE")]
    if unreadable:
        raise typer.Exit(2)
    raise typer.Exit(1 if any(f["severity"] == "error" for f in findings) else 0)


def _without_trailing_zeros(value: Decimal) -> Decimal:
    """The same number without trailing zeros after the point (never in exponent form: 100, not 1E+2)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _values_in_unit(finding: dict) -> list[str]:
    """lhs, rhs, difference and tolerance as a publisher reads them: in the unit the document prints (350.35 万元,
    not 3503500), with the unit or % beside each; the raw yuan/ratio values when the finding has no unit."""
    keys = ("lhs", "rhs", "difference", "tolerance")
    if finding.get("value_unit") and finding.get("lhs_in_unit") is not None:
        return [f"{finding[k + '_in_unit']} {finding['value_unit']}" if finding[k + "_in_unit"] is not None else ""
                for k in keys]
    return [finding[k] or "" for k in keys]


@app.command()
def report(
    warehouse: Path = typer.Option(None, "--warehouse", "-w", help="Warehouse file (default: the published one)."),
    output: Path = typer.Option(None, "--output", "-o", help="HTML file to write (default: <warehouse>-report.html "
                                "beside the warehouse)."),
) -> None:
    """Write one self-contained HTML report that works offline (inline CSS and SVG charts, no script, no external
    URL). It opens with what blocks, what to fix and where: the publication status, then every finding (publisher
    errors first, then data not read, notices collapsed) by document and rule, with page, lines, the quoted sentence
    or row and both numbers in the document's unit. Then the publication state and gate result (linking the Great
    Expectations Data Docs when present), execution rates by department and year, budget by 功能分类 类, and every
    document with its figures and findings by category.

    \b
    Exit codes: 0 written; 1 the warehouse could not be read as a yusuan warehouse or the file not written (the
    message says why); 2 bad usage or no warehouse.
    """
    import duckdb

    from loaders.report import write_report

    target = Path(warehouse or pipeline.default_warehouse())
    if not target.is_file():
        err.print(f"[red]error:[/red] no warehouse at {target}: run `yusuan build` first")
        raise typer.Exit(2)
    destination = output or target.with_name(f"{target.stem}-report.html")
    if destination.is_dir():
        err.print(f"[red]error:[/red] --output {destination} is a folder; give a file name")
        raise typer.Exit(2)
    try:
        written = write_report(target, destination)
    except (duckdb.Error, OSError) as exc:
        err.print(f"[red]report failed:[/red] {exc}")
        raise typer.Exit(1) from None
    console.print(str(written))


@app.command()
def export(
    fmt: str = typer.Option(..., "--format", "-f", help="parquet | csv | xlsx"),
    output: Path = typer.Option(..., "--output", "-o", help="Folder to write into (created if missing)."),
    warehouse: Path = typer.Option(None, "--warehouse", "-w", help="Warehouse file (default: the published one)."),
) -> None:
    """Write every mart (the tables analysts query: fct_*, dim_*) into OUTPUT: one <mart>.parquet or <mart>.csv
    per mart, or one workbook yusuan-marts.xlsx with a sheet per mart. CSV is UTF-8 with a byte-order mark (Excel
    opens Chinese correctly); DECIMAL amounts are written exactly (54780200.00, never through float).

    \b
    Exit codes: 0 written; 1 the export failed while writing (the message says why); 2 bad usage or no
    warehouse.
    """
    import duckdb

    from loaders import export as exporter

    if fmt not in exporter.FORMATS:
        err.print(f"[red]error:[/red] --format must be one of {', '.join(exporter.FORMATS)}")
        raise typer.Exit(2)
    target = warehouse or pipeline.default_warehouse()
    if not Path(target).is_file():
        err.print(f"[red]error:[/red] no warehouse at {target}: run `yusuan build` first")
        raise typer.Exit(2)
    if output.exists() and not output.is_dir():
        err.print(f"[red]error:[/red] --output {output} exists and is not a folder")
        raise typer.Exit(2)
    try:
        files = exporter.export(Path(target), fmt, output)
    except duckdb.IOException as exc:
        err.print(f"[red]error:[/red] cannot read {target}: {exc}")
        raise typer.Exit(2) from None
    except (exporter.ExportError, duckdb.Error, OSError) as exc:
        err.print(f"[red]export failed:[/red] {exc}")
        raise typer.Exit(1) from None
    for path in files:
        console.print(str(path))


@app.command()
def docs(
    warehouse: Path = typer.Option(None, "--warehouse", "-w", help="Built warehouse to document "
                                   "(default: the published one)."),
    output: Path = typer.Option(None, "--output", "-o", help="Where to write the page (default: docs/index.html)."),
) -> None:
    """Write the warehouse documentation (every model, column, test and the lineage graph) as one self-contained
    HTML page, from `dbt docs generate --static` on a copy of the built warehouse, and print where it is.

    \b
    Exit codes: 0 written; 1 dbt docs generate failed; 2 no warehouse yet (run `yusuan build`).
    """
    from loaders import docs as docs_page

    target = warehouse or pipeline.default_warehouse()
    if not Path(target).is_file():
        err.print(f"[red]error:[/red] no warehouse at {target}: run `yusuan build` first")
        raise typer.Exit(2)
    try:
        with console.status(f"Generating the docs of {target} …"):
            page = docs_page.generate_docs(Path(target), output or docs_page.DEFAULT_OUTPUT)
    except docs_page.DocsError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from None
    print(f"docs written: {page}")


if __name__ == "__main__":  # pragma: no cover
    app()


@app.command()
def generate(
    out_dir: Path = typer.Argument(..., help="Folder to write the generated documents and their manifest.csv into."),
    count: int = typer.Option(100, "--count", "-n", help="Number of documents."),
    seed: int = typer.Option(1, "--seed", help="Seed: the same seed writes the same bytes."),
    families: str = typer.Option("", "--families", help="Comma-separated families (default: all five)."),
    faults: float = typer.Option(0.0, "--faults", help="Share of documents (0-1) that get one injected fault."),
    fault_kinds: str = typer.Option("", "--fault-kinds", help="Comma-separated fault kinds (default: all)."),
    pdf: bool = typer.Option(False, "--pdf", help="Also write a PDF of every clean document to OUT_DIR.pdf/."),
) -> None:
    """Write a synthetic corpus (for benchmarks and tests): documents of every family the parsers read, with
    consistent arithmetic, a truth file of every generated figure (OUT_DIR.truth.csv), the numbers of the generated
    编制说明 prose (OUT_DIR.statements.csv) and a ledger of injected table and prose faults (OUT_DIR.faults.csv).
    See BENCHMARKS.md."""
    from loaders.synthetic.__main__ import main

    argv = [str(out_dir), "--count", str(count), "--seed", str(seed), "--faults", str(faults)]
    argv += ["--families", families] if families else []
    argv += ["--fault-kinds", fault_kinds] if fault_kinds else []
    argv += ["--pdf"] if pdf else []
    raise typer.Exit(main(argv))
