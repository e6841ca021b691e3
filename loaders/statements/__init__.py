"""The statement reader: numbers in fiscal prose bound to subject, period, basis and role (see ``reader``)."""

from loaders.statements.reader import READER_VERSION, UNBOUND_RULE, read_statements

__all__ = ["READER_VERSION", "UNBOUND_RULE", "read_statements"]
