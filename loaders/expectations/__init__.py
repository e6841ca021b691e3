"""Great Expectations suites for the marts, kept as code: one suite per mart, named after it.

``SUITES`` maps a mart (a table in schema ``main``) to a function returning its expectations. The gate
(``loaders.gate``) applies a suite only to marts present in the warehouse file, so a suite may exist before
its mart does; a mart without a suite is still covered by the gate's row-count check.

Importing this package imports great_expectations (a few seconds): import it lazily.
"""

from __future__ import annotations

import logging
import os
import warnings

os.environ["GX_ANALYTICS_ENABLED"] = "false"


def quiet_gx_logging() -> None:
    """Great Expectations logs at INFO (some of its modules set their own level): keep its loggers at ERROR."""
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    for name, logger in list(logging.root.manager.loggerDict.items()):
        if name.startswith("great_expectations.") and isinstance(logger, logging.Logger) and logger.level:
            logger.setLevel(logging.ERROR)


quiet_gx_logging()
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import great_expectations  # noqa: E402,F401

    from loaders.expectations.marts import SUITES, document_kinds  # noqa: E402
quiet_gx_logging()

__all__ = ["SUITES", "document_kinds", "build_suite", "columns_checked", "quiet_gx_logging"]


def columns_checked(mart: str) -> list[str] | None:
    """The columns the suite of ``mart`` reads, in order of first use; None when an expectation reads the whole
    table (then the gate reads every column). The gate reads only these: a mart's long text columns (quoted source
    lines, messages) cost seconds to read and to hash at 10,000 documents and no expectation looks at them."""
    columns: list[str] = []
    for expectation in SUITES[mart]():
        column = getattr(expectation, "column", None)
        if not column:
            return None
        if column not in columns:
            columns.append(column)
    return columns


def build_suite(mart: str):
    """A fresh ``gx.ExpectationSuite`` named after ``mart`` (KeyError when there is no suite for it)."""
    import great_expectations as gx

    suite = gx.ExpectationSuite(name=mart)
    for expectation in SUITES[mart]():
        suite.add_expectation(expectation)
    return suite
