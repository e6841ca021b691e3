"""yusuan loaders: documents -> records -> the raw schema of the DuckDB warehouse.

Where things live:
  documents.py   reading a file: bytes, sha256, encoding, kind/year/department (manifest or text)
  parsers/       pure parsers, parse(document) -> ParseResult (records only, no I/O)
  records.py     the record types every parser returns
  schema.py      explicit DDL of the raw schema
  load.py        the load ledger and delete-and-insert per document, one transaction each
  build.py       load -> dbt build -> publish
  cli.py         the `yusuan` command line
"""

__version__ = "0.1.0"
