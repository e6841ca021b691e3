"""Known faults injected into a generated document, each recorded in the ledger.

Kinds (``FAULT_KINDS``):

* ``digit_change``: one digit of a printed figure replaced by another;
* ``digit_swap``: two neighbouring, different digits of a figure swapped;
* ``dropped_row``: a detail row of a table left out (its lines removed);
* ``unit_slip``: an amount printed in 元 where the document says 万元 (the value × 10,000);
* ``wrong_rate``: a printed rate (执行率, 占 x%) moved by 1–15 percentage points;
* ``wrong_change``: a stated change (比上年增加 x 万元 / 增长 y%) off by 5–40 %.

Prose faults (``PROSE_FAULT_KINDS``), in the 编制说明 prose of ``loaders/synthetic/prose.py``; each is a real
difference, beyond the rounding of every printed number involved (amounts in 万元 with two decimals: a half
unit, 0.005, each):

* ``wrong_percentage``: a growth or share percentage moved to a value at least 1.00 percentage point outside
  every value the printed amounts could give (with either base for a growth: change ÷ prior or ÷ current);
* ``copied_item``: an item's sentence carries another item's figures (prior, this year's amount in the body,
  change, percentage, direction and reason) under its own subject; the two items differ by at least 0.10 万元
  and 1 % in both amounts, and in the percentage;
* ``year_slip``: the compared year printed as the document's own year (2025年预算执行数 in a 2025 budget);
* ``parts_not_adding``: one listed part (三公 part, 公务用车 part, 政府采购 货物/工程/服务) moved by at least
  0.10 万元 and 1 % of the group's whole (the 三公 or 政府采购 total; at least four times the rounding of a sum of
  up to four printed figures), so the parts miss the whole;
* ``prose_amount_ne_table``: an amount the prose states of a 项 (this year's or last year's 预算执行数) that one
  table row prints, moved by at least 0.10 万元 and 1 %;
* ``direction_flip``: 增加 written for 减少 (and 增长 for 下降), or the reverse, where the change is at least
  0.10 万元;
* ``growth_on_zero_base``: a growth percentage (增长100.00%) stated for a part whose prior amount is printed as 0.00;
* ``empty_reason``: the reason left out (主要原因是：。);
* ``placeholder``: the department's name printed as a placeholder (XX局).

One fault per faulty document, so a finding in it can be credited to the fault. The ledger records the file,
the first and last line the fault touches, the figure, the printed original and the injected text, the kind and
its scope (table or prose).
"""

from __future__ import annotations

import random
from decimal import Decimal

from loaders.numbers import parse_number
from loaders.synthetic import prose_faults
from loaders.synthetic.core import Generated, Num, money

TABLE_FAULT_KINDS = ("digit_change", "digit_swap", "dropped_row", "unit_slip", "wrong_rate", "wrong_change")
PROSE_FAULT_KINDS = ("wrong_percentage", "copied_item", "year_slip", "parts_not_adding", "prose_amount_ne_table",
                     "direction_flip", "growth_on_zero_base", "empty_reason", "placeholder")
FAULT_KINDS = TABLE_FAULT_KINDS + PROSE_FAULT_KINDS


def _candidates(doc: Generated, kind: str) -> list:
    if kind in PROSE_FAULT_KINDS:
        return prose_faults.candidates(doc, kind)
    nums = [n for n in doc.page.nums if n.expect and n.line > 0]
    if kind == "digit_change":
        return [n for n in nums if n.kind in ("amount", "rate", "change") and any(ch.isdigit() for ch in n.text)
                and parse_number(n.text).value != 0]
    if kind == "digit_swap":
        return [n for n in nums if n.kind in ("amount", "rate", "change") and _swap_positions(n.text)]
    if kind == "dropped_row":
        return list(doc.page.droppable)
    if kind == "unit_slip":
        return [n for n in nums if n.kind == "amount" and parse_number(n.text).value >= 1]
    if kind == "wrong_rate":
        return [n for n in nums if n.kind == "rate"]
    if kind == "wrong_change":
        return [n for n in nums if n.kind == "change" and parse_number(n.text).value != 0]
    raise ValueError(f"unknown fault kind {kind!r}")


