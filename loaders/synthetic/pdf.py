"""PDF renderings of generated documents (reportlab, built-in CID font STSong-Light: no font files).

A family with positioned cells (决算: ``Generated.pdf_cells``) is drawn cell by cell: a character column
is one font size wide (a CJK glyph fills it, a digit half of it), left-aligned cells start at their
column and right-aligned ones (amounts, column headings) end at theirs, so pdfplumber finds the same
columns the layout text has. The prose and flattened-table families are drawn line by line as text
pages (their parsers read text, so these PDFs are for PDF benchmarks, not for loading).
"""

from __future__ import annotations

from pathlib import Path

from loaders.synthetic.core import Generated

FONT = "STSong-Light"
SIZE = 8.0
LEADING = 14.0
MARGIN = 36.0
LINES_PER_PAGE = 48


def _canvas(path: Path, width: float, height: float):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    pdf = canvas.Canvas(str(path), pagesize=(width, height), invariant=1)  # invariant: same bytes every run
    pdf.setFont(FONT, SIZE)
    return pdf


def write_pdf(doc: Generated, path: Path) -> None:
    if doc.pdf_cells:
        _positioned(doc.pdf_cells, path)
    else:
        _lines([line for line in doc.page.lines], path)


def _positioned(cells: list[tuple[int, int, int, str, str]], path: Path) -> None:
    widest = max(column + len(text) for _p, _l, column, text, _a in cells)
    rows = max(line for _p, line, _c, _t, _a in cells)
    width, height = widest * SIZE + 2 * MARGIN, rows * LEADING + 2 * MARGIN
    pdf = _canvas(path, width, height)
    page = 1
    for page_no, line, column, text, align in sorted(cells, key=lambda c: (c[0], c[1], c[2])):
        while page_no > page:
            pdf.showPage()
            pdf.setFont(FONT, SIZE)
            page += 1
        y = height - MARGIN - line * LEADING
        if align == "r":
            pdf.drawRightString(MARGIN + (column + len(text)) * SIZE, y, text)
        else:
            pdf.drawString(MARGIN + column * SIZE, y, text)
    pdf.showPage()
    pdf.save()


def _lines(lines: list[str], path: Path) -> None:
    widest = max((len(line) for line in lines), default=10)
    width, height = min(widest, 80) * SIZE * 1.05 + 2 * MARGIN, LINES_PER_PAGE * LEADING + 2 * MARGIN
    pdf = _canvas(path, width, height)
    row = 0
    for line in lines:
        if line == "\f" or row == LINES_PER_PAGE:
            pdf.showPage()
            pdf.setFont(FONT, SIZE)
            row = 0
            if line == "\f":
                continue
        row += 1
        if line.strip():
            pdf.drawString(MARGIN, height - MARGIN - row * LEADING, line)
    pdf.showPage()
    pdf.save()
