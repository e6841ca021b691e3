"""A printed performance-indicator value -> comparison, number(s), unit and period.

Indicator targets are printed in many ways: ``100%``, ``≥90%``, ``≦2``, ``≥1份/季度``, ``≥15万``,
``对6-12宗案件开展案件评查``, ``微信公众号年度信息发布200条以上``, ``办结率不低于95%``,
``全年全区出租屋平均抽查登记率为达95%``, ``发布``, ``有所提升``, ``每月总结分析…``.

``parse_indicator_value(text)`` reads ONE value (one clause) and returns an :class:`IndicatorValue`:

* ``comparison``: ``>=``, ``<=``, ``>``, ``<``, ``=``, ``~`` (约 / 左右) or ``range`` (``6-12宗``); ``None``
  when the value is qualitative (no number: ``发布``, ``有所提升``, ``每月…``).
* ``number`` (exact ``Decimal``), ``number_high`` for the upper end of a range, ``number_text`` as
  printed (``"6-12"`` for a range), ``printed_decimals`` (of the lower end).
* ``unit`` as printed after the number (``%``, ``份``, ``条``, ``万``, ``万次`` …; a 万/亿 multiplier is kept
  in the unit, conversion is not done here) and ``period`` (``/年`` -> 年, ``/季度`` -> 季度, ``每月`` -> 月).
* ``text``: the printed value, stripped, kept as it was.
* ``extra_numbers``: numbers in the clause that the rules did not use (the caller reports them as a
  finding instead of dropping them silently). Dates (``2024年底前``, ``2023-2024年度``, ``6月底前``,
  ``12月31日``) are deadlines, not targets: their digits are never taken for the number.

``split_value_clauses(text)`` splits a cell that states several targets (``…发布200条以上，年度阅读量
达到5万次``) into clauses with their offsets, but only when more than one clause carries a number;
otherwise the whole text is one clause. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from loaders.numbers import NUMBER_PATTERN, normalize_digits, parse_number

# Comparison written as a symbol directly in front of the number.
_SYMBOLS = [
    ("≥", ">="), ("≧", ">="), (">=", ">="), ("=>", ">="), ("⩾", ">="),
    ("≤", "<="), ("≦", "<="), ("<=", "<="), ("=<", "<="), ("⩽", "<="),
    (">", ">"), ("<", "<"), ("=", "="),
]
# Comparison written as words in front of the number (longest first when matching).
_WORDS_BEFORE = {
    "大于等于": ">=", "大于或等于": ">=", "不低于": ">=", "不少于": ">=", "不小于": ">=", "不得低于": ">=",
    "不得少于": ">=", "至少": ">=", "最少": ">=", "达到": ">=", "达": ">=", "超过或等于": ">=",
    "小于等于": "<=", "小于或等于": "<=", "不高于": "<=", "不超过": "<=", "不多于": "<=", "不大于": "<=",
    "不得高于": "<=", "不得超过": "<=", "最多": "<=", "控制在": "<=",
    "高于": ">", "超过": ">", "大于": ">", "多于": ">", "超": ">",
    "低于": "<", "少于": "<", "小于": "<",
    "约": "~", "大约": "~",
}
# Comparison written as words after the number and its unit.
_WORDS_AFTER = {
    "及以上": ">=", "以上": ">=", "或以上": ">=",
    "及以下": "<=", "以下": "<=", "或以下": "<=", "以内": "<=", "之内": "<=",
    "左右": "~",
}
_MULTIPLIERS = "万亿千百"
_BASE_UNITS = sorted(
    (
        "% ‰ 人次 场次 批次 户次 家次 个工作日 工作日 个月 小时 分钟 平方米 公里 元 名 个 次 条 篇 场 份 人 户 件 "
        "宗 项 家 所 套 台 册 期 天 日 周 月 年 间 张 本 辆 米 吨 批 类 分 块 处 例 起 本 课时 学时 门 座 宗"
    ).split(),
    key=len,
    reverse=True,
)
_UNIT_RE = re.compile(rf"(?P<mult>[{_MULTIPLIERS}])?(?P<base>{'|'.join(map(re.escape, _BASE_UNITS))})?")
_PERIODS = {"年": "年", "年度": "年", "季度": "季度", "季": "季度", "月": "月", "半年": "半年", "周": "周", "天": "天",
            "日": "天"}
_SLASH_PERIOD_RE = re.compile(r"^\s*[/／每]\s*(?P<p>半年|年度|季度|年|季|月|周|天|日)")
_EVERY_PERIOD_RE = re.compile(r"每(?P<p>半年|年度|季度|年|季|月|周|天|日)")
_NUM_RE = re.compile(NUMBER_PATTERN.replace("[-−]?", ""))
_RANGE_SEP = r"(?:-|~|～|－|—|–|至|到)"
_RANGE_RE = re.compile(rf"(?P<lo>{_NUM_RE.pattern})\s*(?P<lounit>%)?\s*{_RANGE_SEP}\s*(?P<hi>{_NUM_RE.pattern})")
_CLAUSE_SEP_RE = re.compile(r"[，,；;。]")
# Dates are deadlines, not targets: "2024年底前完成", "2023-2024年度", "6月底前", "12月31日前".
_DATE_RE = re.compile(
    r"(?:19|20)\d{2}\s*[-—–~～至到]\s*(?:19|20)?\d{2}\s*年度?"
    r"|(?:19|20)\d{2}\s*年度?(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?"
    r"|\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|\d{1,2}\s*月(?=底|前|末|份|中旬|上旬|下旬|初)"
)


def _mask_dates(text: str) -> str:
    """Dates replaced by spaces (offsets stay), so their digits are not taken for the target."""
    return _DATE_RE.sub(lambda m: " " * len(m.group()), text)


@dataclass(frozen=True)
class IndicatorValue:
    text: str
    comparison: str | None = None
    number_text: str | None = None
    number: Decimal | None = None
    number_high: Decimal | None = None
    printed_decimals: int | None = None
    unit: str | None = None
    period: str | None = None
    is_qualitative: bool = True
    extra_numbers: tuple[str, ...] = field(default=())


def _normalize(text: str) -> str:
    """Full-width digits, %, comparison symbols to ASCII; the length of the text is kept."""
    return normalize_digits(text).translate(str.maketrans({"＞": ">", "＜": "<", "＝": "=", "／": "/"}))


def _comparison_before(prefix: str) -> str | None:
    stripped = prefix.rstrip()
    for symbol, comparison in _SYMBOLS:
        if stripped.endswith(symbol):
            # ">=" ends with "=", so the longer symbols are listed first.
            return comparison
    for word in sorted(_WORDS_BEFORE, key=len, reverse=True):
        if stripped.endswith(word):
            return _WORDS_BEFORE[word]
    return None


def _comparison_after(suffix: str) -> str | None:
    stripped = suffix.lstrip()
    for word in sorted(_WORDS_AFTER, key=len, reverse=True):
        if stripped.startswith(word):
            return _WORDS_AFTER[word]
    return None


def _period(text: str, after_unit: str) -> str | None:
    slash = _SLASH_PERIOD_RE.match(after_unit)
    if slash:
        return _PERIODS[slash.group("p")]
    every = _EVERY_PERIOD_RE.search(text)
    if every:
        return _PERIODS[every.group("p")]
    return None


def parse_indicator_value(text: str) -> IndicatorValue:
    """Parse one printed indicator value (one clause); see the module docstring."""
    printed = text.strip()
    norm = _mask_dates(_normalize(printed))
    range_match = _RANGE_RE.search(norm)
    first = _NUM_RE.search(norm)
    if first is None:
        every = _EVERY_PERIOD_RE.search(norm)
        return IndicatorValue(text=printed, period=_PERIODS[every.group("p")] if every else None,
                              is_qualitative=True)
    if range_match is not None and range_match.start() == first.start():
        low = parse_number(range_match.group("lo"))
        high = parse_number(range_match.group("hi"))
        number_text = printed[range_match.start("lo"):range_match.end("hi")]
        end = range_match.end("hi")
        comparison = "range"
        start = range_match.start("lo")
    else:
        low = parse_number(first.group())
        high = None
        number_text = printed[first.start():first.end()]
        end = first.end()
        comparison = None
        start = first.start()
    while end < len(norm) and norm[end] in " \t\u3000":
        end += 1
    unit_match = _UNIT_RE.match(norm, end)
    unit = unit_match.group() or None
    if unit is None and comparison == "range" and range_match.group("lounit"):
        unit = "%"
    after_unit = norm[unit_match.end():]
    if comparison is None:
        comparison = _comparison_before(norm[:start]) or _comparison_after(after_unit) or "="
    used_end = unit_match.end()
    extra = tuple(m.group() for m in _NUM_RE.finditer(norm) if m.start() >= used_end or m.end() <= start)
    return IndicatorValue(
        text=printed,
        comparison=comparison,
        number_text=number_text,
        number=low.value,
        number_high=high.value if high else None,
        printed_decimals=low.decimals,
        unit=unit,
        period=_period(norm, after_unit),
        is_qualitative=False,
        extra_numbers=extra,
    )


def split_value_clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the clauses of a value cell; one span for the whole text unless more than
    one clause (separated by ，,；;。) carries a number. Spans exclude the separator and outer spaces."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CLAUSE_SEP_RE.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    cleaned: list[tuple[int, int]] = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            cleaned.append((a, b))
    with_numbers = [s for s in cleaned if _NUM_RE.search(_mask_dates(normalize_digits(text[s[0]:s[1]])))]
    if len(with_numbers) <= 1:
        a, b = 0, len(text)
        while a < b and text[a].isspace():
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in "。；;"):
            b -= 1
        return [(a, b)] if a < b else []
    return cleaned
