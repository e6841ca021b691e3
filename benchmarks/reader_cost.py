"""What the statement reader and the text marks cost (issue 13: within 20 % of the build without them).

    .venv/bin/python benchmarks/reader_cost.py [--docs 1000] [--runs 3] [--workers 2] [--corpus DIR]

Builds the same generated corpus from scratch with the reader on and with ``YUSUAN_STATEMENT_READER=off``, the two
alternating (so a change of the machine's load falls on both), each build in a fresh process with a fresh
warehouse, as benchmarks/end_to_end.py does. Reports CPU seconds (user + sys of the build and its workers, dbt
included) per phase, the least of the runs, and on / off.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from _common import build_in_fresh_process, machine

PHASES = ("load (parse + land)", "dbt build", "gate", "total")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", type=Path, default=None, help="generate the corpus here once and reuse it")
    args = parser.parse_args()
    print(machine(), flush=True)
    base = Path(tempfile.mkdtemp(prefix="yusuan-readercost-"))
    docs = args.corpus or base / "docs"
    if not (docs / "manifest.csv").exists():
        from loaders.synthetic.corpus import write_corpus

        write_corpus(docs, args.docs, seed=args.seed)
    cpu: dict[str, list[dict[str, float]]] = {"on": [], "off": []}
    previous = os.environ.get("YUSUAN_STATEMENT_READER")
    try:
        for run in range(args.runs):
            for mode in ("on", "off"):
                os.environ["YUSUAN_STATEMENT_READER"] = mode
                warehouse = base / f"w-{mode}-{run}" / "yusuan.duckdb"
                started = time.perf_counter()
                timer, summary, _ = build_in_fresh_process(docs, warehouse, args.workers)
                figures = {phase: timer.cpu.get(phase, 0.0) for phase in PHASES}
                cpu[mode].append(figures)
                print(f"run {run + 1} reader {mode}: wall {time.perf_counter() - started:.1f} s, load average "
                      f"{os.getloadavg()[0]:.1f}, findings {summary['findings_by_severity']}, CPU "
                      + ", ".join(f"{phase} {seconds:.1f}" for phase, seconds in figures.items()), flush=True)
                shutil.rmtree(warehouse.parent, ignore_errors=True)
    finally:
        if previous is None:
            os.environ.pop("YUSUAN_STATEMENT_READER", None)
        else:
            os.environ["YUSUAN_STATEMENT_READER"] = previous
        shutil.rmtree(base, ignore_errors=True)
    least = {mode: {phase: min(run[phase] for run in runs) for phase in PHASES} for mode, runs in cpu.items()}
    print(f"\nCPU seconds, least of {args.runs} runs, {args.docs} documents, {args.workers} workers:")
    print(f"  {'phase':<22} {'on':>8} {'off':>8} {'on / off':>9}")
    for phase in PHASES:
        on, off = least["on"][phase], least["off"][phase]
        print(f"  {phase:<22} {on:8.1f} {off:8.1f} {on / off if off else float('nan'):9.2f}")
    print(f"machine at the end: load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
