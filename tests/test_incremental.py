"""Incremental rebuilds (issue 15): a build that recomputes only the changed documents' rows gives the same warehouse,
row for row, as a build from scratch of the same folder.

A generated corpus (30 documents, a share with injected faults so that rules fire) is built; then documents are
changed (a printed figure of a report and of a 部门预算), added, removed and renamed, and an unreadable file is
added; that folder is built incrementally on the published warehouse, and from scratch into a new one. Every table
of the marts and of the intermediate models is compared row for row (as multisets). The only columns left out are
the ones that name a load rather than content: ``load_id``, ``registered_at`` (when a document was landed) and the
``finding_id`` of loader findings (``<load_id>:<index>``).
"""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from loaders import build as pipeline
from loaders.synthetic.corpus import write_corpus

SEED = 7
DOCUMENTS = 30
RUN_SPECIFIC_COLUMNS = {"load_id", "registered_at", "load_finding_id"}


def _manifest(folder: Path) -> tuple[list[str], list[dict]]:
    with (folder / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames), list(reader)


def _write_manifest(folder: Path, columns: list[str], rows: list[dict]) -> None:
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def _change_a_digit(path: Path, after: str) -> None:
    """Change the first digit printed after ``after`` (1 -> 2, any other -> 1)."""
    text = path.read_text(encoding="utf-8")
    at = text.index(after) + len(after)
    match = re.compile(r"\d").search(text, at)
    assert match is not None
    digit = match.group()
    path.write_text(text[:match.start()] + ("2" if digit == "1" else "1") + text[match.end():], encoding="utf-8")


def _apply_changes(docs: Path, extra: Path) -> dict[str, list[str]]:
    columns, rows = _manifest(docs)
    names = [row["file_name"] for row in rows]
    evaluation = next(n for n in names if "-evaluation-" in n)
    budget = next(n for n in names if "-department-budget-" in n)
    final_accounts = next(n for n in names if "-final-accounts-" in n)
    removed = [n for n in names if "-project-targets-" in n][:1] + [n for n in names if "-department-targets-" in n][:1]
    renamed = [n for n in names if "-evaluation-" in n][1]
    # changed: a report's actual spending, a 部门预算's first table figure, a 决算's first table figure
    _change_a_digit(docs / evaluation, "实际支出 ")
    _change_a_digit(docs / budget, "合计")
    _change_a_digit(docs / final_accounts, "合计")
    for name in removed:
        (docs / name).unlink()
    rows = [row for row in rows if row["file_name"] not in removed]
    new_name = "renamed-" + renamed
    (docs / renamed).rename(docs / new_name)
    for row in rows:
        if row["file_name"] == renamed:
            row["file_name"] = new_name
    _, extra_rows = _manifest(extra)
    for row in extra_rows:
        shutil.copyfile(extra / row["file_name"], docs / row["file_name"])
    rows.extend(extra_rows)
    _write_manifest(docs, columns, rows)
    (docs / "unreadable.txt").write_bytes(b"\x00\x01\x02 not a document \xff\xfe\x00")
    return {"changed": [evaluation, budget, final_accounts], "removed": removed, "renamed": [renamed],
            "added": [row["file_name"] for row in extra_rows]}


def _tables(con: duckdb.DuckDBPyConnection, database: str) -> list[tuple[str, str]]:
    return con.execute(
        "select table_schema, table_name from information_schema.tables where table_catalog = ? "
        "and table_schema in ('main', 'intermediate') and table_type = 'BASE TABLE' order by 1, 2",
        [database]).fetchall()


def _projection(con: duckdb.DuckDBPyConnection, database: str, schema: str, table: str) -> str:
    columns = [r[0] for r in con.execute(
        "select column_name from information_schema.columns where table_catalog = ? and table_schema = ? "
        "and table_name = ? order by ordinal_position", [database, schema, table]).fetchall()]
    kept = []
    for column in columns:
        if column in RUN_SPECIFIC_COLUMNS:
            continue
        if column == "finding_id" and "rule_id" in columns:
            kept.append("case when rule_id like 'LOAD-%' then null else finding_id end as finding_id")
        else:
            kept.append(f'"{column}"')
    return ", ".join(kept)


def differences(incremental: Path, full: Path) -> dict[str, tuple[int, int, int, int]]:
    """table -> (rows incremental, rows full, rows only in incremental, rows only in full), for every table of the
    marts (schema main) and of the intermediate models that differs; {} when the two are the same."""
    con = duckdb.connect()
    try:
        con.execute(f"attach '{incremental}' as inc (read_only)")
        con.execute(f"attach '{full}' as ful (read_only)")
        tables_inc, tables_full = _tables(con, "inc"), _tables(con, "ful")
        assert tables_inc == tables_full
        found = {}
        for schema, table in tables_full:
            select_inc = f"select {_projection(con, 'inc', schema, table)} from inc.{schema}.{table}"
            select_full = f"select {_projection(con, 'ful', schema, table)} from ful.{schema}.{table}"
            only_inc = con.execute(f"select count(*) from ({select_inc} except all {select_full})").fetchone()[0]
            only_full = con.execute(f"select count(*) from ({select_full} except all {select_inc})").fetchone()[0]
            if only_inc or only_full:
                found[f"{schema}.{table}"] = (
                    con.execute(f"select count(*) from inc.{schema}.{table}").fetchone()[0],
                    con.execute(f"select count(*) from ful.{schema}.{table}").fetchone()[0], only_inc, only_full)
        return found
    finally:
        con.close()


