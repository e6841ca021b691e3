"""PDF parse time per page, beside pdfplumber's own ``extract_words`` time on the same file.

    .venv/bin/python benchmarks/pdf_parse.py [PDF ...]     (default: documents/real/*.pdf)

``rows`` is ``loaders.layout.rows.pages_from_pdf`` (words -> lines -> ruled rows of cells); ``parse`` is the
whole parser (rows + table interpretation + figures). Each is timed over ``--repeat`` runs, best kept.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402

from loaders.documents import read_document  # noqa: E402
from loaders.layout.rows import pages_from_pdf  # noqa: E402
from loaders.parsers import final_accounts, shanghai_budget  # noqa: E402


def best_of(repeat: int, func) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def extract_words_only(data: bytes) -> None:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_words()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = args.pdfs or sorted((ROOT / "documents" / "real").glob("*.pdf"))
    print(f"{'file':45} {'pages':>5} {'extract_words ms/page':>22} {'rows ms/page':>13} {'parse ms/page':>14} {'figures':>8}")
    for path in paths:
        doc = read_document(path)
        with pdfplumber.open(io.BytesIO(doc.data)) as pdf:
            pages = len(pdf.pages)
        module = final_accounts if final_accounts.detect(doc) else shanghai_budget
        figures = len(module.parse(doc).figures)
        words = best_of(args.repeat, lambda: extract_words_only(doc.data))
        rows = best_of(args.repeat, lambda: pages_from_pdf(doc.data))
        parse = best_of(args.repeat, lambda: module.parse(doc))
        print(f"{path.name:45} {pages:5d} {1000 * words / pages:22.1f} {1000 * rows / pages:13.1f} "
              f"{1000 * parse / pages:14.1f} {figures:8d}")


if __name__ == "__main__":
    main()