def applicable(doc: Generated) -> list[str]:
    return [k for k in FAULT_KINDS if _candidates(doc, k)]


def _swap_positions(text: str) -> list[int]:
    return [i for i in range(len(text) - 1) if text[i].isdigit() and text[i + 1].isdigit() and text[i] != text[i + 1]]


def _format_like(original: str, value: Decimal) -> str:
    number = parse_number(original)
    if "," in original or abs(value) >= 1000 and "," in money(number.value):
        return money(value, number.decimals)
    return money(value, number.decimals, grouping=False)


def _replace(doc: Generated, num: Num, new_text: str) -> None:
    line = doc.page.lines[num.line - 1]
    assert line[num.column:num.column + len(num.text)] == num.text, (line, num.text)
    doc.page.lines[num.line - 1] = line[:num.column] + new_text + line[num.column + len(num.text):]


def inject(doc: Generated, kind: str, rng: random.Random) -> dict:
    """Apply one fault of ``kind`` to ``doc`` (in place); return its ledger row."""
    candidates = _candidates(doc, kind)
    if not candidates:
        raise ValueError(f"{doc.file_name}: no place for a {kind} fault")
    if kind in PROSE_FAULT_KINDS:
        return prose_faults.inject(doc, kind, rng.choice(candidates), rng)
    if kind == "dropped_row":
        row = rng.choice(candidates)
        first, last = doc.page.rows[row]
        removed = [n for n in doc.page.nums if n.row_id == row]
        original = " | ".join(doc.page.lines[first - 1:last])
        del doc.page.lines[first - 1:last]
        figure = removed[0].row_label if removed else ""
        return _ledger(doc, first, figure, "", original, "(row removed)", kind, line_end=first)
    num: Num = rng.choice(candidates)
    value = parse_number(num.text)
    text = num.text
    if kind == "digit_change":
        positions = [i for i, ch in enumerate(text) if ch.isdigit()]
        i = rng.choice(positions)
        choices = [d for d in "0123456789" if d != text[i] and not (i == positions[0] and d == "0" and len(positions) > 1)]
        new = text[:i] + rng.choice(choices) + text[i + 1:]
    elif kind == "digit_swap":
        i = rng.choice(_swap_positions(text))
        new = text[:i] + text[i + 1] + text[i] + text[i + 2:]
    elif kind == "unit_slip":
        new = _format_like(text, value.value * 10000)
    elif kind == "wrong_rate":
        step = Decimal(rng.randint(1, 15)) * rng.choice([-1, 1])
        moved = value.value + step if value.value + step > 0 else value.value + abs(step)
        new = _format_like(text, moved)
    else:  # wrong_change
        factor = Decimal(str(round(rng.uniform(0.05, 0.4), 2))) * rng.choice([-1, 1])
        moved = (value.value * (1 + factor)).quantize(Decimal(1).scaleb(-value.decimals))
        if moved == value.value:
            moved += Decimal(1).scaleb(-value.decimals) * 3
        new = _format_like(text, moved)
    _replace(doc, num, new)
    figure = "/".join(x for x in (num.table_name, num.row_label, num.label, num.measure) if x)
    return _ledger(doc, num.line, figure, num.measure, text, new, kind)


def _ledger(doc: Generated, line: int, figure: str, measure: str, original: str, injected: str, kind: str,
            line_end: int | None = None, scope: str = "table") -> dict:
    return {"file_name": doc.file_name, "family": doc.family, "line": line, "line_end": line_end or line,
            "figure": figure, "measure": measure, "original": original, "injected": injected, "kind": kind,
            "scope": scope}
