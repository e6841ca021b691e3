"""A warehouse every DuckDB tool opens: the published file is in DuckDB's v1.0.0 storage format, and the DuckDB
command line of the stable 1.x line and the oldest Python package we support (both pinned in
requirements-compat.txt) open it read-only and read exact decimals from it. They are installed from PyPI by this
test's setup into a directory of their own (pip --target), never into the project's venv."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from loaders import build as pipeline
from tests.conftest import ROOT, copy_documents

REQUIREMENTS = ROOT / "requirements-compat.txt"


def _pinned(package: str) -> str:
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        name, _, version = line.strip().partition("==")
        if name == package:
            return version
    raise AssertionError(f"{package} is not pinned in {REQUIREMENTS.name}")


@pytest.fixture(scope="session")
def duckdb_1x(tmp_path_factory) -> Path:
    """The pinned DuckDB 1.x CLI and Python package, installed from PyPI into a directory of their own."""
    target = tmp_path_factory.mktemp("duckdb-1x")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps",
                    "--target", str(target), "-r", str(REQUIREMENTS)], check=True)
    return target


def _cli(tools: Path, warehouse: Path, sql: str) -> subprocess.CompletedProcess:
    binary = tools / "duckdb_cli" / "duckdb"
    assert binary.is_file(), "the duckdb-cli package ships the DuckDB command line binary"
    return subprocess.run([str(binary), "-readonly", "-csv", "-noheader", str(warehouse), "-c", sql],
                          capture_output=True, text=True, timeout=120)


def _old_python(tools: Path, warehouse: Path, sql: str) -> subprocess.CompletedProcess:
    code = ("import sys, duckdb\n"
            "con = duckdb.connect(sys.argv[1], read_only=True)\n"
            "print(duckdb.__version__)\n"
            "for row in con.execute(sys.argv[2]).fetchall(): print(repr(row))\n")
    env = {**os.environ, "PYTHONPATH": str(tools)}
    return subprocess.run([sys.executable, "-c", code, str(warehouse), sql], capture_output=True, text=True,
                          env=env, timeout=120)


BUDGET_2016 = ("select sum(amount_yuan) from budget_by_function_class_year "
               "where fiscal_year = 2016 and phase = '预算'")


def test_published_file_is_in_the_1x_storage_format(built):
    _, warehouse = built
    assert pipeline.storage_version(warehouse) == f"{pipeline.PUBLISHED_STORAGE_VERSION}+"


def test_duckdb_1x_cli_opens_the_published_warehouse(built, duckdb_1x):
    _, warehouse = built
    version = _cli(duckdb_1x, warehouse, "select version()")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"v{_pinned('duckdb-cli')}"
    result = _cli(duckdb_1x, warehouse, BUDGET_2016)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "61506400.00"   # 表三 合计 6,150.64 万元


def test_oldest_supported_python_package_opens_the_published_warehouse(built, duckdb_1x):
    _, warehouse = built
    result = _old_python(duckdb_1x, warehouse, BUDGET_2016)
    assert result.returncode == 0, result.stderr
    version, row = result.stdout.strip().splitlines()
    assert version == _pinned("duckdb")
    assert row == "(Decimal('61506400.00'),)"


def test_a_1x_tool_refuses_a_duckdb_2_file(tmp_path, duckdb_1x):
    """The check above can fail: a file in DuckDB 2.0's own format is refused by the same CLI."""
    file = tmp_path / "v2.duckdb"
    con = duckdb.connect(str(file))
    con.execute("create table t as select 1 as x")
    con.close()
    assert pipeline.storage_version(file) != f"{pipeline.PUBLISHED_STORAGE_VERSION}+"
    result = _cli(duckdb_1x, file, "select * from t")
    assert result.returncode != 0 and "version number" in result.stderr


def test_a_warehouse_in_another_format_is_converted_when_published(tmp_path, built, duckdb_1x):
    """A published file left by an older build (DuckDB 2.0 format) is converted by the next build, every table and
    view kept, and the 1.x CLI opens the result."""
    _, source = built
    warehouse = tmp_path / "warehouse" / "yusuan.duckdb"
    warehouse.parent.mkdir()
    con = duckdb.connect()
    con.execute(f"attach '{source}' as source (read_only)")
    con.execute(f"attach '{warehouse}' as legacy (storage_version 'v2.0.0')")
    con.execute("copy from database source to legacy")
    con.close()
    assert pipeline.storage_version(warehouse).startswith("v2")
    report = pipeline.build(copy_documents(tmp_path / "documents"), warehouse)
    assert report.published
    assert pipeline.storage_version(warehouse) == f"{pipeline.PUBLISHED_STORAGE_VERSION}+"
    result = _cli(duckdb_1x, warehouse, BUDGET_2016 + "; select count(*) from staging.stg_raw__figures")
    assert result.returncode == 0, result.stderr
    with duckdb.connect(str(source), read_only=True) as con:
        expected_figures = con.execute("select count(*) from raw.figures").fetchone()[0]
    assert result.stdout.split() == ["61506400.00", str(expected_figures)]
    assert not any(p.name.endswith(".convert.duckdb") for p in warehouse.parent.iterdir())
    shutil.rmtree(tmp_path / "documents")


def test_dbt_by_hand_targets_a_development_copy(monkeypatch, tmp_path):
    """profiles.yml: the default target (dbt run by hand) writes warehouse/dev.duckdb whatever YUSUAN_WAREHOUSE
    says; only the target `build`, which run_dbt selects and points at the file it builds, writes anything else."""
    import yaml

    profile = yaml.safe_load((ROOT / "profiles.yml").read_text(encoding="utf-8"))["yusuan"]
    assert profile["target"] == "dev"
    dev, build_target = profile["outputs"]["dev"], profile["outputs"][pipeline.DBT_BUILD_TARGET]
    assert dev["path"] == "{{ env_var('YUSUAN_DEV_WAREHOUSE', 'warehouse/dev.duckdb') }}"
    assert build_target["path"] == f"{{{{ env_var('{pipeline.BUILD_FILE_VARIABLE}') }}}}"   # no default
    assert "YUSUAN_WAREHOUSE" not in (ROOT / "profiles.yml").read_text(encoding="utf-8").split("\nyusuan:")[1]

    seen = {}

    class Runner:
        def __init__(self, callbacks=None):
            pass

        def invoke(self, args):
            seen["args"] = args
            seen["file"] = os.environ.get(pipeline.BUILD_FILE_VARIABLE)
            return type("Result", (), {"success": True, "exception": None, "result": None})()

    import dbt.cli.main
    monkeypatch.setattr(dbt.cli.main, "dbtRunner", Runner)
    monkeypatch.delenv(pipeline.BUILD_FILE_VARIABLE, raising=False)
    pipeline.run_dbt(tmp_path / "some.duckdb")
    args = seen["args"]
    assert args[args.index("--target") + 1] == "build" and seen["file"] == "some.duckdb"
    assert pipeline.BUILD_FILE_VARIABLE not in os.environ   # restored after the run
