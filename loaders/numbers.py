"""Printed numbers -> exact Decimals, keeping what was printed (digits, decimals, sign)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal, InvalidOperation

from loaders.records import direct_init

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－（）％", "0123456789.,-()%")

# A number as printed: optional sign or parentheses, thousands separators, decimals.
NUMBER_PATTERN = r"[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-−]?\d+(?:\.\d+)?"
NUMBER_RE = re.compile(NUMBER_PATTERN)


@direct_init
@dataclass(frozen=True)
class PrintedNumber:
    text: str
    value: Decimal
    decimals: int


def normalize_digits(text: str) -> str:
    """Full-width digits and punctuation to ASCII (the layout of the text is otherwise kept)."""
    return text.translate(_FULLWIDTH)


_PLAIN_RE = re.compile(r"\d+(?:\.\d+)?")


@lru_cache(maxsize=16384)  # the same amounts recur within a document (totals in several tables, the text)
def parse_number(text: str) -> PrintedNumber:
    """'1,258.60' -> Decimal('1258.60'), 2 decimals; '(12.5)' and '-12.5' are negative. The result is
    immutable, so one object may be handed out for every occurrence of the same text."""
    stripped = text.strip()
    # the full-width table maps only non-ASCII characters: ASCII text is left as it is
    raw = stripped if stripped.isascii() else normalize_digits(stripped)
    negative = False
    if raw.startswith("(") and raw.endswith(")"):
        negative, raw = True, raw[1:-1]
    if raw.startswith(("-", "−")):
        negative, raw = True, raw[1:]
    cleaned = raw.replace(",", "") if "," in raw else raw
    if _PLAIN_RE.fullmatch(cleaned) is None:
        raise ValueError(f"not a printed number: {text!r}")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex
        raise ValueError(f"not a printed number: {text!r}") from exc
    dot = cleaned.find(".")
    decimals = len(cleaned) - dot - 1 if dot >= 0 else 0
    return PrintedNumber(text=stripped, value=-value if negative else value, decimals=decimals)
