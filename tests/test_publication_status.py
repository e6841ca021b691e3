"""Publication status: every rule says what it means for publication, and the build acts on it.

publisher_error: the document is wrong (the warehouse holds what was printed, the finding says what to fix);
data_not_read: the warehouse could not read or place something the document prints (published, but recorded as
incomplete, exit 1); notice: information (rounding-honest differences, a general reader used, a duplicate).
"""

from __future__ import annotations

import csv
from decimal import Decimal

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


def test_findings_carry_document_rule_text_category_and_the_documents_unit(warehouse_con):
    """部门整体预算绩效目标申报表 of 番禺区委政法委 (lines 9-11, 万元): 收入来源 财政拨款 3,400.36 + 其他资金 1.00 =
    3,401.36 万元 against 部门预算支出 3,400.36 万元 — shown in 万元 with the two decimals it prints, not as
    34013600.000000 元."""
    row = warehouse_con.execute("""
        select department_name, fiscal_year, document_kind, publication_category, value_kind, value_unit,
            value_decimals, lhs_in_unit, rhs_in_unit, difference_in_unit, lhs, rule_description_zh,
            rule_description_en, line_start
        from fct_findings where rule_id = 'TBL-BAL-001' and file_name = 'panyu-zfw-department-targets.txt'
    """).fetchall()
    assert len(row) == 1
    (department, year, kind, category, value_kind, unit, decimals, lhs, rhs, difference, lhs_yuan, zh, en,
     line) = row[0]
    assert department == "中国共产党广州市番禺区委员会政法委员会" and kind == "department_targets"
    assert year is None  # the form prints no 预算年度 and the manifest gives none
    assert (category, value_kind, unit, decimals) == ("publisher_error", "amount", "万元", 2)
    assert (lhs, rhs, difference) == (Decimal("3401.36"), Decimal("3400.36"), Decimal("1.00"))
    assert lhs_yuan == Decimal("34013600")
    assert zh == "收入总计 = 支出总计" and en and line == 9


def test_every_finding_has_a_category_and_the_loaders_findings_are_data_not_read(warehouse_con):
    rows = warehouse_con.execute("""
        select f.rule_id, f.publication_category, c.publication_category, f.document_kind, f.department_name
        from fct_findings f join reference.rule_catalog c using (rule_id)""").fetchall()
    assert rows and all(found == catalogued for _, found, catalogued, _, _ in rows)
    unplaced = [r for r in rows if r[0] == "LOAD-UNPLACED-FIGURE"]
    assert unplaced and {r[1] for r in unplaced} == {"data_not_read"}
    # every unplaced figure is in the 2016 budget of 广州市来穗人员服务管理局 (its title page names the bureau)
    assert {(r[3], r[4]) for r in unplaced} == {("department_budget", "广州市来穗人员服务管理局")}
