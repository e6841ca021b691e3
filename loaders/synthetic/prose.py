"""Fiscal prose written like a Shanghai 编制说明, consistent with the generated tables.

Sentence kinds: per 功能分类 item (“X（类）Y（款）Z（项）” this year's amount against last year's 预算执行数, with
the change, growth and reason), the “三公”经费 paragraph (whole and parts, 公务用车 with its own two parts, each
part compared with last year in some phrasings), 机关运行经费 against last year, and 政府采购 (货物/工程/服务, with
shares in some phrasings). Each kind has several phrasings; a document draws its phrasing of each kind (and the
per-item one per item) from its own random generator, so a reader is exercised on more than one template.

Every number a sentence prints is a ``ProseNum``: printed with the document's rounding (two decimals in 万元,
percentages rounded half up from the exact amounts), with its role (amount, prior_amount, change, growth_pct,
share_pct, part), the subject it is about, the whole it is a part of and, when the tables print the same figure,
where (``ref``: table, row label, measure; summed over the rows of that label). Words a fault may change are
``ProseNum`` too, not landed as figures (``expect`` False): the direction (增加/减少, 增长/下降), a compared year,
the reason (主要原因是：…), the department's name, and an empty slot where a clause could be added (``tail``).

``groups``: one ``Group`` per subject's statement (an item, the 三公 whole, one 三公 part compared with last year,
机关运行经费, 政府采购); the prose faults (``loaders/synthetic/faults.py``) pick their place among them, and
``statement_rows`` writes the statements truth file from them.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from decimal import Decimal

from loaders.synthetic.core import Num, Segment, money, rate

ZERO = Decimal(0)
NUMERIC_ROLES = ("amount", "prior_amount", "change", "growth_pct", "share_pct", "completion_pct", "part")
WORD_ROLES = ("direction", "growth_word", "compared_year", "reason", "name", "tail")


@dataclass(eq=False)
class ProseNum(Num):
    exact: Decimal | None = None  # the exact value the printed one was rounded from (amounts in the printed unit)
    subject: str | None = None
    parent: str | None = None  # subject of the whole a part or a share is taken of
    ref: tuple[str, str, str, str] | None = None  # (table_name, row_label, measure, line prefix) of the table
    # figure(s) it states: the rows of that table whose line starts with the prefix (the printed code), summed
    ref_rows: int = 0  # how many table rows the figure adds up (1: one row, the link is unique)
    ref_lines: list[int] = field(default_factory=list)  # filled by resolve_refs once the tables are rendered


@dataclass
class Group:
    id: int
    kind: str  # item | three_public | three_public_part | operation | procurement
    subject: str
    template: str
    year: int
    compared_year: int | None = None
    direction: int | None = None  # +1 增加, -1 减少, 0 持平; None when no change is stated
    reason_direction: int | None = None
    nums: list[ProseNum] = field(default_factory=list)

    def role(self, role: str) -> list[ProseNum]:
        return [n for n in self.nums if n.role == role]


class Prose:
    """Builds the prose of one document: groups of ``ProseNum`` inside segment lists (paragraphs)."""

    def __init__(self, year: int, department: str, grouping: bool, unit: str = "万元", noun: str = "预算",
                 landed: bool = True):
        self.year = year
        self.landed = landed  # the family's parser lands prose numbers as figures (广州 部门预算), so truth.csv has them
        self.noun = noun  # 预算 in a budget, 决算 in final accounts (the 三公, 机关运行经费 and 政府采购 sentences)
        self.spend = "预算" if noun == "预算" else "支出"  # 政府采购预算 / 政府采购支出
        self.department = department
        self.grouping = grouping
        self.unit = unit
        self.groups: list[Group] = []

    def group(self, kind: str, subject: str, template: str, compared_year: int | None = None) -> Group:
        g = Group(len(self.groups) + 1, kind, subject, template, self.year, compared_year)
        self.groups.append(g)
        return g

    def _num(self, g: Group, text: str, role: str, unit: str | None = None, **extra) -> ProseNum:
        expect = role in NUMERIC_ROLES and self.landed
        num = ProseNum(text, "" if expect else role, unit=unit, kind="prose", expect=expect, role=role, group=g.id,
                       **extra)
        g.nums.append(num)
        return num

    def amount(self, g: Group, value: Decimal, role: str = "amount", subject: str | None = None,
               parent: str | None = None, ref: tuple[str, str, str, str] | None = None, ref_rows: int = 0) -> ProseNum:
        return self._num(g, money(value, 2, self.grouping), role, self.unit, exact=value,
                         subject=subject or g.subject, parent=parent, ref=ref, ref_rows=ref_rows)

    def pct(self, g: Group, value: Decimal, role: str, subject: str | None = None, parent: str | None = None) -> ProseNum:
        return self._num(g, f"{value:.2f}", role, "%", exact=value, subject=subject or g.subject, parent=parent)

    def word(self, g: Group, text: str, role: str) -> ProseNum:
        return self._num(g, text, role, subject=g.subject)

    def year_num(self, g: Group, year: int) -> ProseNum:
        return self.word(g, str(year), "compared_year")


# --- measures the narrative reader of 广州 部门预算 gives a number ---------------------------------------------

_CLAUSE_END = "。；，：、\n"
_CHANGE_END_RE = re.compile(r"(?:增加|减少|增长|下降|提高|降低)$")
_SHARE_END_RE = re.compile(r"占[^占]*$")


def assign_measures(segments: list[Segment]) -> list[Segment]:
    """Set the ``measure`` of every landed number of a paragraph: the kind of statement its clause makes
    (…增加 x 万元: stated_change, …增长 y%: stated_change_pct, 占 z%: stated_share_pct, else stated_total), as
    the flowed-text narrative of a 部门预算 states it."""
    text = ""
    for segment in segments:
        if isinstance(segment, ProseNum) and segment.expect:
            start = max(text.rfind(ch) for ch in _CLAUSE_END) + 1
            clause = text[start:]
            opened = clause.rfind("（")
            if opened > clause.rfind("）"):
                clause = clause[opened + 1:]
            clause = "".join(clause.split())
            if _CHANGE_END_RE.search(clause):
                segment.measure = "stated_change_pct" if segment.unit == "%" else "stated_change"
            elif _SHARE_END_RE.search(clause) or segment.unit == "%":
                segment.measure = "stated_share_pct"
            else:
                segment.measure = "stated_total"
        text += segment.text if isinstance(segment, Num) else segment
    return segments


# --- sentence kinds -----------------------------------------------------------------------------------------

def _direction(current: Decimal, prior: Decimal) -> int:
    return (current > prior) - (current < prior)


CHANGE_WORD = {1: "增加", -1: "减少"}
GROWTH_WORD = {1: "增长", -1: "下降"}
REASONS = {
    1: ["{short}经费增加", "工作任务增加", "项目调整", "人员变动", "新增工作事项"],
    -1: ["{short}经费减少", "项目调整", "压减一般性支出", "人员变动", "部分项目完成"],
    0: ["{short}经费保持不变"],
}
REASON_DIRECTION = {"{short}经费增加": 1, "工作任务增加": 1, "新增工作事项": 1, "{short}经费减少": -1,
                    "压减一般性支出": -1, "部分项目完成": -1}


def _reason(rng: random.Random, direction: int, short: str) -> tuple[str, int | None]:
    pattern = rng.choice(REASONS[direction])
    return pattern.format(short=short), REASON_DIRECTION.get(pattern)


@dataclass
class ItemFacts:
    """One 功能分类 项 of the document: names, this year's amount and last year's 预算执行数 (exact, 万元)."""

    class_name: str
    section_name: str
    item_name: str
    amount: Decimal
    prior: Decimal
    amount_ref: tuple[str, str, str, str] | None = None
    prior_ref: tuple[str, str, str, str] | None = None
    ref_rows: int = 0


def item_paragraphs(prose: Prose, rng: random.Random, items: list[ItemFacts]) -> list[list[Segment]]:
    """Per 项: “类（类）款（款）项（项）” a 万元 … 上年预算执行数 b 万元 … 比上年 增加/减少 c%. 主要原因是：…"""
    year, last = prose.year, prose.year - 1
    style = rng.choice(["shanghai", "compact", "numbered"])
    out = []
    for k, it in enumerate(items, start=1):
        path = f"{it.class_name}（类）{it.section_name}（款）{it.item_name}（项）"
        template = style if rng.random() < 0.75 else rng.choice(["shanghai", "compact", "numbered"])
        g = prose.group("item", path, template, compared_year=last)
        direction = _direction(it.amount, it.prior)
        g.direction = direction
        reason, g.reason_direction = _reason(rng, direction, it.item_name)
        change = abs(it.amount - it.prior)
        growth = rate(change, it.prior) if it.prior else None

        def current():
            return prose.amount(g, it.amount, ref=it.amount_ref, ref_rows=it.ref_rows)

        def prior():
            return prose.amount(g, it.prior, "prior_amount", ref=it.prior_ref, ref_rows=it.ref_rows)

        if template == "shanghai":
            seg = [f"{k}. “{path}”", current(), "万元，主要用于", it.item_name, "。", prose.year_num(g, last),
                   "年当年预算执行数为", prior(), f"万元，{year}年预算安排", current(), "万元，比",
                   prose.year_num(g, last), "年预算执行数"]
            seg += [prose.word(g, CHANGE_WORD[direction], "direction"), prose.pct(g, growth, "growth_pct"), "%"] \
                if direction else [prose.word(g, "持平", "direction")]
            seg += ["。主要原因是：", prose.word(g, reason, "reason"), "。"]
        elif template == "compact":
            seg = [f"{k}、{path}：{year}年预算数为", current(), "万元，较", prose.year_num(g, last), "年预算执行数",
                   prior(), "万元"]
            if direction:
                seg += [prose.word(g, CHANGE_WORD[direction], "direction"), prose.amount(g, change, "change"), "万元，",
                        prose.word(g, GROWTH_WORD[direction], "growth_word"), prose.pct(g, growth, "growth_pct"), "%"]
            else:
                seg += [prose.word(g, "持平", "direction")]
            seg += ["。主要原因：", prose.word(g, reason, "reason"), "。"]
        else:  # numbered: no compared year printed (上年), the change in amount and percent
            seg = [f"（{k}）{path}本年预算安排", current(), "万元；上年预算执行数", prior(), "万元；与上年相比"]
            if direction:
                seg += [prose.word(g, CHANGE_WORD[direction], "direction"), prose.amount(g, change, "change"), "万元，",
                        prose.word(g, GROWTH_WORD[direction], "growth_word"), prose.pct(g, growth, "growth_pct"), "%"]
            else:
                seg += [prose.word(g, "持平", "direction")]
            seg += ["，主要原因是", prose.word(g, reason, "reason"), "。"]
        out.append(assign_measures(seg))
    return out


THREE_PUBLIC = "“三公”经费"
ABROAD, CARS, CAR_BUY, CAR_RUN, RECEPTION = ("因公出国（境）费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行费",
                                             "公务接待费")


def _small(rng: random.Random, scale: int, zero_share: float) -> Decimal:
    if rng.random() < zero_share:
        return ZERO
    from loaders.synthetic.core import amount

    return amount(rng, scale * 0.002, scale * 0.05)


def three_public(prose: Prose, rng: random.Random, scale: int) -> list[Segment]:
    """The 三公 paragraph: the whole, its three parts (公务用车 with its own two), compared with last year."""
    year = prose.year
    abroad, buy, run, reception = (_small(rng, scale, 0.5), _small(rng, scale, 0.6), _small(rng, scale, 0.1),
                                   _small(rng, scale, 0.2))
    if abroad + buy + run + reception == 0:
        run = Decimal("1.20")
    cars = buy + run
    total = abroad + cars + reception

    def prior_of(value: Decimal) -> Decimal:
        roll = rng.random()
        if roll < 0.15:
            return value
        if roll < 0.45 and value > 0:
            return ZERO  # a part new this year: a base of zero
        base = value if value > 0 else Decimal("1.00")
        return (base * Decimal(str(round(rng.uniform(0.7, 1.3), 2)))).quantize(Decimal("0.01"))

    priors = {ABROAD: prior_of(abroad), CARS: prior_of(cars), RECEPTION: prior_of(reception)}
    prior_total = sum(priors.values(), ZERO)
    template = rng.choice(["whole_first", "parts_compared", "parts_compared"])
    g = prose.group("three_public", THREE_PUBLIC, template)
    if template == "whole_first":
        g.compared_year = year - 1
        direction = _direction(total, prior_total)
        g.direction = direction
        seg = [prose.word(g, prose.department, "name"), f"{year}年{THREE_PUBLIC}财政拨款{prose.noun}", prose.amount(g, total),
               f"万元，比上年{prose.noun}"]
        seg += [prose.word(g, CHANGE_WORD[direction], "direction"), prose.amount(g, abs(total - prior_total), "change"),
                "万元"] if direction else [prose.word(g, "持平", "direction")]
        seg += ["。其中：", ABROAD, prose.amount(g, abroad, "part", ABROAD, THREE_PUBLIC), "万元，", CARS,
                prose.amount(g, cars, "part", CARS, THREE_PUBLIC), "万元（其中：", CAR_BUY,
                prose.amount(g, buy, "part", CAR_BUY, CARS), "万元，", CAR_RUN, prose.amount(g, run, "part", CAR_RUN, CARS),
                "万元），", RECEPTION, prose.amount(g, reception, "part", RECEPTION, THREE_PUBLIC), "万元。"]
        return assign_measures(seg)
    seg = [f"{year}年{THREE_PUBLIC}{prose.noun}数为", prose.amount(g, total), "万元，其中："]
    order = [(ABROAD, abroad), (RECEPTION, reception), (CARS, cars)]
    rng.shuffle(order)
    for k, (name, value) in enumerate(order):
        part = prose.group("three_public_part", name, template, compared_year=year - 1)
        before = priors[name]
        direction = _direction(value, before)
        part.direction = direction
        seg += ["；" if k else "", name, prose.amount(g, value, "part", name, THREE_PUBLIC), "万元，"]
        if direction == 0:
            seg += ["与上年", prose.word(part, "持平", "direction")]
        elif before == 0:
            seg += [f"上年{prose.noun}为", prose.amount(part, before, "prior_amount", name), "万元，比上年",
                    prose.word(part, CHANGE_WORD[direction], "direction"), prose.amount(part, abs(value - before), "change", name),
                    "万元", prose.word(part, "", "tail")]
        else:
            seg += ["比上年", prose.word(part, CHANGE_WORD[direction], "direction"),
                    prose.amount(part, abs(value - before), "change", name), "万元，",
                    prose.word(part, GROWTH_WORD[direction], "growth_word"),
                    prose.pct(part, rate(abs(value - before), before), "growth_pct", name), "%"]
        if name == CARS:
            seg += ["（其中：", CAR_BUY, prose.amount(g, buy, "part", CAR_BUY, CARS), "万元，", CAR_RUN,
                    prose.amount(g, run, "part", CAR_RUN, CARS), "万元）"]
    seg += ["。"]
    return assign_measures(seg)


def operation(prose: Prose, rng: random.Random, value: Decimal, prior: Decimal) -> list[Segment]:
    """机关运行经费 against last year's budget: change and growth, with the reason."""
    direction = _direction(value, prior)
    template = rng.choice(["change_and_growth", "prior_printed"])
    g = prose.group("operation", "机关运行经费", template, compared_year=prose.year - 1)
    g.direction = direction
    reason, g.reason_direction = _reason(rng, direction, "公用")
    if template == "change_and_growth":
        seg = [f"{prose.year}年机关运行经费{prose.noun}", prose.amount(g, value), "万元，比", prose.year_num(g, prose.year - 1),
               f"年{prose.noun}"]
        seg += [prose.word(g, CHANGE_WORD[direction], "direction"), prose.amount(g, abs(value - prior), "change"), "万元，",
                prose.word(g, GROWTH_WORD[direction], "growth_word"), prose.pct(g, rate(abs(value - prior), prior),
                                                                             "growth_pct"), "%"] \
            if direction else [prose.word(g, "持平", "direction")]
        seg += ["。主要原因是：", prose.word(g, reason, "reason"), "。"]
    else:
        seg = [prose.word(g, prose.department, "name"), f"机关运行经费财政拨款{prose.noun}为", prose.amount(g, value),
               f"万元，上年{prose.noun}数为",
               prose.amount(g, prior, "prior_amount"), "万元"]
        seg += ["，", prose.word(g, GROWTH_WORD[direction], "growth_word"), prose.pct(g, rate(abs(value - prior), prior),
                                                                                    "growth_pct"), "%"] \
            if direction else ["，", prose.word(g, "持平", "direction")]
        seg += ["，主要原因是", prose.word(g, reason, "reason"), "。"]
    return assign_measures(seg)


