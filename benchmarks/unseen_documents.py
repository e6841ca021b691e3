"""The table "Documents never seen" of BENCHMARKS.md: every real PDF of documents/real and every document of
documents/real/collected loaded with no manifest row, each with what was detected, what landed and what could not
be read. Usage: .venv/bin/python benchmarks/unseen_documents.py"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import duckdb

from loaders.load import load_directory

ROOT = Path(__file__).resolve().parents[1]


def rows(folder: Path, pattern: str) -> list[tuple]:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "docs"
        target.mkdir()
        for path in sorted(folder.glob(pattern)):
            shutil.copy(path, target / path.name)  # no manifest.csv: everything is detected
        con = duckdb.connect(str(Path(tmp) / "w.duckdb"))
        summary = load_directory(con, target, workers=1)
        out = []
        for outcome in summary.outcomes:
            doc = con.execute("select kind, kind_source, fiscal_year, fiscal_year_source, department, department_source, "
                              "level, parser_name from raw.documents where file_name = ?", [outcome.file_name]).fetchone()
            notes = con.execute("select rule_id, count(*) from raw.load_findings where file_name = ? "
                                "and rule_id in ('LOAD-UNPLACED-FIGURE', 'LOAD-FACT-MISSING', 'LOAD-READ-GENERAL') "
                                "group by 1 order by 1", [outcome.file_name]).fetchall()
            statements = con.execute("select count(*) from raw.statements where file_name = ?",
                                     [outcome.file_name]).fetchone()[0]
            out.append((outcome.file_name, outcome.status, doc, outcome.figures, statements, dict(notes)))
        con.close()
        return out


def main() -> None:
    print("| document | status | kind (from) | year (from) | department (from) | level | parser | figures | "
          "statements | not read |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for folder, pattern in ((ROOT / "documents" / "real", "*.pdf"), (ROOT / "documents" / "real" / "collected", "*.txt")):
        for name, status, doc, figures, statements, notes in rows(folder, pattern):
            kind, kind_from, year, year_from, dept, dept_from, level, parser = doc or (None,) * 8
            missing = []
            if notes.get("LOAD-UNPLACED-FIGURE"):
                missing.append(f"{notes['LOAD-UNPLACED-FIGURE']} table lines unplaced")
            if notes.get("LOAD-READ-GENERAL"):
                missing.append("no layout of its kind found: general reader")
            if notes.get("LOAD-FACT-MISSING"):
                missing.append("facts not printed (LOAD-FACT-MISSING)")
            def shown(value, source):
                return "—" if value is None else f"{value} ({source})"
            print(f"| {name} | {status} | {shown(kind, kind_from)} | {shown(year, year_from)} | "
                  f"{shown(dept, dept_from)} | {level or '—'} | {parser} | {figures} | {statements} | "
                  f"{'; '.join(missing) or '—'} |")


if __name__ == "__main__":
    main()
