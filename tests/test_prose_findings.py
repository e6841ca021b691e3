"""The genuine publisher errors of the development documents' prose (issue 13), found by `yusuan check` on the
published PDFs with the statement reader and the prose rules -- and nothing else in their prose.

Every expected value is read from the documents by hand (documents/real/*.layout.txt; tests/golden/STATEMENTS-NOTES.md
holds the hand reading and the recomputations):
- 万里街道 2024: item 住房公积金 is headed 350.35 万元 and the table prints 3,503,499 元, but the sentence says
  "2024年预算安排352.67万元" (NAR-STATED-001), and its +0.53% fits 350.35, not 352.67 against the 2023 执行数 348.52
  (352.67 / 348.52 − 1 = 1.19%: NAR-CALC-002); item 9 其他教育支出 states 增加100.00% on a 2023 执行数 of 0.00
  (NAR-CALC-004); item 4 宣传事务 falls 2.98% and its reason says 经费增加 (NAR-TEXT-001); the 三公 table prints
  figures under the note that it is empty (NAR-TEXT-005); item 15 职业年金 carries item 13's reason and item 26
  城管执法 item 25's (NAR-COPY-001).
- 社会福利院 2024: item 社会福利事业单位 738.66 万元 against the table's 6,964,796 元 (NAR-STATED-001; the amount is
  printed twice in the item, heading and 预算安排: one error, one finding); the items add up to 991.59 against 财政拨款支出 950.12
  (NAR-PARTS-001); "主要原因是。" left empty (NAR-TEXT-004).
- 财政局 2024 决算: 财政拨款收入支出总计 "0.3万元" against the table's 2,961.68 万元 (NAR-STATED-001); 一般公共服务支出
  2106.66 / 2940.05 = 71.65%, stated 71.73% (NAR-SHARE-101), the four shares add up to 100.07% (NAR-SHARE-102); the
  parts 2106.66 + 326.72 + 60.99 + 445.69 = 2940.06 and 4.79 + 0 + 246.47 = 251.26 against 2940.05 and 251.25:
  within the rounding of the printed figures, so notices, never errors.
- 区政府办公室 2025: no error in its prose.
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from loaders.cli import app

REAL = Path(__file__).resolve().parents[1] / "documents" / "real"
WANLI, WELFARE = "sh-putuo-wanli-2024-dept-budget.pdf", "sh-putuo-welfarehome-2024-unit-budget.pdf"
FINANCE, GOVOFFICE = "sh-putuo-finance-2024-final-accounts.pdf", "sh-putuo-govoffice-2025-dept-budget.pdf"


def test_check_finds_the_known_prose_errors_of_the_development_documents():
    result = CliRunner().invoke(app, ["check", *map(str, sorted(REAL.glob("*.pdf"))), "--format", "json"])
    assert result.exit_code == 1, result.output
    prose = [f for f in json.loads(result.output) if f["rule_id"].startswith("NAR-")]
    assert Counter((f["file"], f["rule_id"], f["severity"]) for f in prose) == Counter({
        (WANLI, "NAR-STATED-001", "error"): 1,
        (WANLI, "NAR-CALC-002", "error"): 1,
        (WANLI, "NAR-CALC-004", "warning"): 1,
        (WANLI, "NAR-TEXT-001", "error"): 1,
        (WANLI, "NAR-TEXT-005", "error"): 1,
        (WANLI, "NAR-COPY-001", "warning"): 2,
        (WELFARE, "NAR-STATED-001", "error"): 1,
        (WELFARE, "NAR-PARTS-001", "error"): 1,
        (WELFARE, "NAR-TEXT-004", "warning"): 1,
        (FINANCE, "NAR-STATED-001", "error"): 1,
        (FINANCE, "NAR-SHARE-101", "error"): 1,
        (FINANCE, "NAR-SHARE-102", "error"): 1,
        (FINANCE, "NAR-PARTS-002", "notice"): 2,
    })
    assert not [f for f in prose if f["file"] == GOVOFFICE]

    def amounts(file, rule):
        return sorted((Decimal(f["lhs"]), Decimal(f["rhs"])) for f in prose if (f["file"], f["rule_id"]) == (file, rule))

    assert amounts(WANLI, "NAR-STATED-001") == [(Decimal("3526700"), Decimal("3503499"))]
    assert [(lhs, round(rhs, 2)) for lhs, rhs in amounts(WANLI, "NAR-CALC-002")] == [(Decimal("0.53"), Decimal("1.19"))]
    # one error, one finding: the heading (line 69) and "2024年预算安排738.66万元" (line 70) state the same amount
    assert amounts(WELFARE, "NAR-STATED-001") == [(Decimal("7386600"), Decimal("6964796"))]
    assert amounts(WELFARE, "NAR-PARTS-001") == [(Decimal("9915900"), Decimal("9501200"))]
    assert amounts(FINANCE, "NAR-STATED-001") == [(Decimal("3000"), Decimal("29616800"))]
    assert [(lhs, round(rhs, 2)) for lhs, rhs in amounts(FINANCE, "NAR-SHARE-101")] == [(Decimal("71.73"),
                                                                                          Decimal("71.65"))]
    assert amounts(FINANCE, "NAR-SHARE-102") == [(Decimal("100.07"), Decimal("100"))]
    assert amounts(FINANCE, "NAR-PARTS-002") == [(Decimal("2512600"), Decimal("2512500")),
                                                 (Decimal("29400600"), Decimal("29400500"))]
    # a publisher reads both numbers in the unit the document prints its tables in: "0.3万元" against 2,961.68 万元
    [total] = [f for f in prose if (f["file"], f["rule_id"]) == (FINANCE, "NAR-STATED-001")]
    assert (total["publication_category"], total["value_unit"], total["lhs_in_unit"], total["rhs_in_unit"]) == (
        "publisher_error", "万元", "0.3", "2961.68")
    for finding in prose:  # each quotes what it compares, with its place
        assert finding["quoted_source"] and finding["page"] is not None and finding["lines"], finding
