"""Prose faults: where each kind can be injected in a document's prose groups, and the injection itself.

The kinds and their minimum sizes are described in ``loaders/synthetic/faults.py``. A place is a tuple whose
first element is the group; ``inject`` rewrites the printed lines (several numbers of one line right to left,
so the columns recorded at rendering stay right) and returns the ledger row.
"""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

from loaders.synthetic.core import Generated, money
from loaders.synthetic.prose import Group, ProseNum

HALF = Decimal("0.005")  # half a unit of the printed 0.01 (万元 and %)
MIN_AMOUNT = Decimal("0.10")  # ten units of the printed 0.01 万元
MIN_POINTS = Decimal("1.00")  # a percentage moved by at least one point beyond every value rounding allows
CENT = Decimal("0.01")
PLACEHOLDERS = ("XX局", "XXX", "××单位", "XX部门")
FLIPS = {"增加": "减少", "减少": "增加", "增长": "下降", "下降": "增长", "大于": "小于", "小于": "大于"}


def _printed(doc: Generated) -> list[Group]:
    return [g for g in doc.prose if any(n.line > 0 for n in g.nums)]


def _one(g: Group, role: str) -> ProseNum | None:
    found = [n for n in g.nums if n.role == role and n.line > 0]
    return found[0] if found else None


def _amounts(doc: Generated, g: Group) -> tuple[Decimal, Decimal] | None:
    """(current, prior) a group's change is about, exact; None when it states no comparison."""
    current = _one(g, "amount")
    if current is None and g.kind == "three_public_part":
        whole = next(w for w in doc.prose if w.kind == "three_public")
        current = next((n for n in whole.nums if n.role == "part" and n.subject == g.subject), None)
    if current is None or g.direction is None:
        return None
    prior = _one(g, "prior_amount")
    if prior is not None:
        return current.exact, prior.exact
    change = _one(g, "change")
    if change is not None:
        return current.exact, current.exact - g.direction * change.exact
    return None


def _flip_detectable(g: Group, current: Decimal, prior: Decimal) -> bool:
    """Whether a flipped direction contradicts what the document prints. It does when the prior is printed
    (current against prior gives the true direction), or when the printed growth percentage lies outside every
    value the flipped reading allows (prior' = current + the signed change: "增加 5, 增长 10%" read as "减少 5"
    needs 5 ÷ (current + 5)). A change printed with neither (比上年减少X万元 and nothing else, as a 三公 part
    may be) reads consistently either way: no document-internal check can find the flip, so it is no candidate."""
    if _one(g, "prior_amount") is not None:
        return True
    growth = _one(g, "growth_pct")
    if growth is None:
        return False
    flipped_prior = 2 * current - prior  # current + (current - prior)
    return not any(low - HALF <= growth.exact <= high + HALF
                   for low, high in _growth_intervals(current, flipped_prior))


def _ratio_interval(numerator: tuple[Decimal, Decimal], denominator: tuple[Decimal, Decimal]) -> tuple[Decimal, Decimal] | None:
    """Every value 100 × n ÷ d can take for n and d anywhere in their intervals (d > 0), as (low, high)."""
    if denominator[0] <= 0:
        return None
    values = [n * 100 / d for n in numerator for d in denominator]
    return min(values), max(values)


def _growth_intervals(current: Decimal, prior: Decimal) -> list[tuple[Decimal, Decimal]]:
    """The growth percentages the printed amounts allow, on either base (÷ prior, ÷ current); each printed
    amount within a unit (two half-steps: a derived prior carries the rounding of two printed numbers)."""
    step = 2 * HALF
    change = abs(current - prior)
    numerator = (max(change - 2 * step, Decimal(0)), change + 2 * step)
    out = []
    for base in (prior, current):  # a base of zero (a part cut to nothing: 下降100%) allows no percentage at all
        interval = _ratio_interval(numerator, (base - step, base + step))
        if interval is not None:
            out.append(interval)
    return out


