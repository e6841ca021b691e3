"""Record types returned by the pure parsers.

Every record carries its own provenance (page, lines, raw text). Numbers stay as the text that was
printed (``value_text``) plus an exact ``Decimal`` and the printed decimals; unit conversion happens in
dbt, where it is unit-tested and visible in the lineage.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal


def direct_init(cls):
    """Give a frozen dataclass an ``__init__`` that writes the instance dict directly.

    A frozen dataclass's own ``__init__`` sets every field through ``object.__setattr__``, which makes a
    25-field record cost about 7 µs; parsers make hundreds per document. This one takes the same
    parameters with the same defaults and leaves the same instance dict (fields in order); the class
    stays frozen (assignment still raises), equal, hashable and printed as before. Only for plain frozen
    dataclasses: every field in ``__init__``, no default factories, no ``__post_init__``, no slots."""
    fields = dataclasses.fields(cls)
    if not cls.__dataclass_params__.frozen or hasattr(cls, "__post_init__") or hasattr(cls, "__slots__"):
        raise TypeError(f"direct_init: {cls.__name__} is not a plain frozen dataclass")
    namespace: dict[str, object] = {}
    params = []
    for f in fields:
        if not f.init or f.kw_only or f.default_factory is not dataclasses.MISSING:
            raise TypeError(f"direct_init: field {cls.__name__}.{f.name} is not a plain field")
        if f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
    body = "".join(f"    d[{f.name!r}] = {f.name}\n" for f in fields)
    exec(f"def __init__(self, {', '.join(params)}):\n    d = self.__dict__\n{body}", namespace)  # noqa: S102
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init
    return cls


@direct_init
@dataclass(frozen=True)
class Figure:
    """One number printed in a document, with what it means and where it stands."""

    measure: str  # controlled vocabulary, see loaders/vocabulary.py (e.g. initial_budget, weight)
    value_text: str  # the digits exactly as printed, e.g. "1,258.60" or "125.86"
    value: Decimal  # exact value in the printed unit
    printed_decimals: int  # digits after the decimal point as printed ("100.00" -> 2)
    printed_unit: str | None  # unit as printed: 万元, 元, %, 分, 场次, 万条 ...
    line_start: int  # 1-based line in the decoded text
    line_end: int
    raw_text: str  # the source line(s) the number was read from
    page: int | None = None
    section: str | None = None  # heading of the part of the document, e.g. 项目资金来源及使用情况
    table_name: str | None = None  # for tables: 表三 一般公共预算支出预算表 ...
    row_code: str | None = None  # function or economic code of the row, digits only: "2010301" (printed "201 03 01")
    row_code_scheme: str | None = None  # function (功能分类) | economic (经济分类) | None
    row_kind: str | None = None  # total (合计/总计) | subtotal (小计) | class/款/项 via code length | item | unit | project
    unit_code: str | None = None  # budget unit code printed on the row, e.g. "127001"
    row_label: str | None = None  # printed row name, or the noun the number describes in prose
    column_code: str | None = None  # printed column number, e.g. "10"
    column_label: str | None = None  # printed column name
    subject: str | None = None  # project or unit the figure belongs to
    label: str | None = None  # the printed words that name the figure (e.g. 划拨经费指标)
    parent_label: str | None = None  # for hierarchies such as weights (数量指标 under 产出指标)
    sign: int = 1  # -1 for amounts that reduce (cuts, 压减, 划拨); the printed value stays positive
    comparison: str | None = None  # for quantities stated as bounds: >=, >, <=, <, ~ (余/约)
    context_text: str | None = None  # the clause the number stands in


@direct_init
@dataclass(frozen=True)
class Indicator:
    """One performance indicator target (绩效指标), its printed value kept beside the parsed one."""

    indicator_name: str  # 三级指标 or the description of the target
    value_text: str  # the whole printed value, e.g. "不得低于 300场次", "≥95%", "发布"
    line_start: int
    line_end: int
    raw_text: str
    page: int | None = None
    subject: str | None = None  # project
    level1_code: str | None = None  # 1 产出指标 / 2 效益指标 / 3 满意度指标
    level1_name: str | None = None
    level2_code: str | None = None  # 11 数量指标 ...
    level2_name: str | None = None
    value_period_kind: str | None = None  # annual (年度指标值) | cycle (实施周期指标值) | target
    comparison: str | None = None  # >=, <=, =, >, <, range; None when qualitative
    number_text: str | None = None
    number: Decimal | None = None
    number_high: Decimal | None = None  # upper end of a range
    printed_decimals: int | None = None
    unit: str | None = None
    period: str | None = None  # 年, 季度, 月 (from /年, /季度 or 每月)
    is_qualitative: bool = False
    sequence_no: int | None = None  # printed number of the indicator (1、2、...)


@direct_init
@dataclass(frozen=True)
class Attribute:
    """A printed fact that is text, not a number: project name, grade (优), fund source, period."""

    attribute: str
    value_text: str
    line_start: int
    line_end: int
    raw_text: str
    page: int | None = None
    subject: str | None = None


@direct_init
@dataclass(frozen=True)
class Finding:
    """Something the parser noticed and could not resolve with certainty (never silently guessed)."""

    rule_id: str  # e.g. LOAD-UNPLACED, LOAD-AMBIGUOUS-ROW, LOAD-INCOMPLETE-TABLE
    severity: str  # error | warning | info
    message: str
    line_start: int | None = None
    line_end: int | None = None
    raw_text: str | None = None
    page: int | None = None


@direct_init
@dataclass(frozen=True)
class Statement:
    """One number bound in a sentence of fiscal prose (说明, 情况说明, evaluation report), with its role.

    Produced by the statement reader (``loaders/statements/``) for every document kind, PDF and text alike.
    A sentence with several numbers gives several statements sharing ``sentence_index``. Textual facts
    that rules need (a placeholder, an empty reason, a note that a table is empty) are statements whose
    ``role`` names them and whose value is None."""

    sentence_index: int  # the sentence, per document, in order of appearance
    line_start: int
    line_end: int
    sentence: str  # the whole sentence as printed, wrapped lines joined
    raw_text: str  # the printed line(s) the number stands on
    role: str  # amount | prior_amount | change | growth_pct | share_pct | completion_pct | count | placeholder | empty_reason | empty_table_note | text marks (text_marks.py)
    value_text: str | None = None  # digits exactly as printed
    value: Decimal | None = None  # exact, in the printed unit; sign never folded in (see direction)
    printed_decimals: int | None = None
    printed_unit: str | None = None  # 元 | 万元 | 亿元 | % | 个 | 人 | 辆 | 次 ...
    page: int | None = None
    section: str | None = None  # heading the sentence stands under
    subject: str | None = None  # what the number is about, as printed (quotes stripped): 住房公积金, “三公”经费 -> 三公经费
    subject_kind: str | None = None  # function_class | economic_class | three_public | procurement | operation_fund | revenue | expenditure | basic_expenditure | project_expenditure | performance_targets | assets | other
    subject_path: str | None = None  # function class names as printed, 类/款/项 joined with '/'
    parent_subject: str | None = None  # the whole a listed part belongs to (其中, 三公 parts, 政府采购 categories)
    list_index: int | None = None  # sentence_index of the statement that names the whole; parts of one whole share it
    period_year: int | None = None  # the year the amount is of (本年 -> the document's year when known)
    basis: str | None = None  # budget | initial_budget | adjusted_budget | execution | final_accounts | actual
    compared_year: int | None = None  # change / growth / prior_amount: the year compared with
    compared_basis: str | None = None  # basis of that comparison (预算, 预算执行数, 决算 ...)
    direction: int | None = None  # +1 增加/增长, -1 减少/下降, 0 持平/无变化; None when not a change
    reason_text: str | None = None  # the 主要原因 clause that follows, as printed
    reason_direction: int | None = None  # the direction the reason itself states (经费增加 -> +1), None when none
    scope: str | None = None  # the area or level the sentence is about (全省100个县区, 41个县, 市本级), as printed last in its section


@dataclass
class DocumentFacts:
    """What a parser read about the document as a whole."""

    kind: str | None = None
    fiscal_year: int | None = None
    department: str | None = None
    unit: str | None = None
    title: str | None = None
    page_count: int | None = None
    level: str | None = None  # 中央 | 省 | 市 | 区县 | 乡镇(街道): the tier the document or its department names


@dataclass
class ParseResult:
    facts: DocumentFacts
    figures: list[Figure] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    attributes: list[Attribute] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)


class ParseError(Exception):
    """The document cannot be parsed at all (truncated, missing required parts of the layout it has)."""


class LayoutMismatch(ParseError):
    """This parser does not read the document's form (a PDF given to a text parser, no table or form of its
    layout found): the loader reads the document with the general parser instead, and says so."""
