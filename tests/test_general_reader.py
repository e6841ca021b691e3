"""The general table reader (loaders/layout/general.py): tables of a layout no parser knows, read by column headers
and row labels, uncertain numbers reported (issue 14).

Proof that it never guesses: run on the four real disclosures (PDF and layout text), every figure it places must
be a figure the dedicated parser places on the same page and line, with the same printed value, row label and
column (the header label as printed, with the label of a group standing over that column alone joined to it, or
with characters the PDF sets in a vertical cell lost: one label's characters stand in order in the other); the
dedicated parsers' figures are checked against the golden files read by hand (tests/test_real_documents.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.documents import read_document
from loaders.layout.general import GENERIC_MEASURE, read_general
from loaders.layout.rows import pages_from_layout_text, pages_of
from loaders.parsers import final_accounts, shanghai_budget

REAL = Path(__file__).resolve().parents[1] / "documents" / "real"
DOCUMENTS = ["sh-putuo-finance-2024-final-accounts", "sh-putuo-govoffice-2025-dept-budget",
             "sh-putuo-wanli-2024-dept-budget", "sh-putuo-welfarehome-2024-unit-budget"]


def _subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(ch in chars for ch in short)


@pytest.mark.parametrize("suffix", ["pdf", "layout.txt"])
@pytest.mark.parametrize("name", DOCUMENTS)
def test_what_the_general_reader_places_the_dedicated_parser_places_the_same_way(name, suffix):
    path = REAL / f"{name}.{suffix}"
    general, unplaced, _blocks = read_general(pages_of(read_document(path)))
    module = final_accounts if "final" in name else shanghai_budget
    dedicated = module.parse(read_document(path)).figures
    by_line: dict[tuple, list] = {}
    for f in dedicated:
        for line in range(f.line_start, f.line_end + 1):
            by_line.setdefault((f.page, line, f.value_text), []).append(f)
    assert general, "the general reader places nothing"
    for figure in general:
        same = by_line.get((figure.page, figure.line_start, figure.value_text), [])
        assert same, figure
        # the same row (its label; or, for a coded row whose name is printed on the next line, its code alone) and
        # the same column
        assert any((s.row_label == figure.row_label or (figure.row_label is None and figure.row_code == s.row_code))
                   and figure.row_code in (None, s.row_code)
                   and (_subsequence(figure.column_label, s.column_label)
                        or _subsequence(s.column_label, figure.column_label))
                   for s in same), (figure, [(s.row_label, s.row_code, s.column_label) for s in same])
    # what it does not place is reported with its line, never dropped
    assert all(u.rule_id == "LOAD-UNPLACED-FIGURE" and u.line_start for u in unplaced)


def _row(label: str, *cells: str, widths=(12, 12, 10)) -> str:
    """A table line as pdftotext -layout writes it: positions are character indexes (a CJK character counts one)."""
    return "   " + label.ljust(14) + "".join(c.rjust(w) for c, w in zip(cells, widths))


TABLE = "\n".join([
    "                          某某单位收支情况一览",
    "                                                     单位：万元",
    _row("项目", "上年决算", "本年预算", "增减"),
    _row("一、工资福利支出", "120.50", "130.00", "9.50"),
    _row("二、商品和服务支出", "40.00", "35.25", "-4.75"),
    "   " + "三、其他".ljust(14) + "1.00".rjust(15) + "2.00".rjust(9),  # amounts standing between the columns
    _row("合计", "161.50", "165.25", "3.75"),
]) + "\n"


def test_a_table_of_unknown_layout_is_read_by_header_and_row_label():
    figures, unplaced, blocks = read_general(pages_from_layout_text(TABLE))
    assert blocks == 1
    got = {(f.row_label, f.column_label): (f.value_text, f.measure, f.printed_unit) for f in figures}
    assert got[("一、工资福利支出", "上年决算")] == ("120.50", GENERIC_MEASURE, "万元")
    assert got[("一、工资福利支出", "本年预算")] == ("130.00", GENERIC_MEASURE, "万元")
    assert got[("二、商品和服务支出", "增减")] == ("-4.75", GENERIC_MEASURE, "万元")
    assert got[("合计", "本年预算")] == ("165.25", GENERIC_MEASURE, "万元")
    assert len(figures) == 9
    # "1.00   2.00" stands between the columns: reported, not guessed
    assert [(u.line_start, u.rule_id) for u in unplaced] == [(6, "LOAD-UNPLACED-FIGURE")]
