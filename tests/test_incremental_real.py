"""Incremental = from scratch on the real documents (issue 15), not only on the generated corpus.

Every real text document of the repository (the five bundled ones with their manifest, and the disclosures of other
provinces under documents/real/: many kinds, levels and provinces, some of which no parser of this project
reads and which land through the general reader or as findings) is built from scratch. Then, as a department
correcting its drafts would: a printed amount of the 2023 白云 evaluation report and one of the 2016 广州 部门预算's
prose are changed, one document is removed, one renamed and one added, and the folder is rebuilt incrementally (dbt,
which records the plan); then the 2022 白云 report — the same department's earlier year, which NAR-PRIOR reads
beside the 2023 one — is changed and the folder rebuilt again (the plan replayed). The warehouse is compared row for
row with a build from scratch of the final folder (loaders/compare.py).

Each changed figure was read in the document by hand (the strings replaced are quoted below, and the test fails if
a document no longer prints them).
"""

from __future__ import annotations

import re

import shutil
from pathlib import Path

import duckdb
import pytest

from loaders import build as pipeline
from loaders.compare import explain

DOCUMENTS = Path(__file__).resolve().parents[1] / "documents"
HELD_BACK = "real/heldout2"          # one document of this folder is added by the first rebuild
REMOVED = "anhui-shouxian-justice-2022-sangong-budget.txt"        # documents/real/heldout/
RENAMED = "guangxi-baise-2024-sangong-budget.txt"                 # documents/real/collected/
EVALUATION_2023 = "baiyun-zfw-2023-laisui-evaluation.txt"
EVALUATION_2022 = "baiyun-zfw-2022-laisui-evaluation.txt"
BUDGET_2016 = "gz-laisui-bureau-2016-department-budget.txt"
# (file, as printed, as changed): the 2023 report's actual spending (line 24), the 2016 部门预算's 一般公共预算
# spending stated in its prose (line 136), the 2022 report's actual spending (line 19)
FIRST_CHANGES = [(EVALUATION_2023, "实际支出 15.13万元", "实际支出 15.12万元"),
                 (BUDGET_2016, "一般公共预算安排支出 6,150.64 万元", "一般公共预算安排支出 6,150.65 万元")]
SECOND_CHANGE = (EVALUATION_2022, "实际支出 16.5 万元", "实际支出 15.5 万元")


def _real_texts() -> list[Path]:
    files = sorted(DOCUMENTS.glob("*.txt")) + sorted((DOCUMENTS / "real").rglob("*.txt"))
    assert len({path.name for path in files}) == len(files)  # copied into one folder: names must not collide
    return files


def _held_back(files: list[Path]) -> Path:
    return next(path for path in files if path.parent == DOCUMENTS / HELD_BACK)


def _replace(path: Path, printed: str, changed: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(printed) == 1, f"{path.name} no longer prints {printed!r} once"
    path.write_text(text.replace(printed, changed), encoding="utf-8")


def _why_not_published(report: pipeline.BuildReport) -> object:
    if report.dbt is not None and report.dbt.failed_nodes():
        return report.dbt.failed_nodes()
    if report.gate is not None and not report.gate.success:
        return report.gate.failure_lines()
    return report.refusal or report.replay_note


def _findings(warehouse: Path, file_name: str) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute("select rule_id, line_start, message from fct_findings where file_name = ? order by all",
                           [file_name]).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def real_folder(tmp_path_factory) -> tuple[Path, Path, Path]:
    """(folder, warehouse, the held-back document): every real text document but one, built from scratch."""
    base = tmp_path_factory.mktemp("incremental-real")
    folder = base / "docs"
    folder.mkdir()
    files = _real_texts()
    held = _held_back(files)
    for path in files:
        if path != held:
            shutil.copyfile(path, folder / path.name)
    shutil.copyfile(DOCUMENTS / "manifest.csv", folder / "manifest.csv")
    warehouse = base / "warehouse" / "yusuan.duckdb"
    warehouse.parent.mkdir()
    first = pipeline.build(folder, warehouse)
    assert first.published and first.dbt_mode == "full refresh"
    return folder, warehouse, held


def test_incremental_and_replayed_rebuilds_of_real_documents_equal_a_build_from_scratch(real_folder, tmp_path):
    folder, warehouse, held = real_folder
    before_2022 = _findings(warehouse, EVALUATION_2022)

    for name, printed, changed in FIRST_CHANGES:
        _replace(folder / name, printed, changed)
    (folder / REMOVED).unlink()
    (folder / RENAMED).rename(folder / f"renamed-{RENAMED}")
    shutil.copyfile(held, folder / held.name)
    first = pipeline.build(folder, warehouse)
    assert first.published, _why_not_published(first)
    assert (first.dbt_mode, first.dbt_engine) == ("incremental", "dbt")
    # two changed (old and new sha256), one removed, one renamed, one added; and every document refused (the
    # held-out news items whose kind and amounts no reader knows, e.g. heldout8's Chinese numerals): a refused file's
    # failure is recorded again at every build, so it is in scope each time (the build from scratch below refuses the
    # same files)
    refused = sorted(o.file_name for o in first.load.outcomes if o.status == "failed")
    assert refused and all(o.message.startswith(f"{o.file_name}: unknown layout") for o in first.load.outcomes
                           if o.status == "failed")
    assert first.documents_in_scope == 2 * 2 + 1 + 1 + 1 + len(refused)

    _replace(folder / SECOND_CHANGE[0], *SECOND_CHANGE[1:])
    second = pipeline.build(folder, warehouse)
    assert second.published, _why_not_published(second)
    assert (second.dbt_mode, second.dbt_engine, second.documents_in_scope) == ("incremental", "replay",
                                                                                 2 + len(refused))
    # the gate's expectations read the changed document's rows, not every row (loaders/gate.py, "Scope of the
    # expectations"): e.g. "[read 23 of 5,012 rows: those of the 1 of 71 documents new or changed …]"
    read = {int(m.group(1).replace(",", "")) < int(m.group(2).replace(",", ""))
            for c in second.gate.checks if c.suite == "fct_stated_figures"
            for m in [re.search(r"\[read ([\d,]+) of ([\d,]+) rows", c.message)] if m}
    assert read == {True}
    # 15.5 of 16.5 万元 is 93.9 %, the report prints 100 %: the replayed build sees it (16.4 would not be an error:
    # 16.4 and 16.5 printed to one decimal can stand for a rate of 100 %)
    after_2022 = _findings(warehouse, EVALUATION_2022)
    assert not any(rule_id == "EXE-RATE-001" for rule_id, _, _ in before_2022)
    assert [line for rule_id, line, _ in after_2022 if rule_id == "EXE-RATE-001"] == [19]

    scratch = tmp_path / "scratch" / "yusuan.duckdb"
    scratch.parent.mkdir()
    full = pipeline.build(folder, scratch)
    assert full.published and full.dbt_mode == "full refresh"
    assert sorted(o.file_name for o in full.load.outcomes if o.status == "failed") == refused
    assert not (found := explain(warehouse, scratch)), found
