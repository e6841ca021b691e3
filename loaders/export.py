"""`yusuan export`: every mart of a warehouse as Parquet, CSV or XLSX, amounts exact.

* Parquet: DuckDB's own writer; DECIMAL columns stay DECIMAL (same precision and scale).
* CSV: UTF-8 with a byte-order mark (Excel then reads Chinese correctly), a header row, decimals written as
  printed by their scale (54780200.00), NULL as an empty field.
* XLSX: one workbook, one sheet per mart. A decimal is a number cell with its scale as the number format
  (0.00) when Excel's 15 significant digits hold it exactly; a decimal with more significant digits is written
  as text, so no amount drifts. Excel holds at most 1,048,575 data rows per sheet: more is an error.
"""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

import duckdb

FORMATS = ("parquet", "csv", "xlsx")
MART_SCHEMA = "main"
XLSX_NAME = "yusuan-marts.xlsx"
EXCEL_DIGITS = 15
EXCEL_MAX_ROWS = 1_048_576


class ExportError(Exception):
    pass


def mart_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "select table_name from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE' "
        "and table_catalog = current_database() order by table_name", [MART_SCHEMA]).fetchall()
    return [name for (name,) in rows]


def export(warehouse: Path, fmt: str, output: Path) -> list[Path]:
    """Write every mart of ``warehouse`` (opened read-only) into the folder ``output``; return the files."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    output.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        marts = mart_names(con)
        if not marts:
            raise ExportError(f"{warehouse} has no marts (tables in schema {MART_SCHEMA})")
        if fmt == "parquet":
            return [_parquet(con, mart, output) for mart in marts]
        if fmt == "csv":
            return [_csv(con, mart, output) for mart in marts]
        return [_xlsx(con, marts, output / XLSX_NAME)]
    finally:
        con.close()


def _select(mart: str) -> str:
    return f'select * from {MART_SCHEMA}."{mart}"'


def _parquet(con: duckdb.DuckDBPyConnection, mart: str, output: Path) -> Path:
    path = output / f"{mart}.parquet"
    target = str(path).replace("'", "''")
    con.execute(f"copy ({_select(mart)}) to '{target}' (format parquet)")
    return path


def text_value(value) -> str:
    """A value as CSV text: decimals at their own scale, never through float."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (list, tuple, dict)):
        return str(value)
    return str(value)


def _csv(con: duckdb.DuckDBPyConnection, mart: str, output: Path) -> Path:
    path = output / f"{mart}.csv"
    cursor = con.execute(_select(mart))
    columns = [d[0] for d in cursor.description]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        while batch := cursor.fetchmany(10_000):
            writer.writerows([text_value(v) for v in row] for row in batch)
    return path


def _decimal_cell(sheet, value: Decimal):
    from openpyxl.cell import WriteOnlyCell

    _, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):  # NaN or infinity: not an amount
        return WriteOnlyCell(sheet, value=str(value))
    significant = len(digits) - next((i for i, d in enumerate(digits) if d), len(digits))
    if significant > EXCEL_DIGITS:
        return WriteOnlyCell(sheet, value=format(value, "f"))  # as text: Excel would round it
    scale = -exponent if exponent < 0 else 0
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = "0." + "0" * scale if scale else "0"
    return cell


def _xlsx(con: duckdb.DuckDBPyConnection, marts: list[str], path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for mart in marts:
        count = con.execute(f"select count(*) from {MART_SCHEMA}.\"{mart}\"").fetchone()[0]
        if count >= EXCEL_MAX_ROWS:
            raise ExportError(f"{mart} has {count} rows, more than an Excel sheet holds; export it as csv or parquet")
        sheet = workbook.create_sheet(title=mart[:31])
        cursor = con.execute(_select(mart))
        columns = [d[0] for d in cursor.description]
        header = []
        for name in columns:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        while batch := cursor.fetchmany(10_000):
            for row in batch:
                sheet.append([_xlsx_value(sheet, v) for v in row])
    workbook.save(path)
    return path


def _xlsx_value(sheet, value):
    if isinstance(value, Decimal):
        return _decimal_cell(sheet, value)
    if isinstance(value, (list, tuple, dict)):
        return str(value)
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return value
