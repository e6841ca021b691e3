"""Landed figures against the truth file: exact, wrong, missing, unexpected.

A truth row (file, line, measure, row label, printed value) is landed *exactly* when a landed figure of
the same file and measure, whose lines include the truth line, with the same row label (when the truth
names one) has the same value as printed. A landed figure at such a place with another value is *wrong*;
a truth row with no landed figure is *missing*; a landed figure no truth row accounts for is
*unexpected* (a number the generator did not mean as a figure, or a misplaced one).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from loaders.numbers import parse_number


@dataclass
class Comparison:
    truth: int = 0
    exact: int = 0
    wrong: int = 0
    missing: int = 0
    unexpected: int = 0
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def note(self, what: str, text: str) -> None:
        if len(self.examples[what]) < 5:
            self.examples[what].append(text)

    @property
    def exact_share(self) -> float:
        return self.exact / self.truth if self.truth else 1.0


def _value(text: str) -> Decimal:
    return parse_number(text).value


def compare(truth: list[dict], landed: list[dict]) -> Comparison:
    """``truth``: rows of truth.csv. ``landed``: dicts with file_name, measure, line_start, line_end,
    row_label, value (Decimal or text)."""
    result = Comparison(truth=len(truth))
    by_file: dict[str, list[dict]] = defaultdict(list)
    for row in landed:
        by_file[row["file_name"]].append(row)
    truth_by_file: dict[str, list[dict]] = defaultdict(list)
    for row in truth:
        truth_by_file[row["file_name"]].append(row)
    for file_name in sorted(set(by_file) | set(truth_by_file)):
        pool = [dict(r, _used=False, _value=Decimal(str(r["value"]))) for r in by_file.get(file_name, [])]
        index: dict[str, list[dict]] = defaultdict(list)
        for row in pool:
            index[row["measure"]].append(row)
        unmatched = []
        for t in truth_by_file.get(file_name, []):
            line, value = int(t["line"]), _value(t["value_text"])
            candidates = [r for r in index.get(t["measure"], []) if not r["_used"]
                          and int(r["line_start"]) <= line <= int(r["line_end"] or r["line_start"])
                          and (not t["row_label"] or (r.get("row_label") or "") == t["row_label"])]
            hit = next((r for r in candidates if r["_value"] == value), None)
            if hit is not None:
                hit["_used"] = True
                result.exact += 1
            else:
                unmatched.append((t, candidates))
        for t, candidates in unmatched:
            other = next((r for r in candidates if not r["_used"]), None)
            where = f"{file_name}:{t['line']} {t['measure']} {t['row_label']} {t['value_text']}"
            if other is not None:
                other["_used"] = True
                result.wrong += 1
                result.note("wrong", f"{where} landed as {other['_value']}")
            else:
                result.missing += 1
                result.note("missing", where)
        for row in pool:
            if not row["_used"]:
                result.unexpected += 1
                result.note("unexpected", f"{file_name}:{row['line_start']} {row['measure']} "
                                          f"{row.get('row_label')} {row['_value']}")
    return result