def _count(warehouse: Path, sql: str):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("incremental")
    docs, extra = base / "docs", base / "extra"
    write_corpus(docs, DOCUMENTS, seed=SEED, fault_share=0.4)
    write_corpus(extra, 3, seed=SEED, fault_share=0.4, start=DOCUMENTS)
    return docs, extra


def test_incremental_build_equals_a_build_from_scratch(corpus, tmp_path):
    docs, extra = corpus
    work = tmp_path / "docs"
    shutil.copytree(docs, work)
    incremental = tmp_path / "incremental" / "yusuan.duckdb"
    incremental.parent.mkdir()
    first = pipeline.build(work, incremental, workers=1)
    assert first.published and first.dbt_mode == "full refresh"  # nothing published before: from scratch
    findings_before = _count(incremental, "select rule_id, file_name, message from fct_findings order by all")

    changes = _apply_changes(work, extra)
    second = pipeline.build(work, incremental, workers=1)
    assert second.published, second.dbt.failed_nodes() if second.dbt else second.refusal
    assert second.dbt_mode == "incremental"
    # the scope: 3 changed (old and new sha256), 2 removed, 1 renamed, 3 added; the unreadable file has no sha256
    # in raw.documents (its finding has none: rows without a document are always recomputed)
    assert second.documents_in_scope == 3 * 2 + 2 + 1 + 3
    assert _count(incremental, "select count(*) from raw.documents") == [(DOCUMENTS - 2 + 3,)]
    findings_after = _count(incremental, "select rule_id, file_name, message from fct_findings order by all")
    assert findings_after != findings_before  # the changes did change what is published

    full = tmp_path / "full" / "yusuan.duckdb"
    full.parent.mkdir()
    scratch = pipeline.build(work, full, workers=1)
    assert scratch.published and scratch.dbt_mode == "full refresh"
    assert differences(incremental, full) == {}
    # the renamed document is under its new name only, the removed ones are gone from every mart
    renamed_rows = _count(incremental, "select count(*) from fct_appropriations where file_name = "
                          f"'renamed-{changes['renamed'][0]}' or file_name = '{changes['renamed'][0]}'")
    assert renamed_rows == _count(full, "select count(*) from fct_appropriations where file_name = "
                                  f"'renamed-{changes['renamed'][0]}'")
    for name in changes["removed"]:
        assert _count(incremental, f"select count(*) from fct_findings where file_name = '{name}'") == [(0,)]
    assert _count(incremental, "select count(*) from fct_findings where file_name = 'unreadable.txt' "
                  "and rule_id like 'LOAD-FILE-%'") == [(1,)]
    # --full-refresh reruns dbt from scratch even when nothing changed (otherwise dbt is not rerun at all)
    again = pipeline.build(work, full, workers=1, full_refresh=True)
    assert again.published and again.dbt is not None and again.dbt_mode == "full refresh"
    assert differences(incremental, full) == {}


def test_scope_is_every_document_whose_rows_can_differ():
    before = ({("a", "a.txt", "/d/a.txt", "t1"), ("b", "b.txt", "/d/b.txt", "t1"), ("c", "c.txt", "/d/c.txt", "t1"),
               ("d", "d.txt", "/d/d.txt", "t1"), ("e", "e.txt", "/d/e.txt", "t1")}, {"f"})
    after = ({("a", "a.txt", "/d/a.txt", "t1"),          # unchanged
              ("b2", "b.txt", "/d/b.txt", "t2"),         # b.txt changed: b out, b2 in
              ("c", "c2.txt", "/d/c2.txt", "t1"),        # renamed
              ("d", "d.txt", "/d/d.txt", "t2"),          # re-parsed (a new parser version)
              ("g", "g.txt", "/d/g.txt", "t2")},         # added; e.txt removed
             {"h"})                                      # f's LOAD-FILE finding cleared, h's added
    assert pipeline.changed_documents(before, after) == {"b", "b2", "c", "d", "e", "f", "g", "h"}
    assert pipeline.changed_documents(before, before) == {"f"}


def test_full_refresh_when_nothing_was_published_or_the_project_changed():
    assert pipeline._needs_full_refresh(None, "fp") is not None
    assert pipeline._needs_full_refresh(("run", "old"), "fp") is not None
    assert pipeline._needs_full_refresh(("run", None), "fp") is not None
    assert pipeline._needs_full_refresh(("run", "fp"), "fp") is None
