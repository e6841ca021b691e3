"""Publication status: every rule says what it means for publication, and the build acts on it.

publisher_error: the document is wrong (the warehouse holds what was printed, the finding says what to fix);
data_not_read: the warehouse could not read or place something the document prints (published, but recorded as
incomplete, exit 1); notice: information (rounding-honest differences, a general reader used, a duplicate).
"""

from __future__ import annotations

import csv

from conftest import ROOT

CATEGORIES = {"publisher_error", "data_not_read", "notice"}
VALUE_KINDS = {"amount", "percent", "points", "mixed", "none"}


def catalog() -> list[dict]:
    with (ROOT / "seeds" / "rule_catalog.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_rule_has_a_publication_category_from_the_closed_set():
    rules = catalog()
    assert len(rules) > 50
    missing = [r["rule_id"] for r in rules if r.get("publication_category") not in CATEGORIES]
    assert missing == []
    assert {r["publication_category"] for r in rules} == CATEGORIES
    assert [r["rule_id"] for r in rules if r.get("value_kind") not in VALUE_KINDS] == []


def test_categories_say_what_the_rule_means():
    by_id = {r["rule_id"]: r for r in catalog()}
    # the loader could not read or place something the document prints: data the warehouse lacks
    for rule_id in ("LOAD-UNPLACED-FIGURE", "LOAD-UNBOUND-STATEMENT", "LOAD-FACT-MISSING", "LOAD-FILE-UNREADABLE",
                    "LOAD-AMBIGUOUS-ROW", "LOAD-ROW-UNRESOLVED"):
        assert by_id[rule_id]["publication_category"] == "data_not_read", rule_id
    # the publisher's own arithmetic, prose against tables, placeholders: the document is wrong
    for rule_id in ("TBL-SUM-001", "EXE-RATE-001", "NAR-STATED-001", "NAR-TEXT-001", "LOAD-ARITHMETIC-MISMATCH"):
        assert by_id[rule_id]["publication_category"] == "publisher_error", rule_id
    # every rounding-honest notice is a notice for publication too; no error-severity rule is a mere notice
    for rule in by_id.values():
        if rule["severity"] == "notice":
            assert rule["publication_category"] == "notice", rule["rule_id"]
        if rule["severity"] == "error":
            assert rule["publication_category"] != "notice", rule["rule_id"]
    # only loader rules can say that data was not read
    assert all(r["rule_id"].startswith("LOAD-") for r in by_id.values()
               if r["publication_category"] == "data_not_read")
