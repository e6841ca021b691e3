"""Hostile folders, huge files and half-read PDFs: every bad input gets a clear message, nothing is lost.

Each case asserts the message, the exit code, that the good documents of the same batch are landed and that
the published warehouse keeps what it had. The suite stays fast: builds start from a copy of the one warehouse
built from the bundled documents (the session fixture ``built``), and most bad inputs share one batch.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from loaders import build as pipeline
from loaders import runlog
from loaders.cli import app
from loaders.load import load_directory

from conftest import copy_documents

runner = CliRunner()
REPORT_2023 = "baiyun-zfw-2023-laisui-evaluation.txt"
REPORT_2022 = "baiyun-zfw-2022-laisui-evaluation.txt"
BUDGET_2016 = "gz-laisui-bureau-2016-department-budget.txt"


def published_copy(built, tmp_path: Path, name: str = "yusuan.duckdb") -> Path:
    _, warehouse = built
    target = tmp_path / "wh" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(warehouse, target)
    return target


def figures_by_file(warehouse: Path) -> dict[str, int]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return dict(con.execute("select file_name, count(*) from raw.figures group by 1").fetchall())
    finally:
        con.close()


def build_cli(docs: Path, warehouse: Path, *extra: str):
    return runner.invoke(app, ["build", str(docs), "--warehouse", str(warehouse), *extra])


# --- an emptied folder, or one that drops most published documents ---------------------------------------------

def test_an_emptied_folder_publishes_nothing(built, tmp_path):
    warehouse = published_copy(built, tmp_path)
    before = warehouse.read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    result = build_cli(empty, warehouse)
    assert result.exit_code == pipeline.EXIT_BUILD_FAILED, result.output
    assert "publication refused: it would drop every one of the 5 published documents" in result.output
    assert "--allow-shrink" in result.output
    assert warehouse.read_bytes() == before
    [record] = runlog.read_pending(warehouse)
    assert (record.status, record.exit_code, record.documents_removed) == ("shrink_refused", 3, 5)
    assert record.message.startswith("publication refused: it would drop every one of the 5 published documents")


def test_a_folder_that_drops_more_than_the_allowed_share_publishes_nothing(built, tmp_path):
    warehouse = published_copy(built, tmp_path)
    before = warehouse.read_bytes()
    docs = copy_documents(tmp_path / "docs", [REPORT_2023, REPORT_2022])  # 3 of 5 gone: 60% > 50%
    result = build_cli(docs, warehouse)
    assert result.exit_code == pipeline.EXIT_BUILD_FAILED, result.output
    assert "would drop 3 of the 5 published documents (60%, more than the 50% allowed)" in result.output
    assert BUDGET_2016 in result.output
    assert warehouse.read_bytes() == before
    # a stated share above 60% lets it through (no dbt here: the decision is taken before dbt runs)
    assert pipeline.shrink_refusal({"a": "1", "b": "2", "c": "3", "d": "4", "e": "5"}, {"a": "1", "b": "2"},
                                   pipeline.Decimal("0.6")) is None
    # a renamed file is not dropped: its content is still there
    assert pipeline.shrink_refusal({"a": "1"}, {"renamed": "1"}, pipeline.Decimal("0")) is None


def test_allow_shrink_publishes_the_smaller_folder(built, tmp_path):
    warehouse = published_copy(built, tmp_path)
    docs = copy_documents(tmp_path / "docs", [REPORT_2023, REPORT_2022])
    result = build_cli(docs, warehouse, "--allow-shrink")
    assert result.exit_code == pipeline.EXIT_OK, result.output
    assert figures_by_file(warehouse) == {REPORT_2023: 40, REPORT_2022: 35}


# --- identity by content: renamed, re-encoded, once failed -------------------------------------------------------

def load_counts(con) -> dict[str, int]:
    return dict(con.execute("select file_name, count(*) from raw.figures group by 1").fetchall())


def file_errors(con) -> list[tuple[str, str]]:
    return con.execute("select file_name, rule_id from raw.load_findings where rule_id like 'LOAD-FILE-%' "
                       "order by 1, 2").fetchall()


@pytest.fixture()
def two_reports(tmp_path):
    docs = copy_documents(tmp_path / "docs", [REPORT_2023, REPORT_2022])
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    first = load_directory(con, docs, workers=1)
    assert [o.status for o in first.outcomes] == ["completed", "completed"]
    yield docs, con
    con.close()


def test_a_renamed_file_keeps_its_rows(two_reports):
    docs, con = two_reports
    (docs / REPORT_2023).rename(docs / "moved-2023.txt")
    summary = load_directory(con, docs, workers=1)
    outcome = {o.file_name: o for o in summary.outcomes}["moved-2023.txt"]
    # no manifest row under the new name: detected again from the text, landed under the new name
    assert outcome.status == "completed" and outcome.figures == 40, outcome.message
    assert summary.removed == []
    assert load_counts(con) == {"moved-2023.txt": 40, REPORT_2022: 35}
    assert file_errors(con) == []


def test_a_renamed_file_with_its_manifest_row_is_unchanged(two_reports):
    docs, con = two_reports
    (docs / REPORT_2023).rename(docs / "moved-2023.txt")
    manifest = docs / "manifest.csv"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(REPORT_2023, "moved-2023.txt"), encoding="utf-8")
    summary = load_directory(con, docs, workers=1)
    outcome = {o.file_name: o for o in summary.outcomes}["moved-2023.txt"]
    assert (outcome.status, outcome.message) == ("unchanged", f"moved-2023.txt: renamed from {REPORT_2023}: its rows kept")
    assert load_counts(con) == {"moved-2023.txt": 40, REPORT_2022: 35}


@pytest.mark.parametrize("variant, encoding", [
    ("bom", "utf-8"), ("gbk", "gb18030"), ("crlf", "utf-8"), ("cr-only", "utf-8"), ("utf-16", "utf-16")])
def test_the_same_text_re_encoded_is_a_duplicate_never_summed_twice(two_reports, variant, encoding):
    docs, con = two_reports
    data = (docs / REPORT_2022).read_bytes()
    text = data.decode("utf-8")
    copies = {"bom": b"\xef\xbb\xbf" + data, "gbk": text.encode("gb18030"), "crlf": data.replace(b"\n", b"\r\n"),
              "cr-only": data.replace(b"\n", b"\r"), "utf-16": text.encode("utf-16")}
    (docs / f"a-copy-{variant}.txt").write_bytes(copies[variant])  # sorts before the original
    summary = load_directory(con, docs, workers=1)
    outcome = {o.file_name: o for o in summary.outcomes}[f"a-copy-{variant}.txt"]
    assert outcome.status == "duplicate"
    assert outcome.message.startswith(f"a-copy-{variant}.txt: duplicate of {REPORT_2022}: the same text")
    assert load_counts(con) == {REPORT_2023: 40, REPORT_2022: 35}
    assert ("a-copy-" + variant + ".txt", "LOAD-FILE-DUPLICATE") in file_errors(con)


def test_a_file_that_failed_once_and_loads_later_carries_no_stale_error(tmp_path):
    docs = copy_documents(tmp_path / "docs", [REPORT_2023])
    good = (docs / REPORT_2023).read_bytes()
    (docs / REPORT_2023).write_bytes(b"")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load_directory(con, docs, workers=1)
    assert file_errors(con) == [(REPORT_2023, "LOAD-FILE-UNREADABLE")]
    (docs / REPORT_2023).write_bytes(good)
    summary = load_directory(con, docs, workers=1)
    assert [o.status for o in summary.outcomes] == ["completed"]
    assert file_errors(con) == [] and load_counts(con) == {REPORT_2023: 40}
    # broken again: the error comes back, the rows landed before stay; restored: unchanged, and no error
    (docs / REPORT_2023).write_bytes(b"   \n")
    load_directory(con, docs, workers=1)
    assert file_errors(con) == [(REPORT_2023, "LOAD-FILE-UNREADABLE")] and load_counts(con) == {REPORT_2023: 40}
    (docs / REPORT_2023).write_bytes(good)
    summary = load_directory(con, docs, workers=1)
    assert [o.status for o in summary.outcomes] == ["unchanged"]
    assert file_errors(con) == [] and load_counts(con) == {REPORT_2023: 40}
    con.close()


# --- one absurd number; the real landing error --------------------------------------------------------------------

def test_one_absurd_number_is_a_finding_and_the_rest_of_the_document_lands(tmp_path):
    docs = copy_documents(tmp_path / "docs", [REPORT_2023])
    path = docs / REPORT_2023
    text = path.read_text(encoding="utf-8")
    assert text.count("实际支出 15.13万元") == 1
    path.write_text(text.replace("实际支出 15.13万元", "实际支出 123456789012345678901234567890.13万元"), encoding="utf-8")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    summary = load_directory(con, docs, workers=1)
    [outcome] = summary.outcomes
    assert (outcome.status, outcome.figures) == ("completed", 39)  # the 40 figures but the absurd one
    [(rule, line, message)] = con.execute("select rule_id, line_start, message from raw.load_findings "
                                          "where rule_id like 'LOAD-VALUE-%'").fetchall()
    assert (rule, line) == ("LOAD-VALUE-OUT-OF-RANGE", 24)
    assert message.startswith("the number 123456789012345678901234567890.13 cannot be stored exactly: it has 30 digits")
    con.close()


def test_the_real_landing_error_is_not_masked(tmp_path):
    from loaders.load import _bulk_insert

    con = duckdb.connect()
    con.execute("create table t (value decimal(38, 10))")
    con.execute("begin transaction")
    with pytest.raises(duckdb.Error) as caught:
        _bulk_insert(con, "t", ["value"], [(pipeline.Decimal("1e40"),)], decimals=("value",))
    con.execute("rollback")
    assert "aborted" not in str(caught.value) and "DECIMAL" in str(caught.value).upper()
