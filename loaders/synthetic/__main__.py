"""``python -m loaders.synthetic OUT_DIR [--count N] ...``: the same as ``yusuan generate``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from loaders.synthetic.corpus import FAMILIES, faults_path, statements_path, truth_path, write_corpus
from loaders.synthetic.faults import FAULT_KINDS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders.synthetic", description=__doc__)
    parser.add_argument("out_dir", type=Path, help="folder to write the documents and manifest.csv into")
    parser.add_argument("--count", "-n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--families", default=",".join(FAMILIES), help="comma-separated: " + ", ".join(FAMILIES))
    parser.add_argument("--faults", type=float, default=0.0, help="share of documents with one injected fault (0-1)")
    parser.add_argument("--fault-kinds", default=",".join(FAULT_KINDS))
    parser.add_argument("--pdf", action="store_true", help="also write a PDF of every clean document to OUT_DIR.pdf/")
    args = parser.parse_args(argv)
    summary = write_corpus(args.out_dir, args.count, args.seed, args.families.split(","), args.faults,
                           args.fault_kinds.split(","), args.pdf)
    print(f"{summary.documents} documents ({', '.join(f'{k} {v}' for k, v in summary.by_family.items())}), "
          f"{summary.figures} figures, {len(summary.faults)} faults -> {args.out_dir}; truth {truth_path(args.out_dir)}, "
          f"prose {statements_path(args.out_dir)}, ledger {faults_path(args.out_dir)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