def _share_intervals(part: Decimal, whole: Decimal) -> list[tuple[Decimal, Decimal]]:
    step = 2 * HALF
    interval = _ratio_interval((max(part - step, Decimal(0)), part + step), (whole - step, whole + step))
    assert interval is not None  # candidates have a whole above the rounding
    return [interval]


def _whole_of(g: Group) -> ProseNum | None:
    return _one(g, "amount")


def candidates(doc: Generated, kind: str) -> list[tuple]:
    groups = _printed(doc)
    out: list[tuple] = []
    if kind == "wrong_percentage":
        for g in groups:
            for n in g.nums:
                if n.line <= 0 or n.role not in ("growth_pct", "share_pct", "completion_pct"):
                    continue
                if n.role == "completion_pct":  # 决算 ÷ 年初预算
                    current, prior = _one(g, "amount").exact, _one(g, "prior_amount").exact
                    if prior <= 4 * HALF:
                        continue
                    intervals = _share_intervals(current, prior)
                elif n.role == "growth_pct":
                    pair = _amounts(doc, g)
                    if pair is None or pair[1] <= 4 * HALF:  # the prior base stays above its rounding
                        continue
                    intervals = _growth_intervals(*pair)
                else:
                    whole = _whole_of(g)
                    part = next(p for p in g.nums if p.role == "part" and p.subject == n.subject)
                    if whole is None or whole.exact <= 4 * HALF:
                        continue
                    intervals = _share_intervals(part.exact, whole.exact)
                out.append((g, n, intervals))
    elif kind == "copied_item":
        items = [g for g in groups if g.kind in ("item", "item_final")]
        for g in items:
            for other in items:
                if other is g or other.kind != g.kind or other.template != g.template or _shape(other) != _shape(g):
                    continue
                a, b = _one(g, "amount").exact, _one(g, "prior_amount").exact
                a2, b2 = _one(other, "amount").exact, _one(other, "prior_amount").exact
                pct = _one(g, "growth_pct") or _one(g, "completion_pct")
                pct2 = _one(other, "growth_pct") or _one(other, "completion_pct")
                if _far(a, a2) and _far(b, b2) and (pct is None or abs(pct.exact - pct2.exact) >= MIN_POINTS):
                    out.append((g, other))
    elif kind == "year_slip":
        out = [(g,) for g in groups if any(n.role == "compared_year" and n.line > 0 for n in g.nums)]
    elif kind == "parts_not_adding":
        for g in groups:
            if g.kind not in ("three_public", "procurement"):
                continue
            whole = _whole_of(g)
            out += [(g, n, whole) for n in g.nums if n.role == "part" and n.line > 0]
    elif kind == "prose_amount_ne_table":
        out = [(g, n) for g in groups for n in g.nums
               if n.line > 0 and n.ref is not None and n.ref_rows == 1 and n.exact >= MIN_AMOUNT]
    elif kind == "direction_flip":
        for g in groups:
            pair = _amounts(doc, g)
            words = [n for n in g.nums if n.line > 0 and n.text in FLIPS]
            if pair is not None and words and abs(pair[0] - pair[1]) >= MIN_AMOUNT and _flip_detectable(g, *pair):
                out.append((g, words))
    elif kind == "growth_on_zero_base":
        out = [(g, _one(g, "tail")) for g in groups
               if _one(g, "tail") is not None and _one(g, "prior_amount") is not None
               and _one(g, "prior_amount").exact == 0 and g.direction == 1]
    elif kind == "empty_reason":
        out = [(g, n) for g in groups for n in g.nums if n.role == "reason" and n.line > 0 and n.text]
    elif kind == "placeholder":
        out = [(g, n) for g in groups for n in g.nums if n.role == "name" and n.line > 0]
    else:
        raise ValueError(f"unknown prose fault kind {kind!r}")
    return out


def _shape(g: Group) -> tuple:
    return tuple(n.role for n in g.nums if n.line > 0 and n.role not in ("compared_year",))


def _far(x: Decimal, y: Decimal) -> bool:
    return abs(x - y) >= MIN_AMOUNT and abs(x - y) >= abs(x) / 100


