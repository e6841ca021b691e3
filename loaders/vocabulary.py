"""Controlled vocabulary: printed header and row words -> canonical measure names (English snake_case).

Tables of different documents name the same column differently (合计/总计/小计, 预算执行/执行数/决算数,
工资福利支出/工资福利) and print them in different orders. Readers look every printed header up here, so a
renamed column lands under the same measure and a reordered one is still recognised by its words.

``canonical_measure(text)`` normalises the printed text (full-width brackets and spaces, list prefixes
such as 一、 （一） 1.) and returns the canonical name, or None when the word is unknown. The lookup is
exact on the normalised text first, then tries the text without its parenthetical part.
"""

from __future__ import annotations

import re
from functools import lru_cache

# canonical measure -> printed aliases (normalised form: no whitespace, half-width brackets)
MEASURE_ALIASES: dict[str, tuple[str, ...]] = {
    # totals
    "total": ("合计", "总计", "小计", "收入总计", "支出总计", "合计数"),
    "current_year_revenue": ("本年收入合计",),
    "current_year_expenditure": ("本年支出合计",),
    "budget_amount": ("预算金额", "预算数", "金额", "预算"),
    # phases of a budget
    "initial_budget": ("年初预算", "年初预算数", "年初数"),
    "adjusted_budget": ("调整后预算", "调整预算", "调整后预算数", "全年预算数"),
    "actual": ("预算执行", "执行数", "决算数", "实际支出", "支出决算"),
    "execution_rate": ("执行率", "执行率(%)", "完成率", "完成率(%)", "预算执行率"),
    # expenditure by type
    "basic_expenditure": ("基本支出",),
    "project_expenditure": ("项目支出", "部门项目支出"),
    "public_project_expenditure": ("公共项目支出",),
    "recurrent": ("经常性项目", "经常性专项", "经常性"),
    "one_off": ("一次性项目", "一次性专项", "一次性"),
    # economic classification
    "personnel": ("工资福利支出", "工资福利"),
    "goods_and_services": ("商品和服务支出", "商品服务支出"),
    "subsidies_to_individuals": ("对个人和家庭的补助支出", "对个人和家庭的补助", "对个人和家庭补助"),
    "office_expenses": ("办公费",),
    "printing": ("印刷费",),
    "water": ("水费",),
    "electricity": ("电费",),
    "property_management": ("物业管理费",),
    "outbound_travel": ("因公出国(境)费用", "因公出国(境)经费", "因公出国(境)费"),
    "meetings": ("会议费",),
    "training": ("培训费",),
    "official_reception": ("公务接待费",),
    "labour_services": ("劳务费",),
    "union_funds": ("工会经费",),
    "vehicle_operation": ("公务用车运行维护费", "公务用车运行费"),
    "vehicle_purchase": ("公务用车购置费",),
    "three_public_expenses": ("“三公”经费", "\"三公\"经费", "三公经费"),
    # revenue by source
    "fiscal_appropriation": ("财政拨款收入(财政补助收入)", "财政拨款收入", "财政补助收入", "财政拨款"),
    "general_public_budget": ("一般公共预算", "一般公共预算拨款"),
    "government_fund_budget": ("政府性基金预算", "政府性基金"),
    "state_capital_budget": ("国有资本经营预算",),
    "special_account_funds": ("财政专户管理资金",),
    "business_revenue": ("事业收入(不含财政专户管理资金)", "事业收入"),
    "operating_revenue": ("事业单位经营收入",),
    "higher_level_subsidy": ("上级补助收入",),
    "subsidiary_remittance": ("附属单位上缴收入",),
    "other_revenue": ("其他收入",),
    "business_fund_offset": ("用事业基金弥补收支差额",),
    "fiscal_refund_quota": ("财政应返还额度",),
    "carryover_from_last_year": ("上年结转",),
    "carryover_to_next_year": ("结转下年",),
    "other_funds": ("其他资金",),
    "procurement_total": ("政府采购预算合计",),
}

# Measures that do not add up down a column (rates, shares).
NON_ADDITIVE = {"execution_rate", "stated_share_pct", "stated_change_pct"}

# Words of a row that make it a total or a subtotal row (after spaces are removed).
TOTAL_ROW_WORDS = ("合计", "总计", "本年收入合计", "本年支出合计", "收入总计", "支出总计")
SUBTOTAL_ROW_WORDS = ("小计",)
# Rows that group budget units by type (行政单位 / 事业单位 ...).
UNIT_GROUP_ROW = re.compile(r"^(?:行政单位|事业单位|参照公务员法管理(?:的)?事业单位|参公单位|企业|其他单位)$")
# Rows that group by expenditure type inside a unit, outer level first.
GROUP_ROW_LEVELS: dict[str, int] = {
    "基本支出": 3, "项目支出": 3, "部门项目支出": 3, "公共项目支出": 3,
    "经常性专项": 4, "一次性专项": 4, "经常性项目": 4, "一次性项目": 4,
}

# A phase heading over a block of columns: 2015年预算, 2016年预算, 2015年调整后预算, 2015年决算 ...
PHASE_RE = re.compile(r"^(?P<year>20\d{2})年(?:度)?(?P<phase>预算|调整后预算|年初预算|决算|执行|预算执行)?$")

_FULLWIDTH = str.maketrans({"（": "(", "）": ")", "　": "", " ": "", "\t": "", "：": ":", "％": "%"})
_LIST_PREFIX = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、．]|其中:)")

_ALIAS_INDEX: dict[str, str] = {}
for _measure, _aliases in MEASURE_ALIASES.items():
    for _alias in _aliases:
        _ALIAS_INDEX.setdefault(_alias.translate(_FULLWIDTH), _measure)


def normalize(text: str) -> str:
    """Text as compared: no whitespace (ASCII or full-width), half-width brackets and colon."""
    return "".join(text.translate(_FULLWIDTH).split())  # split() drops what \s matches (str.isspace)


def strip_list_prefix(text: str) -> str:
    text = normalize(text)
    while True:
        stripped = _LIST_PREFIX.sub("", text, count=1)
        if stripped == text:
            return text
        text = stripped


@lru_cache(maxsize=16384)  # a pure function of the text (the vocabulary is fixed at import), called per cell
def canonical_measure(text: str) -> str | None:
    """Printed header or row word -> canonical measure, or None if the word is not in the vocabulary."""
    key = strip_list_prefix(text)
    if key in _ALIAS_INDEX:
        return _ALIAS_INDEX[key]
    bare = re.sub(r"\([^)]*\)$", "", key)
    if bare != key and bare in _ALIAS_INDEX:
        return _ALIAS_INDEX[bare]
    return None


def aliases_of(measure: str) -> tuple[str, ...]:
    return tuple(a.translate(_FULLWIDTH) for a in MEASURE_ALIASES.get(measure, ()))


def is_total_word(text: str) -> bool:
    return normalize(text) in TOTAL_ROW_WORDS


def is_subtotal_word(text: str) -> bool:
    return normalize(text) in SUBTOTAL_ROW_WORDS