GOODS, WORKS, SERVICES = "货物", "工程", "服务"


def procurement(prose: Prose, rng: random.Random, scale: int) -> list[Segment]:
    """政府采购: the whole and 货物/工程/服务 (some zero), with each part's share in one phrasing."""
    from loaders.synthetic.core import amount

    goods = amount(rng, scale * 0.01, scale * 0.3) if rng.random() < 0.8 else ZERO
    works = amount(rng, scale * 0.01, scale * 0.5) if rng.random() < 0.3 else ZERO
    services = amount(rng, scale * 0.02, scale * 0.8)
    total = goods + works + services
    template = rng.choice(["list", "shares"])
    if template == "shares":
        goods, works, services = make_shares_add_up([goods, works, services], 2)
        total = goods + works + services
    whole = f"政府采购{prose.spend}"
    g = prose.group("procurement", whole, template)
    if template == "list":
        seg = [prose.word(g, prose.department, "name"), f"{prose.year}年{whole}", prose.amount(g, total),
               "万元，其中：货物类", prose.amount(g, goods, "part", GOODS, whole), "万元、工程类",
               prose.amount(g, works, "part", WORKS, whole), "万元、服务类",
               prose.amount(g, services, "part", SERVICES, whole), "万元。"]
    else:
        seg = [f"{prose.year}年本部门{whole}总额为", prose.amount(g, total), "万元。其中："]
        for k, (name, value) in enumerate(((GOODS, goods), (WORKS, works), (SERVICES, services))):
            seg += ["；" if k else "", f"政府采购{name}{prose.spend}", prose.amount(g, value, "part", name, whole), "万元，占",
                    prose.pct(g, rate(value, total), "share_pct", name, whole), "%"]
        seg += ["。"]
    return assign_measures(seg)