def _moved(rng: random.Random, value: Decimal, base: Decimal) -> Decimal:
    """``value`` moved by at least 0.10 and 1 % of ``base`` (up to 25 %), never below zero."""
    size = max(MIN_AMOUNT, (base * Decimal(str(round(rng.uniform(0.01, 0.25), 3)))).quantize(CENT, rounding=ROUND_HALF_UP))
    assert size >= MIN_AMOUNT and size >= base / 100
    if value - size < 0 or rng.random() < 0.5:
        return value + size
    return value - size


def _pct_outside(rng: random.Random, intervals: list[tuple[Decimal, Decimal]]) -> Decimal:
    """A percentage (two decimals) at least MIN_POINTS outside every interval, up to ten points further."""
    low = min(lo for lo, _hi in intervals)
    high = max(hi for _lo, hi in intervals)
    options = []
    up = (high + MIN_POINTS + Decimal(str(round(rng.uniform(0, 10), 2)))).quantize(CENT, rounding=ROUND_HALF_UP)
    options.append(up)
    down = (low - MIN_POINTS - Decimal(str(round(rng.uniform(0, 10), 2)))).quantize(CENT, rounding=ROUND_HALF_UP)
    if down > 0:
        options.append(down)
    value = rng.choice(options)
    assert all(value >= hi + MIN_POINTS or value <= lo - MIN_POINTS for lo, hi in intervals)
    return value


def _text(value: Decimal, like: str) -> str:
    return money(value, 2, grouping="," in like)


def inject(doc: Generated, kind: str, place: tuple, rng: random.Random) -> dict:
    g = place[0]
    changes: list[tuple[ProseNum, str]] = []
    if kind == "wrong_percentage":
        _g, num, intervals = place
        changes = [(num, f"{_pct_outside(rng, intervals):.2f}")]
    elif kind == "copied_item":
        _g, other = place
        heading = g.template == "shanghai"
        mine = [n for n in g.nums if n.line > 0 and n.role != "compared_year"]
        theirs = [n for n in other.nums if n.line > 0 and n.role != "compared_year"]
        if heading:  # the heading keeps the item's own amount: the body carries the other's
            mine, theirs = mine[1:], theirs[1:]
        changes = [(m, t.text) for m, t in zip(mine, theirs) if m.text != t.text]
    elif kind == "year_slip":
        changes = [(n, str(doc.fiscal_year)) for n in g.nums if n.role == "compared_year" and n.line > 0]
    elif kind == "parts_not_adding":
        _g, num, whole = place
        changes = [(num, _text(_moved(rng, num.exact, whole.exact), num.text))]
    elif kind == "prose_amount_ne_table":
        num = place[1]
        changes = [(num, _text(_moved(rng, num.exact, num.exact), num.text))]
    elif kind == "direction_flip":
        changes = [(n, FLIPS[n.text]) for n in place[1]]
    elif kind == "growth_on_zero_base":
        changes = [(place[1], "，增长100.00%")]
    elif kind == "empty_reason":
        changes = [(place[1], "")]
    elif kind == "placeholder":
        changes = [(place[1], rng.choice(PLACEHOLDERS))]
    assert changes, (kind, g)
    for num, new in sorted(changes, key=lambda c: (c[0].line, c[0].column), reverse=True):
        line = doc.page.lines[num.line - 1]
        assert line[num.column:num.column + len(num.text)] == num.text, (line, num.text)
        doc.page.lines[num.line - 1] = line[:num.column] + new + line[num.column + len(num.text):]
    ordered = sorted(changes, key=lambda c: (c[0].line, c[0].column))
    first, last = ordered[0][0].line, ordered[-1][0].line
    roles = sorted({n.role for n, _ in changes})
    return {"file_name": doc.file_name, "family": doc.family, "line": first, "line_end": last,
            "figure": f"{g.kind}/{g.subject}/{','.join(roles)}", "measure": ",".join(roles),
            "original": " | ".join(n.text for n, _ in ordered), "injected": " | ".join(new for _, new in ordered),
            "kind": kind, "scope": "prose"}
