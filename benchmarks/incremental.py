"""Incremental: a warehouse of N generated documents, one document changed, rebuilt. Target (issue 8): <= 10 s.

    .venv/bin/python benchmarks/incremental.py [--docs 1000] [--workers N]

The first build is timed too (for reference); the second build re-parses only the changed document (the rest
are unchanged by sha256 and parser version) but runs the whole dbt build and gate again.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from _common import build_in_fresh_process, machine, print_memory, print_phases, verdict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--seed", type=int, default=2)
    args = parser.parse_args()
    print(machine())
    base = Path(tempfile.mkdtemp(prefix="yusuan-bench-"))
    docs = base / "docs"
    from loaders.synthetic.corpus import write_corpus

    summary = write_corpus(docs, args.docs, seed=args.seed)
    warehouse = base / "warehouse" / "yusuan.duckdb"
    # each build runs in a fresh process, as `yusuan build` does (a scheduled rebuild is a new process)
    first, built, _ = build_in_fresh_process(docs, warehouse, args.workers)
    print(f"first build, {args.docs} documents: published={built['published']}")
    print_phases(first, args.docs)
    # change one printed figure of one document (an evaluation report's actual spending)
    changed = docs / summary.files[0]
    text = changed.read_text(encoding="utf-8")
    marker = "实际支出 "
    at = text.index(marker) + len(marker)
    digit = text[at]
    changed.write_text(text[:at] + ("1" if digit != "1" else "2") + text[at + 1:], encoding="utf-8")
    second, rebuilt, peaks = build_in_fresh_process(docs, warehouse, args.workers)
    print(f"rebuild after changing {changed.name}: published={rebuilt['published']}, parsed {rebuilt['parsed']}, "
          f"unchanged {rebuilt['unchanged']}")
    print_phases(second, 1)
    print(f"target one changed document <= 10 s: {verdict(second.phases['total'], 10)} "
          f"({second.phases['total']:.1f} s)")
    print_memory(peaks=peaks, who="rebuild process")
    shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
