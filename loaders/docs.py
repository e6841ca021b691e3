"""`yusuan docs`: the dbt documentation of the warehouse as one self-contained HTML page.

``dbt docs generate --static`` reads the project (models, descriptions, tests, lineage) and the catalog of a built
warehouse (column types, row counts) and writes ``static_index.html``: the docs site with the manifest and catalog
embedded, so it opens from disk with no server and no network. It runs on a temporary copy of the warehouse, so the
published file is never opened for writing and readers are never locked out, and with its own target path, so it
does not disturb a build's ``target/``.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from loaders.build import PROJECT_ROOT, run_dbt

DEFAULT_OUTPUT = PROJECT_ROOT / "docs" / "index.html"


class DocsError(Exception):
    pass


def generate_docs(warehouse: Path, output: Path = DEFAULT_OUTPUT) -> Path:
    """Write the static docs page of ``warehouse`` to ``output``; return its path. Raises DocsError with the reason."""
    warehouse = Path(warehouse)
    if not warehouse.is_file():
        raise DocsError(f"no warehouse at {warehouse}: run `yusuan build` first")
    with tempfile.TemporaryDirectory(prefix="yusuan-docs-") as tmp:
        copy = Path(tmp) / "yusuan.duckdb"   # the file's stem is the catalog name dbt documents
        shutil.copyfile(warehouse, copy)
        target = Path(tmp) / "target"
        outcome = run_dbt(copy, ["docs", "generate"], extra=["--static", "--target-path", str(target)])
        page = target / "static_index.html"
        if not outcome.success or not page.is_file():
            raise DocsError(f"dbt docs generate failed ({outcome.error or 'see the dbt log in logs/'})")
        output = Path(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, output)
    return output
