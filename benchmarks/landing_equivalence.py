"""Landing equivalence: load fixed document folders into a fresh raw schema and compare every landed row with a
reference dump, so a speed-up of the parsers or of the landing can be shown to change nothing.

    .venv/bin/python benchmarks/landing_equivalence.py record REF_DIR DOC_DIR [DOC_DIR ...] [--records]
    .venv/bin/python benchmarks/landing_equivalence.py check  REF_DIR DOC_DIR [DOC_DIR ...] [--records]

Each DOC_DIR is loaded with ``loaders.load.load_directory`` (the process pool and the one writer, as in
``yusuan build``) into its own fresh DuckDB file. Every raw table is dumped to CSV, all columns, ordered by all
columns, leaving out only what differs from run to run: ``load_id`` and the timestamps (``registered_at``,
``started_at``, ``finished_at``). Amounts are printed exactly (DECIMAL as text). ``check`` requires every file to
be byte-identical with the reference and prints the first differing rows otherwise.

``--records`` also parses every document serially and keeps a sha256 of the ``repr`` of its parse result
(figures, indicators, attributes, findings, facts): stricter than the landed rows (it sees, for example,
``Decimal('1.50')`` against ``Decimal('1.5')``, which land the same).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import sys
import tempfile
import time
from pathlib import Path

from _common import machine  # noqa: F401 - sets sys.path and the environment

import duckdb

from loaders.load import load_directory

TABLES = {
    "documents": ["registered_at"],
    "loads": ["load_id", "started_at", "finished_at"],
    "figures": ["load_id"],
    "indicators": ["load_id"],
    "attributes": ["load_id"],
    "load_findings": ["load_id"],
}


def dump_folder(doc_dir: Path, out_dir: Path, workers: int) -> dict[str, int]:
    """Load ``doc_dir`` into a fresh warehouse and write one CSV per raw table into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    with tempfile.TemporaryDirectory(prefix="yusuan-equiv-") as tmp:
        con = duckdb.connect(str(Path(tmp) / "w.duckdb"))
        try:
            load_directory(con, doc_dir, workers=workers)
            for table, dropped in TABLES.items():
                columns = [r[0] for r in con.execute(
                    "select column_name from information_schema.columns where table_schema = 'raw' "
                    "and table_name = ? order by ordinal_position", [table]).fetchall()]
                kept = [c for c in columns if c not in dropped]
                select = ", ".join(f"cast({c} as varchar) as {c}" for c in kept)
                order = ", ".join(f"{c} nulls first" for c in kept)
                target = out_dir / f"{table}.csv"
                con.execute(f"copy (select {select} from raw.{table} order by {order}) to '{target}' "
                            "(header, delimiter ',', quote '\"', nullstr '\\N')")
                counts[table] = con.execute(f"select count(*) from raw.{table}").fetchone()[0]
        finally:
            con.close()
    return counts


def dump_records(doc_dir: Path, out_dir: Path) -> int:
    """sha256 of the repr of every document's parse result (serial), one line per document."""
    from loaders.documents import list_document_paths, read_manifest
    from loaders.load import _parse_document

    manifest = read_manifest(doc_dir)
    lines = []
    for path in list_document_paths(doc_dir):
        parsed = _parse_document((str(path), manifest.get(path.name)))
        result = parsed.result
        payload = repr((parsed.status, parsed.rule_id, parsed.message, parsed.kind, parsed.sources,
                        None if result is None else (result.facts, result.figures, result.indicators,
                                                     result.attributes, result.findings)))
        lines.append(f"{path.name}\t{hashlib.sha256(payload.encode()).hexdigest()}")
    (out_dir / "records.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def compare(reference: Path, current: Path) -> list[str]:
    problems = []
    for ref_file in sorted(reference.glob("*")):
        new_file = current / ref_file.name
        if not new_file.exists():
            problems.append(f"{ref_file.name}: missing from the new dump")
            continue
        a, b = ref_file.read_bytes(), new_file.read_bytes()
        if a == b:
            continue
        old_lines = a.decode().splitlines()
        new_lines = b.decode().splitlines()
        diff = list(difflib.unified_diff(old_lines, new_lines, "reference", "new", n=0, lineterm=""))
        problems.append(f"{ref_file.name}: differs ({len(old_lines)} vs {len(new_lines)} lines)\n  "
                        + "\n  ".join(diff[:20]))
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["record", "check"])
    parser.add_argument("reference", type=Path)
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--records", action="store_true", help="also compare the repr of every parse result")
    args = parser.parse_args()
    failures = 0
    for folder in args.folders:
        name = folder.resolve().name
        started = time.perf_counter()
        if args.mode == "record":
            target = args.reference / name
            counts = dump_folder(folder, target, args.workers)
            if args.records:
                dump_records(folder, target)
            print(f"{name}: recorded {counts} in {time.perf_counter() - started:.1f} s")
            continue
        with tempfile.TemporaryDirectory(prefix="yusuan-equiv-dump-") as tmp:
            current = Path(tmp)
            counts = dump_folder(folder, current, args.workers)
            if args.records:
                dump_records(folder, current)
            elif (args.reference / name / "records.tsv").exists():
                (current / "records.tsv").write_bytes((args.reference / name / "records.tsv").read_bytes())
            problems = compare(args.reference / name, current)
        status = "IDENTICAL" if not problems else "DIFFERENT"
        print(f"{name}: {status} {counts} in {time.perf_counter() - started:.1f} s")
        for problem in problems:
            print("  " + problem)
        failures += bool(problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
