"""`yusuan report`: one self-contained HTML file about a warehouse, for the people who decide on publication.

The page works offline: inline CSS, charts drawn here as inline SVG, no script, no font or image fetched, no
external URL. Every text from the warehouse is HTML-escaped. It reads the warehouse read-only and shows

* first, what blocks, what to fix and where (``#what-to-fix``): the publication status (complete, or incomplete
  because data the documents print could not be read), then every finding grouped by its publication category
  (publisher errors first, then data not read, notices collapsed), by document and by rule, each with its page,
  lines, the sentence or row quoted and both numbers in the document's unit (3,401.36 万元, 71.73%);
* the publication state: the run that published this file (ops.run_log), the gate's result with a link to the
  Great Expectations Data Docs when they are on disk, runs since then that did not publish (the sidecar);
* execution rates by department and year (fct_execution), as a chart;
* budget by 功能分类 类 per document (fct_appropriations class rows), as a chart;
* every document: kind, year, department, figures landed (raw.figures), findings by category.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import duckdb

from loaders import runlog

PALETTE = ["#2f6db5", "#d9822b", "#3a9c5b", "#b8464b", "#7b5ea7", "#8c6d31", "#d45fa0", "#5f7b8a"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "notice": 2, "info": 3}
CLASS_NUMBERING = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*")
TEN_THOUSAND = Decimal(10000)


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cursor = con.execute(sql, params or [])
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def _has_table(con: duckdb.DuckDBPyConnection, schema: str, name: str) -> bool:
    return con.execute("select count(*) from information_schema.tables where table_schema = ? and table_name = ? "
                       "and table_catalog = current_database()", [schema, name]).fetchone()[0] > 0


def yuan(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


def wan(value: Decimal) -> str:
    """Yuan shown in 万元 with two decimals (a display rounding; the exact yuan is in the tooltip)."""
    return f"{(value / TEN_THOUSAND).quantize(Decimal('0.01')):,}"


def in_unit(value: Decimal | None, unit: str | None, decimals: int | None) -> str:
    """A finding's number as the document prints it: thousands separators, the document's decimals when the value
    has no more digits than that (3,401.36 万元), else every digit it has (71.653883%: never rounded away), and
    its unit (万元, 元, %, 分)."""
    if value is None:
        return ""
    value = Decimal(value)
    if decimals is not None and value == value.quantize(Decimal(1).scaleb(-decimals)):
        text = f"{value.quantize(Decimal(1).scaleb(-decimals)):,}"
    else:
        exact = value.normalize()
        places = max(-exact.as_tuple().exponent, 0)
        text = f"{value.quantize(Decimal(1).scaleb(-places)):,}"
    if not unit:
        return text
    return text + ("%" if unit == "%" else f" {unit}")


# --- data ----------------------------------------------------------------------------------------------------

@dataclass
class ReportData:
    warehouse: Path
    generated_at: dt.datetime
    runs: list[dict] = field(default_factory=list)
    pending: list[runlog.RunRecord] = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)
    execution: list[dict] = field(default_factory=list)
    function_classes: list[dict] = field(default_factory=list)


def collect(warehouse: Path) -> ReportData:
    data = ReportData(warehouse=warehouse, generated_at=runlog.utc_now(), pending=runlog.read_pending(warehouse))
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        if _has_table(con, "ops", "run_log"):
            data.runs = _rows(con, f"select * from {runlog.RUN_LOG_TABLE} order by run_number desc nulls last, started_at desc")
        figures = ("(select count(*) from raw.figures f where f.document_sha256 = d.document_sha256)"
                   if _has_table(con, "raw", "figures") else "null")
        indicators = ("(select count(*) from raw.indicators i where i.document_sha256 = d.document_sha256)"
                      if _has_table(con, "raw", "indicators") else "null")
        data.documents = _rows(con, f"""
            select d.document_sha256, d.file_name, d.document_kind, d.fiscal_year, d.department_name,
                d.document_title, d.printed_unit, {figures} as figures, {indicators} as indicators
            from main.dim_documents d order by d.department_name, d.fiscal_year nulls last, d.file_name""")
        data.findings = _findings(con)
        data.execution = _rows(con, """
            select department_name, fiscal_year, coalesce(project_name, row_label) as project_name,
                reported_rate_pct, computed_rate_pct, actual_yuan, adjusted_budget_yuan, rate_basis, source_locator,
                file_name
            from main.fct_execution
            -- a department's rate: its evaluated projects, or the 合计 line of a budget table (not every 科目 line)
            where source_kind = 'evaluation_report' or row_kind = 'total'
            order by department_name, fiscal_year, project_name""")
        data.function_classes = _function_classes(con)
    finally:
        con.close()
    return data


FINDING_COLUMNS = ("finding_id", "rule_id", "severity", "publication_category", "document_sha256", "file_name",
                   "department_name", "fiscal_year", "document_kind", "page", "line_start", "line_end",
                   "source_locator", "quoted_source", "message", "lhs", "rhs", "difference", "tolerance",
                   "value_kind", "value_unit", "value_decimals", "lhs_in_unit", "rhs_in_unit", "difference_in_unit",
                   "tolerance_in_unit", "rule_description_zh", "rule_description_en")


def _findings(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every finding with the columns the report shows; a warehouse built before a column existed gets nulls
    (its findings are then shown as notices of an unknown category, never dropped)."""
    present = {name for (name,) in con.execute(
        "select column_name from information_schema.columns where table_schema = 'main' "
        "and table_name = 'fct_findings' and table_catalog = current_database()").fetchall()}
    columns = ", ".join(c if c in present else f"null as {c}" for c in FINDING_COLUMNS)
    return _rows(con, f"""
        select {columns} from main.fct_findings
        order by department_name nulls last, fiscal_year nulls last, file_name, rule_id, page nulls first,
            line_start nulls first, finding_id""")


