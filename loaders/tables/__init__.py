"""Readers for tables in extracted document text (see ``flattened`` for PDF text whose cells became lines)."""

from loaders.tables.flattened import Cell, Column, FlatTable, Row, TableResult, find_tables, read_table

__all__ = ["Cell", "Column", "FlatTable", "Row", "TableResult", "find_tables", "read_table"]
