"""Shared fixtures: the project root, copies of the bundled documents, and one warehouse built from them."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb
import pytest

from loaders import build as pipeline

ROOT = Path(__file__).resolve().parent.parent
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