def _function_classes(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Per document, the 类 rows (3-digit 功能分类 codes, measure total) of ONE expenditure table: the one whose
    class rows add up to most (the all-funds table rather than a single-fund one); ties go to the first name."""
    rows = _rows(con, """
        with classes as (
            select document_sha256, file_name, fiscal_year, department_name, document_kind, phase, table_name,
                function_code, row_label, amount_yuan, source_locator
            from main.fct_appropriations
            where row_kind = 'class' and measure = 'total' and function_code is not null
                and length(function_code) = 3 and table_name like '%支出%'
        ),
        table_totals as (
            select document_sha256, table_name, sum(amount_yuan) as table_total
            from classes group by document_sha256, table_name
        ),
        tables as (
            select *, row_number() over (partition by document_sha256 order by table_total desc, table_name)
                as table_rank
            from table_totals
        )
        select classes.* from classes
        inner join tables using (document_sha256, table_name)
        where table_rank = 1
        order by department_name, fiscal_year nulls last, file_name, function_code""")
    for row in rows:
        row["class_name"] = CLASS_NUMBERING.sub("", row["row_label"] or "")
    return rows


# --- SVG charts -------------------------------------------------------------------------------------------------

def _svg(width: int, height: int, body: list[str], chart_id: str, title: str) -> str:
    return (f'<svg class="chart" id="{esc(chart_id)}" role="img" aria-label="{esc(title)}" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}">\n<title>{esc(title)}</title>\n'
            + "\n".join(body) + "\n</svg>")


def execution_chart(rows: list[dict]) -> str:
    """Horizontal bars: per department a heading, per year (and project) the computed rate; a tick marks the
    printed rate; a dashed line marks 100%."""
    label_w, bar_w, row_h, head_h, top = 260, 420, 24, 26, 28
    rated = [r for r in rows if r["computed_rate_pct"] is not None or r["reported_rate_pct"] is not None]
    departments = list(dict.fromkeys(r["department_name"] for r in rated))
    scale_max = max([Decimal(100)] + [r["computed_rate_pct"] or 0 for r in rated]
                    + [r["reported_rate_pct"] or 0 for r in rated])
    height = top + len(departments) * head_h + len(rated) * row_h + 30
    width = label_w + bar_w + 90

    def x(pct: Decimal) -> float:
        return label_w + float(pct / scale_max) * bar_w

    body = [f'<text x="{label_w}" y="16" class="axis">0%</text>',
            f'<text x="{x(Decimal(100)):.1f}" y="16" class="axis" text-anchor="middle">100%</text>']
    y = top
    for index, department in enumerate(departments):
        colour = PALETTE[index % len(PALETTE)]
        body.append(f'<text x="4" y="{y + 17}" class="group">{esc(department)}</text>')
        y += head_h
        for row in (r for r in rated if r["department_name"] == department):
            rate = row["computed_rate_pct"] if row["computed_rate_pct"] is not None else row["reported_rate_pct"]
            label = f"{row['fiscal_year'] or '年度未印'} {row['project_name'] or ''}".strip()
            tip = (f"{department} {label}: computed {row['computed_rate_pct']}% (actual {yuan(row['actual_yuan'])} "
                   f"/ {row['rate_basis']} {yuan(row['adjusted_budget_yuan'])} 元), printed "
                   f"{row['reported_rate_pct']}% — {row['source_locator']}")
            body.append(f'<g class="bar-row"><title>{esc(tip)}</title>'
                        f'<text x="16" y="{y + 16}" class="label">{esc(label)}</text>'
                        f'<rect class="bar" x="{label_w}" y="{y + 4}" width="{max(x(rate) - label_w, 1):.1f}" '
                        f'height="{row_h - 8}" fill="{colour}"/>')
            if row["reported_rate_pct"] is not None:
                rx = x(row["reported_rate_pct"])
                body.append(f'<line class="printed" x1="{rx:.1f}" x2="{rx:.1f}" y1="{y + 1}" y2="{y + row_h - 1}"/>')
            body.append(f'<text x="{x(rate) + 6:.1f}" y="{y + 16}" class="value">{esc(rate)}%</text></g>')
            y += row_h
    hundred = x(Decimal(100))
    body.insert(0, f'<line class="hundred" x1="{hundred:.1f}" x2="{hundred:.1f}" y1="20" y2="{y}"/>')
    body.append(f'<text x="{label_w}" y="{y + 20}" class="axis">bar: computed rate; black tick: printed rate</text>')
    return _svg(width, height, body, "chart-execution", "执行率 by department and year")


def function_class_chart(rows: list[dict]) -> str:
    """Per document a panel of horizontal bars: one per 功能分类 类, in 万元 (exact yuan in the tooltip)."""
    label_w, bar_w, row_h, head_h = 240, 420, 22, 30
    documents = list(dict.fromkeys(r["document_sha256"] for r in rows))
    height = len(documents) * head_h + len(rows) * row_h + 10
    width = label_w + bar_w + 130
    body = []
    y = 0
    for index, sha in enumerate(documents):
        panel = [r for r in rows if r["document_sha256"] == sha]
        first = panel[0]
        top = max(r["amount_yuan"] for r in panel) or Decimal(1)
        heading = (f"{first['department_name'] or ''} {first['fiscal_year'] or ''} {first['phase'] or ''} — "
                   f"{first['table_name']}")
        body.append(f'<text x="4" y="{y + 20}" class="group">{esc(heading)}</text>')
        y += head_h
        colour = PALETTE[index % len(PALETTE)]
        for row in panel:
            width_px = max(float(max(row["amount_yuan"], Decimal(0)) / top) * bar_w, 1)
            tip = (f"{row['function_code']} {row['class_name']}: {yuan(row['amount_yuan'])} 元 — "
                   f"{row['source_locator']}")
            body.append(f'<g class="bar-row"><title>{esc(tip)}</title>'
                        f'<text x="16" y="{y + 15}" class="label">{esc(row["function_code"])} '
                        f'{esc(row["class_name"])}</text>'
                        f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{width_px:.1f}" height="{row_h - 6}" '
                        f'fill="{colour}"/>'
                        f'<text x="{label_w + width_px + 6:.1f}" y="{y + 15}" class="value">'
                        f'{esc(wan(row["amount_yuan"]))} 万元</text></g>')
            y += row_h
    return _svg(width, height, body, "chart-function-classes", "预算 by 功能分类 类")


# --- HTML -------------------------------------------------------------------------------------------------------

CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #1d2733; background: #fff; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 2px solid #dde3ea; }
.muted { color: #5d6b7a; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: .9rem; }
th, td { border: 1px solid #dde3ea; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f5f8; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: .1rem .5rem; border-radius: .6rem; font-size: .8rem; color: #fff; }
.passed, .published { background: #3a9c5b; } .failed, .gate_failed, .dbt_failed, .error, .killed, .shrink_refused { background: #b8464b; }
.warning, .unchanged { background: #d9822b; } .notice { background: #4f7fa8; } .info, .not-run { background: #5f7b8a; }
.incomplete { background: #b8464b; } .complete { background: #3a9c5b; }
#what-to-fix h3 { margin-top: 1.4rem; } #what-to-fix h4 { margin: 1rem 0 .2rem; font-size: 1rem; }
#publication-verdict { font-size: 1.05rem; } p.rule { margin: .5rem 0 .1rem; }
table.findings { table-layout: fixed; } table.findings pre.quote { margin: 0; }
table.findings th:nth-child(1) { width: 8%; } table.findings th:nth-child(2) { width: 32%; }
table.findings th:nth-child(3), table.findings th:nth-child(4) { width: 9%; }
table.findings th:nth-child(5) { width: 11%; }
pre.quote { background: #f7f7f2; border-left: 3px solid #d9822b; padding: .4rem .6rem; margin: .3rem 0;
            white-space: pre-wrap; font-size: .85rem; }
details { margin: .5rem 0; } summary { cursor: pointer; font-weight: 600; }
svg.chart { display: block; margin: .8rem 0; max-width: 100%; height: auto; }
svg text { font-size: 13px; fill: #1d2733; } svg text.group { font-weight: 700; font-size: 14px; }
svg text.axis { fill: #5d6b7a; font-size: 11px; } svg text.value { font-size: 12px; }
svg line.hundred { stroke: #5d6b7a; stroke-dasharray: 4 3; } svg line.printed { stroke: #000; stroke-width: 2; }
"""


def _badge(text: str) -> str:
    return f'<span class="badge {esc(text.replace(" ", "-"))}">{esc(text)}</span>'


def _link_to(path: Path, output: Path) -> str:
    try:
        return os.path.relpath(path, output.resolve().parent)
    except ValueError:
        return path.resolve().as_uri()


def _publication(data: ReportData, output: Path) -> list[str]:
    parts = ["<h2>Publication</h2>"]
    published = [r for r in data.runs if r["status"] == runlog.PUBLISHED]
    if not published:
        parts.append("<p>This warehouse has no run log (it was built by an older yusuan).</p>")
    else:
        run = published[0]
        parts.append(
            f"<p>Published by run <code>{esc(run['run_id'])}</code> at {esc(run['finished_at'])} UTC "
            f"({esc(run['seconds'])} s): {esc(run['documents_in_folder'])} documents in the folder, "
            f"{esc(run['documents_parsed'])} parsed ({esc(run['documents_added'])} added, "
            f"{esc(run['documents_changed'])} changed, {esc(run['documents_reparsed'])} re-parsed), "
            f"{esc(run['documents_unchanged'])} unchanged, {esc(run['documents_removed'])} removed, "
            f"{esc(run['documents_failed'])} not loaded; {esc(run['figures'])} figures; findings: "
            f"{esc(run['findings_error'])} error, {esc(run['findings_warning'])} warning, "
            f"{esc(run.get('findings_notice') or 0)} notice (within the printed rounding).</p>")
        gate = run["gate_result"] or "not run"
        text = {"passed": f"passed ({esc(run['gate_checks'])} checks, none failed)",
                "unchanged": "not rerun: nothing changed since the build that passed it"}.get(gate, esc(gate))
        parts.append(f"<p>Publication gate (dbt tests and Great Expectations suites): {_badge(gate)} {text}. ")
        docs = Path(run["data_docs_path"]) if run.get("data_docs_path") else None
        if docs is not None and docs.is_file():
            parts.append(f'<a id="data-docs" href="{esc(_link_to(docs, output))}">Great Expectations Data Docs</a> '
                         "(local files; unstyled when offline).")
        else:
            parts.append("Great Expectations Data Docs: not present on this machine.")
        parts.append("</p>")
        if run.get("message"):
            parts.append(f'<p class="muted">{esc(run["message"])}</p>')
    unpublished = [r for r in data.pending]
    if unpublished:
        parts.append(f"<p><strong>{len(unpublished)} later run(s) did not publish</strong> "
                     "(the warehouse above is still the one in place):</p><ul>")
        for record in unpublished:
            parts.append(f"<li>{_badge(record.status)} run <code>{esc(record.run_id)}</code> started "
                         f"{esc(record.started_at)} UTC: {esc(record.message or '')}"
                         + (f"<pre class=\"quote\">{esc(record.failures)}</pre>" if record.failures else "")
                         + "</li>")
        parts.append("</ul>")
    if data.runs:
        parts.append("<details><summary>Run log (ops.run_log)</summary><table><tr><th>run</th><th>started (UTC)"
                     "</th><th>status</th><th>parsed</th><th>unchanged</th><th>removed</th><th>figures</th>"
                     "<th>errors</th><th>warnings</th><th>gate</th><th>s</th></tr>")
        for run in data.runs:
            parts.append(
                f"<tr><td><code>{esc(run['run_id'][:12])}</code></td><td>{esc(run['started_at'])}</td>"
                f"<td>{_badge(run['status'])}</td><td class=num>{esc(run['documents_parsed'])}</td>"
                f"<td class=num>{esc(run['documents_unchanged'])}</td><td class=num>{esc(run['documents_removed'])}"
                f"</td><td class=num>{esc(run['figures'])}</td><td class=num>{esc(run['findings_error'])}</td>"
                f"<td class=num>{esc(run['findings_warning'])}</td><td>{esc(run['gate_result'])}</td>"
                f"<td class=num>{esc(run['seconds'])}</td></tr>")
        parts.append("</table></details>")
    return parts


CATEGORY_ORDER = ("publisher_error", "data_not_read", "notice")
CATEGORY_TITLES = {
    "publisher_error": ("Publisher errors: fix them in the document",
                        "The document itself is wrong or likely wrong: its arithmetic, its prose against its tables, "
                        "an unfilled template, a copied sentence. They do not block publication: the warehouse holds "
                        "what was published, with the finding. The publisher corrects the document."),
    "data_not_read": ("Data not read: the warehouse is incomplete",
                      "Figures, rows or sentences the documents print that the warehouse could not read or place with "
                      "certainty (never guessed). The warehouse is published as incomplete (ops.run_log, exit 1) "
                      "until the reader learns them or the document is corrected."),
    "notice": ("Notices",
               "Information: differences within the rounding of the printed figures, a table read by the general "
               "reader, a duplicate file. Nothing to fix."),
}


def _where(f: dict) -> str:
    parts = []
    if f.get("page") is not None:
        parts.append(f"p. {f['page']}")
    start, end = f.get("line_start"), f.get("line_end")
    if start is not None:
        parts.append(f"line {start}" if end in (None, start) else f"lines {start}–{end}")
    return " · ".join(parts) or "whole file"


def _numbers(f: dict) -> tuple[str, str, str]:
    """lhs, rhs and 'difference (tolerance)' in the document's unit; nothing for a rule that compares no amounts."""
    kind = f.get("value_kind")
    if kind == "none" or (f.get("lhs") is None and f.get("rhs") is None):
        return "", "", ""
    if kind is None:  # a warehouse from before the unit columns: the stored values, said to be so
        lhs, rhs, diff, tol, unit, decimals = f["lhs"], f["rhs"], f["difference"], f["tolerance"], "(stored)", None
    else:
        lhs, rhs, diff, tol = f["lhs_in_unit"], f["rhs_in_unit"], f["difference_in_unit"], f["tolerance_in_unit"]
        unit, decimals = f.get("value_unit"), f.get("value_decimals")
    difference = in_unit(diff, unit, decimals)
    if difference and tol is not None:
        difference += f" (rounding allows {in_unit(tol, unit, None)})"
    return in_unit(lhs, unit, decimals), in_unit(rhs, unit, decimals), difference


def _finding_rows(findings: list[dict]) -> list[str]:
    parts = ['<table class="findings"><tr><th>where</th><th>the document prints (quoted)</th><th>lhs</th>'
             "<th>rhs</th><th>difference</th><th>what is wrong</th></tr>"]
    for f in findings:
        lhs, rhs, difference = _numbers(f)
        quote = f'<pre class="quote">{esc(f["quoted_source"])}</pre>' if f["quoted_source"] else ""
        parts.append(f'<tr class="finding {esc(f.get("publication_category") or "")}">'
                     f"<td>{esc(_where(f))}</td><td>{quote}</td><td class=num>{esc(lhs)}</td>"
                     f"<td class=num>{esc(rhs)}</td><td class=num>{esc(difference)}</td>"
                     f"<td>{_badge(f['severity'])} {esc(f['message'])}</td></tr>")
    parts.append("</table>")
    return parts


def _category_section(category: str, findings: list[dict]) -> list[str]:
    title, explanation = CATEGORY_TITLES.get(category, (category, ""))
    by_document: dict[str, list[dict]] = {}
    for f in findings:
        by_document.setdefault(f["file_name"], []).append(f)
    # the documents with errors before those with warnings only; then as collected (department, year, file)
    by_document = dict(sorted(by_document.items(), key=lambda item: min(
        SEVERITY_ORDER.get(f["severity"], 9) for f in item[1])))
    parts = [f'<p class="muted">{esc(explanation)}</p>']
    for file_name, group in by_document.items():
        first = group[0]
        facts = " · ".join(esc(v) for v in (first.get("department_name"), first.get("fiscal_year"),
                                            first.get("document_kind")) if v is not None)
        parts.append(f'<div class="document-findings"><h4>{esc(file_name)} <span class="muted">{facts} — '
                     f"{len(group)} finding{'s' if len(group) != 1 else ''}</span></h4>")
        by_rule: dict[str, list[dict]] = {}
        for f in sorted(group, key=lambda f: SEVERITY_ORDER.get(f["severity"], 9)):  # stable: lines stay in order
            by_rule.setdefault(f["rule_id"], []).append(f)
        for rule_id, rule_findings in by_rule.items():
            r = rule_findings[0]
            text = " — ".join(esc(t) for t in (r.get("rule_description_zh"), r.get("rule_description_en")) if t)
            parts.append(f'<p class="rule"><code>{esc(rule_id)}</code> × {len(rule_findings)}: {text}</p>')
            parts += _finding_rows(rule_findings)
        parts.append("</div>")
    return parts


def _what_to_fix(data: ReportData) -> list[str]:
    """The report's opening: what blocks publication, what to fix, and where."""
    grouped: dict[str, list[dict]] = {c: [] for c in CATEGORY_ORDER}
    for f in data.findings:
        grouped.setdefault(f.get("publication_category") or "notice", []).append(f)
    published = [r for r in data.runs if r["status"] == runlog.PUBLISHED]
    status = published[0].get("publication_status") if published else None
    errors, missing, notices = (len(grouped[c]) for c in CATEGORY_ORDER)
    documents_missing = len({f["file_name"] for f in grouped["data_not_read"]})
    parts = ['<section id="what-to-fix">', "<h2>What blocks, what to fix, where</h2>"]
    if missing:
        verdict = (f"{_badge('incomplete')} Published, but <strong>incomplete</strong>: {missing} figure(s), row(s) or "
                   f"sentence(s) in {documents_missing} document(s) could not be read or placed with certainty, so "
                   "the warehouse does not hold them (below, second).")
    else:
        verdict = f"{_badge('complete')} Complete: the warehouse holds every figure the documents print."
    if status is None and published:
        verdict += " (The run log of this warehouse predates the publication status.)"
    pending = [r for r in data.pending if r.status != runlog.PUBLISHED]
    if pending:
        verdict += (f" <strong>{len(pending)} later build(s) did not publish</strong>: the latest, "
                    f"{esc(pending[-1].status)}, is described under Publication.")
    parts.append(f'<p id="publication-verdict">{verdict}</p>')
    parts.append(f'<p>Publisher errors never stop publication: {errors} in the documents, to fix at the source '
                 f"(first); {missing} finding(s) of data not read (second); {notices} notice(s) (collapsed). "
                 "lhs and rhs are the two sides of the rule, in the unit the document prints.</p>")
    for category in CATEGORY_ORDER:
        title = CATEGORY_TITLES[category][0]
        findings = grouped[category]
        if category == "notice":
            parts.append(f'<details id="notice"><summary>{esc(title)} ({len(findings)})</summary>')
            parts += _category_section(category, findings) if findings else ["<p>None.</p>"]
            parts.append("</details>")
            continue
        parts.append(f'<h3 id="{category}">{esc(title)} ({len(findings)})</h3>')
        parts += _category_section(category, findings) if findings else ["<p>None.</p>"]
    others = [c for c in grouped if c not in CATEGORY_ORDER and grouped[c]]
    for category in others:  # a category this report does not know: shown, never dropped
        parts.append(f"<h3>{esc(category)} ({len(grouped[category])})</h3>")
        parts += _category_section(category, grouped[category])
    parts.append("</section>")
    return parts


def _documents(data: ReportData) -> list[str]:
    by_document: dict[str, list[dict]] = {}
    for finding in data.findings:
        by_document.setdefault(finding["document_sha256"] or f"file:{finding['file_name']}", []).append(finding)
    parts = ["<h2>Documents</h2>", "<table id=\"documents\"><tr><th>file</th><th>kind</th><th>year</th>"
             "<th>department</th><th>figures landed</th><th>indicators</th><th>findings</th></tr>"]
    for doc in data.documents:
        findings = by_document.get(doc["document_sha256"], [])
        counts: dict[str, int] = {}
        for f in findings:
            category = f.get("publication_category") or f["severity"]
            counts[category] = counts.get(category, 0) + 1
        order = {c: i for i, c in enumerate(CATEGORY_ORDER)}
        summary = ", ".join(f"{n} {c.replace('_', ' ')}" for c, n in sorted(counts.items(),
                                                                            key=lambda i: order.get(i[0], 9)))
        parts.append(f"<tr><td>{esc(doc['file_name'])}</td><td>{esc(doc['document_kind'])}</td>"
                     f"<td>{esc(doc['fiscal_year'] if doc['fiscal_year'] is not None else '未印')}</td>"
                     f"<td>{esc(doc['department_name'])}</td><td class=num>{esc(doc['figures'])}</td>"
                     f"<td class=num>{esc(doc['indicators'])}</td><td>{esc(summary or 'none')}</td></tr>")
    parts.append("</table>")
    parts.append('<p class="muted">Each document\'s findings are listed above, under What blocks, what to fix, where. '
                 "Unit of the tables and sha256:</p><ul>")
    for doc in data.documents:
        title = f" — {doc['document_title']}" if doc["document_title"] else ""
        parts.append(f"<li>{esc(doc['file_name'])}{esc(title)}: unit {esc(doc['printed_unit'])} · sha256 "
                     f"<code>{esc(doc['document_sha256'][:16])}…</code></li>")
    parts.append("</ul>")
    return parts


def render(data: ReportData, output: Path) -> str:
    counts = {c: sum(1 for f in data.findings if f.get("publication_category") == c) for c in CATEGORY_ORDER}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>yusuan 预算 — warehouse report</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>yusuan 预算 — warehouse report</h1>",
        f'<p class="muted">{esc(data.warehouse)} · generated {esc(data.generated_at)} UTC · '
        f"{len(data.documents)} documents · {counts['publisher_error']} publisher errors, "
        f"{counts['data_not_read']} data not read, {counts['notice']} notices</p>",
    ]
    parts += _what_to_fix(data)
    parts += _publication(data, output)
    parts.append("<h2>Execution rates by department and year (执行率)</h2>")
    if any(r["computed_rate_pct"] is not None or r["reported_rate_pct"] is not None for r in data.execution):
        parts.append(execution_chart(data.execution))
    else:
        parts.append("<p>No execution figures in this warehouse.</p>")
    parts.append("<h2>Budget by 功能分类 类</h2>")
    if data.function_classes:
        parts.append('<p class="muted">Per document the class (类) rows of one expenditure table — the one whose '
                     "classes add up to most; amounts in 万元 rounded for display, exact yuan on hover.</p>")
        parts.append(function_class_chart(data.function_classes))
    else:
        parts.append("<p>No 功能分类 class rows in this warehouse.</p>")
    parts += _documents(data)
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def write_report(warehouse: Path, output: Path) -> Path:
    data = collect(warehouse)
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(output.name + ".tmp")
    temporary.write_text(render(data, output), encoding="utf-8")
    os.replace(temporary, output)
    return output
