"""Incremental: a warehouse of N generated documents, one document changed, rebuilt. Target (issue 15): <= 5 s for
one changed document in 10,000, end to end (load, dbt, gate, publish).

    .venv/bin/python benchmarks/incremental.py [--docs 1000] [--workers N] [--no-compare] [--repeat K]
        [--keep DIR | --reuse DIR] [--dbt-extra OPTION ...]

The first build is timed too (for reference; it is a full build, nothing was published before). Each rebuild
re-parses only the changed document (the rest are unchanged by sha256 and parser version) and dbt recomputes only
that document's rows in the per-document models (macros/document_scope.sql); the cross-document models and the
unscoped data tests run whole. The first incremental rebuild runs dbt and records its statements; the next ones
replay them (loaders/replay.py), so --repeat 2 or more shows both. Per phase: the copy of the published file, the
project fingerprint, load, dbt (or its replay), gate, the summary counts, publication; then the slowest nodes of the
rebuild. --reuse DIR rebuilds a corpus and warehouse kept by --keep as they are. Unless --no-compare, the changed
folder is also built from scratch into another warehouse and the two are compared row for row (loaders/compare.py):
"incremental = full: yes/no".
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

from _common import ROOT, build_in_fresh_process, machine, print_memory, print_phases, verdict


def dbt_nodes(rebuilt: dict, top: int = 8) -> None:
    """The slowest nodes of the rebuild's dbt build (dbt or replayed), and node time by resource type."""
    nodes = rebuilt.get("dbt_nodes") or []
    if not nodes:
        return
    by_type: dict[str, tuple[int, float]] = {}
    for unique_id, seconds in nodes:
        kind = unique_id.split(".")[0]
        count, total = by_type.get(kind, (0, 0.0))
        by_type[kind] = (count + 1, total + seconds)
    print(f"  {rebuilt.get('dbt_engine')}: {len(nodes)} nodes; node time by kind: "
          + ", ".join(f"{kind} {count} x = {seconds:.2f} s" for kind, (count, seconds) in sorted(by_type.items())))
    slowest = sorted(nodes, key=lambda n: n[1], reverse=True)[:top]
    print("  slowest nodes: " + ", ".join(f"{uid.split('.')[-1]} {seconds:.2f} s" for uid, seconds in slowest))
    if rebuilt.get("replay_note"):
        print(f"  replay: {rebuilt['replay_note'][:300]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--no-compare", action="store_true", help="skip the build from scratch and the comparison")
    parser.add_argument("--repeat", type=int, default=1, help="change and rebuild this many times (one document each)")
    parser.add_argument("--dbt-extra", action="append", default=[], help="an option for dbt (repeatable)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the corpus and warehouses in this folder")
    parser.add_argument("--reuse", type=Path, default=None, help="a folder kept by --keep: its corpus and warehouse "
                        "are rebuilt as they are (no new corpus, no first build)")
    args = parser.parse_args()
    print(machine())
    base = args.reuse or args.keep or Path(tempfile.mkdtemp(prefix="yusuan-bench-"))
    docs = base / "docs"
    warehouse = base / "warehouse" / "yusuan.duckdb"
    if args.reuse is None:
        from loaders.synthetic.corpus import write_corpus

        write_corpus(docs, args.docs, seed=args.seed)
        # each build runs in a fresh process, as `yusuan build` does (a scheduled rebuild is a new process)
        first, built, _ = build_in_fresh_process(docs, warehouse, args.workers)
        print(f"first build, {args.docs} documents: published={built['published']}, dbt {built['dbt_mode']}")
        print_phases(first, args.docs)
    else:
        args.docs = sum(1 for path in docs.iterdir() if path.suffix == ".txt")
        print(f"reused: {base} ({args.docs} documents, the warehouse as it was left)")
    evaluations = sorted(path.name for path in docs.iterdir() if "-evaluation-" in path.name)
    for attempt in range(args.repeat):
        # change one printed figure of one document (an evaluation report's actual spending)
        changed = docs / evaluations[attempt % len(evaluations)]
        text = changed.read_text(encoding="utf-8")
        marker = "实际支出 "
        at = text.index(marker) + len(marker)
        while text[at + 1].isdigit() or text[at + 1] in ",.":  # its last printed digit: the amount moves by cents
            at += 1                                              # at most, so repeated rebuilds keep it plausible
        digit = text[at]
        changed.write_text(text[:at] + ("1" if digit != "1" else "2") + text[at + 1:], encoding="utf-8")
        second, rebuilt, peaks = build_in_fresh_process(docs, warehouse, args.workers, dbt_extra=args.dbt_extra)
        print(f"rebuild after changing {changed.name}: published={rebuilt['published']}, parsed {rebuilt['parsed']}, "
              f"unchanged {rebuilt['unchanged']}, dbt {rebuilt['dbt_mode']} by {rebuilt['dbt_engine']} "
              f"({rebuilt['documents_in_scope']} "
              f"sha256 in scope){' extra ' + ' '.join(args.dbt_extra) if args.dbt_extra else ''}")
        if rebuilt["dbt_failed"]:
            print(f"  dbt failed: {rebuilt['dbt_failed']}")
        print_phases(second, 1)
        dbt_nodes(rebuilt)
        total = second.phases["total"]
        print(f"target one changed document in 10,000 <= 5 s ({args.docs} here): {verdict(total, 5)} ({total:.1f} s)")
        print_memory(peaks=peaks, who="rebuild process")
    if not args.no_compare:
        from loaders.compare import differences

        scratch = base / "scratch" / "yusuan.duckdb"
        full, from_scratch, _ = build_in_fresh_process(docs, scratch, args.workers)
        print(f"full build from scratch of the same folder: published={from_scratch['published']}, "
              f"{full.phases['total']:.1f} s (dbt {full.phases.get('dbt build', 0):.1f} s)")
        found = differences(warehouse, scratch)
        print(f"incremental = full at {args.docs} documents: {'yes' if not found else 'NO'}"
              + ("" if not found else f" ({found})"))
    if args.keep is None and args.reuse is None:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
