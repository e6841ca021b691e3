"""Read the statements of fiscal prose: every number in a sentence bound to its subject, period, basis and role.

``read_statements(document, facts) -> (statements, findings)`` is pure and runs on every document of every
kind, PDF and text alike. Steps, each linear in the text:

1. lines (``lines.py``): prose, table, heading or skipped, with their provenance;
2. blocks: runs of prose lines not interrupted by a table or a heading (blank lines and page numbers do not
   interrupt, so a sentence wrapped over lines and pages is joined);
3. sentences: a block cut after 。；!? and before a list item that starts a printed line (1. （一） 一、);
4. tokens: subjects (``grammar.SUBJECT_RE``, ``FUNCTION_CLASS_RE``) found and masked first, then bases,
   years, comparisons, directions, shares, completions, lists, reasons and numbers with their units;
5. binding: each number takes the last subject before it in its sentence (or the subject of the list item
   the sentence belongs to), the period and basis of its clause, and a role from the words around it.

A number with a money unit or % in a sentence with a fiscal word that cannot be bound (no subject, or no
role) is a ``LOAD-UNBOUND-STATEMENT`` finding: never guessed.

Labels (1.5.22): the one noun a sentence prints before its first colon (一般公共预算支出：年初预算为…), and a numbered
item that is one noun and nothing else (（一）一般公共预算收入。), name the numbers after them whose clause prints no noun of
its own, as a heading does; a clause of only another basis (…支出年初预算为X万元，调整预算为Y万元，决算数为Z万元) is of the
noun before it; a completion keeps the stage of the budget it names (完成调整预算的96.3%: compared_basis adjusted_budget);
年初预算为X，增加Y，调整为Z is one adjustment (``_initial_then_adjusted``). An item's noun goes on in the sentences after it
only up to a noun of their own, and a clause after a ； that ended with another noun is left unbound (ambiguous).

Wholes named before their parts (1.4.0): a noun the sentence opens with, after its year, organisation or budget words and
before any number, names the whole of what follows its 中， (2023年“三公”经费财政拨款支出决算中，因公出国(境)费…): the
parts take the basis and year that lead-in prints, and their whole is the amount of that noun, basis and year stated
before them; a 主要支出事项：/主要包括： after a part breaks that part down (its amounts are no parts of the list), and a
sentence ended (。) after such a breakdown is followed by the list's next part when it opens with a sibling (公用经费…
after 人员经费…，主要包括：…。); a list the text ends inside (an excerpt cut after 、) is reported, not summed; an
amount dated before the document's year (去年全年…完成310682万元, 2023年…完成110亿元 in a 2024 document) and followed
by a 同比 change of its own is the current side of that change, with no year (``_own_comparison``). A budget adjusted
(总收入由397959万元调整为409959万元，调增12000万元) states the budget before (prior, 年初), the adjusted one and the change;
为调整预算的x% and 预算执行比例为x% are completions; a noun before its verb with nothing after the verb names the amount
(全区一般公共预算收入预计为878.6亿元, 县本级一般公共预算支出安排28.4亿元; a fund source such as 一般公共预算 is none). A share
whose clause opens with a noun of its own (…，税收占…的比重为71.1%) is the share of the amount that noun names
(``_abbreviated``: 税收 → 税收收入) or of the noun itself, never of the amount before it (heldout7). A whole said to be made
of its parts (支出总计X万元，由A a万元，加B等b万元构成; 由… opening the sentence after the whole's) lists them as 其中 does. A
share whose phrase names its whole (占总收入的35.39%), outside a list of that whole, is a share of the one amount an
earlier sentence of the same scope states for that name (``_named_whole``).
Shares (1.3.7): a share, change or growth after an amount whose own clause names it (…项目支出X万元，…，经营支出95.03万元，
占总支出0.35%) is that amount's, not the subject the vocabulary knows printed before it.
Breakdowns (1.3.6): a bracket opened right after an amount and naming two or more amounts (…运行费28万元（购置费0万元，
运行维护费28万元）) breaks that amount down, as （其中：…） does; 负增长 is a decrease.
Lines (1.3.5): a direction word printed in brackets (较上年(减少)16.23万元, (减)幅23%) is read as the word, and a space
between a number and its % (增44 %) is dropped (``lines._squeeze``).
Nouns (1.3.4): what a completion is of (完成年度预算的96.6%, 为年度预算的x%) is no subject, so the growth after it
stays the amount's; a year printed without its 年 (2021全区…) does not hide the noun after it; a total named by
总量 (收入总量) is a noun; a sentence opening with 其中， names its part like one opening with 其中：.
Comparisons (1.3.3): the noun printed right before 较上年 / 比上年 / 比2019年 names the change that follows (the year
compared with was taken for the start of the noun, and 工资福利支出较上年增加… was left unbound); 增/减 as one
character and 增幅, 涨幅, 减幅, 降幅 are directions, so 增幅17.18% is the change's growth rate.
Lines (1.3.2): a text line starting with an amount stays where it is printed when the line before it asks for that amount
(…本年预算安排 | 27.78万元；…, …指标值:≥ | 9次；…), and a line giving the asked number after a verb (…预算执行数 | 为1,746.91万元)
continues the line before: the layout-swap repair (``lines.repair_swapped_lines``) moved such lines in 28 of 2,000 generated
documents (none in the real ones) and a prior year's amount was read as the budget's; a line ending in 主要原因是 asks for words.
Scopes (1.3.1): a place named where a sentence opens (忻州市一般公共预算收入…) is the scope of its paragraph, and a
全市 in that paragraph is that place's (忻州市/全市); a split heading (地方收入按构成分：, 按级次分：) is the scope of what
follows it (``grammar.PLACE_SCOPE_RE``, ``SPLIT_SCOPE_RE``).
Structure (1.3.0): a list's whole, its end and its parts are read from the sentence's clauses and brackets (see
``_shape``, ``_decide``, ``_not_a_part``; README "statements"); a reason explains the clause it follows; each
sentence carries its scope (``grammar.SCOPE_RE``) for the copy rule; a cut excerpt's 主要原因 is no empty reason.
Locations (1.2.2): an empty reason stands on the lines of its whole sentence, to the line of its closing 。 (the
emptied reason's line), not only on the line of 原因是.
Wholes (1.2.0): a share (占X的z%) is a share of its list's whole only when X names that whole or none (占比); a
share of the part's own budget (占年初预算) or of another aggregate is not checked and is reported, and a part naming
another aggregate as its whole leaves its list ambiguous. A list naming its whole without an amount before its
parts is never bound to an amount of that name stated in a later sentence or for another period (ambiguous,
reported). 万 alone after a number in a money clause of a sentence that states money is 万元.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from loaders.records import DocumentFacts, Finding, Statement
from loaders.statements import grammar as g
from loaders.statements.lines import SourceLine, source_lines

READER_VERSION = "1.5.22"
UNBOUND_RULE = "LOAD-UNBOUND-STATEMENT"
AMBIGUOUS_LIST_RULE = "LOAD-AMBIGUOUS-LIST"

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


@dataclass
class _Block:
    text: str
    offsets: list[int]  # start offset of each line in ``text``
    lines: list[SourceLine]
    section: str | None
    table_title: str | None


@dataclass
class _Subject:
    name: str
    kind: str
    path: str | None = None
    basis: str | None = None
    conjuncts: tuple[str, str] | None = None  # “A及B”: the two subjects it joins, stated with one amount


@dataclass
class _List:
    """A list of parts and its whole. A list opened inside another (a nested 其中, a bracketed （含…）) has that list as
    ``outer``. ``members``: the records already given this whole (cleared when the list turns out ambiguous)."""
    whole: _Subject
    index: int
    part_kinds: set = field(default_factory=set)
    outer: "_List | None" = None
    members: list = field(default_factory=list)
    ambiguous: str | None = None
    item_style: str | None = None  # an item list: the numbering style of its items (set by the first item)
    unreported: Finding | None = None  # an ambiguity not yet reported: no part was bound when it was found
    added: tuple = ()  # the head words of amounts the whole's sentence adds to it (加上年结余…): see ``_shape``
    candidates: list | None = None  # amounts stated side by side before a 其中 opening a sentence: see ``_decide``
    whole_record: dict | None = None  # the statement of the whole's amount, when the list names one
    basis: str | None = None  # the basis an X中， lead-in prints for its parts (“三公”经费支出决算中，: final_accounts)
    # the mark of the item that goes on with the list after a ； (其中：(1)A…；(2)B…: ("(n)", 2)), when its first part
    # was numbered
    next_mark: tuple[str, int] | None = None
    year: int | None = None  # the year it prints (2023年“三公”经费…决算中，)
    last_ordinal: int | None = None  # an item list: the number of its last item (a 1 after it starts another list)


@dataclass
class _State:
    fiscal_year: int | None
    next_sentence: int = 0
    item_list: _List | None = None
    item_subject: _Subject | None = None
    inline: _List | None = None
    carry: _Subject | None = None  # subject of a sentence that ended with ；
    # the noun a numbered heading is (二、公务接待费), for the first sentence of its section (see ``_heading_subject``)
    heading: _Subject | None = None
    # the subject of a sentence that ended (。) with its one amount (…财政拨款收入决算总计177.28万元。): a next sentence
    # that opens with a comparison and names no noun (与2016年相比增加22.13万元，增加12.28%) states its change
    ended_amount: _Subject | None = None
    last_main: tuple[_Subject, int, "_List | None", dict] | None = None  # main subject of the last sentence
    # with statements, its sentence, the list its amount is a part of and its statement
    in_reason: bool = False  # a reason (原因是：1、…；2、…) goes on: its sentences name no whole for a list
    # how the amounts of the sentence of ``last_main`` stand (``_Reader._shape``): which one a 其中 opening the next
    # sentence breaks down
    last_shape: tuple[str, object] = ("one", None)
    # bracketed lists a sentence ended with ； left open: （其中，A…；B…） goes on in the next sentence to its ）
    outer_lists: list = field(default_factory=list)
    scope: str | None = None  # the area or level the sentences are about (全省100个县区, 41个县, 市本级), as printed
    place: str | None = None  # a place named where a sentence of the current paragraph opens (忻州市)
    place_block: object = None  # the paragraph (block) it was named in
    last_statements: list[dict] = field(default_factory=list)
    # a list whose sentence ended (。) breaking its last part down (其中：人员经费489.18万元，主要包括：…。): the next
    # sentence goes on with it when it opens with a sibling of that part (公用经费46.89万元，主要包括：…。)
    after_detail: "_List | None" = None


def _blocks(lines: list[SourceLine]) -> list[_Block | SourceLine]:
    """Prose blocks, and the table or heading lines that carry a placeholder, in document order."""
    blocks: list[_Block | SourceLine] = []
    section = table_title = None
    parts: list[str] = []
    offsets: list[int] = []
    members: list[SourceLine] = []
    size = 0

    def close():
        nonlocal parts, offsets, members, size
        if members:
            blocks.append(_Block("".join(parts), offsets, members, section, table_title))
        parts, offsets, members, size = [], [], [], 0

    for line in lines:
        if line.kind == "skip":
            continue
        if line.kind != "prose":
            close()
            text = line.text
            if g.placeholder_at(text):
                blocks.append(line)
            if line.kind == "heading":
                section = text
            if text.endswith("表") and len(text) <= 60:
                table_title = text
            continue
        offsets.append(size)
        members.append(line)
        text = line.text
        parts.append(text)
        size += len(text)
    close()
    return blocks


def _sentences(block: _Block) -> list[tuple[int, int]]:
    """(start, end) of the sentences of a block."""
    text = block.text
    cuts = {0, len(text)}
    for match in g.SENTENCE_END_RE.finditer(text):
        cuts.add(match.end())
    for offset in block.offsets[1:]:
        if g.LIST_MARK_AT_RE.match(text, offset):
            cuts.add(offset)
    ordered = sorted(cuts)
    return [(a, b) for a, b in zip(ordered, ordered[1:]) if text[a:b].strip("。；;！？ ")]


def _decimal(text: str) -> tuple[Decimal, int]:
    plain = (text if text.isascii() else text.translate(_FULLWIDTH)).replace(",", "")
    decimals = len(plain.split(".", 1)[1]) if "." in plain else 0
    return Decimal(plain), decimals


# shared pieces of the noun regexes below: a scope printed before a noun (全市, 本县, 我镇), the adverbs and the copula of
# the verb between a noun and its number (累计完成为, 预计达到)
_SCOPE_WORD = r"[全本我][省市州盟县区旗镇乡]"
_VERB_ADVERBS = r"(?:已经|已)?(?:预计|累计|实际|共)?"
_VERB_COPULA = r"(?:为|是|达到?|约|安排)"


# a noun with a bracketed qualifier inside or after it (经费拨款(补助)收入, 一般转移支付收入(镇本级)): CJK before, 1-10 CJK
# inside (no numeral of a list mark), CJK after or none
_INNER_QUALIFIER_RE = re.compile(
    r"([\u4e00-\u9fff“”]{2,12})[（(]((?![一二三四五六七八九十]+[）)])[\u4e00-\u9fff]{1,10})[）)]([\u4e00-\u9fff“”]{0,10})")
# (the words after such a bracket that are only the verb before the number: 完成, 累计实现, 预计为 …)
_VERB_TAIL_RE = re.compile(_VERB_ADVERBS + r"(?:(?:实现|完成|执行)" + _VERB_COPULA + r"?|" + _VERB_COPULA + r")")


_ACHIEVED_BEFORE_NOUN_RE = re.compile(
    r"(?:[0-9]{1,2}(?:[-—－~～至][0-9]{1,2})?月份?|[上下]半年|前[一二三]季度|[一二三四]季度)?"
    r"(?:(?:" + _SCOPE_WORD + r"|我局)(?:累计)?(?:实现|完成)?|(?:累计)?(?:实现|完成))?"
    r"(?=[\u4e00-\u9fff“])")
# the noun of a total printed after its parts (收入总量为610,013万元, 支出合计…)
_TRAILING_TOTAL_RE = re.compile(r"(?:总量|合计|总计|共计|总额)$")
_RUNNING_SUM_WORD_RE = re.compile(r"(?<![增追])加上?|减去|扣除")
# what is subtracted from a revenue, printed before an increase in a reason (退税规模有所增加, 减免税额增加): the
# increase of such a thing is a decrease of the revenue it explains
_SUBTRACTING_BEFORE_RE = re.compile(r"(?:退税|退库|减免|减税|降费|抵扣|留抵|扣除)[^，,；;。]*$")
_COMPARED_SIDE_RE = re.compile(
    r"(?:相比|比|较|与)(?:上一?年度|上年|去年|[0-9]{4}年度?|同期|(?=(?:年初|调整后|全年)?预算))")
_BARE_SIDE_RE = re.compile(r"(?:同期)?(?:累计|实际)?(?:支出|收入|完成)?(?:数|额)?")


def _generic_subject(phrase: str) -> _Subject | None:
    """The noun printed right before a number when the vocabulary knows none (see ``grammar.GENERIC_HEAD_RE``)."""
    # 一般公共预算支出调整为68000万元 (no 由): the verb of the adjustment is not part of the noun
    phrase = _ADJUSTED_TO_TAIL_RE.sub("", phrase.rstrip("：: "))
    phrase = phrase.rstrip("占比的是为达约由：: ")
    # 一般公共预算总收入由年初预算数277585万元调整为…: the amount adjusted and its basis are not part of the noun
    phrase = _ADJUSTED_FROM_TAIL_RE.sub("", phrase)
    # 上级下达我县直达资金共计62539.49万元: 共计 (in all) is the verb, not part of the noun (合计 / 总计 name a total)
    phrase = _IN_ALL_TAIL_RE.sub("", phrase)
    if phrase.startswith("占"):
        return None  # 占年度预算22443万元的106.9%: the whole a share or completion is of, never a noun of its own
    compared = _COMPARED_SIDE_RE.match(phrase)
    if compared is not None:
        # the side compared with: 比上年财政总收入238960.28万元 names its noun (财政总收入); 比上年累计支出433万元 and
        # 相比预算数6.1亿元 only the clause's own noun (三公经费, 公务用车…费), never a noun of its own
        rest = phrase[compared.end():]
        return None if _BARE_SIDE_RE.fullmatch(rest) or g.GENERIC_BASIS_ONLY_RE.match(rest) \
            else _generic_subject(rest)
    phrase = _YEAR_WITHOUT_NIAN.sub("", phrase)  # 2021全区政府性基金预算收入: a year printed without its 年
    phrase = _FROM_YEAR_RE.sub("", phrase)  # 财政总收入从2015年的109308万元上升到…: the noun is before 从
    cut = g.GENERIC_CUT_RE.match(phrase)
    if cut:
        if cut.end() == len(phrase):
            # nothing after the verb: the noun is before it (全区一般公共预算收入预计为878.6亿元, 一般公共预算支出安排81.6亿元)
            head = _VERB_BEFORE_NUMBER_RE.sub("", phrase)
            # (a fund source is no noun of its own: 其中一般公共预算安排1,085.90万元 is the procurement's; a budget of a
            # named item is: 事业运行经费总预算安排37337407.64元)
            return _generic_subject(head) if head and head != phrase and not g.FUND_SOURCE_TAIL_RE.search(head) else None
        year = _YEAR_AT_END_RE.search(phrase, 0, cut.end())
        if year is not None and year.start() > 0 and g.GENERIC_BASIS_ONLY_RE.match(phrase[cut.end():]):
            # （二）培训费2023年预算2万元: only a basis after the year, the noun is printed before it
            return _generic_subject(phrase[:year.start()])
        phrase = phrase[cut.end():]
    mark = g.LIST_MARK_RE.match(phrase)
    if mark:
        phrase = phrase[mark.end():]  # ——住房改革支出: the item's mark is not part of its noun
    achieved = _ACHIEVED_BEFORE_NOUN_RE.match(phrase)
    if achieved is not None and achieved.end() > 0:
        # 我镇实现财政总收入203541.54万元, 全市政府法定债务余额, (2024年)5月份累计完成地方财政收入: the period, the scope and
        # the verb are not the noun (本级 is)
        phrase = phrase[achieved.end():]
    if phrase.startswith(("其中", "包括")):
        phrase = phrase[2:].lstrip("：:，, ")  # 其中本级收入103万元, 其中，本级收入…: the list word is not part of the noun
    elif phrase.startswith("由"):
        phrase = phrase[1:]  # …，由一般公共预算支出1,867.48万元…构成: the word that opens the parts
    elif phrase.startswith("含"):
        phrase = phrase[1:].lstrip("：:，, ")  # （含专项经费20万元）: what the aside includes
    if "“" in phrase or "”" in phrase or '"' in phrase:
        phrase = phrase.translate(g.QUOTES)
    if phrase.startswith(("支总", "收总", "支合", "收合")):
        phrase = _ELIDED_SIDE_RE.sub(lambda side: _ELIDED_SIDES[side.group(0)], phrase)  # 收入…、支总计 -> 支出总计
    if g.GENERIC_NOUN_RE.match(phrase) and g.GENERIC_HEAD_RE.search(phrase) \
            and not g.GENERIC_BASIS_ONLY_RE.match(phrase):
        if phrase.endswith(_SIDE_BASIS_TAILS):
            # 一般公共预算收入预算, 政府性基金支出决算数: the basis word after the fund's revenue or spending is its basis
            name, basis = _split_basis(phrase)
            return _Subject(name, "other", None, basis)
        return _Subject(phrase, "other")
    inner = _INNER_QUALIFIER_RE.fullmatch(phrase)
    if inner is not None:
        # 经费拨款(补助)收入3565.88万元, 一般转移支付收入(镇本级)180500万元: a bracketed qualifier is part of the noun
        bare = _generic_subject(inner.group(1) + inner.group(3))
        if bare is not None and bare.name == inner.group(1) + inner.group(3):
            return _Subject(inner.group(1) + "（" + inner.group(2) + "）" + inner.group(3), "other")
        # 一般公共预算收入(以下简称财政收入)完成2905.8亿元: a bracket between the noun and its verb; the noun is before it
        if bare is not None and inner.group(1).endswith(bare.name) and _VERB_TAIL_RE.fullmatch(inner.group(3)):
            return bare
    # the noun before the verb or comparison that leads to the number: 总收入实现11335万元, 支出数为242259万元,
    # 一般公共预算财政拨款增加27.44万元, 一般财政公共收入与去年同期相比增长32.2%
    lead = _LEADING_NOUN_RE.match(phrase)
    if lead is not None:
        noun = lead.group(1)
        if g.GENERIC_NOUN_RE.match(noun) and g.GENERIC_HEAD_RE.search(noun) and not g.GENERIC_BASIS_ONLY_RE.match(noun):
            return _Subject(noun, "other")
        if _BODY_NOUN_RE.fullmatch(noun) and _ACHIEVED_TAIL_RE.search(phrase):
            # 税务部门完成16396万元, 市本级完成39.2亿元, 四城区完成18.6亿元: what a collecting body or a level of
            # government achieved (the figures of its clause are its own); named by the body
            return _Subject(noun, "other")
    return None


_IN_ALL_TAIL_RE = re.compile(r"(?:累计)?共计(?:为|达到?)?$")
_ADJUSTED_FROM_TAIL_RE = re.compile(r"由(?:年初预算数?|年初数|预算数?|原预算数?)$")
_ADJUSTED_TO_TAIL_RE = re.compile(r"(?:调整为|调整到|变更为|调为)$")
# a body that collects or spends (税务部门, 地税局, 财政部门) or a level or group of governments (市本级, 四城区, 六县市,
# 省直管县, 市辖区, 工业园区, 经济开发区), before 完成 / 实现 (see ``_generic_subject``)
_BODY_NOUN_RE = re.compile(r"[\u4e00-\u9fff]{0,6}(?:部门|税务局|地税局|国税局|财政局|本级|城区|辖区|县市|县区|直管县|园区|开发区)")
_ACHIEVED_TAIL_RE = re.compile(r"(?:累计)?(?:实现|完成)$")


# a side of a balanced total printed with the other side's word left out (收入476.17、支总计460.06万元; 收、支总计)
_ELIDED_SIDE_RE = re.compile(r"^[收支](?=总计|合计)")
_ELIDED_SIDES = {"收": "收入", "支": "支出"}
# the words a clause opens with before 占 that name what the share is of (税收占…的比重为71.1%), and words that do not
_SHARE_OWN_NOUN_RE = re.compile(r"[\u4e00-\u9fff]{2,12}")
_NOT_A_SHARE_NOUN = frozenset(("分别", "其中", "合计", "共计", "总计", "比重", "同比", "约", "仅", "已", "均", "比例"))
# the verb a noun leads to its number with, when nothing follows it (…收入预计为, …支出安排, …总额达)
_VERB_BEFORE_NUMBER_RE = re.compile(_VERB_ADVERBS + r"(?:实现|完成)?" + _VERB_COPULA + "$")
# the words right before an amount that is the budget a completion is of (完成年初预算数60999万元的40.4%)
_BASIS_AMOUNT_BEFORE = re.compile(r"(?:完成|为|达到?|占)" + g.APPROVED_BY + g.BUDGET_OF_YEAR + r"?(?:预算数?|计划)$")
_YEAR_AT_END_RE = re.compile(r"(?:19|20)[0-9]{2}年度?$")
_YEAR_WITHOUT_NIAN = re.compile(r"^(?:19|20)[0-9]{2}(?=[全本我])")
_LEADING_NOUN_RE = re.compile(
    r"^(?:[0-9]{4}年度?)?(?:全[镇乡县区市]|本[镇乡县区市级]|我[镇乡县区市局]|[省市县区镇乡]级)?(.+?)数?"
    r"(?:累计|预计|实际)?(?:实现|完成|达到|执行|(?:同比|与(?:上年|去年|[0-9]{4}年度?)(?:同期)?相比|[比较](?:上年|去年|[0-9]{4}年度?)(?:同期)?)?"
    r"(?:增加|减少|增长|下降|降低|上升|压减|调减|增|减)?)$")
# a comparison of an amount with the year before its own (…完成88亿元，同比增长10% / 比上年增长10%)
_OWN_COMPARISON_RE = re.compile(r"同比|[比较](?:上年|去年)")
_NOT_A_STATEMENT_BEFORE = frozenset("第.-≥≤＞＜><")
_MINUS = frozenset("-－−")
_SPACES = frozenset(" \u3000\u00a0")
# a number's beginning, and a space right before a number: the number is the rest of one cut by a wrapped line --
# digits and a decimal point, with or without decimals (9. 03, 402.5 6), or digits with a thousands separator and a
# digit after it (2,2 82.77). A run of cells (48.20 47.90万元) cannot be told from a cut decimal: reported too. Never
# integers alone (第3 项, 10 99%) or a separator between two numbers (15.20, 16.40)
_BROKEN_BEFORE_RE = re.compile(r"(?:[0-9０-９]+[.．][0-9０-９]*|[0-9０-９]{1,3}(?:,[0-9０-９]{1,3})+)[ \u3000\u00a0]+$")
_GAP_TO_NUMBER_RE = re.compile(r"(?:为|是)?[：:]?[-－−]?")  # between 差值 / 差异率 and its number
_NEGATIVE_AFTER_RE = re.compile(r"[\u4e00-\u9fff\x00为是：:，,]")
_UNIT_TAIL = re.compile(r"(?:万亿元|万元|亿元|千元|元)$")
_BASIS_WORD_RE = re.compile(r"预算|决算|执行")
_ONLY_SEPARATORS_LEFT = re.compile(r"[：:，, ]*$")
_ONLY_SEPARATORS = re.compile(r"[：:，,\s]*")
_AGAINST_BUDGET_WORDS = frozenset(("超收", "短收"))  # a difference from the year's budget (see the dir token)
# a sentence that opens with what it compares with (与2016年相比…, 比上年…, 较2021年度预算…, 同比…), before any noun
_OPENS_COMPARED_RE = re.compile(
    r"\s*(?:(?:与|和|同)(?:上年|去年|上一?年度?|[0-9]{4}年度?)(?:决算数?|预算数?)?(?:同期)?(?:相比|比较)"
    r"|(?:比|较)(?:上年|去年|上一?年度?|[0-9]{4}年度?)(?:决算数?|预算数?)?(?:同期)?|同比)")
# the rate that states the direction of a difference printed with no verb (与2016年相比21.79万元，增加14.01%)
_VERBLESS_RATE_RE = re.compile(r"[，,]\s*(?P<dir>增加|增长|上升|提高|减少|下降|降低)(?:了|幅度为|幅度|率为|率|为)?\s*"
                               r"[0-9０-９][0-9０-９.,]*\s*[%％]")
_CLAUSE_END = frozenset("，,。；;、")
# a listed amount named by its purpose: 30万元用于基建工程项目审计 (up to the clause's end)
_PURPOSE_RE = re.compile(r"(?:主要)?用于[^，,；;。：:（(]{1,30}")
# nothing but a list mark and separators before a 其中 (其中：… opening its sentence)
_OPENS_SENTENCE = re.compile(g._LIST_MARK.join(("^(?:", ")?")) + r"[：:，,、（( ]*$")
_SPLIT_HEAD_RE = re.compile(r"[：:，, ]*(?:按[\u4e00-\u9fff]{1,10}[：:，,]\s*)?")


def _next_mark(masked: str, at: int) -> tuple[str, int] | None:
    """The mark a list's next numbered part prints, when its first part, right after the list word at ``at`` (and a
    split heading: 其中：按支出项目类别：1、…), is numbered."""
    mark = g.mark_ordinal(masked, _SPLIT_HEAD_RE.match(masked, at).end())
    return (mark[0], mark[1] + 1) if mark else None


_WINDOW = 40  # characters before a number in which its own noun is looked for (bounded: linear cost)
_ANNUAL_BEFORE_RE = re.compile(r"(?:年均|年平均|平均每年|每年平均)$")
_BUDGET_BASES = frozenset(("budget", "adjusted_budget", "initial_budget"))
# a clause that only says what was done (2021年完成, 全年实际执行): the budget stated before it, carried out
_DONE_CLAUSE_RE = re.compile(
    r"\s*(?:(?:19|20)[0-9]{2}年度?|全年|当年|本年度?)?(?:实际)?(?:完成|实现|执行)数?(?:为|了)?\s*")
# a clause that prints only another basis of the noun before it (…支出年初预算为12000万元，调整预算为13500万元，决算数为…)
_BASIS_CLAUSE_RE = re.compile(
    r"\s*(?:(?:19|20)[0-9]{2}年度?)?(?:年初预算|调整后?预算|全年预算|预算执行|预算|决算|执行)数?(?:为|是|达到?)?\s*")
_RISEN_TO_RE = re.compile(r"\s*(?:上升|增长|增加|提高|下降|减少|降低|增|降|减)(?:到|至)\s*(?:19|20)[0-9]{2}年(?:度|底|末)?的?\s*")
_FROM_YEAR_RE = re.compile(r"(?<=[\u4e00-\u9fff])从(?:19|20)[0-9]{2}年(?:度|底|末)?的?$")

# no class name ends with another, so the known name a printed one ends with is found by its length
_CLASS_NAME_LENGTHS = sorted({len(n) for n in g.CLASS_NAMES}, reverse=True)
assert not any(a != b and a.endswith(b) for a in g.CLASS_NAMES for b in g.CLASS_NAMES)

# what a share phrase names between 占 and its number (占支出总预算的78.33%, 占年初预算100%, 占比12%): the words
# closing it that name no whole, and the words that refer to the list's own whole without naming it
_SHARE_TAIL_RE = re.compile(r"(?:的)?(?:比重|比例|份额)?(?:约|达到?|为|是)?[ ]*$")
_SHARE_LEAD_RE = re.compile(r"^(?:比|的)?")
_SHARE_OF_TOTAL_RE = re.compile(r"^(?:总额|总数|总量|合计数?|总计|全部|其总额|总体)?$")
# the bare total of a side: 总支出, 支出总额, 支出合计, 全部支出 (see ``_Reader._side_total``)
_SIDE_TOTAL_RE = re.compile(r"(?:总|全部)(?P<side>支出|收入)|(?P<side2>支出|收入)(?:总额|合计|总计)")
_SHARE_WHOLE_TAIL_RE = re.compile(r"(?:的)?(?:总额|总数|总量|合计数?|总计)$")
# a balanced budget's total (收支总预算, 收支预算总计) and either of its sides (收入预算, 支出总预算) name one amount
_BALANCED_TOTAL_RE = re.compile(r"^收支(?:总)?(?:预算)?$")
_BUDGET_SIDE_RE = re.compile(r"^(?:收入|支出)(?:总)?$")


# the year and the scope printed before a name (2024年, 本年, 全市, 本级, 我县) name no other aggregate
_NAME_YEAR_RE = re.compile(r"^(?:[0-9]{4}年度?)?(?:本年度?|当年|全年)?")
_NAME_SCOPE_RE = re.compile(r"^(?:" + _SCOPE_WORD + r"|[省市县区]本级|本级)")


def _abbreviated(words: str, subjects: list[_Subject]) -> _Subject | None:
    """The subject ``words`` name: the one of that name, else the first whose name starts with them (税收 → 税收收入),
    else the first whose name ends with them (非税收入 → 累计完成非税收入); None when none does."""
    for test in (str.__eq__, str.startswith, str.endswith):
        named = next((s for s in subjects if test(s.name, words)), None)
        if named is not None:
            return named
    return None


def share_named(named: str) -> str:
    """The name a share phrase gives its whole: the words between 占 and the number without 比重为, 的 and the like."""
    return _SHARE_LEAD_RE.sub("", _SHARE_TAIL_RE.sub("", named.translate(g.QUOTES)), count=1)


# a total named by the organisation whose document it is (部门预算总支出, 本单位总收入, 试验区群工部(信访局)预算总支出):
# the document's own total, 总支出 / 总收入 (an organisation: words ending in 部, 局, 委, 中心 … and an optional bracket)
_OWN_TOTAL_RE = re.compile(
    r"^(?:本|我)?(?:部门|单位|[\u4e00-\u9fff]{1,20}?(?:[（(][\u4e00-\u9fff]{1,10}[）)])?"
    r"(?:部|局|委|办|厅|院|中心|所|站|队|校|会|处|馆|园)(?:[（(][\u4e00-\u9fff]{1,10}[）)])?)"
    r"(?:的)?(?:预算|决算)?(?P<total>总(?:支出|收入)|(?:支出|收入)(?:合计|总额))$")


def _name_key(name: str) -> str:
    """A name compared by its words: quotes and spaces dropped, a year or 本年 before it and a basis after it too; the
    organisation's own total is its total (部门预算总支出 -> 总支出)."""
    key = _split_basis(_NAME_YEAR_RE.sub("", name.translate(g.QUOTES)))[0]
    own = _OWN_TOTAL_RE.match(key) if ("总" in key or "合计" in key) else None
    return own.group("total") if own else key


