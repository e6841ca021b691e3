"""Putting the numbers of a row back into their columns when blank cells have vanished.

A row printed ``539.72 484.72 337.95 146.77 55.00 55.00`` under eight columns could mean many things.
The candidates are the order-preserving assignments of the numbers to the columns (a percentage only
into a rate column); a candidate survives when every formula of the row holds (blank = 0). Rows are then
solved together: every additive column of a parent row must equal the sum of its children (per
partition: the function classes of 合计 are one partition, its budget units another). All solutions are
enumerated; a row is *resolved* when the same candidate appears in every solution, *ambiguous* when
several do, *unresolved* when no solution exists. Nothing is ever chosen by preference. A full row (as many numbers
as columns) has one order-preserving assignment: it is resolved by position even when its formulas do not hold (the
publisher's arithmetic, reported by the table rules), and its numbers are not used to place the other rows'.

Arithmetic is exact (Decimal). A sum may differ from its printed total by the rounding of the printed
figures only: half a unit of the last printed digit of every figure involved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations

from loaders.numbers import PrintedNumber

ZERO = Decimal(0)
NODE_LIMIT = 2_000_000


@dataclass(frozen=True)
class Formula:
    result: int  # column index (0-based among value columns)
    operands: tuple[int, ...]
    op: str = "sum"  # sum: result = Σ operands ; ratio: result = operands[0] / operands[1] (x100 for %)
    source: str = ""  # "printed 10=11+15" or "header 基本支出"


@dataclass
class SolverRow:
    tokens: list[PrintedNumber]
    percent: list[bool]
    fixed: dict[int, Decimal] = field(default_factory=dict)  # evidence: column -> value (0 = blank)
    candidates: list[tuple[int, ...]] = field(default_factory=list)


@dataclass
class Partition:
    parent: int
    children: tuple[int, ...]


@dataclass
class Outcome:
    status: str  # resolved | ambiguous | unresolved | empty
    assignment: tuple[int, ...] | None = None
    alternatives: list[tuple[int, ...]] = field(default_factory=list)
    reason: str = ""


_HALF_UNITS: dict[int, Decimal] = {}


def half_unit(number: PrintedNumber) -> Decimal:
    half = _HALF_UNITS.get(number.decimals)
    if half is None:
        half = _HALF_UNITS[number.decimals] = Decimal(5) * Decimal(10) ** (-number.decimals - 1)
    return half


def token_cells(row: SolverRow) -> list[tuple[Decimal, Decimal]]:
    """(value, half unit) of each token of the row."""
    return [(tok.value, half_unit(tok)) for tok in row.tokens]


class Grid:
    """Values of one assignment: column -> (value, half unit), blank columns absent. ``cells``: the row's
    ``token_cells``, when the caller has them already (they are the same for every assignment)."""

    def __init__(self, row: SolverRow, assignment: tuple[int, ...],
                 cells: list[tuple[Decimal, Decimal]] | None = None):
        self.cells = dict(zip(assignment, token_cells(row) if cells is None else cells))

    def value(self, col: int) -> Decimal:
        return self.cells.get(col, (ZERO, ZERO))[0]

    def tol(self, col: int) -> Decimal:
        return self.cells.get(col, (ZERO, ZERO))[1]


_BLANK = (ZERO, ZERO)


def _formula_holds(grid: Grid, formula: Formula, rate_scale: dict[int, Decimal]) -> bool:
    if formula.op == "sum":
        cells = grid.cells
        total = tol = ZERO  # added up in the order of the operands, as sum() would
        for c in formula.operands:
            value, half = cells.get(c, _BLANK)
            total += value
            tol += half
        value, half = cells.get(formula.result, _BLANK)
        return abs(total - value) <= half + tol
    numerator, denominator = formula.operands
    num, den = grid.value(numerator), grid.value(denominator)
    printed = grid.value(formula.result)
    if den == 0:
        return formula.result not in grid.cells
    if formula.result not in grid.cells:
        return num == 0
    scale = rate_scale.get(formula.result, Decimal(1))
    n_tol, d_tol = grid.tol(numerator), grid.tol(denominator)
    low_den, high_den = den - d_tol, den + d_tol
    if low_den <= 0:
        return True
    low = (num - n_tol) / high_den * scale
    high = (num + n_tol) / low_den * scale
    r_tol = grid.tol(formula.result)
    return low - r_tol <= printed <= high + r_tol


def row_candidates(row: SolverRow, ncols: int, rate_cols: set[int], formulas: list[Formula],
                   rate_scale: dict[int, Decimal]) -> list[tuple[int, ...]]:
    k = len(row.tokens)
    if k == 0 or k > ncols:
        return []
    found = []
    cells = token_cells(row)
    for assignment in combinations(range(ncols), k):
        if any((col in rate_cols) != pct for col, pct in zip(assignment, row.percent)):
            continue
        grid = Grid(row, assignment, cells)
        if any(grid.value(col) != value for col, value in row.fixed.items()):
            continue
        if all(_formula_holds(grid, f, rate_scale) for f in formulas):
            found.append(assignment)
    return found


def _partition_holds(grids: dict[int, Grid], part: Partition, additive: list[int]) -> bool:
    parent = grids[part.parent].cells
    children = [grids[c].cells for c in part.children]
    for col in additive:
        total = tol = ZERO  # added up in the order of the children, as sum() would
        for cells in children:
            value, half = cells.get(col, _BLANK)
            total += value
            tol += half
        value, half = parent.get(col, _BLANK)
        if abs(total - value) > half + tol:
            return False
    return True


def _partition_bound(grids: dict[int, Grid], part: Partition, additive: list[int]) -> bool:
    """With the parent and some children assigned: non-negative children cannot exceed the parent."""
    parent = grids.get(part.parent)
    if parent is None:
        return True
    assigned = [grids[c] for c in part.children if c in grids]
    if not assigned:
        return True
    slack = Decimal("0.5") * (len(part.children) + 1)  # loose: the exact test comes when all are assigned
    for col in additive:
        values = [g.value(col) for g in assigned]
        if any(v < 0 for v in values) or parent.value(col) < 0:
            continue
        if sum(values, ZERO) > parent.value(col) + slack:
            return False
    return True


def solve(rows: list[SolverRow], ncols: int, rate_cols: set[int], formulas: list[Formula],
          partitions: list[Partition], rate_scale: dict[int, Decimal] | None = None) -> list[Outcome]:
    rate_scale = rate_scale or {}
    additive = [c for c in range(ncols) if c not in rate_cols]
    outcomes: list[Outcome] = []
    for row in rows:
        row.candidates = row_candidates(row, ncols, rate_cols, formulas, rate_scale)
        if not row.tokens:
            outcomes.append(Outcome("empty"))
        elif not row.candidates and len(row.tokens) == ncols \
                and row_candidates(row, ncols, rate_cols, [], rate_scale) == [tuple(range(ncols))]:
            # A full row has one place for each number: no choice is made, so none can be wrong. Its column formulas
            # failing is the publisher's arithmetic (a 合计 printed 63.81 over 7.35 + 56.50), which the table rules
            # report on the landed figures; the row takes no part in the search of the other rows (its candidates
            # stay empty), so its error cannot make theirs unresolved.
            outcomes.append(Outcome("resolved", assignment=tuple(range(ncols)),
                                    reason="a full row placed by position; its column formulas do not hold"))
        elif not row.candidates:
            outcomes.append(Outcome("unresolved", reason="no assignment of the numbers satisfies the column "
                                                         "formulas of the row"))
        else:
            outcomes.append(Outcome("pending"))
    live = []
    for part in partitions:
        involved = (part.parent, *part.children)
        if not all(rows[i].candidates for i in involved):
            continue
        if all(len(rows[i].candidates) == 1 for i in involved):
            continue  # nothing to decide; check_partitions reports it if it does not add up
        live.append(part)

    # Connected components over the live partitions; single-row components need no search.
    parent_of = list(range(len(rows)))

    def find(i: int) -> int:
        while parent_of[i] != i:
            parent_of[i] = parent_of[parent_of[i]]
            i = parent_of[i]
        return i

    for part in live:
        for child in part.children:
            parent_of[find(child)] = find(part.parent)
    components: dict[int, list[int]] = {}
    for i, row in enumerate(rows):
        if row.candidates:
            components.setdefault(find(i), []).append(i)

    for members in components.values():
        member_set = set(members)
        parts = [p for p in live if p.parent in member_set]
        seen: dict[int, set[tuple[int, ...]]] = {i: set() for i in members}
        order = sorted(members)
        by_last: dict[int, list[Partition]] = {}
        touching: dict[int, list[Partition]] = {}
        for part in parts:
            involved = (part.parent, *part.children)
            by_last.setdefault(max(involved, key=order.index), []).append(part)
            for i in involved:
                touching.setdefault(i, []).append(part)
        grids: dict[int, Grid] = {}
        chosen: dict[int, tuple[int, ...]] = {}
        # the grid of every candidate of every member, built once (the search visits them many times)
        candidate_grids = {i: [Grid(rows[i], a, cells) for a in rows[i].candidates]
                           for i in members for cells in (token_cells(rows[i]),)}
        nodes = 0
        overflow = False

        def search(depth: int) -> None:
            nonlocal nodes, overflow
            if overflow:
                return
            if depth == len(order):
                for i, a in chosen.items():
                    seen[i].add(a)
                return
            index = order[depth]
            for assignment, grid in zip(rows[index].candidates, candidate_grids[index]):
                nodes += 1
                if nodes > NODE_LIMIT:
                    overflow = True
                    return
                grids[index] = grid
                chosen[index] = assignment
                ok = all(_partition_bound(grids, p, additive) for p in touching.get(index, []))
                if ok:
                    ok = all(_partition_holds(grids, p, additive) for p in by_last.get(index, []))
                if ok:
                    search(depth + 1)
                del grids[index]
                del chosen[index]

        search(0)
        for i in members:
            if len(rows[i].candidates) == 1 and len(rows[i].tokens) == ncols:
                outcomes[i] = Outcome("resolved", assignment=rows[i].candidates[0])  # a full row is certain
            elif overflow:
                outcomes[i] = Outcome("unresolved", reason="too many combinations to check")
            elif not seen[i]:
                alternatives = rows[i].candidates
                outcomes[i] = Outcome("unresolved", alternatives=alternatives,
                                      reason="no assignment agrees with the totals of the table")
            elif len(seen[i]) == 1:
                outcomes[i] = Outcome("resolved", assignment=next(iter(seen[i])))
            else:
                outcomes[i] = Outcome("ambiguous", alternatives=sorted(seen[i]),
                                      reason=f"{len(seen[i])} assignments satisfy every formula and total")
    return outcomes


def check_partitions(rows: list[SolverRow], outcomes: list[Outcome], partitions: list[Partition], ncols: int,
                     rate_cols: set[int]) -> list[tuple[Partition, int]]:
    """Partitions whose rows are all resolved but whose columns do not add up: (partition, column)."""
    additive = [c for c in range(ncols) if c not in rate_cols]
    bad = []
    for part in partitions:
        involved = (part.parent, *part.children)
        if any(outcomes[i].status != "resolved" for i in involved):
            continue
        grids = {i: Grid(rows[i], outcomes[i].assignment) for i in involved}
        for col in additive:
            if not _partition_holds(grids, part, [col]):
                bad.append((part, col))
    return bad
