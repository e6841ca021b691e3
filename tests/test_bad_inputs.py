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