_TOTAL_CORE_RE = re.compile(r"总(?P<a>.{2,12})|(?P<b>.{2,12}?)(?:合计|总额)")


def _total_core(name: str) -> str | None:
    """The noun a total's name totals: 总支出 and 支出合计 (支出总额) both total 支出. Not 总计: a 收支总表's 支出总计
    includes the balances carried forward, which 总支出 does not."""
    match = _TOTAL_CORE_RE.fullmatch(name)
    return (match.group("a") or match.group("b")) if match else None


def _same_aggregate(a: str, b: str) -> bool:
    """Two names of one aggregate: equal, or equal but for a scope (全市, 本级) printed on one of them only (全县支出
    and 本级支出 are two aggregates), or two names of one total (总支出, 支出合计)."""
    if a == b:
        return True
    core_a, core_b = _total_core(a), _total_core(b)
    if (core_a is not None or core_b is not None) and (core_a or a) == (core_b or b):
        return True
    scope_a, scope_b = _NAME_SCOPE_RE.match(a), _NAME_SCOPE_RE.match(b)
    if scope_a and scope_b:
        return False
    return bool(a and b) and _NAME_SCOPE_RE.sub("", a) == _NAME_SCOPE_RE.sub("", b)


def share_whole(named: str, whole: str) -> str:
    """Whose share a share phrase states, against the whole of the list its part stands in: ``"whole"`` when it
    names that whole or none (占比12%, 占总额的12%, 占三公经费的12%); ``"own"`` when it names only a basis (占年初
    预算100%: the part against its own budget, no share of the list's whole); ``"other"`` when it names another
    aggregate (占支出总预算78.33% under 项目支出: the part says it is a part of that, not of the list's whole)."""
    named = share_named(named)
    if _SHARE_OF_TOTAL_RE.match(named):
        return "whole"
    if g.GENERIC_BASIS_ONLY_RE.match(named) or named in g.BASES:
        return "own"
    key, whole_key = (_name_key(_SHARE_WHOLE_TAIL_RE.sub("", n)) for n in (named, whole))
    if _BALANCED_TOTAL_RE.match(whole_key) and _BUDGET_SIDE_RE.match(key):
        return "whole"  # 收支总预算 is the total of either side: 收入预算 = 支出预算 = 收支总预算 (a budget balances)
    return "whole" if key and _same_aggregate(key, whole_key) else "other"


_GENERIC_KINDS = ("expenditure", "revenue", "basic_expenditure", "project_expenditure")
_NOWHERE = object()  # a continued item that belongs to no list (its lists are ambiguous)


def _split_basis(name: str) -> tuple[str, str | None]:
    """一般公共预算支出预算 -> (一般公共预算支出, budget): a basis word printed after a noun is its basis, not its name."""
    suffix = g.SUBJECT_BASIS_SUFFIX_RE.search(name)
    if suffix and suffix.start() >= 2:
        return name[:suffix.start()], g.SUFFIX_BASES[suffix.group(0)]
    return name, None


def _subjects_named(names: list[str]) -> list[_Subject]:
    """The subjects of nouns the words print (a 分别 frame's), each with its kind and the basis word after it."""
    subjects = []
    for name in names:
        kind = g.subject_kind(name)
        name, basis = _split_basis(name)
        subjects.append(_Subject(name, kind, name if kind == "function_class" else None, basis))
    return subjects


# a verb of change printed before its noun and the noun's number (减少了“三公”经费342.74万元, 压减一般性支出120万元):
# the number is the change, not the noun's amount. Only verbs that take an object (增加, 减少, 压减, 调增, 调减);
# 新增债券 or 增长 … are not read so
_VERB_BEFORE_NOUN_RE = re.compile(r"(?:增加|减少|压减|调增|调减)了?$")
# (the noun a vocabulary subject, masked; a noun the vocabulary does not know is not read so)
_VERB_NOUN_GAP_RE = re.compile(r"了?\x00+")


