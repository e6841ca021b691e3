"""PDF parse time per page, beside pdfplumber's own ``extract_words`` time on the same file.

    .venv/bin/python benchmarks/pdf_parse.py [PDF ...] [--repeat N]

Default files: every PDF in documents/real/, and a 30-page PDF made of the first 30 pages of the
33-page 万里街道 部门预算 (pages copied with pypdfium2, which pdfplumber already installs).

Columns: ``extract_words`` is pdfplumber's bare ``page.extract_words()`` over every page; ``rows`` is
``loaders.layout.rows.pages_from_pdf`` (words -> lines -> ruled rows of cells); ``parse`` is the whole
parser (rows + table interpretation + figures) on a freshly read document; ``ratio`` is parse over
extract_words, against the target of at most 1.5. Times are CPU seconds of this process (``time.process_time``),
best of ``--repeat`` runs, so that other work on a shared machine does not count.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402

from loaders.documents import Document  # noqa: E402
from loaders.layout.rows import pages_from_pdf  # noqa: E402
from loaders.parsers import final_accounts, shanghai_budget  # noqa: E402

TARGET = 1.5
THIRTY_SOURCE = ROOT / "documents" / "real" / "sh-putuo-wanli-2024-dept-budget.pdf"


def best_of(repeat: int, func) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        func()
        times.append(time.process_time() - start)
    return min(times)


def extract_words_only(data: bytes) -> None:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_words()


def thirty_pages() -> tuple[str, bytes]:
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(THIRTY_SOURCE))
    target = pdfium.PdfDocument.new()
    target.import_pages(source, list(range(30)))
    buffer = io.BytesIO()
    target.save(buffer)
    return f"30 pages of {THIRTY_SOURCE.name}", buffer.getvalue()


def fresh(document: Document) -> Document:
    """A copy without the pages cached by an earlier parse."""
    return Document(document.path, document.file_name, document.sha256, document.size_bytes, document.data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    inputs: list[tuple[str, bytes]] = [(p.name, p.read_bytes()) for p in args.pdfs]
    if not args.pdfs:
        inputs = [(p.name, p.read_bytes()) for p in sorted((ROOT / "documents" / "real").glob("*.pdf"))]
        inputs.append(thirty_pages())
    print(f"{'file':52} {'pages':>5} {'extract_words':>14} {'rows':>8} {'parse':>8} {'ratio':>6} {'figures':>8}")
    print(f"{'':52} {'':>5} {'ms/page':>14} {'ms/page':>8} {'ms/page':>8} {'':>6} {'':>8}")
    worst = 0.0
    for name, data in inputs:
        doc = Document(Path(name), name, hashlib.sha256(data).hexdigest(), len(data), data)
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
        module = final_accounts if final_accounts.detect(fresh(doc)) else shanghai_budget
        figures = len(module.parse(fresh(doc)).figures)
        words = best_of(args.repeat, lambda: extract_words_only(data))
        rows = best_of(args.repeat, lambda: pages_from_pdf(data))
        parse = best_of(args.repeat, lambda: module.parse(fresh(doc)))
        ratio = parse / words
        worst = max(worst, ratio)
        print(f"{name:52} {pages:5d} {1000 * words / pages:14.1f} {1000 * rows / pages:8.1f} "
              f"{1000 * parse / pages:8.1f} {ratio:6.2f} {figures:8d}")
    print(f"worst ratio {worst:.2f} (target <= {TARGET}): {'met' if worst <= TARGET else 'MISSED'}")


if __name__ == "__main__":
    main()
