"""End to end: N generated text documents -> load -> dbt build -> gate -> publish. Wall time, documents per
second, peak memory, and where the time goes.

    .venv/bin/python benchmarks/end_to_end.py [--docs 1000] [--workers N] [--profile]

Targets for 10,000 documents on 2 cores: <= 60 s and <= 2 GB (issue 8); <= 45 s and <= 2 GB with the statement
reader on (issue 15).
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from _common import Timer, build_in_fresh_process, machine, print_memory, print_phases, timed_build, verdict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=None, help="default: $YUSUAN_WORKERS or all cores")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=None, help="keep the corpus and warehouse in this folder")
    parser.add_argument("--profile", action="store_true", help="cProfile the load phase (serial) and print the top")
    parser.add_argument("--no-plan", action="store_true",
                        help="run dbt even when an earlier build from scratch of this project recorded its plan "
                             "(as the first build on a machine does; $YUSUAN_PLAN_CACHE=off)")
    args = parser.parse_args()
    if args.no_plan:
        os.environ["YUSUAN_PLAN_CACHE"] = "off"  # inherited by the build's process
    print(machine())
    base = args.keep or Path(tempfile.mkdtemp(prefix="yusuan-bench-"))
    docs = base / "docs"
    from loaders.synthetic.corpus import write_corpus

    started = time.perf_counter()
    if not (docs / "manifest.csv").exists():
        summary = write_corpus(docs, args.docs, seed=args.seed)
        print(f"generated {summary.documents} documents, {summary.figures} figures in "
              f"{time.perf_counter() - started:.1f} s (not counted below)")
    warehouse = base / "warehouse" / "yusuan.duckdb"
    timer = Timer()
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        report = timed_build(docs, warehouse, 1, timer)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        summary = {"published": report.published, "figures": report.figures,
                   "findings_by_severity": report.findings_by_severity}
        peaks, who = None, "this process"
    else:
        # the build runs in a fresh process, as `yusuan build` does: its memory is the pipeline's alone
        timer, summary, peaks = build_in_fresh_process(docs, warehouse, args.workers)
        who = "build process"
    total = timer.phases["total"]
    print(f"end to end, {args.docs} documents, workers {args.workers or 'default'}: published={summary['published']}, "
          f"figures {summary['figures']}, findings {summary['findings_by_severity']}")
    if summary.get("dbt_engine"):
        how = ("replayed: the statements of an earlier dbt build from scratch of this project (loaders/replay.py)"
               if summary["dbt_engine"] == "replay" else "run by dbt")
        print(f"dbt {summary.get('dbt_mode')}, {how}")
    print_phases(timer, args.docs)
    nodes = sorted(summary.get("dbt_nodes") or [], key=lambda node: -node[1])
    if nodes:
        print(f"  slowest of {len(nodes)} dbt nodes: " + ", ".join(
            f"{node_id.split('.')[-1]} {seconds:.2f} s" for node_id, seconds in nodes[:8]))
    size = warehouse.stat().st_size / 1024 / 1024 if warehouse.exists() else 0
    print(f"warehouse file: {size:.0f} MB")
    print_memory(2048, peaks, who)
    if args.docs >= 10000:
        print(f"target 10,000 documents <= 60 s (issue 8): {verdict(total * 10000 / args.docs, 60)}; "
              f"<= 45 s with the statement reader on (issue 15): {verdict(total * 10000 / args.docs, 45)}")
    if args.keep is None:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
