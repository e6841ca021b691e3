"""Reading tables from PDFs and column-aligned text: positioned cells -> rows -> table figures.

``rows`` turns a PDF (pdfplumber words) or ``pdftotext -layout`` text into pages of lines of cells with
their horizontal extent; ``tables`` interprets those rows as tables (title, unit, header columns, body
rows) the same way for both sources; ``figures`` turns the placed values into ``Figure`` records and
the lines that could not be placed into ``LOAD-UNPLACED-FIGURE`` findings; ``measures`` holds the
column label -> measure vocabulary of these tables.
"""
