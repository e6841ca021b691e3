"""The row solver (loaders/tables/solver.py): a full row is placed by position even when the publisher's arithmetic
in it is wrong (the table rules report that), and it never makes another row unresolved; a row with vanished
blanks whose formulas hold in no placement stays unresolved (nothing is guessed).

The rows are 表三 支出预算总表 of a generated 部门预算 (seed 7, document 3, lines 218-222): columns 合计 = 基本支出
(工资福利 + 商品服务 + 对个人) + 项目支出, so 合计 = column 1 + column 5, 基本支出 = 2 + 3 + 4 (0-based: 0 = 1 + 5,
1 = 2 + 3 + 4).
"""

from __future__ import annotations

from loaders.numbers import parse_number
from loaders.tables.solver import Formula, Partition, SolverRow, check_partitions, solve

COLUMNS = 8
FORMULAS = [Formula(0, (1, 5), source="合计 = 基本支出 + 项目支出"), Formula(1, (2, 3, 4), source="基本支出")]


def row(text: str) -> SolverRow:
    tokens = [parse_number(word) for word in text.split()]
    return SolverRow(tokens=tokens, percent=[False] * len(tokens))


def test_a_full_row_whose_total_is_misprinted_is_placed_by_position():
    # 63.81 printed for 63.85 (= 7.35 + 56.50): eight numbers, eight columns
    rows = [row("63.81 7.35 7.35 0.00 0.00 56.50 51.96 4.54")]
    [outcome] = solve(rows, COLUMNS, set(), FORMULAS, [])
    assert outcome.status == "resolved" and outcome.assignment == tuple(range(COLUMNS))
    assert "formulas do not hold" in outcome.reason


def test_a_correct_full_row_is_resolved_as_before():
    [outcome] = solve([row("63.85 7.35 7.35 0.00 0.00 56.50 51.96 4.54")], COLUMNS, set(), FORMULAS, [])
    assert outcome.status == "resolved" and outcome.assignment == tuple(range(COLUMNS)) and outcome.reason == ""


def test_a_short_row_whose_formulas_hold_nowhere_stays_unresolved():
    # seven numbers for eight columns and no placement makes 合计 = 基本支出 + 项目支出: no guess
    [outcome] = solve([row("63.81 7.35 7.35 0.00 56.50 51.96 4.54")], COLUMNS, set(), FORMULAS, [])
    assert outcome.status == "unresolved"


def test_a_misprinted_total_row_does_not_unresolve_its_children_and_is_reported_by_the_partition_check():
    rows = [row("63.81 7.35 7.35 0.00 0.00 56.50 51.96 4.54"),   # 合计, misprinted
            row("63.85 7.35 7.35 0.00 0.00 56.50 51.96 4.54"),   # 行政单位
            row("11.89 0.00 0.00 0.00 0.00 11.89 7.35 4.54")]    # one of its items (a child of its own total)
    partitions = [Partition(0, (1,))]
    outcomes = solve(rows, COLUMNS, set(), FORMULAS, partitions)
    assert [o.status for o in outcomes] == ["resolved", "resolved", "resolved"]
    # the parent's column 0 does not add up to its child's: the loader's arithmetic warning names that column
    assert [(part.parent, col) for part, col in check_partitions(rows, outcomes, partitions, COLUMNS, set())] \
        == [(0, 0)]


def test_a_full_row_with_a_percentage_outside_a_rate_column_is_not_placed():
    # the type check still holds: a percentage only goes into a rate column
    bad = row("63.81 7.35 7.35 0.00 0.00 56.50 51.96 4.54")
    bad.percent = [False] * 7 + [True]
    [outcome] = solve([bad], COLUMNS, set(), FORMULAS, [])
    assert outcome.status == "unresolved"


def test_a_misprinted_total_in_a_department_budget_lands_every_figure_and_is_reported(tmp_path):
    """End to end through the 部门预算 parser: the generated document (seed 7, document 3) with 表三's 合计 printed
    63.81 for 63.85 (line 218) lands as many figures as the clean one, the 合计 row among them, and the loader warns
    that the rows under 合计 do not add up to it; nothing is reported as unread."""
    from loaders.documents import read_document
    from loaders.parsers import department_budget
    from loaders.synthetic.corpus import write_corpus

    write_corpus(tmp_path, 4, seed=7, fault_share=0.4)
    clean = tmp_path / "00003-gz-justice-department-budget-2023.txt"
    text = clean.read_text(encoding="utf-8")
    line = "合  计 63.85 7.35 7.35 0.00 0.00 56.50 51.96 4.54"
    assert text.splitlines()[217] == line
    misprinted = tmp_path / "misprinted.txt"
    misprinted.write_text(text.replace(line, line.replace("63.85", "63.81", 1), 1), encoding="utf-8")

    before = department_budget.parse(read_document(clean))
    after = department_budget.parse(read_document(misprinted))
    assert len(after.figures) == len(before.figures) == 315
    total_row = [f for f in after.figures if f.line_start == 218]
    assert len(total_row) == 8 and sorted(f.value_text for f in total_row) == sorted(
        ["63.81", "7.35", "7.35", "0.00", "0.00", "56.50", "51.96", "4.54"])
    assert not [f for f in after.findings if f.rule_id.startswith(("LOAD-ROW", "LOAD-AMBIGUOUS"))]
    assert [(f.rule_id, f.line_start) for f in after.findings if f.rule_id == "LOAD-ARITHMETIC-MISMATCH"] \
        == [("LOAD-ARITHMETIC-MISMATCH", 218)]