def shares_add_up(parts: list[Decimal]) -> bool:
    """The shares of ``parts`` in their sum, each rounded half up to two decimals, add up to exactly 100 %.

    Rounded honestly, shares can add up to 99.99 % or 100.01 %: a real document may print that, but the checks
    report it (a notice, within rounding); a clean generated document draws amounts whose shares add up exactly."""
    whole = sum(parts, ZERO)
    return whole == 0 or sum((rate(p, whole) for p in parts), ZERO) == 100


def make_shares_add_up(parts: list[Decimal], bump: int) -> list[Decimal]:
    """``parts`` with part ``bump`` raised a cent at a time until their shares add up to 100 % (``shares_add_up``)."""
    parts = list(parts)
    for _ in range(100_000):
        if shares_add_up(parts):
            return parts
        parts[bump] += Decimal("0.01")
    raise AssertionError(f"no shares adding up to 100 % near {parts}")


def resolve_refs(page, groups: list[Group]) -> None:
    """Once the tables are rendered: the lines of the table figures each prose number states."""
    for g in groups:
        for n in g.nums:
            if n.ref is None:
                continue
            table, row, measure, prefix = n.ref
            n.ref_lines = [t.line for t in page.nums if t.table_name == table and t.measure == measure
                           and (not row or t.row_label == row)
                           and " ".join(page.lines[t.line - 1].split()).startswith(prefix)]
            assert len(n.ref_lines) == n.ref_rows, (n.ref, n.ref_lines)


