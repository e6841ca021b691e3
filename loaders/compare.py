"""Two warehouses compared row for row: the marts (schema main) and the intermediate tables, as multisets of rows.

Used to prove that an incremental build (loaders/build.py, macros/document_scope.sql) gives the warehouse a build
from scratch gives (tests/test_incremental.py, benchmarks/incremental.py). The only columns left out are those that
name a load rather than content: ``load_id``, ``registered_at`` (when a document was landed) and the ``finding_id``
of loader findings (``<load_id>:<index>``, a new id for every load of the same document).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

RUN_SPECIFIC_COLUMNS = {"load_id", "registered_at", "load_finding_id"}


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


def _attach(incremental: Path, full: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("attach '" + str(incremental).replace("'", "''") + "' as inc (read_only)")
    con.execute("attach '" + str(full).replace("'", "''") + "' as ful (read_only)")
    return con


def differing_rows(incremental: Path, full: Path, table: str, limit: int = 20) -> dict[str, list[tuple]]:
    """The rows of ``table`` ("schema.name") found in one warehouse only (at most ``limit`` of each side), with
    the column names as the first tuple: the evidence a failing comparison prints."""
    schema, name = table.split(".", 1)
    con = _attach(incremental, full)
    try:
        select_inc = f"select {_projection(con, 'inc', schema, name)} from inc.{schema}.{name}"
        select_full = f"select {_projection(con, 'ful', schema, name)} from ful.{schema}.{name}"
        found = {}
        for side, first, second in (("incremental only", select_inc, select_full),
                                    ("full only", select_full, select_inc)):
            cursor = con.execute(f"select * from ({first} except all {second}) order by all limit {int(limit)}")
            found[side] = [tuple(d[0] for d in cursor.description)] + cursor.fetchall()
        return found
    finally:
        con.close()


def explain(incremental: Path, full: Path) -> str:
    """differences() with the differing rows of each table, as text for a failing test's message ('' if none)."""
    found = differences(incremental, full)
    lines = []
    for table, counts in found.items():
        lines.append(f"{table}: {counts}")
        if "(in one warehouse only)" in table:
            continue
        for side, rows in differing_rows(incremental, full, table).items():
            lines.append(f"  {side}: {rows[0]}")
            lines.extend(f"    {row}" for row in rows[1:])
    return "\n".join(lines)


def differences(incremental: Path, full: Path) -> dict[str, tuple[int, int, int, int]]:
    """table -> (rows incremental, rows full, rows only in incremental, rows only in full), for every table of the
    marts (schema main) and of the intermediate models that differs; {} when the two are the same."""
    con = _attach(incremental, full)
    try:
        tables_inc, tables_full = _tables(con, "inc"), _tables(con, "ful")
        found = {f"{schema}.{table} (in one warehouse only)": (0, 0, 0, 0)
                 for schema, table in set(tables_inc) ^ set(tables_full)}
        for schema, table in sorted(set(tables_inc) & set(tables_full)):
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
