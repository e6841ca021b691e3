"""Accuracy: N generated documents loaded; the share of generated figures landed exactly (target 100 %) and of
figures landed wrong (target 0), against the generator's truth file, by family.

    .venv/bin/python benchmarks/accuracy.py [--docs 1000] [--workers N]

"Landed" is raw.figures after ``load_directory`` (the parsers' output as stored); the marts convert units from it.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import duckdb

from _common import machine, print_memory, verdict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    print(machine())
    from loaders.load import load_directory
    from loaders.synthetic.compare import compare
    from loaders.synthetic.corpus import read_csv, truth_path, write_corpus

    base = Path(tempfile.mkdtemp(prefix="yusuan-bench-"))
    docs = base / "docs"
    write_corpus(docs, args.docs, seed=args.seed)
    con = duckdb.connect(str(base / "w.duckdb"))
    started = time.perf_counter()
    summary = load_directory(con, docs, workers=args.workers)
    seconds = time.perf_counter() - started
    landed = [dict(zip(("file_name", "measure", "line_start", "line_end", "row_label", "value"), row))
              for row in con.execute("select file_name, measure, line_start, line_end, row_label, value "
                                     "from raw.figures").fetchall()]
    findings = con.execute("select rule_id, severity, count(*) from raw.load_findings group by all order by all"
                           ).fetchall()
    con.close()
    truth = read_csv(truth_path(docs))
    family_of = {t["file_name"]: t["family"] for t in truth}
    print(f"loaded {args.docs} documents in {seconds:.1f} s ({len(summary.failed)} not loaded)")
    print(f"{'family':<20} {'figures':>8} {'exact':>8} {'wrong':>6} {'missing':>8} {'unexpected':>10} {'exact %':>8}")
    by_family: dict[str, list] = defaultdict(lambda: [[], []])
    for t in truth:
        by_family[t["family"]][0].append(t)
    for row in landed:
        by_family[family_of.get(row["file_name"], "?")][1].append(row)
    total = compare(truth, landed)
    for family, (t_rows, l_rows) in sorted(by_family.items()):
        r = compare(t_rows, l_rows)
        print(f"{family:<20} {r.truth:>8} {r.exact:>8} {r.wrong:>6} {r.missing:>8} {r.unexpected:>10} "
              f"{r.exact_share * 100:>7.2f}%")
    print(f"{'all':<20} {total.truth:>8} {total.exact:>8} {total.wrong:>6} {total.missing:>8} {total.unexpected:>10} "
          f"{total.exact_share * 100:>7.2f}%")
    for what, examples in total.examples.items():
        print(f"  {what}: " + "; ".join(examples))
    print(f"loader findings on clean documents: {findings or 'none'}")
    wrong = total.wrong + total.unexpected
    print(f"target exact 100 %: {verdict(total.exact_share, 1.0, 'higher')}; target landed wrong 0: "
          f"{verdict(wrong, 0)} ({wrong})")
    print_memory()
    shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