# --- 决算 (final accounts) sentence kinds ------------------------------------------------------------------

def total_change(prose: Prose, rng: random.Random, total: Decimal, ref, prior: Decimal) -> list[Segment]:
    """收入支出总计 of the year against the year before (the prior total is not in the tables)."""
    year, last = prose.year, prose.year - 1
    direction = _direction(total, prior)
    template = rng.choice(["separate", "joined"])
    g = prose.group("total", "收入支出总计", template, compared_year=last)
    g.direction = direction
    reason, g.reason_direction = _reason(rng, direction, "业务")
    amount = prose.amount(g, total, ref=ref, ref_rows=1 if ref else 0)
    if template == "separate":
        seg = [prose.word(g, prose.department, "name"), f"{year}年度收入支出总计", amount, "万元。与",
               prose.year_num(g, last), "年度相比，收入支出总计"]
    else:
        seg = [f"{year}年度收入、支出总计均为", amount, "万元，比", prose.year_num(g, last), "年度"]
    if direction:
        seg += [prose.word(g, CHANGE_WORD[direction], "direction"), prose.amount(g, abs(total - prior), "change"), "万元，",
                prose.word(g, GROWTH_WORD[direction], "growth_word"), prose.pct(g, rate(abs(total - prior), prior),
                                                                             "growth_pct"), "%"]
    else:
        seg += [prose.word(g, "持平", "direction")]
    seg += ["。主要原因是：" if template == "separate" else "，主要原因：", prose.word(g, reason, "reason"), "。"]
    return assign_measures(seg)


