"""The loader core: idempotent loads, replacement of exactly one document's rows, encodings and bad input."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pytest

from loaders.documents import DocumentError, decode_text, read_document
from loaders.load import load_directory

from conftest import DOCUMENTS, copy_documents

REPORT_2023 = "baiyun-zfw-2023-laisui-evaluation.txt"
REPORT_2022 = "baiyun-zfw-2022-laisui-evaluation.txt"


def counts(con) -> dict[str, int]:
    return {table: con.execute(f"select count(*) from raw.{table}").fetchone()[0]
            for table in ("documents", "figures", "indicators", "attributes")}


def rows_of(con, file_name: str) -> list[tuple]:
    return con.execute(
        "select figure_index, measure, value_text, line_start, raw_text from raw.figures where file_name = ? "
        "order by figure_index", [file_name]).fetchall()


@pytest.fixture()
def docs(tmp_path) -> Path:
    return copy_documents(tmp_path / "docs", [REPORT_2023, REPORT_2022])


def test_loading_twice_changes_nothing(docs, tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    first = load_directory(con, docs)
    before = counts(con)
    snapshot = rows_of(con, REPORT_2023)
    second = load_directory(con, docs)
    assert [o.status for o in first.outcomes] == ["completed", "completed"]
    assert [o.status for o in second.outcomes] == ["unchanged", "unchanged"]
    assert counts(con) == before == {"documents": 2, "figures": 75, "indicators": 14, "attributes": 5}
    assert rows_of(con, REPORT_2023) == snapshot


def test_a_changed_file_replaces_exactly_its_own_rows(docs, tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load_directory(con, docs)
    other_before = rows_of(con, REPORT_2022)
    path = docs / REPORT_2023
    path.write_text(path.read_text(encoding="utf-8").replace("实际支出 15.13万元", "实际支出 15.12万元"), encoding="utf-8")
    summary = load_directory(con, docs)
    assert {o.file_name: o.status for o in summary.outcomes} == {REPORT_2023: "completed", REPORT_2022: "unchanged"}
    assert rows_of(con, REPORT_2022) == other_before
    actual = con.execute("select value_text, line_start from raw.figures where file_name = ? and "
                         "measure = 'actual_spending'", [REPORT_2023]).fetchall()
    assert actual == [("15.12", 24)]
    assert con.execute("select count(*) from raw.documents where file_name = ?", [REPORT_2023]).fetchone()[0] == 1
    assert con.execute("select count(distinct document_sha256) from raw.figures where file_name = ?",
                       [REPORT_2023]).fetchone()[0] == 1


def test_a_removed_file_loses_its_rows(docs, tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load_directory(con, docs)
    (docs / REPORT_2022).unlink()
    summary = load_directory(con, docs)
    assert summary.removed == [REPORT_2022]
    assert con.execute("select distinct file_name from raw.figures").fetchall() == [(REPORT_2023,)]


def test_gbk_copy_loads_exactly_like_the_utf8_original(tmp_path):
    utf8_dir = copy_documents(tmp_path / "utf8", [REPORT_2023])
    gbk_dir = tmp_path / "gbk"
    gbk_dir.mkdir()
    text = (DOCUMENTS / REPORT_2023).read_text(encoding="utf-8")
    (gbk_dir / REPORT_2023).write_bytes(text.encode("gbk"))
    results = []
    for folder in (utf8_dir, gbk_dir):
        con = duckdb.connect(str(tmp_path / f"{folder.name}.duckdb"))
        summary = load_directory(con, folder)
        assert [o.status for o in summary.outcomes] == ["completed"]
        results.append(con.execute(
            "select figure_index, measure, label, value_text, value, printed_unit, sign, line_start, line_end, "
            "raw_text from raw.figures order by figure_index").fetchall())
        encoding = con.execute("select encoding, fiscal_year, department from raw.documents").fetchone()
        results.append(encoding[1:])
    assert results[0] == results[2] and len(results[0]) == 40
    assert results[1] == results[3] == (2023, "中共广州市白云区委政法委员会")


def test_decode_reports_truncated_utf8():
    data = "年初预算资金是 45万元".encode("utf-8")[:-1]
    with pytest.raises(DocumentError, match="truncated file"):
        decode_text("cut.txt", data)


@pytest.mark.parametrize("name,content,reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n  ", "empty file"),
    ("binary.txt", bytes(range(256)) * 4, "binary file"),
    ("fake.pdf", b"this is not a pdf", "broken PDF"),
    ("latin.txt", "Ünïcödé façade naïve résumé".encode("latin-1"), "unknown text encoding"),
    ("nonsense.txt", "这是一份没有任何预算内容的文件。".encode("utf-8"), "unknown layout"),
])
def test_bad_files_are_named_with_their_reason_and_the_batch_goes_on(docs, tmp_path, name, content, reason):
    (docs / name).write_bytes(content)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    summary = load_directory(con, docs)
    by_name = {o.file_name: o for o in summary.outcomes}
    assert by_name[name].status == "failed"
    assert name in by_name[name].message and reason in by_name[name].message
    assert by_name[REPORT_2023].status == by_name[REPORT_2022].status == "completed"
    finding = con.execute("select rule_id, severity, message from raw.load_findings where file_name = ?",
                          [name]).fetchone()
    assert finding[1] == "error" and reason in finding[2]


def test_truncated_report_is_refused_and_what_was_landed_stays(docs, tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load_directory(con, docs)
    before = rows_of(con, REPORT_2023)
    path = docs / REPORT_2023
    path.write_text("\n".join(path.read_text(encoding="utf-8").splitlines()[:18]), encoding="utf-8")
    summary = load_directory(con, docs)
    outcome = next(o for o in summary.outcomes if o.file_name == REPORT_2023)
    assert outcome.status == "failed" and "no budget execution block" in outcome.message
    assert rows_of(con, REPORT_2023) == before  # nothing already landed is lost
    ledger = con.execute("select status, error_message from raw.loads where file_name = ? order by started_at desc "
                         "limit 1", [REPORT_2023]).fetchone()
    assert ledger[0] == "failed" and REPORT_2023 in ledger[1]


def test_duplicate_file_is_reported_not_loaded_twice(docs, tmp_path):
    (docs / "copy-of-2023.txt").write_bytes((docs / REPORT_2023).read_bytes())
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    summary = load_directory(con, docs)
    outcome = next(o for o in summary.outcomes if o.file_name == "copy-of-2023.txt")
    assert outcome.status == "duplicate" and "duplicate of" in outcome.message
    assert con.execute("select count(*) from raw.documents").fetchone()[0] == 2


def test_a_report_without_manifest_row_is_detected_from_its_text(tmp_path):
    folder = tmp_path / "nomanifest"
    folder.mkdir()
    (folder / "report.txt").write_bytes((DOCUMENTS / REPORT_2022).read_bytes())
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    summary = load_directory(con, folder)
    assert [o.status for o in summary.outcomes] == ["completed"]
    row = con.execute("select kind, kind_source, fiscal_year, fiscal_year_source, department from raw.documents").fetchone()
    # the title line on the cover names kind, year and department: "2022 年度中共广州市白云区委政法委员会 部门重点项目绩效评价报告"
    assert row == ("evaluation_report", "cover", 2022, "cover", "中共广州市白云区委政法委员会")


def test_a_document_without_year_and_without_manifest_row_loads_and_says_so(tmp_path):
    folder = tmp_path / "noyear"
    folder.mkdir()
    (folder / "targets.txt").write_bytes((DOCUMENTS / "panyu-zfw-department-targets.txt").read_bytes())
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    summary = load_directory(con, folder)
    outcome = summary.outcomes[0]
    assert outcome.status == "completed"
    message = con.execute("select message from raw.load_findings where rule_id = 'LOAD-FACT-MISSING'").fetchone()[0]
    assert "does not print its fiscal year" in message


def test_amounts_are_exact_decimals_in_raw(docs, tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load_directory(con, docs)
    value_type = con.execute("select data_type from information_schema.columns where table_schema = 'raw' and "
                             "table_name = 'figures' and column_name = 'value'").fetchone()[0]
    assert value_type == "DECIMAL(38,10)"
    assert read_document(DOCUMENTS / REPORT_2023).encoding == "utf-8"


def test_two_files_whose_names_are_swapped_keep_both_documents(docs, tmp_path):
    """A department corrects two mislabelled files by swapping their names: each name now holds the other's bytes.
    Both documents stay, each under its new name, with the rows it had (not renamed into one name, not lost)."""
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load_directory(con, docs)
    rows_2023, rows_2022 = rows_of(con, REPORT_2023), rows_of(con, REPORT_2022)
    a, b = docs / REPORT_2023, docs / REPORT_2022
    a.rename(docs / "swap.tmp")
    b.rename(a)
    (docs / "swap.tmp").rename(b)
    summary = load_directory(con, docs)
    assert not summary.failed
    assert rows_of(con, REPORT_2022) == rows_2023 and rows_of(con, REPORT_2023) == rows_2022
    on_disk = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (a, b)}
    assert dict(con.execute("select file_name, document_sha256 from raw.documents").fetchall()) == on_disk
    assert counts(con)["documents"] == 2


def test_a_file_renamed_over_another_replaces_it(docs, tmp_path):
    """mv 2023.txt 2022.txt: one document is left, the 2023 report under the name 2022.txt, nothing counted twice."""
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load_directory(con, docs)
    rows_2023 = rows_of(con, REPORT_2023)
    (docs / REPORT_2023).rename(docs / REPORT_2022)
    summary = load_directory(con, docs)
    assert not summary.failed
    assert rows_of(con, REPORT_2022) == rows_2023 and rows_of(con, REPORT_2023) == []
    sha = hashlib.sha256((docs / REPORT_2022).read_bytes()).hexdigest()
    assert con.execute("select file_name, document_sha256 from raw.documents").fetchall() == [(REPORT_2022, sha)]
    assert con.execute("select distinct document_sha256 from raw.figures").fetchall() == [(sha,)]


def _primary_keys(con) -> set[str]:
    return {f"{s}.{t}" for s, t in con.execute(
        "select schema_name, table_name from duckdb_constraints() where constraint_type = 'PRIMARY KEY'").fetchall()}


def test_a_warehouse_with_keyed_document_tables_loses_the_keys_and_keeps_every_row(docs, tmp_path):
    """Warehouses made before loaders/schema.py dropped the document tables' PRIMARY KEY (an ART index DuckDB writes
    whole at each checkpoint) are converted on their next load: same rows, same columns and NOT NULLs, no key."""
    from loaders.schema import DOCUMENT_TABLES, RAW_DDL

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    keys = {"raw.figures": "figure_index", "raw.indicators": "indicator_index", "raw.attributes": "attribute_index",
            "raw.statements": "statement_index"}
    for statement in RAW_DDL:  # the DDL as it was: each document table keyed by (document_sha256, its index)
        table = next((t for t in DOCUMENT_TABLES if f"create table if not exists {t} (" in statement), None)
        if table is not None:
            opening = f"create table if not exists {table} ("
            statement = statement.replace(opening, f"{opening} primary key (document_sha256, {keys[table]}),")
        con.execute(statement)
    assert set(DOCUMENT_TABLES) <= _primary_keys(con)
    con.close()

    con = duckdb.connect(str(path))
    load_directory(con, docs)  # on the keyed tables
    before = counts(con)
    snapshot = rows_of(con, REPORT_2023)
    columns = con.execute("select table_name, column_name, data_type, is_nullable from information_schema.columns "
                          "where table_schema = 'raw' order by table_name, ordinal_position").fetchall()
    con.close()

    con = duckdb.connect(str(path))
    second = load_directory(con, docs)  # converts, then finds nothing changed
    assert not set(DOCUMENT_TABLES) & _primary_keys(con)
    assert {"raw.documents", "raw.loads"} <= _primary_keys(con)  # the small tables keep theirs
    assert [o.status for o in second.outcomes] == ["unchanged", "unchanged"]
    assert counts(con) == before == {"documents": 2, "figures": 75, "indicators": 14, "attributes": 5}
    assert rows_of(con, REPORT_2023) == snapshot
    assert con.execute("select table_name, column_name, data_type, is_nullable from information_schema.columns "
                       "where table_schema = 'raw' order by table_name, ordinal_position").fetchall() == columns
    assert not [t for t in con.execute("select table_name from duckdb_tables() where schema_name = 'raw'").fetchall()
                if t[0].endswith("__unkeyed")]
