"""Shared fixtures: the project root, copies of the bundled documents, and one warehouse built from them."""

from __future__ import annotations

import csv
import os
import shutil
import time
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from loaders import build as pipeline
from loaders.documents import Document, read_document
from loaders.parsers import parser_for

ROOT = Path(__file__).resolve().parent.parent

# A build from scratch replays the plan a former one recorded in the project's target/yusuan-plans (loaders/replay.py);
# which test builds first would then decide which tests run dbt. Every build of the test suite runs dbt, except in
# the tests of those plans (tests/test_replay.py), which give each build a plan folder of its own.
os.environ["YUSUAN_PLAN_CACHE"] = "off"
DOCUMENTS = ROOT / "documents"
GOLDEN = Path(__file__).resolve().parent / "golden"


def copy_documents(target: Path, names: list[str] | None = None) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for path in DOCUMENTS.iterdir():
        if path.is_file() and (names is None or path.name in names or path.name == "manifest.csv"):
            shutil.copyfile(path, target / path.name)
    return target


def golden_rows(path: Path) -> list[dict]:
    """A hand-written golden CSV as a list of dicts (strings as typed)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def as_golden_text(value) -> str:
    """A landed value as it is written in a golden CSV: None -> '', booleans -> true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# --- the two target forms (项目支出绩效目标表, 部门整体预算绩效目标申报表): golden files and small documents ---
# Columns of their golden files tests/golden/<document>.figures.csv and .indicators.csv, in order.
TARGET_FIGURE_COLUMNS = ["row_kind", "subject", "row_label", "measure", "label", "value_text", "printed_unit",
                         "line_start"]
TARGET_INDICATOR_COLUMNS = ["subject", "sequence_no", "level1_code", "level1_name", "level2_code", "level2_name",
                            "indicator_name", "value_period_kind", "value_text", "comparison", "number_text", "unit",
                            "period", "is_qualitative", "line_start"]


def golden_counter(document_name: str, kind: str, columns: list[str]) -> Counter:
    """The golden file tests/golden/<document>.<kind>.csv as a multiset of rows (strings as typed); the file must
    have exactly ``columns``."""
    rows = golden_rows(GOLDEN / document_name.replace(".txt", f".{kind}.csv"))
    assert rows and list(rows[0]) == columns
    return Counter(tuple(r[c] for c in columns) for r in rows)


def landed_counter(records, columns: list[str]) -> Counter:
    """Landed records as a multiset of rows written as in a golden file."""
    return Counter(tuple(as_golden_text(getattr(record, c)) for c in columns) for record in records)


def joined_lines(lines: list[str], first: int, last: int) -> str:
    """Lines first..last (1-based) stripped and joined with nothing between them, as a wrapped cell reads."""
    return "".join(lines[n - 1].strip() for n in range(first, last + 1))


def assert_registered_and_fast(kind: str, parser, path: Path) -> None:
    """The parser is the one registered for its kind and parses the document in under a second."""
    assert parser_for(kind) is parser
    document = read_document(path, {})
    started = time.perf_counter()
    parser.parse(document)
    assert time.perf_counter() - started < 1.0


def text_document(text: str) -> Document:
    """A small text document made in a test (file synthetic.txt)."""
    data = text.encode("utf-8")
    return Document(path=Path("synthetic.txt"), file_name="synthetic.txt", sha256="0" * 64, size_bytes=len(data),
                    data=data, encoding="utf-8", text=text, lines=text.splitlines())


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The bundled documents built once into a temporary warehouse: (report, warehouse path)."""
    base = tmp_path_factory.mktemp("built")
    docs = copy_documents(base / "documents")
    warehouse = base / "warehouse" / "yusuan.duckdb"
    report = pipeline.build(docs, warehouse)
    assert report.published, report.dbt.failed_nodes() if report.dbt else report
    return report, warehouse


@pytest.fixture()
def warehouse_con(built):
    _, warehouse = built
    con = duckdb.connect(str(warehouse), read_only=True)
    yield con
    con.close()