def shares(prose: Prose, rng: random.Random, kind: str, whole: str, value: Decimal, ref,
           parts: list[tuple[str, Decimal, tuple | None]], suffix: str = "") -> list[Segment]:
    """A whole and its parts with each part's share (本年收入合计 and its sources; 一般公共预算财政拨款支出 by 类)."""
    template = rng.choice(["whole_then_parts", "parts_of_whole"])
    g = prose.group(kind, whole, template)
    if template == "whole_then_parts":
        seg = [f"{prose.year}年度{whole}", prose.amount(g, value, ref=ref, ref_rows=1),
               "万元，主要用于以下方面：" if suffix else "万元，其中："]
    else:
        seg = [prose.word(g, prose.department, "name"), f"{prose.year}年度{whole}", prose.amount(g, value, ref=ref, ref_rows=1),
               "万元。其中："]
    for k, (name, part, part_ref) in enumerate(parts):
        seg += ["；" if k else "", f"{name}{suffix}",
                prose.amount(g, part, "part", name, whole, ref=part_ref, ref_rows=1 if part_ref else 0), "万元，占",
                prose.pct(g, rate(part, value), "share_pct", name, whole), "%"]
    seg += ["。"]
    return assign_measures(seg)


FINAL_DIRECTION = {1: "大于", -1: "小于"}


