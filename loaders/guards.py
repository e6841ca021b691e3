"""What a parse result must satisfy before it is landed; what does not is a finding, never a lost document.

The raw tables keep amounts as DECIMAL(38, 10): at most 28 digits before the decimal point and 10 after. A
number printed beyond that (a typing accident, a run of digits glued together) cannot be stored exactly, and a
cast that fails inside the landing transaction would lose the whole document. Such a record is not landed: it
becomes finding LOAD-VALUE-OUT-OF-RANGE on its line, and the rest of the document lands.
"""

from __future__ import annotations

from decimal import Decimal

from loaders.records import Finding, ParseResult

INTEGER_DIGITS = 28  # DECIMAL(38, 10)
SCALE = 10
RULE_OUT_OF_RANGE = "LOAD-VALUE-OUT-OF-RANGE"

# record list of a ParseResult -> its DECIMAL fields
DECIMAL_FIELDS = {
    "figures": ("value",),
    "indicators": ("number", "number_high"),
    "statements": ("value",),
}


def unfit_reason(value) -> str | None:
    """Why ``value`` cannot be stored exactly as DECIMAL(38, 10), or None when it can (or is None)."""
    if value is None:
        return None
    if not isinstance(value, Decimal):
        value = Decimal(str(value))
    if not value.is_finite():
        return f"{value} is not a number"
    if value != 0 and value.adjusted() >= INTEGER_DIGITS:
        return f"it has {value.adjusted() + 1} digits before the decimal point (at most {INTEGER_DIGITS} are stored)"
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > SCALE and value != value.quantize(Decimal(1).scaleb(-SCALE)):
        return f"it has {-exponent} decimal places (at most {SCALE} are stored exactly)"
    return None


def drop_unfit_amounts(result: ParseResult) -> ParseResult:
    """Remove every record whose amount cannot be stored exactly, each printed number reported once as a finding
    with its line (a number read both as a table figure and as a statement of the prose is one finding)."""
    reported: set[tuple] = set()
    for attribute, names in DECIMAL_FIELDS.items():
        records = getattr(result, attribute)
        kept = []
        for record in records:
            reasons = [(name, reason) for name in names if (reason := unfit_reason(getattr(record, name))) is not None]
            if not reasons:
                kept.append(record)
                continue
            name, reason = reasons[0]
            printed = getattr(record, "value_text", None) or getattr(record, "number_text", None) or str(
                getattr(record, name))
            key = (getattr(record, "page", None), record.line_start, printed)
            if key in reported:
                continue
            reported.add(key)
            result.findings.append(Finding(
                rule_id=RULE_OUT_OF_RANGE, severity="error",
                message=f"the number {printed[:60]} cannot be stored exactly: {reason}; not landed, the rest of "
                        "the document is",
                line_start=record.line_start, line_end=record.line_end, raw_text=record.raw_text,
                page=getattr(record, "page", None)))
        if len(kept) != len(records):
            setattr(result, attribute, kept)
    return result
