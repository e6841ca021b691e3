"""`yusuan export`: every mart in Parquet, CSV (UTF-8 with BOM) and XLSX, read back; amounts exact.

Values checked against the documents: the 2016 Guangzhou department budget prints 一般公共服务支出 (function
class 201) at 5,478.02 万元 in 表四 (line 450), i.e. 54,780,200.00 yuan; the 2023 Baiyun evaluation report prints
实际支出 15.13万元 (151,300.00 yuan) and an execution rate of 99.93%.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from loaders.cli import app
from loaders.export import EXCEL_DIGITS, XLSX_NAME, _decimal_cell, text_value

runner = CliRunner()
CLASS_201 = ("201", "total")  # function_code, measure of the 表四 class row


def marts_and_counts(warehouse: Path) -> dict[str, int]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        names = [n for (n,) in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main' order by 1").fetchall()]
        return {n: con.execute(f"select count(*) from main.{n}").fetchone()[0] for n in names}
    finally:
        con.close()


def export(built, tmp_path, fmt: str) -> tuple[Path, dict[str, int]]:
    _, warehouse = built
    output = tmp_path / fmt
    result = runner.invoke(app, ["export", "--warehouse", str(warehouse), "--format", fmt, "--output", str(output)])
    assert result.exit_code == 0, result.output
    counts = marts_and_counts(warehouse)
    assert {"fct_execution", "fct_appropriations", "fct_findings", "dim_documents"} <= set(counts)
    return output, counts


def test_csv_is_utf8_with_bom_and_exact(built, tmp_path):
    output, counts = export(built, tmp_path, "csv")
    assert sorted(p.name for p in output.iterdir()) == sorted(f"{m}.csv" for m in counts)
    for mart, count in counts.items():
        raw = (output / f"{mart}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        with (output / f"{mart}.csv").open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == count, mart
        if mart == "fct_appropriations":
            [row] = [r for r in rows if (r["function_code"], r["measure"]) == CLASS_201
                     and r["table_name"].startswith("表四")]
            assert (row["amount_yuan"], row["value_text"], row["row_label"]) == (
                "54780200.00", "5,478.02", "一、一般公共服务支出")
        if mart == "fct_execution":
            [row] = [r for r in rows if r["fiscal_year"] == "2023"]
            assert (row["actual_yuan"], row["reported_rate_pct"]) == ("151300.00", "99.93")
            assert row["department_name"] == "中共广州市白云区委政法委员会"
            assert row["adjustment_yuan"] == "-298600.00"


def test_parquet_keeps_decimal_types(built, tmp_path):
    output, counts = export(built, tmp_path, "parquet")
    assert sorted(p.name for p in output.iterdir()) == sorted(f"{m}.parquet" for m in counts)
    con = duckdb.connect()
    try:
        for mart, count in counts.items():
            assert con.execute(f"select count(*) from read_parquet('{output / mart}.parquet')").fetchone()[0] == count
        path = output / "fct_appropriations.parquet"
        row = con.execute(f"select amount_yuan, typeof(amount_yuan) from read_parquet('{path}') where function_code "
                          "= '201' and measure = 'total' and table_name like '表四%'").fetchone()
        assert row == (Decimal("54780200.00"), "DECIMAL(18,2)")
        path = output / "fct_execution.parquet"
        assert con.execute(f"select actual_yuan, reported_rate_pct from read_parquet('{path}') "
                           "where fiscal_year = 2023").fetchone() == (Decimal("151300.00"), Decimal("99.93"))
    finally:
        con.close()


def test_xlsx_has_a_sheet_per_mart_with_exact_numbers(built, tmp_path):
    from openpyxl import load_workbook

    output, counts = export(built, tmp_path, "xlsx")
    assert [p.name for p in output.iterdir()] == [XLSX_NAME]
    workbook = load_workbook(output / XLSX_NAME)
    assert workbook.sheetnames == list(counts)
    for mart, count in counts.items():
        assert workbook[mart].max_row == count + 1, mart
    sheet = workbook["fct_appropriations"]
    header = [c.value for c in sheet[1]]
    amount, code, measure, table = (header.index(n) for n in ("amount_yuan", "function_code", "measure", "table_name"))
    [cell] = [row[amount] for row in sheet.iter_rows(min_row=2)
              if (row[code].value, row[measure].value) == CLASS_201 and row[table].value.startswith("表四")]
    assert cell.data_type == "n" and Decimal(str(cell.value)) == Decimal("54780200.00")
    assert cell.number_format == "0.00"
    sheet = workbook["fct_execution"]
    header = [c.value for c in sheet[1]]
    [row] = [r for r in sheet.iter_rows(min_row=2) if r[header.index("fiscal_year")].value == 2023]
    assert Decimal(str(row[header.index("reported_rate_pct")].value)) == Decimal("99.93")
    assert row[header.index("department_name")].value == "中共广州市白云区委政法委员会"


def test_decimals_excel_cannot_hold_exactly_are_written_as_text():
    from openpyxl import Workbook

    sheet = Workbook(write_only=True).create_sheet()
    big = Decimal("1234567890123456.78")  # 18 significant digits
    assert len(big.as_tuple().digits) > EXCEL_DIGITS
    assert _decimal_cell(sheet, big).value == "1234567890123456.78"
    fits = _decimal_cell(sheet, Decimal("9999999999999.99"))  # 15 significant digits
    assert fits.value == Decimal("9999999999999.99") and fits.number_format == "0.00"
    assert _decimal_cell(sheet, Decimal("0.000000000000000012")).value == Decimal("0.000000000000000012")
    assert text_value(Decimal("0.10")) == "0.10" and text_value(None) == "" and text_value(True) == "true"


def test_export_usage_errors(tmp_path, built):
    _, warehouse = built
    missing = runner.invoke(app, ["export", "--warehouse", str(tmp_path / "no.duckdb"), "--format", "csv",
                                  "--output", str(tmp_path / "o")])
    assert missing.exit_code == 2 and "no warehouse" in missing.output
    bad = runner.invoke(app, ["export", "--warehouse", str(warehouse), "--format", "xml", "--output", str(tmp_path)])
    assert bad.exit_code == 2
    (tmp_path / "file").write_text("x")
    not_dir = runner.invoke(app, ["export", "--warehouse", str(warehouse), "--format", "csv",
                                  "--output", str(tmp_path / "file")])
    assert not_dir.exit_code == 2 and "not a folder" in not_dir.output