def final_items(prose: Prose, rng: random.Random, items: list[ItemFacts]) -> list[list[Segment]]:
    """Per 项 of a 决算: 年初预算 b 万元, 支出决算 a 万元, 完成年初预算的 p%; 决算数大于/小于预算数的主要原因."""
    out = []
    style = rng.choice(["numbered", "quoted"])
    for k, it in enumerate(items, start=1):
        path = f"{it.class_name}（类）{it.section_name}（款）{it.item_name}（项）"
        template = style if rng.random() < 0.75 else rng.choice(["numbered", "quoted"])
        g = prose.group("item_final", path, template)
        direction = _direction(it.amount, it.prior)
        g.direction = direction
        reason, g.reason_direction = _reason(rng, direction, it.item_name)
        prior = prose.amount(g, it.prior, "prior_amount")
        current = prose.amount(g, it.amount, ref=it.amount_ref, ref_rows=it.ref_rows)
        completion = prose.pct(g, rate(it.amount, it.prior), "completion_pct")
        if template == "numbered":
            seg = [f"{k}、{path}。主要用于{it.item_name}。年初预算为", prior, "万元，支出决算为", current, "万元，完成年初预算的",
                   completion, "%。"]
            seg += [f"决算数", prose.word(g, FINAL_DIRECTION[direction], "direction"), "预算数的主要原因：",
                    prose.word(g, reason, "reason"), "。"] if direction else \
                ["决算数与预算数", prose.word(g, "持平", "direction"), "。"]
        else:
            seg = [f"（{k}）“{path}”：年初预算", prior, "万元，决算", current, "万元，决算数为年初预算的", completion, "%"]
            seg += ["，决算数", prose.word(g, FINAL_DIRECTION[direction], "direction"), "年初预算，主要原因是",
                    prose.word(g, reason, "reason"), "。"] if direction else \
                ["，与年初预算", prose.word(g, "持平", "direction"), "。"]
        out.append(assign_measures(seg))
    return out


# --- the statements truth file ------------------------------------------------------------------------------

STATEMENT_COLUMNS = ["file_name", "family", "group", "group_kind", "template", "line", "role", "subject", "parent",
                     "value_text", "unit", "exact", "fiscal_year", "compared_year", "direction", "reason_direction",
                     "ref_table", "ref_row", "ref_measure", "ref_lines", "faulty"]


def statement_rows(file_name: str, family: str, groups: list[Group]) -> list[dict]:
    rows = []
    for g in groups:
        for n in g.nums:
            if n.line <= 0:
                continue  # not printed by this group (a 三公 part's comparison refers to the part printed before it)
            rows.append({
                "file_name": file_name, "family": family, "group": g.id, "group_kind": g.kind, "template": g.template,
                "line": n.line, "role": n.role, "subject": n.subject or "", "parent": n.parent or "",
                "value_text": n.text, "unit": n.unit or "", "exact": "" if n.exact is None else str(n.exact),
                "fiscal_year": g.year, "compared_year": g.compared_year or "",
                "direction": "" if g.direction is None else g.direction,
                "reason_direction": "" if g.reason_direction is None else g.reason_direction,
                "ref_table": n.ref[0] if n.ref else "", "ref_row": n.ref[1] if n.ref else "",
                "ref_measure": n.ref[2] if n.ref else "", "ref_lines": ";".join(map(str, n.ref_lines)),
            })
    return rows
