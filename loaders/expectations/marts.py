"""The expectations of each mart. Money columns arrive as float64 (DuckDB DECIMAL via pandas): range checks
only; keys are strings. Every expectation carries a ``description`` that the gate's messages and the Data Docs
show.

Not checked here on purpose: ``adjustment_yuan`` (signed: a cut is negative) and whether it is present when
both budgets are; a document's own arithmetic is the dbt tests' business (severity warn, published as findings).
"""

from __future__ import annotations

import os
from typing import Callable

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

import great_expectations.expectations as gxe  # noqa: E402

SHA256_REGEX = r"^[0-9a-f]{64}$"
FIRST_FISCAL_YEAR = 2000
LAST_FISCAL_YEAR = 2100
MAX_RATE_PCT = 1000
SEVERITIES = ["error", "warning", "notice", "info"]
# what a finding means for publication (rule_catalog.publication_category; loaders.gate.PUBLICATION_CATEGORIES)
PUBLICATION_CATEGORIES = ["publisher_error", "data_not_read", "notice"]
LINK_METHODS = ["code_from_names", "code_from_names_unit_sum", "measure", "row_label", "ambiguous", "none"]


def document_kinds() -> list[str]:
    """Every kind some parser reads: the union of ``KINDS`` over ``loaders.parsers.PARSERS``, read at run time."""
    from loaders.parsers import PARSERS

    return sorted({kind for module in PARSERS for kind in module.KINDS})


def _key(column: str) -> list:
    return [
        gxe.ExpectColumnValuesToNotBeNull(column=column, description=f"{column} is never null"),
        gxe.ExpectColumnValuesToBeUnique(column=column, description=f"{column} is unique"),
    ]


def _not_null(column: str):
    return gxe.ExpectColumnValuesToNotBeNull(column=column, description=f"{column} is never null")


def _fiscal_year(column: str = "fiscal_year"):
    return gxe.ExpectColumnValuesToBeBetween(
        column=column, min_value=FIRST_FISCAL_YEAR, max_value=LAST_FISCAL_YEAR,
        description=f"{column} is between {FIRST_FISCAL_YEAR} and {LAST_FISCAL_YEAR} when present",
    )


def _non_negative(column: str):
    return gxe.ExpectColumnValuesToBeBetween(
        column=column, min_value=0, description=f"{column} is not negative when present")


def _rate(column: str):
    return gxe.ExpectColumnValuesToBeBetween(
        column=column, min_value=0, max_value=MAX_RATE_PCT,
        description=f"{column} is between 0 and {MAX_RATE_PCT} (%) when present",
    )


def fct_execution() -> list:
    return [
        *_key("execution_id"),
        _not_null("document_sha256"),
        _fiscal_year(),
        _non_negative("initial_budget_yuan"),
        _non_negative("adjusted_budget_yuan"),
        _non_negative("actual_yuan"),
        _rate("reported_rate_pct"),
        _rate("computed_rate_pct"),
    ]


def dim_documents() -> list:
    kinds = document_kinds()
    return [
        *_key("document_sha256"),
        gxe.ExpectColumnValuesToMatchRegex(
            column="document_sha256", regex=SHA256_REGEX,
            description="document_sha256 is 64 lowercase hex digits"),
        gxe.ExpectColumnValuesToBeUnique(column="file_name", description="file_name is unique"),
        gxe.ExpectColumnValuesToBeInSet(
            column="document_kind", value_set=kinds,
            description="document_kind is a kind some parser reads (" + ", ".join(kinds) + ")"),
        _fiscal_year(),
    ]


def dim_departments() -> list:
    return [*_key("department_id")]


def fct_findings() -> list:
    return [
        *_key("finding_id"),
        gxe.ExpectColumnValuesToBeInSet(
            column="severity", value_set=SEVERITIES,
            description="severity is one of " + ", ".join(SEVERITIES)),
        _not_null("rule_id"),
        # a finding whose rule says nothing about publication could hide data not read: the gate fails closed
        _not_null("publication_category"),
        gxe.ExpectColumnValuesToBeInSet(
            column="publication_category", value_set=PUBLICATION_CATEGORIES,
            description="publication_category is one of " + ", ".join(PUBLICATION_CATEGORIES)),
    ]


def fct_stated_figures() -> list:
    return [
        *_key("statement_id"),
        _not_null("document_sha256"),
        _not_null("sentence"),
        gxe.ExpectColumnValuesToBeInSet(
            column="link_method", value_set=LINK_METHODS,
            description="link_method is one of " + ", ".join(LINK_METHODS)),
        _non_negative("printed_value"),
    ]


SUITES: dict[str, Callable[[], list]] = {
    "fct_execution": fct_execution,
    "dim_documents": dim_documents,
    "dim_departments": dim_departments,
    "fct_findings": fct_findings,
    "fct_stated_figures": fct_stated_figures,
}
