"""`yusuan docs`: the dbt documentation of the warehouse as one self-contained HTML page.

``dbt docs generate --static`` reads the project (models, descriptions, tests, lineage) and the catalog of a built
warehouse (column types, row counts) and writes ``static_index.html``: the docs site with the manifest and catalog
embedded, so it opens from disk with no server and no network. It runs on a temporary copy of the warehouse, so the
published file is never opened for writing and readers are never locked out, and with its own target path, so it
does not disturb a build's ``target/``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from loaders.build import PROJECT_ROOT, close_dbt_database

DEFAULT_OUTPUT = PROJECT_ROOT / "docs" / "index.html"


class DocsError(Exception):
    pass


def generate_docs(warehouse: Path, output: Path = DEFAULT_OUTPUT) -> Path:
    """Write the static docs page of ``warehouse`` to ``output``; return its path. Raises DocsError with the reason."""
    from dbt.cli.main import dbtRunner

    warehouse = Path(warehouse)
    if not warehouse.is_file():
        raise DocsError(f"no warehouse at {warehouse}: run `yusuan build` first")
    with tempfile.TemporaryDirectory(prefix="yusuan-docs-") as tmp:
        copy = Path(tmp) / "yusuan.duckdb"   # the file's stem is the catalog name dbt documents
        shutil.copyfile(warehouse, copy)
        target = Path(tmp) / "target"
        previous = os.environ.get("YUSUAN_WAREHOUSE")
        os.environ["YUSUAN_WAREHOUSE"] = str(copy)
        try:
            result = dbtRunner().invoke([
                "docs", "generate", "--static",
                "--project-dir", str(PROJECT_ROOT), "--profiles-dir", str(PROJECT_ROOT),
                "--target-path", str(target), "--log-path", str(Path(tmp) / "logs"), "--quiet",
            ])
        finally:
            close_dbt_database()   # profiles.yml keeps the file open for the run; close it before tmp goes
            if previous is None:
                os.environ.pop("YUSUAN_WAREHOUSE", None)
            else:
                os.environ["YUSUAN_WAREHOUSE"] = previous
        page = target / "static_index.html"
        if not result.success or not page.is_file():
            reason = f"{type(result.exception).__name__}: {result.exception}" if result.exception else "see dbt log"
            raise DocsError(f"dbt docs generate failed ({reason})")
        output = Path(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, output)
    return output