# the words a clause may print before its number and still name no noun of its own (2014年预算安排, 较2013年预算下降)
# between a direction word and a rate: the change's amount and an opening bracket (减少1.5万元（42.86%）)
_BRACKETED_RATE_GAP_RE = re.compile(r"\s*[0-9０-９][0-9０-９,.]*\s*" + g.MONEY_UNIT_PATTERN + r"\s*[（(]\s*")
# a web page's reprint notice (凡本网注明“XXX（非本网）提供”的作品，均转载自其它媒体): the site's words, not the document's
# (its traditional characters as the reading text keeps them: 本網注明…转載)
_REPRINT_NOTICE_RE = re.compile(r"本[网網站][^，,。]{0,12}?(?:注明|标明|標明)[^。]{0,60}?[转轉][载載]")
# a printed figure: an amount of money or a rate
_FIGURE_RE = re.compile(g.MONEY_IN_SENTENCE_RE.pattern + r"|[0-9０-９]\s*[%％]")
_NO_NOUN_BEFORE_RE = re.compile(
    r"(?:\s|(?:19|20)[0-9]{2}年度?|本年度?|当年|全年|今年|上年|去年|同比|相比|[比较与]|年初|调整后?|预算|决算|执行|安排|数|为|是|达到?"
    r"|共计?|合计|减少|增加|下降|增长|上升|降低|减|增|了|约|完成|的)*")


def _heading_subject(heading: str | None) -> _Subject | None:
    """The noun a numbered heading is (一、因公出国(境)经费 -> 因公出国(境)经费; （二）一般公共预算支出), None for any
    heading that prints more than one noun (一、收支预算总体情况, 二、2024年公务接待费, 三、A和B)."""
    if not heading:
        return None
    mark = g.LIST_MARK_RE.match(heading)
    if mark is None:
        return None
    return _one_noun(heading[mark.end():].strip().rstrip("：:。 "))


# a sentence's label: the words before its first colon, with no figure or clause break (一般公共预算支出：年初预算为…,
# （1）政府性基金收入：…); see _label_subject
_DIGIT_RE = re.compile(r"[0-9０-９]")
_LABEL_RE = re.compile(r"\s*(?P<words>[^0-9０-９，,。；;：:、]{2,30})[：:]")


def _label_subject(sentence: str) -> _Subject | None:
    """The noun a sentence's label names (一般公共预算支出：年初预算为12000万元，调整预算为…, after a list mark or none), None
    when the words before the colon are not exactly one noun (收入方面：, 其中：, 2023年一般公共预算收入：)."""
    mark = g.LIST_MARK_RE.match(sentence)
    label = _LABEL_RE.match(sentence, mark.end() if mark else 0)
    if label is None:
        return None
    first = _DIGIT_RE.search(sentence, label.end())
    if first is None or not _NO_NOUN_BEFORE_RE.fullmatch(sentence, label.end(), first.start()):
        return None  # 支出：全区政府性基金预算支出70,734万元，…: the clause after the colon prints its own noun
    return _one_noun(label.group("words").strip())


def _one_noun(words: str) -> _Subject | None:
    """The one noun ``words`` are, with nothing else (see _heading_subject and _label_subject)."""
    if not words or len(words) > 30:
        return None
    found, _masked = _subjects(words)
    if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(words):
        return found[0][2]
    if found:
        return None
    generic = _generic_subject(words)
    if generic is None or generic.name != words or words.endswith(("预算", "决算", "计划")):
        return None  # (三、县本级一般公共财政预算: a budget is where its revenue and spending are, no amount of its own)
    return generic


def _subjects(sentence: str) -> tuple[list[tuple[int, int, _Subject]], str]:
    """Subject mentions in order, and the sentence with them masked (same length)."""
    found: list[tuple[int, int, _Subject]] = []
    for marker in ("（类）", "(类)", "（类)", "(类）"):
        at = sentence.find(marker)
        while at >= 0:
            first = at
            while first > at - 30 and first > 0 and "\u4e00" <= sentence[first - 1] <= "\u9fff":
                first -= 1
            if first < at:
                name = sentence[first:at]
                known = next((name[-k:] for k in _CLASS_NAME_LENGTHS if name[-k:] in g.CLASS_NAME_SET), None)
                start = at - len(known) if known is not None else first
                names = [known or name]
                rest = g.CLASS_REST_RE.match(sentence, at + 3)
                names += [n for n in (rest.group("k"), rest.group("i")) if n]
                names = [n.translate(g.QUOTES) for n in names]
                printed = sentence[start:rest.end()].translate(g.QUOTES)  # 一般公共服务支出（类）…（项）, as printed
                found.append((start, rest.end(), _Subject(printed, "function_class", "/".join(names))))
            at = sentence.find(marker, at + 3)
    if "-" in sentence or "－" in sentence or "—" in sentence or "–" in sentence:
        for m in g.FUNCTION_DASH_RE.finditer(sentence):
            names = [n for n in (m.group("c"), m.group("k"), m.group("i")) if n]
            found.append((m.start(), m.end(), _Subject(m.group(0), "function_class", "/".join(names))))
    taken = sorted((a, b) for a, b, _s in found) if found else []
    starts = [a for a, _b in taken]
    matches = list(g.SUBJECT_RE.finditer(sentence))
    if "用车" in sentence:
        matches += list(g.VEHICLE_RE.finditer(sentence))
    for m in matches:
        if taken:
            i = bisect.bisect_left(starts, m.end()) - 1  # the last path starting before this match ends
            if i >= 0 and taken[i][1] > m.start():
                continue  # inside a function class path already read
        text = m.group(0)
        if text in g.CLASS_NAME_SET and m.start() > 0 and "\u4e00" <= sentence[m.start() - 1] <= "\u9fff":
            continue  # 教育支出 inside 其他教育支出: not the class
        kind = g.subject_kind(text)
        name = text.translate(g.QUOTES)
        basis = None
        if name.startswith("机关运行经费"):
            name = "机关运行经费"  # 机关运行经费支出 / 机关运行经费预算: the fund
            basis = "budget" if text.endswith("预算") else None
        elif kind == "performance_targets" and "的" in name and name.endswith("项目"):
            name = re.sub(r"的[0-9]{4}年度?项目$", "的项目", name)  # 编报绩效目标的2024年度项目 -> …的项目
        else:
            name, basis = _split_basis(name)
            fund = _FUND_BEFORE_SIDE_RE.search(sentence, max(0, m.start() - 8), m.start()) if name in _SIDES else None
            if fund is not None:
                # 政府性基金收入预算为…: 收入 is the tail of the fund's noun, which is the subject (it was bound to 收入)
                found.append((fund.start(), m.end(), _Subject(fund.group(0) + name, kind, None, basis)))
                continue
        found.append((m.start(), m.end(), _Subject(name, kind, name if kind == "function_class" else None, basis)))
    if not found:
        return found, sentence
    found.sort(key=lambda f: (f[0], -f[1]))
    merged: list[tuple[int, int, _Subject]] = []
    reach = -1
    for item in found:
        if item[0] < reach:
            continue  # inside a longer subject already read (公务用车 in 公务用车购置费)
        reach = max(reach, item[1])
        if merged and merged[-1][1] == item[0] and item[2].kind in _GENERIC_KINDS \
                and merged[-1][2].kind not in _GENERIC_KINDS:
            merged[-1] = (merged[-1][0], item[1], merged[-1][2])  # “三公”经费财政拨款支出 -> 三公经费
            continue
        merged.append(item)
    found = merged
    joined: list[tuple[int, int, _Subject]] = []
    for item in found:
        if joined:
            a, b, first = joined[-1]
            between = sentence[b:item[0]]
            if between in _CONJUNCTIONS and first.kind == item[2].kind and first.conjuncts is None \
                    and _AFTER_CONJOINED_RE.match(sentence, item[1]):
                # A及B 13984.61万元: one amount of the two together; its parts are A and B
                second = item[2]
                joined[-1] = (a, item[1], _Subject(first.name + between + second.name, first.kind, None, second.basis,
                                                   (first.name, second.name)))
                continue
        joined.append(item)
    found = joined
    chars = list(sentence)
    for a, b, _s in found:
        chars[a:b] = "\x00" * (b - a)
    return found, "".join(chars)


# a clause that adds to or takes from the amount before (加以前年度结余…, 减去上解支出…), and the clause stating the
# result of that (实际财政可支配收入…, 合计…)
_CLOSED = ("。", "；", ";", "！", "？", "：", ":")
_ADDS_RE = re.compile(r"(?:再|另)?(?:加上|加|减去|减除|扣除|扣减|剔除)")
_RESULT_RE = re.compile(r"实际|合计|共计|总计|总额|可支配|可用|累计")
_BRACKETED_RE = re.compile(r"[（(][^（()）]{0,12}[）)]")
# two subjects joined by 及 / 以及 / 和 and stated with one amount (公务用车运行维护费及公务用车购置费13984.61万元)
_CONJUNCTIONS = ("及", "以及", "和")
_AFTER_CONJOINED_RE = re.compile(r"[0-9０-９为是共合达]")


_BRACKET_RE = re.compile(r"[（()）]")
# (the basis words of grammar.SUFFIX_BASES that are a budget's or a 决算's: 预算, 年初预算数, 调整后预算, 决算数 …)
_SIDE_BASIS_TAILS = tuple(side + word for side in ("收入", "支出") for word in g.SUFFIX_BASES
                          if word.endswith(("预算", "预算数", "决算", "决算数")))
# a fund's name right before 收入 / 支出 (政府性基金收入, 一般公共预算支出, 社会保险基金预算收入): one noun with them
_FUND_BEFORE_SIDE_RE = re.compile(r"(?:一般公共预算|公共财政预算|政府性基金预算|政府性基金|国有资本经营预算|社会保险基金预算"
                                  r"|社会保险基金)$")


def _sibling_of_a_part(subject: _Subject, lst: _List) -> bool:
    """Whether the vocabulary places ``subject`` under the same whole as a part already listed (支出，其中：基本支出…；
    项目支出…: 项目支出 is a part beside 基本支出, though of another kind)."""
    mine = g.family(subject.name)
    if mine is None or mine[1] is None:
        return False
    return any((g.family(r["_subject"].name) or (None, None))[1] == mine[1] for r in lst.members if r["_subject"])


def _head_word(name: str) -> str:
    """The last two characters of a name without its basis (一般公共预算财政拨款支出预算 → 支出): what it is an amount of."""
    return _name_key(_BRACKETED_RE.sub("", name))[-2:]


class _WithUnit:
    """A number token read with the unit its run prints after its last number (各是4125.49,4143.91万元)."""

    def __init__(self, m, unit: str):
        self._m, self._unit = m, unit

    def group(self, name=0):
        return self._unit if name == "unit" else self._m.group(name)

    def start(self, *args):
        return self._m.start(*args)

    def end(self, *args):
        return self._m.end(*args)


# 各 as “respectively”: before a verb, a direction or a number (not 各项, 各级, 各部门)
_RESPECTIVE_RE = re.compile(r"分别|各(?=[是为自减增下上降占达完实约共0-9０-９])")
_RUN_SEP_RE = re.compile(r"\s*[、，,和及与]\s*")
_RUN_UNIT_RE = re.compile(rf"(?:\s*[、，,和及与]\s*(?:{g.NUM}))*?\s*[、，,和及与]\s*(?:{g.NUM})\s*(?P<unit>{g.UNIT})")
_NOUN_LEAD_RE = re.compile(r"^(?:[0-9]{4}年度?)?(?:本年度?|当年|今年)?(?:全[省市州县区旗镇乡]|[省市县区]?本级|我[省市县区镇乡局])?")
_NOUN_COMPARED_RE = re.compile(r"(?:同比|[比较](?:上年|去年|[0-9]{4}年度?)(?:同期)?|与(?:上年|去年|[0-9]{4}年度?)(?:同期)?相比)$")
_SIDES = ("收入", "支出")
# a number printed right after a noun or a verb (not a list mark), and the rest of its clause when the next item, after
# a 、, prints its noun and a number with a money unit
_NAMED_BEFORE_RE = re.compile(r"[\u4e00-\u9fff\x00]")
_ITEM_RUN_UNIT_RE = re.compile(rf"、[^0-9０-９，,。；;：:、（()）%％]{{1,20}}?(?:{g.NUM})\s*(?P<unit>万亿元|亿元|万元|千元|元)")
# an item of a coordinated clause: its noun, then its direction or verb, then its number (支出总计减少99.6万元)
_ITEM_NOUN_RE = re.compile(r"\s*(?P<noun>[\u4e00-\u9fff]{2,16}?)\s*(?:减少|增加|下降|增长|为|是|达|共)?\s*[0-9０-９]")
_ORDINAL_RE = re.compile(r"^第?[一二三四五六七八九十]+$")
# a clause that is one item: its noun (after a year), a verb, its amount (2022年度收入总计2110.45万元)
_ONE_ITEM_RE = re.compile(r"\s*(?:[0-9]{4}年度?)?[\u4e00-\u9fff]{2,16}?(?:为|是|达)?[0-9０-９][0-9０-９,.]*\s*(?:万元|亿元|元)\s*")
_ITEM_CUT_RE = re.compile(rf"、|(?<=[0-9０-９元%％])\s*(?:以及|和|及|与)\s*")
_ITEM_LEAD_RE = re.compile(r"^(?:其中|包括|包含|含)[:：]?")
# a clause that only names what is compared, with the year before the document's or none (与2015年相比, 同比, 比上年)
_COMPARED_CLAUSE_RE = re.compile(
    r"(?:(?:与|和|同)(?:上年|去年|上一?年度?|[0-9]{4}年度?)(?:同期)?(?:相比|比较)较?|同比|[比较](?:上年|去年)(?:同期)?)")


class _Respective:
    """A、B分别为x、y万元 (收、支总计各是4125.49,4143.91万元，…各减少1267.86,2570.97万元，各下降23.51%、38.28%): the nouns
    coordinated before 分别 / 各 are paired, in order, with the numbers of each run printed after it (numbers joined by
    、 or a comma; a number without a unit takes the unit its run prints last). A run as long as the noun list binds
    its numbers to the nouns; the numbers after the first share its role (its direction, year and basis). Any other
    number after 分别 / 各 that took one of the nouns is not bound (reported unbound): which noun it is of is not
    printed. The nouns: 收、支总计 → 收入总计, 支出总计; 一般公共预算收入、支出 → 一般公共预算支出 too; 教育、科技支出 → 教育支出."""

    def __init__(self, at: int, nouns: list[_Subject], noun_start: int):
        self.at, self.nouns, self.noun_start = at, nouns, noun_start
        self.runs: list[list[dict]] = []

    @classmethod
    def of(cls, sentence: str, found) -> "_Respective | None":
        if "分别" not in sentence and "各" not in sentence:
            return None
        m = _RESPECTIVE_RE.search(sentence)
        if m is None:
            return None
        begin = max(sentence.rfind(c, 0, m.start()) for c in "，,：:；;") + 1
        nouns = cls._nouns(sentence, found, begin, m.start())
        lead = sentence[begin:m.start()].strip()
        if nouns is None and begin > 0 and (not lead or _COMPARED_CLAUSE_RE.fullmatch(lead)):
            # …，收入减少84.55、支出总计减少99.6万元，分别下降18%、21.6%: nothing before 分别 in its clause, the nouns are
            # those of the clause before, each printed with a number of its own (and so when only what is compared
            # stands before 分别: …，同比分别增长2%和3%); a clause that only says what is compared (包括A0.14亿元和
            # B1.27亿元，与2015年相比，分别减少…) stands between them and is passed over
            end = begin - 1
            before = max(sentence.rfind(c, 0, end) for c in "，,：:；;") + 1
            if before > 0 and _COMPARED_CLAUSE_RE.fullmatch(sentence[before:end].strip()):
                end = before - 1
                before = max(sentence.rfind(c, 0, end) for c in "，,：:；;") + 1
            nouns = cls._item_nouns(sentence[before:end])
            if nouns is None:
                # 收入总计2110.45万元，支出总计2110.45万元，与2021年度相比，各减少…: one item a clause, the clauses
                # before it that are items too (at most four)
                first, at, items = before, end, []
                while len(items) < 4 and _ONE_ITEM_RE.fullmatch(sentence, first, at):
                    items.insert(0, sentence[first:at])
                    before = first
                    if first == 0 or sentence[first - 1] not in "，,":
                        break
                    at = first - 1
                    first = max(sentence.rfind(c, 0, at) for c in "，,：:；;") + 1
                nouns = cls._item_nouns("、".join(items)) if len(items) >= 2 else None
            begin = before if nouns else begin
        # (nouns it cannot name leave the frame unnamed: its runs are then bound to none of them, see ``pair``)
        return cls(m.start(), nouns or [], begin)

    @classmethod
    def _item_nouns(cls, clause: str) -> list[_Subject] | None:
        """The nouns of a clause of coordinated items each printing its noun and a number (收入减少84.55、支出总计减少
        99.6万元 -> 收入, 支出总计), None when an item prints no noun the words can name."""
        # items cut at a 、, or at 和 / 及 / 与 right after an item's number (A0.14亿元和B1.27亿元; never inside a noun
        # such as 公务用车购置及运行费), the list word before the first item passed over (包括, 其中)
        items = _ITEM_CUT_RE.split(_ITEM_LEAD_RE.sub("", clause.strip(), count=1))
        if len(items) < 2:
            return None
        words = [_ITEM_NOUN_RE.match(item, _NOUN_LEAD_RE.match(item).end()) for item in items]
        if not all(words):
            return None
        names = [w.group("noun") for w in words]  # (each printed whole: no 收、支总计 elision to undo)
        if not all(g.GENERIC_NOUN_RE.match(n) and (g.GENERIC_HEAD_RE.search(n) or g.SUBJECT_RE.fullmatch(n))
                   for n in names):
            return None
        return _subjects_named(names)

    @classmethod
    def _nouns(cls, sentence: str, found, begin: int, at: int) -> list[_Subject] | None:
        """The nouns coordinated between ``begin`` and the respective word at ``at``: the words split at the
        separators and named by ``_names``, else the vocabulary's subjects when they fill that span but for
        separators (因公出国(境)经费与公务用车购置及运行维护费); None when they cannot be named."""
        named = cls._named_words(sentence, found, begin, at)
        if named is not None:
            return named
        known = [(a, b, s) for a, b, s in found if begin <= a and b <= at]
        if len(known) >= 2:
            gaps = [sentence[b:a] for (_a, b, _s), (a, _b, _t) in zip(known, known[1:])]
            lead = _NOUN_LEAD_RE.match(sentence, begin, known[0][0])
            tail = _NOUN_COMPARED_RE.sub("", sentence[known[-1][1]:at])
            if all(gap in ("、", "和", "及", "与", "以及") for gap in gaps) and lead and lead.end() == known[0][0] \
                    and not tail:
                return [s for _a, _b, s in known]
        return None

    @classmethod
    def _named_words(cls, sentence: str, found, begin: int, at: int) -> list[_Subject] | None:
        words = sentence[begin:at]
        lead = _NOUN_LEAD_RE.match(words)
        words = _NOUN_COMPARED_RE.sub("", words[lead.end():])
        if not words or not g.GENERIC_NOUN_RE.match(words.replace("、", "")):
            return None
        inside = [(a - begin - lead.end(), b - begin - lead.end()) for a, b, _s in found]
        # A、B和C: 、 between the nouns, and one 和 / 及 / 与 after the last 、 (or alone: A和B), never inside a noun
        # the vocabulary knows (公务用车购置及运行费)
        last = words.rfind("、")
        cuts = [i for i, c in enumerate(words) if c == "、"]
        joint = next((i for i, c in enumerate(words) if i > last and c in "和及与"
                      and not any(a <= i < b for a, b in inside)), None)
        if joint is not None:
            cuts.append(joint)
        if not cuts:
            return None
        parts = [words[i + 1:j] for i, j in zip([-1, *cuts], [*cuts, len(words)])]
        names = cls._names(parts)
        if names is None:
            return None
        return _subjects_named(names)

    @staticmethod
    def _names(parts: list[str]) -> list[str] | None:
        parts = [re.sub(r"^收(?!入)", "收入", re.sub(r"^支(?!出)", "支出", p)) for p in parts]
        if any(not p or _ORDINAL_RE.match(p) for p in parts):
            return None  # 第二、三产业…: an ordinal shares a noun the words do not print whole
        first, last = parts[0], parts[-1]
        if len(parts) == 2 and first.endswith(_SIDES) and len(first) > 2 and last in _SIDES:
            parts = [first, first[:-2] + last]  # 一般公共预算收入、支出
        elif all(p in _SIDES for p in parts[:-1]) and last.startswith(_SIDES) and len(last) > 2:
            parts = [p + last[2:] for p in parts[:-1]] + [last]  # 收、支总计; 收入、支出预算
        else:
            head = g.GENERIC_HEAD_RE.search(last)
            if head is not None and not any(g.GENERIC_HEAD_RE.search(p) for p in parts[:-1]):
                parts = [p + head.group(0) for p in parts[:-1]] + [last]  # 教育、科技支出
        if all(g.GENERIC_NOUN_RE.match(p) and (g.GENERIC_HEAD_RE.search(p) or g.SUBJECT_RE.fullmatch(p))
               for p in parts):
            return parts
        return None

    def with_run_unit(self, m, masked: str):
        ahead = _RUN_UNIT_RE.match(masked, m.end())
        return _WithUnit(m, ahead.group("unit")) if ahead is not None else m

    def add(self, record: dict, masked: str) -> None:
        run = self.runs[-1] if self.runs else None
        if run is not None and _RUN_SEP_RE.fullmatch(masked, run[-1]["_end"], record["_offset"]) \
                and (record["printed_unit"] in g.PERCENT_UNITS) == (run[0]["printed_unit"] in g.PERCENT_UNITS):
            for key in ("role", "direction", "period_year", "basis", "compared_year", "compared_basis"):
                record[key] = run[0][key]
            run.append(record)
        else:
            self.runs.append([record])

    def pair(self, bind) -> None:
        names = {noun.name for noun in self.nouns}

        def of_the_nouns(record: dict) -> bool:  # bound to none, or to a noun of the list (not one of its own)
            return record["_subject"] is None or record["_subject"].name in names \
                or self.noun_start <= record["_subject_pos"] < self.at

        for run in self.runs:
            if self.nouns and len(run) == len(self.nouns) and all(map(of_the_nouns, run)):
                for record, noun in zip(run, self.nouns):
                    bind(record, noun)
                    if noun.basis and record["role"] in ("amount", "prior_amount") and not record.get("_basis_explicit"):
                        record["basis"] = noun.basis
                continue
            if not self.nouns and len(run) < 2:
                continue  # an unnamed frame: only its runs are in doubt
            for record in run:
                # (in an unnamed frame, any subject not printed after the respective word is in doubt)
                if record["_subject"] is not None and (of_the_nouns(record)
                                                       or (not self.nouns and record["_subject_pos"] < self.at)):
                    record["_subject"] = None  # which of the nouns it is of is not printed
                    record["subject"] = record["subject_kind"] = record["subject_path"] = None


class _Depths:
    """How many brackets are open at a position of a sentence (subjects are masked, so 因公出国（境） opens none):
    the brackets are found once per sentence, each position is then looked up (linear in the sentence)."""

    __slots__ = ("positions", "depths")

    def __init__(self, masked: str):
        self.positions: list[int] = []
        self.depths: list[int] = []
        depth = 0
        if "(" in masked or "（" in masked or ")" in masked or "）" in masked:
            for m in _BRACKET_RE.finditer(masked):
                depth += 1 if m.group(0) in "（(" else -1
                self.positions.append(m.start())
                self.depths.append(depth)

    def at(self, pos: int) -> int:
        i = bisect.bisect_left(self.positions, pos) - 1  # the last bracket before pos
        return self.depths[i] if i >= 0 else 0

    def opened(self, pos: int) -> int:
        """Where the innermost bracket open at ``pos`` opens (-1 when none is)."""
        i = bisect.bisect_left(self.positions, pos) - 1
        if i < 0 or self.depths[i] == 0:
            return -1
        depth = self.depths[i]
        while i > 0 and not (self.depths[i] == depth and self.depths[i - 1] == depth - 1):
            i -= 1
        return self.positions[i]


# the same sentence (a template's boilerplate, the same sentence in the next document a worker reads) is split into its
# subjects once: ``_subjects`` is pure, and its callers neither change the list nor the subjects it returns
_subjects = functools.lru_cache(maxsize=8192)(_subjects)


class _Reader:
    def __init__(self, document, facts: DocumentFacts | None):
        self.document = document
        self.year = facts.fiscal_year if facts is not None else None
        self.kind_basis = g.KIND_BASES.get(facts.kind) if facts is not None else None
        self.statements: list[dict] = []
        self.findings: list[Finding] = []
        self.state = _State(self.year)
        self.lists: list[_List] = []
        self._last_block: _Block | None = None
        self._unplaced_shares: list[dict] = []  # shares naming a whole no earlier sentence states (see _later_wholes)

    # provenance -------------------------------------------------------------------------------------------
    def _lines_of(self, block: _Block, start: int, end: int) -> list[SourceLine]:
        first = max(0, bisect.bisect_right(block.offsets, start) - 1)
        last = max(first, bisect.bisect_right(block.offsets, max(start, end - 1)) - 1)
        return block.lines[first:last + 1]

    def _where(self, block: _Block, start: int, end: int) -> dict:
        lines = self._lines_of(block, start, end)
        return {"page": lines[0].page, "line_start": lines[0].number, "line_end": lines[-1].last_number,
                "raw_text": "\n".join(line.raw for line in lines)}

    # reading ----------------------------------------------------------------------------------------------
    def read(self) -> None:
        lines = source_lines(self.document)
        previous_section = object()
        blocks = _blocks(lines)
        # the text's last prose: a sentence it ends without its closing 。 is cut (an excerpt), not left unfilled
        self._last_block = next((b for b in reversed(blocks) if isinstance(b, _Block)), None)
        for block in blocks:
            if isinstance(block, SourceLine):
                index = self._index()
                for m in g.PLACEHOLDER_RE.finditer(block.text):
                    self.statements.append(dict(
                        page=block.page, line_start=block.number, line_end=block.last_number, raw_text=block.raw,
                        sentence_index=index, sentence=block.text, role="placeholder", subject=m.group(0),
                        subject_kind="other", section=block.text if block.kind == "heading" else None))
                continue
            if block.section != previous_section:
                self._reset_lists()
                previous_section = block.section
                # a numbered heading that is one noun and nothing else (二、公务接待费) names the numbers its section's
                # first sentence prints before a noun of its own (2014年预算安排154万元，较2013年预算下降35.15%)
                self.state.heading = _heading_subject(block.section)
            else:  # a table or heading between two prose runs ends any list
                self.state.inline = None
                self.state.carry = self.state.ended_amount = None
            if not g.needs_reading(block.text) \
                    and not any(g.LIST_MARK_AT_RE.match(block.text, offset) for offset in block.offsets):
                # nothing to read in the whole block (no number with a unit, list, reason, note or placeholder):
                # its sentences are counted, the list state moves on as sentence by sentence
                self.state.next_sentence += len(_sentences(block))
                self.state.inline = self.state.carry = self.state.ended_amount = None
                continue
            for start, end in _sentences(block):
                self._sentence(block, start, end)
        self._settle_wholes()
        self._wholes_the_parts_name()
        self._later_wholes()

    def _wholes_the_parts_name(self) -> None:
        """A 其中 takes the amount stated nearest before it as its whole. When its parts (two or more amounts of one
        unit, all bound) do not add up to that amount, but add up, within their rounding, to another amount its
        sentence states before it (…一般公共预算收入8,552万元，…，同口径完成地方财政收入10,066万元，…，其中：税收收入
        5,537万元，非税收入3,015万元), which of the two they are parts of is not printed: the list is reported as
        ambiguous and its parts (and their shares) are not checked against either."""
        for lst in self.lists:
            whole = lst.whole_record
            if whole is None or lst.ambiguous is not None or whole.get("value") is None:
                continue
            parts = [r for r in lst.members if r["role"] == "amount" and r.get("value") is not None]
            if len(parts) < 2 or len(parts) != len([r for r in lst.members if r["role"] == "amount"]) \
                    or any(r["printed_unit"] != whole["printed_unit"] for r in parts):
                continue
            total = sum((r["value"] for r in parts), Decimal(0))
            half = max(Decimal(5) / Decimal(10) ** ((r.get("printed_decimals") or 0) + 1) for r in [*parts, whole])
            tolerance = half * (len(parts) + 1)
            if abs(total - whole["value"]) <= tolerance:
                continue
            others = [r for r in self.statements if r is not whole and r.get("role") == "amount"
                      and r.get("sentence_index") == whole.get("sentence_index")
                      and r.get("line_start", 0) <= whole.get("line_start", 0)
                      and r.get("printed_unit") == whole["printed_unit"] and r.get("value") is not None
                      and r.get("subject") != whole.get("subject") and r not in parts
                      and abs(total - r["value"]) <= tolerance]
            if len(others) != 1:
                continue
            other = others[0]
            self._unsettle(lst, "the parts add up to another amount of the sentence", whole,
                           f"the parts listed after “{whole.get('subject')}” {whole['value_text']}"
                           f"{whole['printed_unit']} are not checked against it: they add up to {other['value_text']}"
                           f"{other['printed_unit']}, the “{other.get('subject')}” stated earlier in the sentence, so "
                           f"which of the two they are parts of is not printed; sentence: "
                           f"{str(whole.get('sentence', ''))[:300]}")

    def _unsettle(self, lst: _List, reason: str, at: dict, message: str) -> None:
        """After reading: a list whose whole turned out uncertain is ambiguous; its parts lose their whole (no check
        binds them to it) and the reason is reported at the statement ``at``."""
        lst.ambiguous = reason
        for record in lst.members:
            record["parent_subject"] = record["list_index"] = None
        lst.members.clear()
        self.findings.append(Finding(AMBIGUOUS_LIST_RULE, "warning", message,
                                     at["line_start"], at["line_end"], at["raw_text"], at["page"]))

    def _settle_wholes(self) -> None:
        """A list that names its whole but states no amount of it before its parts (三公经费如下：…, a whole the
        reader could not read) has no whole bound by the text's structure. An amount of the same name stated in a
        later sentence, or for another period or basis than the parts, is not its whole: such a list is reported
        as ambiguous and its parts lose their whole, so that no check binds them to it by name."""
        for lst in self.lists:
            if lst.whole_record is not None or lst.ambiguous is not None or not lst.members:
                continue
            parts = {(r["period_year"], r["basis"]) for r in lst.members if r["role"] == "amount"}
            if not parts:
                continue  # a list of changes (增加…，其中A减少…): no amount is compared with a whole
            named = [r for r in self.statements if r.get("subject") == lst.whole.name
                     and r["role"] in ("amount", "prior_amount") and r.get("value") is not None]
            if any(r.get("sentence_index", -1) < lst.index and r["role"] == "amount"
                   and (r["period_year"], r["basis"]) in parts for r in named):
                continue  # stated before the parts for their period and basis (…决算为6.28万元。…决算中，…): that one
            others = [r for r in named if r.get("sentence_index", -1) > lst.index
                      or (r["period_year"], r["basis"]) not in parts]
            if not others:
                continue
            other = others[0]
            first = min(lst.members, key=lambda r: r.get("sentence_index", 0))
            self._unsettle(
                lst, "no amount of the whole is stated before its parts", first,
                f"the parts listed for “{lst.whole.name}” are not checked against it: no amount of it is stated "
                f"before them, and {other['value_text']}{other['printed_unit']} (line {other['line_start']}) is "
                f"stated {'in a later sentence' if other.get('sentence_index', -1) > lst.index else 'for another period or basis'}"
                f"; sentence: {first.get('sentence', '')[:300]}")

    def _reset_lists(self) -> None:
        st = self.state
        st.item_list = st.item_subject = st.inline = st.carry = st.ended_amount = None
        st.last_main = None
        st.scope = st.place = st.place_block = None
        st.last_shape = ("one", None)
        st.outer_lists = []
        st.after_detail = None
        st.last_statements = []
        st.in_reason = False

    def _index(self) -> int:
        self.state.next_sentence += 1
        return self.state.next_sentence - 1

    def _sentence(self, block: _Block, start: int, end: int) -> None:
        st = self.state
        raw_sentence = block.text[start:end]
        sentence = raw_sentence.rstrip("。；;！？")
        index = self._index()
        is_item = bool(g.LIST_MARK_RE.match(sentence))
        if not is_item and not g.needs_reading(sentence):
            # no digit, no list, reason, note or placeholder: nothing to read, only the list state moves on
            ended_clause = raw_sentence.endswith(("；", ";"))
            if not ended_clause:
                st.inline = st.carry = None
            st.ended_amount = None
            return
        for bracketed in g.BRACKETED_AMOUNT_RE.finditer(raw_sentence):
            where = self._where(block, start + bracketed.start(), start + bracketed.end())
            self.findings.append(Finding(
                UNBOUND_RULE, "warning",
                f"{bracketed.group(0)}: an amount printed in brackets (a negative in accounting notation, or an "
                f"aside?) is not read as either; sentence: {raw_sentence[:300]}",
                where["line_start"], where["line_end"], where["raw_text"], where["page"]))
        found, masked = _subjects(sentence)
        depths = self._depths = _Depths(masked)
        if st.place is not None and st.place_block is not block:
            st.place = None  # a place named at a sentence's start holds for its paragraph
        place = g.PLACE_SCOPE_RE.match(sentence.lstrip())
        if place:
            st.place = st.scope = place.group("place")
            st.place_block = block
        for scope in g.scopes(masked):
            # the first scope printed outside brackets ((含41个县、59个区，下同) is an aside; 比全省平均水平 after it
            # compares with another scope)
            if depths.at(scope.start()) == 0:
                relative = g.RELATIVE_SCOPE_RE.match(scope.group(0))
                # 全市 in a paragraph about 吕梁市 is 吕梁市's, not every city's
                st.scope = f"{st.place}/{scope.group(0)}" if relative and st.place else scope.group(0)
                break
        split = None
        for split in g.SPLIT_SCOPE_RE.finditer(masked) if "按" in masked else ():  # (a cheap test first)
            pass
        if split is not None and depths.at(split.start()) == 0:
            st.scope = split.group(0).rstrip(":：")  # the last split heading of the sentence holds after it

        numbered = False  # this item is the next numbered part of the list open before the ；: its mark says so
        if is_item:
            st.inline = self._numbered_next(st.inline, sentence)
            numbered = st.inline is not None
            # the item's noun stands before its first figure: a noun after it (…42988092.80元，其中人员经费…；…，主要
            # 原因是人员经费支出增加) is a part's or a reason's, never the item's
            first_figure = _FIGURE_RE.search(sentence)
            st.item_subject = next((f[2] for f in found if first_figure is None or f[0] < first_figure.start()),
                                   None)
        # an item of an item list: its first item fixes the numbering style; an item of another style (（1） under 1.)
        # is a part of the item above it, not of the list's whole
        in_item_list = False
        if is_item and st.item_list is not None:
            style = g.mark_style(sentence)
            mark = g.mark_ordinal(sentence)
            if st.item_list.item_style is None:
                st.item_list.item_style = style
            elif style == st.item_list.item_style and mark is not None and mark[1] == 1 \
                    and (st.item_list.last_ordinal or 0) >= 2:
                # 1、…9、 then 1、 again (…同时编制了经济分类支出报表，…如下：1、工资奖金津补贴支出…): the numbering
                # starts over, a second breakdown of the same whole: a list of its own, summed and checked apart
                # (known by the sentence before its first item: its heading, 经济分类支出如下：, or the last item
                # before it; never the first list's)
                st.item_list = _List(st.item_list.whole, index - 1, outer=st.item_list.outer,
                                     whole_record=st.item_list.whole_record, item_style=style)
                self.lists.append(st.item_list)
            if mark is not None and style == st.item_list.item_style:
                st.item_list.last_ordinal = mark[1]
            in_item_list = style == st.item_list.item_style

        made: list[dict] = []
        respective = _Respective.of(sentence, found)  # A、B分别为x、y (各是x,y): see _Respective
        subject: _Subject | None = None
        subject_pos = -1
        next_subject = 0
        clause_year: int | None = None
        clause_basis: str | None = None
        clause_prior = False
        cmp_open = False
        compared_year: int | None = None
        compared_basis: str | None = None
        last_dir: tuple[int, int] | None = None  # (direction, end offset)
        share_at = done_at = -1
        share_subject: _Subject | None = None
        done_basis: str | None = None
        inline_at: int | None = None
        inline_list: _List | None = st.inline  # a list continued from the sentence before (ended with ；)
        unplaced: _List | None = None  # a nested list continued by a sentence whose subject the vocabulary lacks
        placed: _List | None = None
        # lists a bracketed （其中：…） list is inside; a bracket left open by the sentence before (…（其中，A…；B…）)
        # is still open: its ） ends the list it holds
        outer_lists: list[tuple[_List | None, int | None]] = list(st.outer_lists) if inline_list is not None else []
        if inline_list is not None and found and g.TOTAL_WORD_RE.search(found[0][2].name):
            inline_list = None  # …；收入合计6449万元: a total starts a statement of its own, it is no part
        elif numbered:
            pass
        elif inline_list is not None and outer_lists:
            pass  # 9.74亿元(税收返还4.95亿元…;非税返还4亿元…): the bracket is still open, its items are its list's
        elif inline_list is not None and inline_list.outer is not None and found:
            inline_list = self._continued_list(inline_list, found[0][2], block, start, end)
        elif inline_list is not None and inline_list.outer is not None:
            unplaced = inline_list  # …；差旅费80万元: placed by its own noun, once it is bound (see below)
        elif inline_list is not None and found and not outer_lists \
                and self._not_a_part(found[0][2], inline_list) is not None:
            inline_list = None  # A及B…，其中：A…；B…；C…: C is named as no part of the whole, the list has ended
        elif inline_list is not None and found and found[0][2].kind != inline_list.whole.kind \
                and inline_list.part_kinds and found[0][2].kind not in inline_list.part_kinds \
                and not _sibling_of_a_part(found[0][2], inline_list) \
                and not g.TOTAL_WORD_RE.search(inline_list.whole.name):
            # 基本支出…，其中：…；项目支出…: a sibling of the whole, not one of its parts (a total's parts may be of any
            # kind: 支出预算总计…，其中：工资福利支出…，商品和服务支出…；项目支出…)
            inline_list = None
        if inline_list is None and st.after_detail is not None and found and not sentence[:found[0][0]].strip() \
                and found[0][2].kind in st.after_detail.part_kinds and st.after_detail.ambiguous is None \
                and not g.TOTAL_WORD_RE.search(found[0][2].name) and found[0][2].name != st.after_detail.whole.name:
            inline_list = st.after_detail  # 公用经费46.89万元，… after 其中：人员经费489.18万元，主要包括：…。
        st.after_detail = None
        in_reason = st.in_reason  # this sentence goes on with the reason of the one before
        reason_at: int | None = None
        list_at = reason_scope = 0  # the last 其中 read, and the last before the reason: where the reason's clause opens
        comparative_at = -1
        compared_end = -1  # where 相比 / 比较 closing a comparison ends (与2016年相比21.79万元: see the number token)
        cmp_seen = False  # a comparison word was read (see the reason token)
        against_budget_end: int | None = None  # where the last 超收 / 短收 ends
        gap_end: int | None = None  # where the last 差值 / 差额 / 差异率 ends (see the gap token)
        reason_compared: tuple[int | None, str | None] | None = None
        current_side: tuple[int | None, str | None] = (None, None)
        last_made_subject: _Subject | None = None
        clause_start = 0
        detail_at: int | None = None  # 主要支出事项： after a part of a list: the amounts after it break that part down
        adjusted_at = -1  # where 调整为 ends: the amount right after it is the adjusted one, of the noun adjusted
        annual_dir_end: int | None = None  # where the direction word of 年均增长 ends
        form_dir_end: int | None = None  # where a form's two directions end (增加（减少）): see the dir token
        share_own: str | None = None  # the noun a share's own clause opens with (税收占…): see the share token

        for m in g.tokens(masked):
            pos = m.start()
            while next_subject < len(found) and found[next_subject][0] < pos:
                at = found[next_subject][0]
                next_subject += 1
                if share_at >= 0 and masked[share_at:at] in ("", "的"):
                    continue  # 占基本支出预算81.45%: the share's whole, not the subject of what follows
                subject = found[next_subject - 1][2]
                subject_pos = at
                if subject.basis and clause_basis is None:
                    clause_basis = subject.basis
            kind = "num" if m.lastgroup == "unit" else m.lastgroup
            if reason_at is not None and kind != "num":
                continue
            if kind == "clause":
                clause_year, clause_basis, clause_prior, cmp_open = None, None, False, False
                last_dir, share_at, done_at, done_basis = None, -1, -1, None
                clause_start = m.end()
            elif kind == "close":
                if outer_lists:
                    if inline_list is not None and inline_at is not None:
                        inside = masked[inline_at:pos]
                        if "、" in inside and ("，" in inside or "," in inside):
                            # （含A、B、C，D）: the items are joined by 、, then a comma: whether D is still a part
                            # of the bracket's whole or of the list around it is not printed
                            self._ambiguous(inline_list, "the bracketed list mixes 、 and ， between its items, so "
                                            "where it ends is not printed", block, start, end)
                            if inline_list.outer is not None:
                                self._ambiguous(inline_list.outer, "a bracketed list inside it does not print where "
                                                "it ends", block, start, end)
                    closed = inline_list
                    inline_list, inline_at = outer_lists.pop()
                    whole_record = closed.whole_record if closed is not None else None
                    if whole_record is not None and whole_record["_offset"] < pos \
                            and self._depths.at(whole_record["_offset"]) == 0:
                        if whole_record.get("_subject") is not None:
                            # 公务用车购置及运行维护费2066万元（其中：…运行维护费1920万元，…购置经费146万元），减少12万元:
                            # what follows the bracket is of the amount before it, not of the bracket's last part
                            subject = last_made_subject = whole_record["_subject"]
                        elif whole_record.get("_generic") is not None:
                            # 地方财政收入…共计335000万元（其中：…，政府性基金收入45000万元），比…增加35000万元: nor when that
                            # amount's noun is the generic rule's (bound after the sentence is read)
                            subject, subject_pos = None, -1
            elif kind == "detail":
                if inline_list is not None and any(r["role"] == "amount" and r.get("_list") is inline_list
                                                   for r in made):
                    detail_at = m.end()
            elif kind == "split":
                if inline_list is not None and (inline_list.members
                                                or any(r.get("_list") is inline_list for r in made)):
                    # 其中：按项目类别：基本支出…，项目支出…．按功能分类：一般公共服务支出…: the parts after it break the
                    # whole down a second way, no more parts of the first (a list's parts are one breakdown: the
                    # second is not summed)
                    inline_list = None
            elif kind == "reason":
                if reason_at is None:
                    # the comparison the words before the reason print (…较上年有所增长，主要原因是…), if any
                    reason_compared = (compared_year, compared_basis) if cmp_seen else None
                reason_at = m.end()
                in_reason = True
                reason_scope = list_at
            elif kind in ("list", "listzh"):
                list_at = pos
                whole = None
                own = True  # the whole is named in this sentence
                # (the side a comparison is with, 较预算数898万元, is never the whole a 其中 after it breaks down: its
                # parts would inherit its role and basis)
                amounts_before = [r for r in made if r["role"] == "amount"
                                  or (r["role"] == "prior_amount" and r["_dated_prior"])]
                if kind == "listzh":
                    if subject is None or made or found[0][2] is not subject:
                        continue  # X中， names a whole only when X is the sentence's first noun and no number comes
                        # before it (财政拨款支出预算中，; 2023年“三公”经费财政拨款支出决算中，)
                    if subject_pos != 0 and not any(at == m.end() for at, _e, _s in found):
                        continue  # …X中， after other words: only when a noun the vocabulary knows opens what follows
                        # (…决算中，因公出国(境)费…), not a clause (在…项目中，由小微企业供应商中标或成交的，采购金额…)
                    whole = subject
                elif amounts_before:
                    # the whole of a 其中 is the amount stated nearest before it in the sentence (its own noun when
                    # the vocabulary has none: 加上级转移支付收入1884万元，其中：…); an amount without a subject
                    # makes a list without a known whole
                    whole = amounts_before[-1]["_subject"] or amounts_before[-1].get("_generic")
                    if whole is None:
                        where = self._where(block, start + pos, start + m.end())
                        self.findings.append(Finding(
                            AMBIGUOUS_LIST_RULE, "warning",
                            f"the parts listed after “{m.group(0)}” have no whole the reader can name (the amount "
                            f"before it has no subject): their sum is not checked; sentence: {raw_sentence[:300]}",
                            where["line_start"], where["line_end"], where["raw_text"], where["page"]))
                elif subject is not None and subject_pos < pos and in_reason:
                    # …增的主要原因是教师人数增加；学生人数增加，公用经费增加，其中： a noun of a reason going on from the
                    # sentence before, with no amount of its own, is what the reason says changed: whose parts the
                    # list gives is not printed (the reason's noun, the sentence before's main amount)
                    where = self._where(block, start + pos, start + m.end())
                    self.findings.append(Finding(
                        AMBIGUOUS_LIST_RULE, "warning",
                        f"the parts listed after “{m.group(0)}” follow a reason (“{subject.name}” is what the reason "
                        f"names, with no amount): whose parts they are is not printed, and their sum is not checked; "
                        f"sentence: {raw_sentence[:300]}",
                        where["line_start"], where["line_end"], where["raw_text"], where["page"]))
                    subject, subject_pos = None, -1  # nor does a part after it take the reason's noun
                elif subject is not None and subject_pos < pos:
                    whole = last_made_subject or subject
                elif m.group("list").startswith(("其中", "由")) and st.last_main is not None \
                        and _OPENS_SENTENCE.match(masked[:pos]):
                    # 其中： opening a sentence: the parts of the main amount of the sentence before (never of an
                    # amount inside a reason: see ``in_reason``)
                    whole, own = st.last_main[0], False
                shape = st.last_shape if whole is not None and not own else ("one", None)
                if whole is not None:
                    whole_index = index if own else st.last_main[1]
                    if inline_list is not None and inline_list.whole.name == whole.name \
                            and inline_list.index == whole_index:
                        lst = inline_list  # 其中：其中： printed twice: one list
                    elif any(other.whole.name == whole.name and other.index == whole_index and other.ambiguous is None
                             and any(r["role"] == "amount" for r in other.members) for other in self.lists):
                        # 限额861亿元（一般债务限额203亿元，专项债务限额658亿元）。其中：提前批次162亿元…；本批次699亿元: a
                        # second breakdown of a whole whose first has ended: not summed into the first (as a split
                        # heading's, see "split")
                        inline_list = None
                        continue
                    else:
                        # nested when the whole is itself a part of a list: a 其中 after a part (…；其中：… after a
                        # part of the sentence before's list, or …，其中：… inside a list of this sentence)
                        if amounts_before:
                            outer = amounts_before[-1].get("_list")
                        elif not own:
                            outer = st.last_main[2]
                        else:
                            outer = None
                        lst = _List(whole, whole_index, outer=outer,
                                    whole_record=amounts_before[-1] if amounts_before
                                    else (st.last_main[3] if not own else None))
                        self.lists.append(lst)
                        if kind == "listzh":
                            lst.basis, lst.year = clause_basis, clause_year
                        if shape[0] == "side_by_side":
                            lst.candidates = shape[1]
                        elif shape[0] == "chain":
                            lst.added = shape[1]
                    if not _ONLY_SEPARATORS_LEFT.match(masked, m.end()):
                        if (pos > 0 and masked[pos - 1] in "（(") or m.group(0)[:1] in "（(":
                            # 公务用车购置及运行费4.77万元（其中：…），公务接待费…, 本级收入1240万元（工商税收收入…），
                            # 上级补助收入…: the bracketed list ends at its closing bracket, the list it stands in goes
                            # on after it
                            outer_lists.append((inline_list, inline_at))
                        inline_list, inline_at = lst, m.end()
                        lst.next_mark = _next_mark(masked, m.end())
                    else:  # the sentence ends with 其中：/如下： : the items that follow are its parts
                        st.item_list, st.item_subject = lst, None
                clause_year, clause_basis, cmp_open = None, None, False
            elif kind == "basis":
                basis = g.BASES[m.group("basis")]
                if cmp_open and comparative_at == pos and last_dir is not None:
                    compared_basis = basis
                    compared_year = clause_year if clause_year is not None else self.year
                    last_dir = (last_dir[0], m.end())  # the difference follows the basis compared with
                    cmp_open = False
                elif cmp_open:
                    compared_basis = basis
                elif done_at >= 0:
                    done_basis = basis
                else:
                    clause_basis = basis
            elif kind == "year":
                year = int(m.group("year"))
                if cmp_open:
                    compared_year = year
                else:
                    clause_year = year
                    clause_prior = self.year is not None and year < self.year
            elif kind == "rel":
                word = m.group("rel")
                year = (self.year - 1 if word.startswith(("上", "去")) else self.year) if self.year else None
                if cmp_open:
                    compared_year = year
                else:
                    clause_year = year
                    clause_prior = word.startswith(("上", "去"))
            elif kind == "cmp":
                cmp_seen = True
                if m.group("cmp") in ("比", "较", "与", "同比"):
                    cmp_open = True
                    compared_year = compared_basis = None
                    if m.group("cmp") == "同比" and self.year is not None:
                        compared_year = self.year - 1  # 同比: the same period of the year before (no year printed)
                else:
                    cmp_open = False
                    compared_end = m.end()
            elif kind == "dir":
                word_dir = g.DIRECTIONS[m.group("dir")]
                if last_dir is not None and word_dir != 0 and last_dir[0] == -word_dir and last_dir[1] == pos:
                    # 增加（减少）67.65万元, 增长(下降)0% (read without their brackets, see lines.py), 增减12万元: a form's
                    # two directions, neither struck out: which one the figure has is not printed
                    form_dir_end = m.end()
                last_dir = (word_dir, m.end())
                cmp_open = False
                # 较年初预算超收1.17亿元, 完成调整预算的101.49%，超收2.85亿元: the difference from a budget (the amount
                # after 超收 / 短收 is no prior amount); which budget is often not printed, and the rules compare
                # changes with the year before: the amount is reported unbound (see the number token)
                against_budget_end = m.end() if m.group("dir") in _AGAINST_BUDGET_WORDS else None
                if _ANNUAL_BEFORE_RE.search(masked, max(0, pos - 4), pos):
                    annual_dir_end = m.end()  # 年均增长12.24%: a compound annual rate, not the change's own
                own_year_flat = compared_basis is not None and (compared_year is None or compared_year == self.year)
                prior_year_flat = (not own_year_flat and compared_year is not None and self.year is not None
                                   and compared_year < self.year)
                if m.group("dir") in g.EXACT_FLAT_WORDS and (own_year_flat or prior_year_flat):
                    flat = self._flat_change(m, masked, start, made, subject, subject_pos, compared_year,
                                             compared_basis, current_side, prior_year=prior_year_flat)
                    if flat is not None:
                        made.append(flat)
                if m.group("dir") in g.COMPARATIVES:
                    # 决算数大于预算数55.93万元: the basis after it is the one compared with, the amount the difference
                    cmp_open, compared_year, compared_basis = True, None, None
                    comparative_at = m.end()
            elif kind == "share":
                share_at = m.end()
                share_subject = subject
                own_words = masked[clause_start:pos].strip()
                share_own = None
                if subject_pos < clause_start and _SHARE_OWN_NOUN_RE.fullmatch(own_words) \
                        and own_words not in _NOT_A_SHARE_NOUN:
                    # …非税收入31625万元，…，税收占地方一般公共预算收入的比重为71.1%: the clause names what the share is
                    # of, not the subject before it: the subject of the sentence it abbreviates (税收 → 税收收入), or none
                    share_own = own_words
                    share_subject = _abbreviated(own_words, [f[2] for f in found])
            elif kind == "gap":
                gap_end = m.end()
            elif kind == "adjfrom":
                # 由X万元调整为Y万元: X is the budget before the adjustment, compared with
                cmp_open, comparative_at = True, -1
                compared_year = clause_year if clause_year is not None else self.year
                compared_basis = "initial_budget"
            elif kind == "adjto":
                clause_basis, cmp_open = "adjusted_budget", False
                adjusted_at = m.end()
            elif kind == "done":
                done_at = m.end()
                cmp_open = False
            elif kind == "num":
                if respective is not None and pos > respective.at and m.group("unit") is None:
                    m = respective.with_run_unit(m, masked)  # 各是4125.49,4143.91万元: 4125.49 is 万元 too
                elif m.group("unit") is None and pos > 0 and _NAMED_BEFORE_RE.match(masked, pos - 1):
                    # 收入476.17、支出总计460.06万元 (收入减少84.55、支出减少99.6万元): the items of one clause share the
                    # money unit its last item prints
                    item = _ITEM_RUN_UNIT_RE.match(masked, m.end())
                    if item is not None:
                        m = _WithUnit(m, item.group("unit"))
                # 较2016年预算执行数1094.91万元增加…: an amount printed right after what is compared with is its amount
                compared_amount = cmp_open and (compared_year is not None or compared_basis is not None)
                cmp_open = False
                verbless = None
                if compared_end >= 0 and m.group("unit") in g.MONEY_UNITS \
                        and _ONLY_SEPARATORS.fullmatch(masked, compared_end, pos) \
                        and (last_dir is None or last_dir[1] <= compared_end):
                    # 与2016年相比21.79万元，增加14.01%: an amount right after the comparison, with no verb of its own, is
                    # the difference; the rate right after it states its direction. Without one it is not read.
                    rate = _VERBLESS_RATE_RE.match(masked, m.end())
                    verbless = (g.DIRECTIONS[rate.group("dir")], pos) if rate is not None else (None, pos)
                    if verbless[0] is not None:
                        last_dir = verbless
                compared_end = -1
                bound_subject = share_subject if (share_at >= 0 and m.group("unit") in g.PERCENT_UNITS) else subject
                if inline_at is not None and bound_subject is not None and \
                        (share_subject if bound_subject is share_subject else subject) is not None and \
                        subject_pos < inline_at and bound_subject is subject:
                    bound_subject = None  # a part after 其中： does not take the whole's name
                record = self._number(block, start, m, masked, sentence, index, bound_subject, last_dir, share_at,
                                      done_at, done_basis, clause_year, clause_basis, clause_prior, compared_year,
                                      compared_basis, current_side, clause_start,
                                      subject_pos if bound_subject is subject else -1, compared_amount)
                if record is None:
                    continue
                if verbless is not None and verbless[0] is None:
                    record["role"] = None  # its direction is printed nowhere: reported unbound, never guessed
                if against_budget_end is not None and last_dir is not None and last_dir[1] == against_budget_end \
                        and record["role"] == "change":
                    record["role"] = None  # 超收 / 短收 (see the dir token)
                if gap_end is not None and _GAP_TO_NUMBER_RE.fullmatch(masked, gap_end, pos):
                    record["role"] = None  # 差值为0.9万元, 差异率-2.72% (see the gap token): reported, never an amount
                if form_dir_end is not None and last_dir is not None and last_dir[1] == form_dir_end \
                        and record["role"] in ("change", "growth_pct") and record["value"] != 0:
                    record["role"] = None  # 增加（减少）67.65万元: reported, never given a direction (a 0 has none)
                if annual_dir_end is not None and last_dir is not None and last_dir[1] == annual_dir_end \
                        and record["role"] in ("growth_pct", "change"):
                    # over the years between the sentence's amounts (checked as such, NAR-CALC-009); an average
                    # annual change in money is not read as a change
                    record["role"] = "annual_growth_pct" if record["role"] == "growth_pct" else None
                if adjusted_at == pos:
                    record["_adjusted"] = True  # …由397959万元调整为409959万元: 409959 is the noun's too
                if share_own is not None and share_at >= 0 and record["role"] == "share_pct":
                    record["_share_own"] = share_own
                if record["role"] == "amount" and not record["_basis_amount"]:
                    # (the budget a completion is of, 为年初预算X万元的y%, is not the side a later change is of)
                    current_side = (record["period_year"], record["basis"])
                if detail_at is not None:
                    record["_not_of_list"] = True  # an item of a part's breakdown is no part of the list
                elif inline_list is not None and (inline_at is None or pos >= inline_at) \
                        and (reason_at is None or pos < reason_at):
                    record["_list"] = inline_list
                if record["_subject"] is not None:
                    last_made_subject = record["_subject"]
                if respective is not None and pos > respective.at:
                    respective.add(record, masked)
                made.append(record)

        self._initial_then_adjusted(made)
        if reason_at is not None:
            reason = sentence[reason_at:].strip("：:，, ")
            # a reason explains the clause it follows: after a 其中, the parts listed (…上升5.65%，其中，A、B降幅均超过
            # 25%，下降的主要原因是压减…: the parts' decrease, not the total's increase)
            explained = [r for r in made if reason_scope <= r["_offset"] < reason_at]
            if not explained and not any(r["_offset"] < reason_at for r in made):
                # 主要原因是：… as its own sentence explains the one before, unless it names what it explains (…。“三公”
                # 经费降幅较大的主要原因是…: the 三公 total's, not the item the sentence before was about)
                named = [s.name for a, _b, s in found if a < reason_at]
                explained = [r for r in st.last_statements if not named or r["subject"] == named[-1]]
                if reason_compared is not None:
                    # …公务用车运行维护费较上年有所增长，主要原因是…: the change against the year before, not the one
                    # against the budget the sentence before also states
                    year, basis = reason_compared
                    explained = [r for r in explained if r["role"] not in ("change", "growth_pct")
                                 or ((year is None or r["compared_year"] == year)
                                     and (basis is None or r["compared_basis"] == basis))]
            self._reason(explained, reason, raw_sentence, index, block, start, end, reason_at)

        # sentence-level binding: subject inherited, list membership, unbound numbers. A list item (1. …, ——…) names
        # its own subject: it inherits the subject of the item list's heading, never the subject of the item before;
        # the subject of a sentence ended with ； is carried only to the numbers before the sentence's own first one.
        inherited = st.item_subject if (st.item_subject is not None or is_item) else st.carry
        if not is_item and st.item_subject is not None and st.carry is not None \
                and st.carry.name != st.item_subject.name:
            # （二）政府性基金收入…。综上，地方财政收入…335000万元…；比2021年…减少37632万元: the item's noun, or the noun the
            # sentence before the ； ended with? Not printed: reported, never guessed
            inherited = None
        heading, st.heading = st.heading, None
        colon_label = _label_subject(sentence) if made else None
        if colon_label is not None:
            # 一般公共预算支出：年初预算为12000万元，调整预算为13500万元，…: the label names the numbers of the clauses
            # after it that print no noun of their own, as a heading does (never a subject carried from before)
            heading, inherited = colon_label, None
        elif not made and is_item:
            # （一）一般公共预算收入。年初预算为…: an item that is one noun and nothing else is a heading printed inline:
            # it names the numbers the next sentence prints before a noun of its own
            st.heading = _heading_subject(sentence)
        # …决算总计177.28万元。与2016年相比增加22.13万元，增加12.28%: a sentence opening with a comparison, before any
        # noun of its own, compares the one amount the sentence before ended with (its changes and rates only)
        compared_before = inherited is None and st.ended_amount is not None \
            and _OPENS_COMPARED_RE.match(sentence) is not None
        if compared_before:
            inherited = st.ended_amount
        first_own = found[0][0] if found else None
        # a noun of the sentence's own read by the generic rule ends the carried subject too (…；政府性基金收入3089万元，
        # …短收21761万元: not the subject of the clause before the ；)
        # (the number that names it may still take the carried subject: …涉及预算金额598.42万元 under 绩效自评)
        first_generic = next((r["_offset"] + 1 for r in made if r.get("_generic") is not None), None)
        if first_generic is not None and (first_own is None or first_generic < first_own):
            first_own = first_generic
        generic = None  # a noun bound by the generic rule names the change / percentage after it too
        previous_end: int | None = None  # (从2015年的A万元上升到2020年的B万元: B is the noun's too)
        budget_before: str | None = None  # the budget basis of the last amount, if a budget's
        bases_before: set = set()  # the bases of the amounts of the current noun (see _BASIS_CLAUSE_RE)
        item_subject = st.item_subject
        own_noun = None  # the last amount whose own clause names it (经营支出95.03万元): (offset, its subject)
        for record in made:
            own = record.get("_generic")
            aside = record["_depth"] > 0 and record["role"] in ("amount", "prior_amount")
            share_own_noun = record.get("_share_own")
            if share_own_noun is not None:
                # a share whose clause names its own noun takes an amount's subject that noun abbreviates, or none
                if record["_subject"] is None:
                    named = _abbreviated(share_own_noun, [r["_subject"] for r in made if r["_subject"] is not None
                                                          and r["role"] == "amount"])
                    named = named or _generic_subject(share_own_noun)  # 预算执行率占比20%: the noun itself
                    if named is not None:
                        self._bind(record, named)
                continue_binding = False
            else:
                continue_binding = True
            flat_of = record.get("_flat_of")
            if flat_of is not None:
                # 二、公务接待费 / 2016年预算5万元，与上年持平: a flat word's change is of its amount, whatever noun that
                # amount was bound to (a heading's, a carried subject) or none
                if flat_of["_subject"] is not None:
                    self._bind(record, flat_of["_subject"])
                continue_binding = False
            if record["_clause_noun"] and not aside:
                own_noun = (record["_offset"], record["_subject"])
            elif continue_binding and own_noun is not None and record["_subject"] is not None \
                    and record["role"] in ("share_pct", "growth_pct", "change") \
                    and 0 <= record["_subject_pos"] < own_noun[0]:
                # …项目支出14,629.33万元，占…，经营支出95.03万元，占总支出0.35%: the share is of the amount whose own
                # noun was printed after that subject (it was bound to 项目支出)
                self._bind(record, own_noun[1])
            # an amount names its own noun or none; the budget a completion is of (完成预算X万元的y%) takes the
            # sentence's noun; an amount in brackets (an aside: 支出X万元（含…Y万元），完成预算的z%) names itself or
            # nothing, and leaves the sentence's noun (generic) to the numbers after it
            if not aside:
                generic = own or (generic if record["role"] not in ("amount", "prior_amount")
                                  or record["_basis_amount"] or record.get("_adjusted")
                                  # 培训费…2万元，较2022年预算1.50万元增长75%: the amount compared with is the noun's
                                  or (record["role"] == "prior_amount" and not record["_dated_prior"])
                                  or (previous_end is not None
                                      and _RISEN_TO_RE.fullmatch(sentence, previous_end, record["_offset"]))
                                  # …支出调整为68000万元，2021年完成82133万元: a clause that only says the budget
                                  # stated before it was carried out gives the amount done of the same noun
                                  or (record["role"] == "amount" and budget_before is not None
                                      and record["basis"] != budget_before
                                      and _DONE_CLAUSE_RE.fullmatch(sentence, record["_clause"], record["_offset"]))
                                  # …年初预算为12000万元，调整预算为13500万元: a clause of only another basis (none
                                  # stated of the noun before in the sentence) gives that basis's amount of the noun
                                  or (record["role"] == "amount" and record["basis"] is not None
                                      and bases_before and record["basis"] not in bases_before
                                      and _BASIS_CLAUSE_RE.fullmatch(sentence, record["_clause"], record["_offset"]))
                                  else None)
                if record["role"] == "amount":
                    budget_before = record["basis"] if record["basis"] in _BUDGET_BASES else None
                    if own is not None:
                        bases_before = {record["basis"]}  # a noun of its own: a new series of bases
                    elif generic is not None:
                        bases_before = bases_before | {record["basis"]}
                    else:
                        bases_before = set()
            previous_end = record["_end"]
            noun = own if aside else generic
            if record["_subject"] is None and record["role"] == "amount" \
                    and (record.get("_list") is not None or (is_item and st.item_list is not None)):
                purpose = _PURPOSE_RE.match(sentence, record["_end"])
                if purpose is not None:  # 其中：30万元用于基建工程项目审计: a part named by what it is spent on
                    self._bind(record, _Subject(purpose.group(0), "other"))
            if record["_subject"] is None and record["role"] != "count" and continue_binding:
                # (the item's noun goes on in the sentences after the item only up to a noun of their own: 综上，地方
                # 财政收入…335000万元（其中：…），比人代会预算数增加35000万元 after （二）政府性基金收入… is not the item's)
                carried = inherited if ((inherited is not st.carry and not compared_before and is_item)
                                        or first_own is None
                                        or record["_offset"] < first_own) else None
                if compared_before and record["role"] not in ("change", "growth_pct"):
                    carried = None
                if carried is not None and record.get("_list") is not None \
                        and record["_list"].whole.name == carried.name:
                    carried = None  # （二）项目支出 … 其中：贷款利息66.7万元: a part listed under a whole is never that whole
                # a noun naming a budget figure (涉及预算金额) defers to the carried subject; one naming revenue or
                # spending (地方公共财政预算收入) is the clause's own
                if noun is not None and (carried is None or not _BASIS_WORD_RE.search(noun.name)
                                         or noun.name.endswith(("收入", "支出"))):
                    self._bind(record, noun)  # the sentence prints its own noun (总支出848105.90元，比上年减少…)
                elif carried is not None:
                    self._bind(record, carried)  # …涉及预算金额598.42万元 under 绩效自评: the list's subject
                elif noun is not None:
                    self._bind(record, noun)
                elif heading is not None and _NO_NOUN_BEFORE_RE.fullmatch(sentence, record["_clause"], record["_offset"]):
                    # 二、公务接待费 / 2014年预算安排154万元，较2013年预算下降35.15%: a clause of only a year, a basis, a verb
                    # or a comparison before its number is of the heading's noun (绿化养护40.5万元 under （二）项目支出
                    # names a noun the reader does not know: never the heading's)
                    self._bind(record, heading)
            if is_item and record["_subject"] is None and record["role"] == "amount":
                label = g.ITEM_LABEL_RE.match(sentence[:record["_offset"]])
                if label is not None and label.group(1):
                    generic = _Subject(label.group(1).translate(g.QUOTES), "other")
                    self._bind(record, generic)
            if is_item and item_subject is None and record["role"] == "amount" and record["_subject"] is not None:
                item_subject = record["_subject"]  # ——住房改革支出226万元: the item's own noun names it
            if record["role"] == "share_pct" and record.get("_share_named") is not None:
                self._share_list(record, st.item_list if (in_item_list or not is_item) else None,
                                 block, start, end)
            lst = record.get("_list")
            if lst is not None and lst is unplaced and record["_subject"] is not None:
                if placed is None:
                    placed = self._continued_list(unplaced, record["_subject"], block, start, end) or _NOWHERE
                lst = record["_list"] = placed if placed is not _NOWHERE else None
            if lst is not None and record["_subject"] is not None and lst.candidates is not None \
                    and lst.ambiguous is None and not g.TOTAL_WORD_RE.search(record["_subject"].name):
                self._decide(lst, record["_subject"], block, start, end)  # its first part tells its whole
            if lst is not None and record["_subject"] is not None and record["_subject"].name != lst.whole.name:
                if g.TOTAL_WORD_RE.search(record["_subject"].name) and record["role"] == "amount":
                    self._ambiguous(lst, f"“{record['_subject'].name}” inside the list is a total, not a part, so "
                                    "where the list ends is not printed", block, start, end)
                elif lst.ambiguous is None and (why := self._not_a_part(record["_subject"], lst)) is not None:
                    if record["role"] == "amount":  # a listed amount named as no part of the whole
                        self._ambiguous(lst, why, block, start, end)
                elif lst.ambiguous is None:
                    self._like_whole(record, lst)
                    record["parent_subject"], record["list_index"] = lst.whole.name, lst.index
                    lst.part_kinds.add(record["_subject"].kind)
                    lst.members.append(record)
                    record["_member_of"] = lst
                    self._sibling_whole(lst, record)
                elif record["role"] == "amount":
                    self._left_out(lst)
            if record["parent_subject"] is None and st.item_list is not None and item_subject is not None \
                    and not record.get("_not_of_list") \
                    and (in_item_list or not is_item) \
                    and record["_subject"] is not None \
                    and (record["_subject"].name == item_subject.name
                         or (is_item and in_item_list and self._coordinate(record, reason_at))) \
                    and st.item_list.index != index and record["_subject"].name != st.item_list.whole.name:
                if st.item_list.ambiguous is None and st.item_list.candidates is not None:
                    self._decide(st.item_list, record["_subject"], block, start, end)
                why = self._not_a_part(record["_subject"], st.item_list) if st.item_list.ambiguous is None else None
                if why is not None:
                    if record["role"] == "amount":
                        self._ambiguous(st.item_list, why, block, start, end)
                elif st.item_list.ambiguous is None:
                    self._like_whole(record, st.item_list)
                    record["parent_subject"], record["list_index"] = st.item_list.whole.name, st.item_list.index
                    st.item_list.members.append(record)
                    record["_member_of"] = st.item_list
                elif record["role"] == "amount":
                    self._left_out(st.item_list)
        if respective is not None:
            respective.pair(self._bind)
        self._own_comparison(made, masked)
        self._trailing_total(made, masked, index)
        kept = []
        fiscal: bool | None = None  # the sentence has a fiscal word (searched once, when needed)
        for record in made:
            if record.get("_broken") or record.get("_negative"):
                # 转贷收入-82万元: amounts land without a sign (the warehouse's contract), so a negative one is not
                # landed; 9. 03万元: a number cut by a space is not read. Each is reported, and the list it is a part of
                # is not summed without it (a part's rate is no part)
                lst = record.get("_member_of") or record.get("_list") or (st.item_list if is_item else None)
                if record.get("_broken"):
                    printed = record["_broken"]
                    why = "a number cut by a space (a wrapped line joined) is not read: which digits it has is not certain"
                    in_list = f"the listed amount {printed} is cut by a space and not read"
                else:
                    printed = f"-{record['value_text']}{record['printed_unit']}"
                    why = (f"a negative {'rate' if record['printed_unit'] in g.PERCENT_UNITS else 'amount'}"
                           f"{' of “' + record['_subject'].name + '”' if record['_subject'] else ''} is not landed "
                           "(stated figures carry no sign)")
                    in_list = None if record["printed_unit"] in g.PERCENT_UNITS else \
                        f"the listed amount {printed} is negative and not landed"
                where = self._where(block, *record["_span"])
                self.findings.append(Finding(
                    UNBOUND_RULE, "warning", f"{printed}: {why}; sentence: {raw_sentence[:300]}",
                    where["line_start"], where["line_end"], where["raw_text"], where["page"]))
                if lst is not None and in_list is not None:
                    self._ambiguous(lst, f"{in_list}, so the parts are not all known", block, start, end)
                continue
            if record["_subject"] is None and record.get("_flat_of") is not None:
                continue  # a flat word of an amount left unbound: a word, not a printed figure (the amount is reported)
            if record["_subject"] is None or record["role"] is None:
                if record["printed_unit"] in g.MONEY_UNITS or record["printed_unit"] in g.PERCENT_UNITS:
                    if fiscal is None:
                        # a sentence opening with a comparison goes on about an amount stated before it (与上年相比增加
                        # 20.00万元): fiscal by that amount, though it prints no fiscal word of its own
                        fiscal = bool(g.FISCAL_WORD_RE.search(sentence) or _OPENS_COMPARED_RE.match(sentence))
                    listed = record.get("_list") is not None or (is_item and st.item_list is not None)
                    if fiscal or listed:  # an amount listed as a part is fiscal by the list it stands in
                        what = "subject" if record["_subject"] is None else "role"
                        where = self._where(block, *record["_span"])
                        offset = record["_offset"]
                        quoted = raw_sentence if len(raw_sentence) <= 300 else \
                            "…" + raw_sentence[max(0, offset - 150):offset + 150] + "…"
                        self.findings.append(Finding(
                            UNBOUND_RULE, "warning",
                            f"{record['value_text']}{record['printed_unit']}: the statement reader cannot bind its "
                            f"{what} with certainty; sentence: {quoted}",
                            where["line_start"], where["line_end"], where["raw_text"], where["page"]))
                        if record["printed_unit"] in g.MONEY_UNITS and record["role"] in ("amount", None):
                            # a listed amount that names no subject: the parts of its list are not all known
                            lst = record.get("_list") or (st.item_list if is_item else None)
                            if lst is not None:
                                self._ambiguous(lst, f"the listed amount {record['value_text']}"
                                                f"{record['printed_unit']} could not be bound, so the parts are not "
                                                "all known", block, start, end, quiet=True)
                continue
            record.update(self._where(block, *record["_span"]))
            kept.append(record)
        for record in kept:
            record["sentence_index"] = index
            record["sentence"] = raw_sentence
            record["section"] = block.section
            record["scope"] = st.scope
        self.statements.extend(kept)

        if g.EMPTY_TABLE_RE.search(sentence):
            self.statements.append(dict(self._where(block, start, end), sentence_index=index, sentence=raw_sentence,
                                        role="empty_table_note", subject=block.table_title, subject_kind="other",
                                        section=block.section))
        placeholder = g.placeholder_at(sentence)
        if placeholder is not None and not _REPRINT_NOTICE_RE.search(sentence):
            # (a web page's reprint notice, 凡本网注明“来源：XXX（非本网）”的作品，均转载自其它媒体, quotes a placeholder:
            # it names what the notice is about, no blank left in the text)
            for m in g.PLACEHOLDER_RE.finditer(sentence, placeholder.start()):
                self.statements.append(dict(self._where(block, start + m.start(), start + m.end()),
                                            sentence_index=index, sentence=raw_sentence, role="placeholder",
                                            subject=_UNIT_TAIL.sub("", m.group(0)), subject_kind="other",
                                            section=block.section))

        # state for the sentences that follow: the main amount of a sentence can be the whole of a list that
        # opens the next one, unless it stands inside a reason (原因是：1、…；2、本年增加了其他资金预算7000万元。)
        ended_clause = raw_sentence.endswith(("；", ";"))
        stated = [r for r in kept if reason_at is None or r["_offset"] < reason_at] if not st.in_reason else []
        if stated:
            main = next((r for r in stated if r["role"] == "amount"), None)
            if main is not None or st.last_main is None or st.last_main[0].name != stated[0]["_subject"].name:
                # a sentence that only goes on about the subject of the one before (…；完成年初预算100%，…) leaves
                # the whole with the sentence that states its amount
                main = main or stated[0]
                st.last_main = (main["_subject"], index, main.get("_list"), main)
                st.last_shape = self._shape(made, sentence, reason_at)
        if kept:
            st.last_statements = kept
        st.in_reason = in_reason and ended_clause
        if inline_list is not None and block is self._last_block and end == len(block.text) \
                and not raw_sentence.rstrip().endswith(_CLOSED):
            # the text ends inside the list (an excerpt cut after “、”): what its other parts are is not printed
            self._ambiguous(inline_list, "the text ends inside the list (cut short), so not every part is printed",
                            block, start, end, quiet=True)
        st.inline = inline_list if ended_clause else None
        if not ended_clause and inline_list is not None and detail_at is not None and not outer_lists:
            st.after_detail = inline_list
        st.outer_lists = outer_lists if ended_clause and inline_list is not None else []
        st.carry = (kept[-1]["_subject"] if kept else st.carry) if ended_clause else None
        # one amount and nothing else read in the sentence (a clause describing it may follow: …382.17万元，为市本级
        # 财政当年拨付的资金。): what a next sentence opening with a comparison compares is certain; after a whole and
        # its parts (基本支出…，其中人员经费…，公用经费…。比2021年预算增加654万元) it is not, and that sentence stays unbound
        st.ended_amount = kept[0]["_subject"] if (
            len(made) == 1 and len(kept) == 1 and not ended_clause and raw_sentence.endswith("。")
            and kept[0]["role"] == "amount" and kept[0]["_depth"] == 0) else None

    @staticmethod
    def _initial_then_adjusted(made: list[dict]) -> None:
        """年初预算为50000万元，增加37000万元，调整为87000万元: an initial budget, a change with no comparison of its own, then
        the amount after 调整为, one after the other at one depth, are one adjustment, read as 由50000万元调整为87000万元，
        增加37000万元 is: the initial budget is the side compared with, the change is the adjusted budget's against it."""
        for first, change, adjusted in zip(made, made[1:], made[2:]):
            if first["role"] == "amount" and first["basis"] == "initial_budget" and change["role"] == "change" \
                    and change["compared_year"] is None and change["compared_basis"] is None \
                    and adjusted["role"] == "amount" and adjusted.get("_adjusted") \
                    and first["_depth"] == change["_depth"] == adjusted["_depth"]:
                first["role"], first["_dated_prior"] = "prior_amount", False
                first["compared_year"], first["compared_basis"] = first["period_year"], "initial_budget"
                change["basis"] = "adjusted_budget"
                change["compared_year"], change["compared_basis"] = first["period_year"], "initial_budget"

    @staticmethod
    def _sibling_whole(lst: _List, part: dict) -> None:
        """法定债务限额1105.3亿元，其中一般债务725.3亿元、专项债务380亿元，政府法定债务余额为1071.65亿元，其中一般债务…: a
        whole whose own list repeats a part's name of the list it was read into is that list's sibling, not its part
        (the same breakdown printed again for another whole): it leaves the outer list and keeps its own."""
        outer, whole = lst.outer, lst.whole_record
        if outer is None or whole is None or whole.get("_member_of") is not outer:
            return
        name = part["_subject"].name
        if any(m is not whole and m["_subject"] is not None and m["_subject"].name == name for m in outer.members):
            outer.members.remove(whole)
            whole["parent_subject"] = whole["list_index"] = None
            whole["_member_of"] = None
            lst.outer = None

    def _ambiguous(self, lst: _List, why: str, block: _Block, start: int, end: int, quiet: bool = False) -> None:
        """The list's whole or extent cannot be told: its parts lose their whole (the sum is not checked against a
        guess) and the list is reported once. ``quiet``: when no part is bound yet, the report waits for one (an
        unbound amount alone is reported as unbound already; a list of it alone has nothing to check)."""
        if lst.ambiguous is not None:
            return
        lst.ambiguous = why
        had_members = bool(lst.members)
        for record in lst.members:
            record["parent_subject"] = record["list_index"] = None
        lst.members.clear()
        where = self._where(block, start, end)
        finding = Finding(
            AMBIGUOUS_LIST_RULE, "warning",
            f"the parts listed for “{lst.whole.name}” are not checked against it: {why}; sentence: "
            f"{block.text[start:end][:300]}", where["line_start"], where["line_end"], where["raw_text"], where["page"])
        if quiet and not had_members:
            lst.unreported = finding
        else:
            self.findings.append(finding)

    def _share_list(self, record: dict, item_list: _List | None, block: _Block, start: int, end: int) -> None:
        """A share is checked against its list's whole only when its phrase names that whole (or none): a share of
        the part's own budget, or of another aggregate, is not a share of the list's whole; it is not checked
        against a guess and is reported. A part naming another aggregate as its whole makes the list's whole
        uncertain: the list is ambiguous (its sum is not checked either)."""
        lst = record.get("_list") or item_list
        if lst is None:
            if not self._named_whole(record):
                self._unplaced_shares.append(record)
            return
        verdict = share_whole(record["_share_named"], lst.whole.name)
        if verdict == "whole" or (verdict == "other" and self._side_total(share_named(record["_share_named"]), lst)):
            return
        record["_list"] = None
        record["_not_of_list"] = True
        named = share_named(record["_share_named"])
        if verdict == "other":
            self._ambiguous(lst, f"a part states its share of “{named}”, not of “{lst.whole.name}”, so which "
                            "whole the parts belong to is not printed", block, start, end)
            if self._named_whole(record):
                return  # checked against the amount of that name stated before
        where = self._where(block, *record["_span"])
        self.findings.append(Finding(
            UNBOUND_RULE, "warning",
            f"{record['value_text']}{record['printed_unit']}: a share of “{named}”, which is not the whole "
            f"“{lst.whole.name}” the part is listed under, and no amount of it is bound: not checked; sentence: "
            f"{block.text[start:end][:300]}", where["line_start"], where["line_end"], where["raw_text"],
            where["page"]))

    def _side_total(self, named: str, lst: _List) -> bool:
        """占总支出的9.76% under 全镇公共财政预算支出完成5472.90万元，…：1、一般公共服务支出534.06万元: a share of the
        bare total of a side (总支出, 支出总额, 全部支出; 总收入 …) is a share of the list's whole when that whole is an
        aggregate of that side no vocabulary class names (not 基本支出, 工资福利支出 …), stands in no list of its own,
        and the document states no amount of a total of that name (财政总支出): then the total it names is that
        whole. Otherwise the share names another aggregate (its list is not checked)."""
        side = _SIDE_TOTAL_RE.fullmatch(named)
        whole = lst.whole
        word = (side.group("side") or side.group("side2")) if side is not None else None
        if word is None or whole.kind != "other" or not whole.name.endswith(word):
            return False
        if lst.outer is not None or (lst.whole_record is not None and lst.whole_record.get("_member_of") is not None):
            return False
        core = "总" + word
        return not any((r.get("subject") or "").endswith((named, core)) for r in self.statements)

    def _later_wholes(self) -> None:
        """After reading: a share naming a whole no earlier sentence states (工资福利支出预算905709.06元，占基本支出预算
        79.89% before 2022年一般公共预算基本支出1133753.33元 under the next heading) is a share of the amount of that name
        the document states after it, on the same terms as an earlier one: the same scope, one value, the share's
        period (``_named_whole``)."""
        for record in self._unplaced_shares:
            if "sentence_index" in record and record.get("parent_subject") is None:
                self._named_whole(record, record.get("scope"), after=True)

    def _named_whole(self, record: dict, scope: str | None = None, after: bool = False) -> bool:
        """A share whose phrase names its whole (占总收入的35.39%) outside any list of that whole is a share of the
        amount of that name an earlier sentence of the same scope states, when they state one value for it and of
        the share's period (…总收入27,664.71万元，其中：… ①…财政拨款收入共计9,787.85万元，占总收入的35.39%): the share
        takes that whole (``parent_subject``, ``list_index`` = its sentence). Returns whether it did. ``after``: read
        once the whole text is read, so a whole stated in a later sentence counts too (``_later_wholes``)."""
        named = _name_key(share_named(record["_share_named"] or ""))
        if len(named) < 2 or g.GENERIC_BASIS_ONLY_RE.match(named) or record["_subject"] is None:
            return False
        scope = scope if after else self.state.scope
        stated = [r for r in self.statements if r.get("role") == "amount" and r.get("subject") and r is not record
                  and r.get("value") is not None and r.get("scope") == scope
                  and _same_aggregate(_name_key(r["subject"]), named)]
        if len({(r["value"], r["printed_unit"]) for r in stated}) != 1 \
                or any(r["period_year"] != record["period_year"] for r in stated
                       if r["period_year"] is not None and record["period_year"] is not None):
            return False
        record["parent_subject"], record["list_index"] = stated[0]["subject"], stated[0]["sentence_index"]
        return True

    @staticmethod
    def _trailing_total(made: list[dict], masked: str, index: int) -> None:
        """地方一般公共预算收入完成107,150万元、返还性收入18,345万元、…，收入总量为610,013万元: amounts joined by 、 and then,
        after a comma, a total (…总量, 合计, 总计, 共计, 总额) ending the sentence's amounts: the amounts are its parts.
        Only when the sentence states nothing but these amounts (no change, rate or share, no list, no aside) and each
        part's number is followed by 、 (the last by the comma before the total)."""
        if len(made) < 3 or any(r["role"] != "amount" or r["_depth"] != 0 or r["_subject"] is None
                                or r.get("parent_subject") is not None or r.get("_list") is not None for r in made):
            return
        total, parts = made[-1], made[:-1]
        if _RUNNING_SUM_WORD_RE.search(masked, 0, total["_offset"]):
            return  # 加上…，收入总量为…: a running sum from an amount of the sentence before (NAR-SUM-001 reads it)
        if not _TRAILING_TOTAL_RE.search(total["_subject"].name) \
                or any(_TRAILING_TOTAL_RE.search(p["_subject"].name) for p in parts) \
                or any(masked[p["_end"]:p["_end"] + 1] != "、" for p in parts[:-1]) \
                or masked[parts[-1]["_end"]:parts[-1]["_end"] + 1] not in ("，", ","):
            return
        for part in parts:
            part["parent_subject"], part["list_index"] = total["_subject"].name, index

    @staticmethod
    def _own_comparison(made: list[dict], masked: str) -> None:
        """An amount dated before the document's year by its clause (去年全年…收入累计完成310682万元, 2023年…完成110亿元
        in a 2024 document) and followed by a 同比 change of its own subject, with no current amount of that subject
        in the sentence, is the current side of that change (同比增加23188万元，增长8.1%: against 310682 − 23188; 比上年 is
        the year before the amount's own), not
        the prior side of the document's year. Which years the two sides are is then not printed: the amount and its
        change and rate keep no period or compared year (no year rule reads them), the arithmetic rules do."""
        for i, prior in enumerate(made):
            if prior["role"] != "prior_amount" or not prior.get("_dated_prior") or prior["_subject"] is None:
                continue
            name = prior["_subject"].name
            if any(r["role"] == "amount" and r["_subject"] is not None and r["_subject"].name == name for r in made):
                continue
            if any(r["role"] == "amount" and r["_offset"] < prior["_offset"] and r["period_year"] is not None
                   and prior["period_year"] is not None and r["period_year"] > prior["period_year"] for r in made[:i]):
                # 一般公共预算拨款收入240万元，2024年收入预算总计363.13万元，同比降低123.13万元 (a 2025 budget): an amount of a
                # later year stands before it, so the change may be that one's against this prior: it stays the prior
                continue
            following = []
            for record in made[i + 1:]:
                if record["role"] in ("amount", "prior_amount"):
                    break
                if record["role"] in ("change", "growth_pct") and record["_subject"] is not None \
                        and record["_subject"].name == name:
                    following.append(record)
            if not following or not _OWN_COMPARISON_RE.search(masked, prior["_end"], following[0]["_offset"]):
                continue
            prior["role"] = "amount"
            for record in (prior, *following):
                record["period_year"] = record["compared_year"] = record["compared_basis"] = None

    def _like_whole(self, record: dict, lst: _List) -> None:
        """A part whose clause prints no year of its own is of the whole's period and basis, and of its role: the
        parts of 2021年度“三公”经费合计支出20.12万元，其中：… are 2021 amounts (prior amounts in a 2022 budget)."""
        whole = lst.whole_record
        if whole is None and record["role"] == "amount":
            # 2023年“三公”经费支出决算中，…公务接待费支出7.94万元: a 决算 amount of 2023
            if lst.basis is not None and not record.get("_basis_explicit"):
                record["basis"] = lst.basis
            if lst.year is not None and not record.get("_year_explicit"):
                record["period_year"] = lst.year
        if whole is None or record["role"] != "amount" or record.get("_year_explicit") \
                or whole["role"] not in ("amount", "prior_amount"):
            return
        record["period_year"] = whole["period_year"]
        if not record.get("_basis_explicit") and whole["basis"] is not None:
            record["basis"] = whole["basis"]
        if whole["role"] == "prior_amount":
            record["role"] = "prior_amount"
            record["compared_year"], record["compared_basis"] = whole["compared_year"], whole["compared_basis"]

    def _left_out(self, lst: _List) -> None:
        """A part of an ambiguous list is landed without its whole: the ambiguity is reported if it was not yet."""
        if lst.unreported is not None:
            self.findings.append(lst.unreported)
            lst.unreported = None

    @staticmethod
    def _numbered_next(lst: _List | None, sentence: str) -> _List | None:
        """The list an item goes on with over a ；: the open list (or one it is nested in) whose next numbered part
        this item's mark is (其中：1、基本支出…，包括：…；2、项目支出…: 2、 goes on with 其中's list); None for any
        other item (an item opens a statement of its own)."""
        mark = g.mark_ordinal(sentence) if lst is not None else None
        while lst is not None and mark is not None:
            if lst.next_mark == mark and lst.ambiguous is None:
                lst.next_mark = (mark[0], mark[1] + 1)
                return lst
            lst = lst.outer
        return None

    def _continued_list(self, lst: _List, first: _Subject, block: _Block, start: int, end: int) -> _List | None:
        """The list a sentence continued over ； belongs to, when the list before was nested (…，其中：A；B；C): the
        nested list when its first subject is a part of the nested whole, the list around it when it is a part of
        that list's whole or a sibling of the nested whole (by ``grammar.family``); otherwise the item could belong
        to either and both lists are ambiguous."""
        mine = g.family(first.name)
        level: _List | None = lst
        while level is not None and level.outer is not None:
            whole = g.family(level.whole.name)
            outer = g.family(level.outer.whole.name)
            if mine is not None and whole is not None and mine[1] == whole[0]:
                return level
            if mine is not None and ((outer is not None and mine[1] == outer[0])
                                     or (whole is not None and mine[1] is not None and mine[1] == whole[1])):
                level = level.outer
                continue
            self._ambiguous(level, f"“{first.name}” may be a part of “{level.whole.name}” or of "
                            f"“{level.outer.whole.name}”", block, start, end)
            self._ambiguous(level.outer, f"“{first.name}” may be a part of it or of “{level.whole.name}”",
                            block, start, end)
            return None
        return level

    @staticmethod
    def _shape(made: list[dict], sentence: str, reason_at: int | None) -> tuple[str, object]:
        """How the amounts of a sentence stand, for a 其中 opening the next sentence: ``("one", None)`` when its
        amounts stand in one clause (the head's); ``("chain", heads)`` when every later clause with an amount adds to
        or takes from the head (加以前年度结余18,744万元) or states the result (实际可支配收入105,672万元): the parts
        break down the head, unless a part is named as what was added (``heads``: the added amounts' head words);
        ``("side_by_side", amounts)`` when clauses state amounts of their own (收入X，支出Y): the parts break down
        the one whose head word they share (基本支出, 项目支出 → 支出), else which one is not printed (``_decide``)."""
        amounts = [r for r in made if r["role"] == "amount" and r["_depth"] == 0 and r.get("_list") is None
                   and r["parent_subject"] is None and (reason_at is None or r["_offset"] < reason_at)]
        clauses: dict[int, dict] = {}
        for record in amounts:
            clauses.setdefault(record["_clause"], record)
        if len(clauses) <= 1:
            return "one", None
        ordered = [clauses[c] for c in sorted(clauses)]
        added: list[str] = []
        after_added = False
        head = ordered[0]["_subject"]
        for record in ordered[1:]:
            clause = sentence[record["_clause"]:record["_offset"]].lstrip(" ")
            adds = _ADDS_RE.match(clause)
            if head is not None and record["_subject"] is not None \
                    and _name_key(record["_subject"].name) == _name_key(head.name):
                continue  # the head's own amount on another basis (年初预算为X，支出决算为Y): one whole
            if adds is not None:
                noun = _BRACKETED_RE.sub("", clause[adds.end():]).rstrip("-－−为是：: ")
                added.append(noun[-2:] if len(noun) >= 2 else noun)
                after_added = True
            elif after_added and _RESULT_RE.search(clause):
                after_added = False  # the result of the addition: the head with what was added
            else:
                return "side_by_side", ordered
        return "chain", tuple(n for n in added if n)

    def _decide(self, lst: _List, subject: _Subject, block: _Block, start: int, end: int) -> None:
        """The whole of a list whose sentence before states amounts side by side (收入X，支出Y。其中：…), decided by
        its first part: the one amount whose subject ends with the part's head word (基本支出 → 一般公共预算财政拨款
        支出); when none or several do, the list is ambiguous."""
        candidates, lst.candidates = lst.candidates, None
        head = _head_word(subject.name)
        mine = g.family(subject.name)
        matching: dict[str, dict] = {}  # by name: one subject stated twice (on two clauses) is one candidate
        for r in candidates:
            if r["_subject"] is None:
                continue
            placed = mine is not None and g.family(r["_subject"].name) is not None \
                and g.part_of(subject.name, r["_subject"].name)
            if placed or _head_word(r["_subject"].name) == head:
                matching.setdefault(_name_key(r["_subject"].name), r)
        if len(matching) == 1:
            matching = list(matching.values())
            lst.whole, lst.whole_record = matching[0]["_subject"], matching[0]
            return
        names = "、".join(f"“{r['_subject'].name}”" if r["_subject"] is not None else
                         f"{r['value_text']}{r['printed_unit']}" for r in candidates)
        self._ambiguous(lst, f"the sentence before states {names} side by side, and which of them the parts break "
                        f"down is not printed (“{subject.name}” names none of them alone)", block, start, end)

    def _not_a_part(self, subject: _Subject, lst: _List) -> str | None:
        """Why an amount's subject is not named as a part of the list's whole (None when it may be one): a whole
        named “A及B” has the parts A and B; a subject the vocabulary places under another whole (因公出国 under
        三公, not under 公务用车) is no part of this one; a part named as the amount the whole's sentence added to
        it (上年结余 after 收入X，加上年结余Y，…) may mean the parts break down the sum, not the head."""
        name = subject.name
        conjuncts = lst.whole.conjuncts
        if conjuncts is not None:
            if _name_key(name) not in {_name_key(c) for c in conjuncts}:
                return f"“{name}” is neither of the two the whole “{lst.whole.name}” names"
        elif not g.part_of(name, lst.whole.name):
            return f"“{name}” is not a part of “{lst.whole.name}”"
        bare = _BRACKETED_RE.sub("", name)
        for head in lst.added:
            if bare.endswith(head):
                return (f"“{name}” is named as what the sentence of “{lst.whole.name}” adds to it, so the parts "
                        "may break down the sum, not “{lst.whole.name}”")
        return None

    @staticmethod
    def _coordinate(record: dict, reason_at: int | None) -> bool:
        """An amount an item states beside its own, in the item's main text (6.调入一般公共预算资金2万元、政府性基金
        预算资金13万元): not in brackets (an aside), not in a list nested in the item, not in a reason, not a total:
        a part of the item list's whole as the item's own amount is."""
        return record["role"] == "amount" and record["_depth"] == 0 and record.get("_list") is None \
            and (reason_at is None or record["_offset"] < reason_at) \
            and not g.TOTAL_WORD_RE.search(record["_subject"].name)

    def _bind(self, record: dict, subject: _Subject) -> None:
        record["_subject"] = subject
        record["subject"], record["subject_kind"], record["subject_path"] = subject.name, subject.kind, subject.path

    def _number(self, block, start, m, masked, sentence, index, subject, last_dir, share_at, done_at, done_basis,
                clause_year, clause_basis, clause_prior, compared_year, compared_basis, current_side,
                clause_start, bound_pos=-1, compared_amount=False) -> dict | None:
        unit = m.group("unit")
        if unit is None:
            return None  # dates, article and list numbers, bare years: not statements
        value_text = m.group("num")
        begin = m.start()
        if unit == g.BARE_WAN:
            if not g.MONEY_IN_SENTENCE_RE.search(sentence) \
                    or not g.FISCAL_WORD_RE.search(sentence, clause_start, begin):
                # 万 alone is money only in a sentence that states money, after a money word of its own clause:
                # 接待游客3.5万，门票收入120万元 counts visitors
                return None
            unit = "万元"  # 807.95万 beside …0万元、272.53万元: the sentence's money unit, printed short
        elif unit == g.BARE_YI or unit == g.BARE_WANYI:
            if not g.FISCAL_WORD_RE.search(sentence, clause_start, begin) \
                    and not (masked[m.end():m.end() + 1] in _CLAUSE_END and g.MONEY_IN_SENTENCE_RE.search(sentence)):
                # 亿 alone is money after a money word of its own clause (财政收入为170.19亿), or ending its clause in a
                # sentence that states money (…，待偿债再融资一般债券结余1亿，调出资金2.2亿。: a listed amount)
                return None
            unit = unit + "元"
        negative = False
        # 文化旅游体育与传媒支出9. 03万元, 支出决算数为2,2 82.77万元: a number cut by a space (a wrapped line joined): what
        # follows the space is not the number; it is reported with the whole print, never landed
        broken = _BROKEN_BEFORE_RE.search(masked, max(0, begin - 8), begin) \
            if begin > 1 and masked[begin - 1] in _SPACES else None
        if broken is None and begin > 1 and masked[begin - 1] in _MINUS and (unit in g.MONEY_UNITS or unit in g.PERCENT_UNITS) \
                and _NEGATIVE_AFTER_RE.match(masked[begin - 2]):
            # 转贷收入-82万元, 差异率-2.72%: a minus printed after a word (not after a digit: 50-100万元 and 80-90% are
            # ranges) is a negative amount or rate: it is reported, never dropped silently (a list it stands in is not
            # summed without it)
            negative = True
        elif broken is None and begin > 0 and (masked[begin - 1].isascii() and masked[begin - 1].isalnum() or masked[begin - 1] in _NOT_A_STATEMENT_BEFORE):
            return None  # 第3条, W060701, a target bound ≥90% (an indicator value, read by the target-form parsers)
        after = masked[m.end():m.end() + 8]
        if unit in g.MONEY_UNITS and (g.THRESHOLD_AFTER_RE.match(after) or masked[max(0, begin - 2):begin] == "单价"):
            return None  # a threshold (单价100万元以上), not an amount
        if unit == "名" and after[:1] not in ("", "，", "。", "；", ",", "、"):
            return None
        value, decimals = _decimal(value_text)
        direction = None
        if last_dir is not None and (g.DIRECTION_GAP_RE.match(masked[last_dir[1]:begin])
                                     or (_VERB_NOUN_GAP_RE.fullmatch(masked, last_dir[1], begin)
                                         and _VERB_BEFORE_NOUN_RE.search(masked, 0, last_dir[1]))
                                     # 较上年减少1.5万元（42.86%）: a bare rate in brackets right after the amount of a
                                     # change is that change's rate
                                     or (unit in g.PERCENT_UNITS
                                         and _BRACKETED_RATE_GAP_RE.fullmatch(masked, last_dir[1], begin)
                                         and masked[m.end():m.end() + 1] in ("）", ")"))):
            direction = last_dir[0]
        role: str | None
        period_year, basis = clause_year, clause_basis
        c_year, c_basis = None, None
        if unit in g.PERCENT_UNITS:
            if direction is not None:
                role, c_year, c_basis = "growth_pct", compared_year, compared_basis
            elif share_at >= 0:
                role = "share_pct"
            elif done_at >= 0:
                role, c_basis = "completion_pct", done_basis
            else:
                role = None
            if role in ("growth_pct", "share_pct", "completion_pct") and period_year is None:
                period_year, basis = current_side if current_side != (None, None) else (self.year, basis)
            if role == "completion_pct" and c_basis not in ("initial_budget", "adjusted_budget"):
                # compared fields are for change, growth and prior amounts; a completion keeps the stage of the
                # budget it names (完成调整预算的96.3%: adjusted_budget), the base it is of when two are stated
                c_basis = None
        elif unit in g.MONEY_UNITS:
            if direction is not None:
                role, c_year, c_basis = "change", compared_year, compared_basis
                if period_year is None:
                    period_year, basis = current_side if current_side != (None, None) else (self.year, basis)
            elif compared_amount:
                role = "prior_amount"  # 比2016年预算执行数1094.91万元: the amount of the side compared with
                period_year = compared_year if compared_year is not None else (period_year or self.year)
                basis = compared_basis
                c_year, c_basis = period_year, basis
            elif clause_prior:
                role = "prior_amount"
                c_year, c_basis = period_year, basis  # what the current amount is compared with
            else:
                role = "amount"
                if period_year is None:
                    period_year = self.year
                if basis is None and done_at >= 0:
                    # 为调整预算55000万元的85.4%: the amount right after the budget a completion is of has that basis;
                    # 完成46997万元 in a text of no basis of its own (an execution report, a government's 决算) is the
                    # amount carried out
                    basis = done_basis if done_basis is not None else (None if self.kind_basis else "execution")
        else:
            role = "count"
            if period_year is None:
                period_year = self.year
        if role in ("amount", "change", "growth_pct", "share_pct", "completion_pct") and basis is None:
            basis = self.kind_basis  # a 预算's own amounts are budget amounts, a 决算's final accounts
        if role in ("change", "growth_pct") and c_year is not None and c_basis is None \
                and self.kind_basis == "final_accounts":
            c_basis = "final_accounts"  # 与2023年度相比 in a 决算: the 2023 决算
        bound = subject
        generic = None
        basis_amount = False
        clause_noun = False  # the amount's own clause names it, not the subject of an earlier clause
        if bound is None and role not in ("count", None):
            end = share_at if (role == "share_pct" and share_at > clause_start) else begin - negative
            # (an amount in brackets: its noun is after the bracket's opening, 支出X万元（含结转资金Y万元）)
            generic = _generic_subject(sentence[max(clause_start, end - _WINDOW, self._depths.opened(begin) + 1):end])
            # 完成年初预算数60999万元的40.4%: the budget the amount before was completed against, of the same noun
            basis_amount = generic is None and role == "amount" \
                and _BASIS_AMOUNT_BEFORE.search(sentence, max(clause_start, begin - _WINDOW), begin) is not None
        elif bound is not None and role in ("amount", "prior_amount") and bound_pos < clause_start:
            # the clause prints its own noun (…，对个人和家庭的补助0.00万元): it names the number, not the
            # subject of an earlier clause
            own = _generic_subject(sentence[max(clause_start, begin - _WINDOW):begin])
            if own is not None and not _BASIS_WORD_RE.search(own.name):
                bound = own
                clause_noun = True
        elif bound is not None and role in ("amount", "prior_amount") \
                and bound_pos < (opened := self._depths.opened(begin)):
            # an aside in brackets opened after the subject (支出总计100万元（含专项经费20万元）): its own noun names the
            # number (an aside naming a fund, （含一般公共预算6,150.64万元）, stays the subject's, as before)
            own = _generic_subject(sentence[opened + 1:begin])
            if own is not None and not _BASIS_WORD_RE.search(own.name):
                bound = own
        if role == "count":
            # a count binds only to a subject named in its own clause (编报绩效目标的项目50个)
            bound = None
            if subject is not None:
                window = sentence[max(clause_start, begin - _WINDOW):m.end()]  # …用车 is read with its count
                for a, _b, s in [f for f in _subjects(window)[0] if f[1] <= len(window) - len(m.group(0))][-1:]:
                    bound = s
        if role == "count" and bound is None:
            return None  # a count of something the vocabulary does not know: not a fiscal statement
        number_end = m.end()
        record = {"_span": (start + begin, start + number_end),  # (a dict display: cheaper than dict() with keywords)
                  "role": role, "value_text": value_text, "value": value, "printed_decimals": decimals,
                  "printed_unit": unit, "subject": None, "subject_kind": None, "subject_path": None,
                  "parent_subject": None, "list_index": None, "period_year": period_year, "basis": basis,
                  "compared_year": c_year, "compared_basis": c_basis,
                  "direction": direction if role in ("change", "growth_pct") else None,
                  "reason_text": None, "reason_direction": None, "_subject": None, "_offset": begin, "_end": number_end,
                  "_generic": generic, "_basis_amount": basis_amount, "_subject_pos": bound_pos,
                  "_clause_noun": clause_noun,
                  "_dated_prior": role == "prior_amount" and not compared_amount,
                  "_year_explicit": clause_year is not None,
                  "_basis_explicit": clause_basis is not None, "_depth": self._depths.at(begin),
                  "_clause": clause_start, "_negative": negative,
                  "_broken": None if broken is None else sentence[broken.start():m.end()],
                  "_share_named": sentence[share_at:begin] if role == "share_pct" and share_at >= 0 else None}
        if bound is not None:
            self._bind(record, bound)
        return record

    _NUMBER_AHEAD_RE = re.compile(r"[^，,；;。]*?[0-9０-９]")
    # between an amount and a flat word against an earlier year, nothing but the comparison: "，较上年", "，与上年相比",
    # "比2022年", "同比", "与2015年预算", "较上年决算数"
    _PRIOR_FLAT_GAP_RE = re.compile(
        r"[，,\s]*(?:(?:比|较|与|和)(?:上年|去年|上一?年度?|[0-9]{4}年度?)(?:同期)?(?:预算|决算|执行)?数?(?:相比|比较)?|同比)"
        r"[，,\s]*")

    def _flat_change(self, m, masked, start, made, subject, subject_pos, compared_year, compared_basis,
                     current_side, prior_year=False) -> dict | None:
        """与2021年度预算相比无变化 in a 2021 决算: a change of exactly zero against a basis of the document's own year
        (its budget, 年初预算), stated by a word, for the money amount the clause stated before it (its unit and
        precision): the base the tables print can then be checked (the amount is the base, NAR-STATED-003). Not when
        a number follows in the clause, when the word is hedged (基本持平), or when no amount of the same subject was
        stated before it.
        Against an earlier year (公务接待费0.50万元,较上年无增减) only when nothing but the comparison stands between
        the amount and the word (`_PRIOR_FLAT_GAP_RE`): the item's change is then 0 and the changes of a list's items
        can be added up against their whole's (NAR-CHANGE-1xx). 收入与上年持平 after a rate, or a word whose clause
        names another noun, stays a direction only."""
        word = m.group("dir")
        if g.HEDGED_FLAT_RE.search(masked, 0, m.start()) or self._NUMBER_AHEAD_RE.match(masked, m.end()):
            return None
        # the amount's noun may be bound only with its sentence (a heading's noun, a carried subject: 二、公务接待费 /
        # 2016年预算5万元，与上年持平): the word then takes whatever the amount is bound to, or nothing
        amount = next((r for r in reversed(made) if r["role"] in ("amount", "prior_amount")
                       and r["printed_unit"] in g.MONEY_UNITS
                       and ((r["_subject"] is not None and (subject is None or r["_subject"] is subject))
                            or (r["_subject"] is None and subject is None))), None)
        if amount is None:
            return None
        if prior_year and (amount is not made[-1] or amount["role"] != "amount"
                           or not self._PRIOR_FLAT_GAP_RE.fullmatch(masked, amount["_end"], m.start())):
            return None
        period_year, basis = current_side if current_side != (None, None) else (self.year, self.kind_basis)
        record = dict(amount)
        for key in [k for k in record if k.startswith("_")]:
            del record[key]
        record.update({
            "_span": (start + m.start(), start + m.end()), "role": "change", "value_text": word,
            "value": Decimal(0), "period_year": period_year, "basis": basis, "compared_year": compared_year,
            "compared_basis": compared_basis, "direction": 0, "reason_text": None, "reason_direction": None,
            "parent_subject": None, "list_index": None,
            "_subject": None, "_offset": m.start(), "_end": m.end(), "_generic": None, "_basis_amount": False,
            "_subject_pos": subject_pos, "_clause_noun": False, "_dated_prior": False, "_year_explicit": False,
            "_basis_explicit": False, "_depth": self._depths.at(m.start()), "_clause": amount["_clause"],
            "_negative": False, "_share_named": None, "_flat": True})
        if prior_year and amount.get("_list") is not None:
            record["_list"] = amount["_list"]  # the item's change is a part of its whole's change
        if amount["_subject"] is not None:
            self._bind(record, amount["_subject"])
        else:
            record["_flat_of"] = amount  # bound with the sentence, to the amount's noun (see ``_sentence``)
        return record

    def _reason(self, explained: list[dict], reason: str, sentence: str, index: int, block, start, end,
                reason_at) -> None:
        ups = downs = flats = 0
        for m in g.REASON_DIRECTION_RE.finditer(reason):
            if m.lastgroup == "up" and _SUBTRACTING_BEFORE_RE.search(reason, max(0, m.start() - 12), m.start()):
                downs += 1  # 办理退税规模有所增加: more refunds are less revenue, not more
            elif m.lastgroup == "up":
                ups += 1
            elif m.lastgroup == "down":
                downs += 1
            else:
                flats += 1
        direction = None
        # 主要由于：(1)…调减…326.54万元；(2)其余…调增。: a numbered reason cut by ； goes on in the sentences after it, so
        # the first item's direction is not the reason's
        first_of_items = g.LIST_MARK_RE.match(reason.lstrip("：:，, ")) is not None \
            and sentence.rstrip().endswith(("；", ";"))
        if (ups > 0) + (downs > 0) + (flats > 0) == 1 and not first_of_items:
            direction = 1 if ups else (-1 if downs else 0)
        for record in explained:
            if record.get("reason_text") is None:
                record["reason_text"] = reason or None
                record["reason_direction"] = direction
        changes = [r for r in explained if r.get("direction") in (1, -1)]
        # "…的主要原因：" closing its sentence introduces the reasons printed next (a heading of a list), not an empty one
        introduces = sentence.rstrip().endswith(("：", ":"))
        # a text cut right after 主要原因 (an excerpt ending mid-sentence) has no empty reason: the reason is not printed
        cut = block is self._last_block and end == len(block.text) and not sentence.rstrip().endswith(_CLOSED)
        empty = reason.strip("。；;，,：: ") == "" and not introduces and not cut
        if empty or (reason.strip("。；;，,：: ") in ("无", "暂无") and changes):
            subject = next((r for r in explained if r.get("subject")), None)
            # the whole sentence, to the line of its closing 。 (an empty reason is the 。 right after 原因是)
            self.statements.append(dict(self._where(block, start, end),
                                        sentence_index=index, sentence=sentence, role="empty_reason",
                                        subject=subject["subject"] if subject else None,
                                        subject_kind=subject["subject_kind"] if subject else None,
                                        subject_path=subject["subject_path"] if subject else None,
                                        section=block.section, scope=self.state.scope))


_FIELDS = [f for f in Statement.__dataclass_fields__]


def read_statements(document, facts: DocumentFacts | None = None) -> tuple[list[Statement], list[Finding]]:
    """The statements of a document's prose and the findings of the numbers that could not be bound."""
    reader = _Reader(document, facts)
    reader.read()
    # positional, in field order (every field of a Statement is a plain positional one): no dict per record
    statements = [Statement(*map(record.get, _FIELDS)) for record in reader.statements]
    statements.sort(key=lambda s: s.sentence_index)
    return statements, reader.findings
