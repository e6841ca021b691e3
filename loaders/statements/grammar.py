"""The grammar of fiscal prose: subjects, periods and bases, comparisons, directions, numbers and units.

One vocabulary for every document kind (no per-document code). Subjects are found first and masked, so the
words inside them (预算 in 收入预算, 与 in 医疗卫生与计划生育支出) are not read again as bases or comparisons.
Every pattern is a plain alternation or a bounded repetition: matching is linear in the sentence length.
"""

from __future__ import annotations

import functools
import re

# 支出功能分类 类 names (政府收支分类科目), current and older printed forms: a class name is a subject even
# without its （类） marker, and a name read before （类） is cut to the known name it ends with.
CLASS_NAMES = (
    "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出",
    "文化体育与传媒支出", "社会保障和就业支出", "社会保险基金支出", "卫生健康支出", "医疗卫生与计划生育支出",
    "节能环保支出", "城乡社区支出", "农林水支出", "交通运输支出", "资源勘探工业信息等支出", "资源勘探信息等支出",
    "商业服务业等支出", "金融支出", "援助其他地区支出", "自然资源海洋气象等支出", "国土海洋气象等支出", "住房保障支出",
    "粮油物资储备支出", "灾害防治及应急管理支出", "预备费", "转移性支出", "债务还本支出",
    "债务付息支出", "债务发行费用支出", "抗疫特别国债安排的支出",
)

_P = r"[（(]"
_Q = r"[）)]"
# a function class name: CJK characters, or a short bracketed insert such as （室） that is not 类/款/项
_NAME = rf"(?:[\u4e00-\u9fff]|{_P}(?![类款项]{_Q})[\u4e00-\u9fff]{{1,4}}{_Q})"
# read from each （类） marker (found by str.find, so the cost stays linear): the name before it, then 款 and 项
CLASS_NAME_BEFORE_RE = re.compile(rf"{_NAME}{{1,30}}$")
CLASS_REST_RE = re.compile(rf"(?:(?P<k>{_NAME}{{1,30}}?){_P}款{_Q})?(?:(?P<i>{_NAME}{{1,40}}?){_P}项{_Q})?")
FUNCTION_CLASS_RE = re.compile(
    rf"(?P<c>{_NAME}{{2,30}}?){_P}类{_Q}(?:(?P<k>{_NAME}{{1,30}}?){_P}款{_Q})?(?:(?P<i>{_NAME}{{1,40}}?){_P}项{_Q})?")

# the same path printed with dashes: “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目
_DASH = r"[-－—–]"
FUNCTION_DASH_RE = re.compile(
    rf"(?P<c>{'|'.join(sorted(CLASS_NAMES, key=len, reverse=True))}){_DASH}(?P<k>{_NAME}{{1,30}}?)"
    rf"(?:{_DASH}(?P<i>{_NAME}{{1,40}}?))?(?=”|\"|科目|[^\u4e00-\u9fff（(-－—–])")

# the 类 of the economic classification (工资福利支出, 商品和服务支出, 对个人和家庭的补助 …), with the basis word a 说明
# prints glued to them (工资福利支出预算)
# (and as older and smaller publishers print them: 工资性支出, 商品与服务支出, 对个人与家庭补助支出)
_ECONOMIC_CLASSES = (r"(?:机关)?工资(?:福利|性)支出(?:预算)?|(?:机关)?商品[和与]服务支出(?:预算)?"
                     r"|对个人[和与]家庭的?补助(?:支出)?(?:预算)?"
                     r"|对企业补助(?:支出)?(?:预算)?|对企事业单位的补贴(?:支出)?(?:预算)?|债务利息及费用支出(?:预算)?"
                     r"|资本性支出(?:[（(]基本建设[）)])?(?:预算)?")

# (pattern, subject_kind). The printed words are the subject (quotes and spaces stripped).
_VOCABULARY: list[tuple[str, str]] = [
    # three public expenses and their parts
    (r"“?三公”?经费", "three_public"),
    (rf"因公出国{_P}境{_Q}(?:(?:经)?费用?|支出)", "three_public"),
    # (因公出国(境)次之，共1.2亿元: the part printed without 费 before a number, a comparison or 次之 / 共)
    (rf"因公出国{_P}境{_Q}(?=[次共较比与同增减0-9０-９，,])", "three_public"),
    (r"公务用车购置及运行(?:维护)?(?:经)?费", "three_public"),
    # (公务用车购置1422万元, 公务用车运行维护2648万元: printed without 费 right before a number or comparison)
    (r"公务用车购置(?:经)?费|公务用车购置支出|公务用车购置(?=[较比与同增减0-9０-９])", "three_public"),
    (r"公务用车运行(?:维护)?(?:经)?费|公务用车运行(?:维护)?(?=[较比与同增减0-9０-９])", "three_public"),
    (r"公务接待(?:经)?费|公务接待支出|公务接待(?=[较比与同增减0-9０-９])", "three_public"),
    # government procurement, its categories and the SME reservations
    (r"(?:面向)?中小企业预留(?:的)?政府采购项目(?:预算)?(?:金额)?", "procurement"),
    (r"(?:面向|预留给)?(?:小微企业|小型和微型企业)(?:预留)?(?:的)?政府采购项目(?:预算)?(?:金额)?", "procurement"),
    (r"政府采购(?:货物|工程|服务)类?(?:预算|金额|支出)?", "procurement"),
    (r"(?:货物|工程|服务)类?采购(?:预算|金额|支出)?", "procurement"),
    (r"(?:货物|工程|服务)类", "procurement"),
    (r"其他政府采购项目", "procurement"),
    (r"政府采购(?:预算|金额|支出)?", "procurement"),
    (r"机关运行经费(?:支出|预算)?", "operation_fund"),
    # totals and sources
    (r"(?:财政拨款)?收入支出(?:预算)?总计", "expenditure"),
    (r"本年收入合计|收入(?:预算)?总计|收入合计", "revenue"),
    (r"本年支出合计|支出(?:预算)?总计|支出合计", "expenditure"),
    (r"(?:一般公共预算|政府性基金(?:预算)?|国有资本经营预算)(?:财政)?拨款支出(?:预算)?", "expenditure"),
    (r"(?:一般公共预算|政府性基金(?:预算)?|国有资本经营预算)(?:财政)?拨款收入(?:预算)?", "revenue"),
    (r"(?:一般公共预算|政府性基金(?:预算)?|国有资本经营预算)(?:财政)?拨款(?:基本|项目)支出", "expenditure"),
    (r"财政拨款支出(?:预算)?", "expenditure"),
    (r"财政拨款收入(?:预算)?", "revenue"),
    (r"事业单位经营收入|经营收入|事业收入|上级补助收入|附属单位上缴收入|其他收入|用事业基金弥补收支差额", "revenue"),
    (r"年初结转和结余|年末结转和结余|结余分配", "other"),
    # a balance carried from the year before, or into the next, is a subject (上年结余1885万元: not a prior amount)
    (r"上年结转(?:和|及)?结余(?:收入|资金)?|上年结余(?:收入|资金)?|上年结转(?:收入|资金)?|结转下年(?:使用)?", "other"),
    # the budget stabilisation fund a budget draws on (动用/调入预算稳定调节基金) or tops up (补充…): a noun, its 预算 no basis
    (r"预算稳定调节基金", "other"),
    (r"本年收入", "revenue"),
    (r"本年支出", "expenditure"),
    (r"收入预算", "revenue"),
    (r"支出预算", "expenditure"),
    (r"(?:财政拨款)?基本支出", "basic_expenditure"),
    (r"日常公用经费|人员经费|公用经费", "basic_expenditure"),
    (r"(?:财政拨款)?项目支出", "project_expenditure"),
    # the classes of the economic classification of expenditure (部门预算支出经济分类 类), printed in every 说明 of 基本支出
    (_ECONOMIC_CLASSES, "economic_class"),
    # performance management
    (r"(?:编报绩效目标|绩效跟踪评价|绩效自评|绩效评价|纳入[0-9]{4}年部门预算绩效评审)的(?:[0-9]{4}年度?)?项目",
     "performance_targets"),
    (r"绩效目标|绩效跟踪(?:评价)?|绩效自评|绩效评价|绩效评审|重点评价", "performance_targets"),
    # assets
    (rf"(?:单价[0-9]+万元{_P}含{_Q}以上(?:的)?|大型)?设备(?:{_P}不含车辆{_Q})?", "assets"),
    (r"[\u4e00-\u9fff]{2,8}?用车|车辆", "assets"),
] + [(name, "function_class") for name in sorted(CLASS_NAMES, key=len, reverse=True)]

# The search pattern: the same vocabulary, every alternative opening with a literal character (optional
# openings written out), so the regex engine skips straight to the characters a subject can start with (a
# scan in C) instead of trying every alternative at every position. Which entry matched, and so the kind, is
# looked up afterwards (``subject_kind``). Vehicles (…用车) are read by their own pattern, only in sentences
# that print 用车; a class name preceded by another CJK character (其他教育支出) is dropped by the reader.
_SEARCH = [
    r"“三公”?经费", r"三公”?经费",
    rf"因公出国{_P}境{_Q}(?:(?:经)?费用?|支出)", rf"因公出国{_P}境{_Q}(?=[次共较比与同增减0-9０-９，,])",
    r"公务用车购置及运行(?:维护)?(?:经)?费", r"公务用车购置(?:经)?费", r"公务用车购置支出", r"公务用车运行(?:维护)?(?:经)?费",
    r"公务用车购置(?=[较比与同增减0-9０-９])", r"公务用车运行(?:维护)?(?=[较比与同增减0-9０-９])",
    r"公务接待(?:经)?费", r"公务接待支出", r"公务接待(?=[较比与同增减0-9０-９])",
    r"面向中小企业预留(?:的)?政府采购项目(?:预算)?(?:金额)?", r"中小企业预留(?:的)?政府采购项目(?:预算)?(?:金额)?",
    r"面向(?:小微企业|小型和微型企业)(?:预留)?(?:的)?政府采购项目(?:预算)?(?:金额)?",
    r"预留给(?:小微企业|小型和微型企业)(?:预留)?(?:的)?政府采购项目(?:预算)?(?:金额)?",
    r"小微企业(?:预留)?(?:的)?政府采购项目(?:预算)?(?:金额)?", r"小型和微型企业(?:预留)?(?:的)?政府采购项目(?:预算)?(?:金额)?",
    r"政府采购(?:货物|工程|服务)类?(?:预算|金额|支出)?",
    r"货物类?采购(?:预算|金额|支出)?", r"工程类?采购(?:预算|金额|支出)?", r"服务类?采购(?:预算|金额|支出)?",
    r"货物类(?=[0-9０-９])", r"工程类(?=[0-9０-９])", r"服务类(?=[0-9０-９])",
    r"其他政府采购项目", r"政府采购(?:预算|金额|支出)?",
    r"机关运行经费(?:支出|预算)?",
    r"财政拨款收入支出(?:预算)?总计", r"收入支出(?:预算)?总计",
    r"本年收入合计", r"收入(?:预算)?总计", r"收入合计", r"本年支出合计", r"支出(?:预算)?总计", r"支出合计",
    r"一般公共预算(?:财政)?拨款(?:支出(?:预算)?|收入(?:预算)?|(?:基本|项目)支出)",
    r"政府性基金(?:预算)?(?:财政)?拨款(?:支出(?:预算)?|收入(?:预算)?|(?:基本|项目)支出)",
    r"国有资本经营预算(?:财政)?拨款(?:支出(?:预算)?|收入(?:预算)?|(?:基本|项目)支出)",
    r"财政拨款支出(?:预算)?", r"财政拨款收入(?:预算)?", r"财政拨款基本支出", r"财政拨款项目支出",
    r"事业单位经营收入", r"经营收入", r"事业收入", r"上级补助收入", r"附属单位上缴收入", r"其他收入",
    r"用事业基金弥补收支差额", r"年初结转和结余", r"年末结转和结余", r"结余分配",
    r"上年结转(?:和|及)?结余(?:收入|资金)?", r"上年结余(?:收入|资金)?", r"上年结转(?:收入|资金)?", r"结转下年(?:使用)?",
    r"预算稳定调节基金", r"本年收入", r"本年支出", r"收入预算", r"支出预算", r"基本支出", r"日常公用经费", r"人员经费", r"公用经费",
    r"项目支出", _ECONOMIC_CLASSES,
    r"编报绩效目标的(?:[0-9]{4}年度?)?项目", r"绩效跟踪评价的(?:[0-9]{4}年度?)?项目", r"绩效自评的(?:[0-9]{4}年度?)?项目",
    r"绩效评价的(?:[0-9]{4}年度?)?项目", r"纳入[0-9]{4}年部门预算绩效评审的项目",
    r"绩效目标", r"绩效跟踪(?:评价)?", r"绩效自评", r"绩效评价", r"绩效评审", r"重点评价",
    rf"单价[0-9]+万元{_P}含{_Q}以上(?:的)?设备(?:{_P}不含车辆{_Q})?", rf"大型设备(?:{_P}不含车辆{_Q})?",
    rf"设备(?:{_P}不含车辆{_Q})?", r"车辆",
] + sorted(CLASS_NAMES, key=len, reverse=True)
SUBJECT_RE = re.compile("|".join(_SEARCH))
VEHICLE_RE = re.compile(r"[\u4e00-\u9fff]{2,8}?用车(?=[0-9０-９])")  # a vehicle kind is followed by its count
_ENTRIES = [(re.compile(p), k) for p, k in _VOCABULARY]
_KIND_CACHE: dict[str, str] = {}


def subject_kind(text: str) -> str:
    """The kind of the vocabulary entry a matched subject belongs to (first entry in order that matches it)."""
    kind = _KIND_CACHE.get(text)
    if kind is None:
        kind = next((k for pattern, k in _ENTRIES if pattern.fullmatch(text)), "other")
        if len(_KIND_CACHE) < 4096:
            _KIND_CACHE[text] = kind
    return kind


CLASS_NAME_SET = frozenset(CLASS_NAMES)

MONEY_UNITS = {"元": 1, "千元": 1, "万元": 1, "亿元": 1, "万亿元": 1}
PERCENT_UNITS = {"%", "％"}
COUNT_UNITS = {"个", "人", "人次", "辆", "台（套）", "台(套)", "台", "套", "家", "项", "次", "名"}

_NUM = r"[0-9０-９]{1,3}(?:,[0-9０-９]{3})+(?:[.．][0-9０-９]+)?|[0-9０-９]+(?:[.．][0-9０-９]+)?"
# 万 alone after a number (合计为807.95万，其中：…): read as 万元 only where a clause ends right after it (万人, 万条,
# 万亩 are counts of something else) and only in a sentence that states money (see the reader's ``_number``)
# 万亿元 (a national total: 33.5万亿元, 萬億元 in traditional characters) before 万元; 万亿 alone like 亿 alone
_UNIT = r"万亿元|万亿(?=[，,。；;、）)\s]|$)|万元|万(?=[，,。；;、）)\s]|$)|亿元|亿(?=[，,。；;、）)\s]|$)|千元|元|%|％|个|人次|人|辆|台（套）|台\(套\)|台|套|家|项|次|名"
NUM, UNIT = _NUM, _UNIT  # (the reader's runs of numbers: 各是4125.49,4143.91万元)
BARE_WAN = "万"
BARE_YI = "亿"
BARE_WANYI = "万亿"
# a printed money unit, longest first (万亿元 before 万元 before 元)
MONEY_UNIT_PATTERN = r"(?:万亿元|万元|亿元|千元|元)"
MONEY_IN_SENTENCE_RE = re.compile(r"[0-9０-９]\s*" + MONEY_UNIT_PATTERN)

# which budget of the year a completion is of (年初预算, 调整后预算, 年度预算, 年预算 …): one list for the completion word,
# the basis-only nouns and the reader's budget amounts (reader._BASIS_AMOUNT_BEFORE)
BUDGET_OF_YEAR = r"(?:当年|年初|调整后|调整|全年|年度|年)"
# who approved a budget, and its scope, between the verb and the budget a completion is of (为县人民代表大会批准全县全年
# 预算46,908万元的80.43%): a qualifier of the budget, no noun of its own
APPROVED_BY = r"(?:[^，,。；;：:\x00]{0,16}?(?:批准|通过|审定|核定|下达)的?)?(?:全[县区市镇乡省州旗盟]|本级)?"

# the 年 after a year, unless it is the 年 of 年初预算 (2021年初预算数: the year, then the basis, not 2021年 and a stray 初)
YEAR_WORD = r"(?:(?=年初预算)|年度?)"

TOKEN_RE = re.compile(
    r"(?P<reason>(?:的)?主要原因(?:是|为|在于)?[：:]?|原因(?:是|为)?[：:]|主要(?:是)?(?:由于|因为)[：:]?)"
    # the main items of a part (其中：财力安排支出68.4亿元，…，主要支出事项：A 7.1亿元、B 7.5亿元…等): a breakdown of that
    # part, not more parts of the list
    r"|(?P<detail>主要(?:支出|收入)?(?:事项|项目|内容|科目|包括|有)[：:])"
    r"|(?P<list>其中[：:，,]?|以下方面[：:]|如下[：:]"
    # a whole said to be made of its parts: 支出总计1,867.48万元，由一般公共预算支出1,867.48万元，加…等0万元构成
    r"|由(?=[^。；;]{1,200}?(?:构成|组成)(?:[，,。；;]|$))"
    # …246.59万元，包括：人员经费215.59万元，公用经费31万元 (…，含一般性转移支付4951万元，…): 包括 / 包含 / 含 after an
    # amount's clause lists that amount's parts, as 其中 does
    r"|(?<=元[，,])(?:包括|包含|含)[：:]?"
    # …42.68亿元（包括购置费9.26亿元、运行费33.42亿元）, …1736万元（含收回结转结余资金682万元）: opening a bracket after an
    # amount, with an amount in it, they list that amount's parts as （其中：…） does (and the bracket's amounts are no
    # parts of the list the amount stands in)
    r"|(?<=元[（(])(?:包括|包含|含)[：:]?(?=[^（()）]*?[0-9][^（()）]*?元[^（()）]*?[）)])"
    # a bracket opened right after an amount, breaking it down into two or more named amounts (公务用车购置及运行费28万元
    # （公务用车购置费0万元，公务用车运行维护费28万元）): a list of that amount's parts, as （其中：…） is
    # (or after the rate its clause states of that amount: …404633万元，同比下降0.29%（税收收入199744万元、非税收入…）)
    # (the bracket may hold a ；, which ends the sentence inside it: an amount in it and no ） before the sentence's end
    # opens the breakdown too, and its ） in a later sentence ends it: 9.74亿元(税收返还4.95亿元,…;非税返还4亿元,…))
    r"|(?<=[元%％])[（(](?!含|包含|其中|包括|详见|见|注|即|下同|以下)(?=[\u4e00-\u9fff\x00][^（()）]*?[0-9][^（()）]*?元"
    r"(?:[^（()）]*?[0-9][^（()）]*?元[^（()）]*?[）)]|[^（()）]*$)))"
    # X中， after a noun, or after its 支出/收入 and basis word (“三公”经费支出决算中，): fixed-width lookbehinds, so the
    # token starts at 中 (the basis word before it is read as a basis token first)
    r"|(?P<listzh>(?:" + "|".join(rf"(?<=\x00{w})" for w in (
        "", "支出", "收入", "决算", "预算", "决算数", "预算数", "执行数", "支出决算", "支出预算", "收入决算", "收入预算"))
    + r")中[，,：:])"
    # a budget adjusted: 总收入由397959万元调整为409959万元，调增12000万元 (the amount before 调整为 is the one adjusted)
    # (由年初预算数277585万元调整为…: the basis of the amount adjusted may stand between 由 and it; the basis token
    # after 由 reads it)
    r"|(?P<adjfrom>由(?=(?:年初预算数?|年初数|预算数?|原预算数?)?[0-9０-９][^。；;]{0,40}?(?:调整为|调整到|变更为|调为)))"
    r"|(?P<adjto>调整为|调整到|变更为|调为)"
    # (预算 inside a fund's revenue or spending, 一般公共预算收入, 政府性基金预算支出, is no basis word: that noun's amounts
    # are of the document's basis or of the verb before them)
    r"|(?P<basis>当年预算执行数|预算执行数|执行数|年初预算数?|调整后预算数?|调整预算数?|全年预算数?|决算数?|实际支出数?|预算安排|预算数"
    r"|(?<!一般公共)(?<!公共财政)(?<!政府性基金)(?<!国有资本经营)(?<!社会保险基金)预算"
    r"|预算(?!总?收入|总?支出|收支))"
    r"|(?P<year>(?:19|20)[0-9]{2})" + YEAR_WORD +
    r"|(?P<rel>上年度?|上一年度?|去年|本年度?|当年|今年)"
    # a split heading (按支出功能分类科目：) in a list: the parts after it break the same whole down another way
    # (before a comma only when it ends in 划分 / 分类 / 区分: 按资金来源划分，A…，B…；按财力性质划分，C…; the comma is left
    # to end the clause)
    r"|(?P<split>按[\u4e00-\u9fff\x00]{1,10}(?:[：:]|(?<=划分|分类|区分)(?=[，,])))"
    r"|(?P<aside>经比较|经过比较|通过比较|经对比|比较而言)"  # (经比较，X41万元: a comparison follows, X is not its base)
    r"|(?P<cmp>同比|相比|比|较|与)"
    r"|(?P<dir>负增长|增幅|涨幅|增收|增支|超收|短收|增加|增长|上升|提高|增|减幅|降幅|减收|减支|减少|下降|降低|压减|调增|调减|节省|节约|减|持平|无变化|无增减|没有变化|保持不变|不变|大于|小于|超出|低于)"
    # 年初预算为2.95万元，差值为0.9万元 / 预决算差异率-2.72%: a difference between the two sides of the clause, its sign
    # (which side is larger) printed nowhere, or a rate of that difference whose base is not named: never an amount of
    # either side (the amount or rate right after it is reported unbound)
    r"|(?P<gap>预决算差异率|差异率|差异额|差额|差值|相差)"
    r"|(?P<share>占)"
    r"|(?P<done>完成率|执行率|执行比例|完成|(?:为|是)(?=" + APPROVED_BY + BUDGET_OF_YEAR
    + r"?预算(?:执行)?数?(?:[0-9０-９][0-9０-９,，.]*(?:万亿元|亿元|万元|元))?的[0-9０-９]))"
    rf"|(?P<num>{_NUM})(?P<unit>{_UNIT})?"
    # (和 / 及 / 以及 right after an amount, before a noun, joins the next item as 、 does: 一般公共预算收入10亿元和政府性
    # 基金收入3亿元; not 100万元及以上)
    r"|(?P<clause>[，,：:、]|(?<=元)(?:以及|和|及)(?!以[上下])(?=[\u4e00-\u9fff\x00]))"
    r"|(?P<close>[）)])"
)

# every character a token of TOKEN_RE can start with: the scan for candidates runs in C, TOKEN_RE is tried only
# there (TOKEN_RE's named groups keep the regex engine from skipping ahead by itself)
TOKEN_START_RE = re.compile(r"[的主原其以和及如中当预执年调全决实上去本今同相比较与增涨提减下降压节持无没保不占完为是大小超短低负由变经通包含按差0-9０-９，,：:、）)（(]")


def tokens(masked: str):
    """TOKEN_RE's matches in order, as ``TOKEN_RE.finditer`` gives them."""
    pos = 0
    match = TOKEN_RE.match
    for candidate in TOKEN_START_RE.finditer(masked):
        at = candidate.start()
        if at < pos:
            continue
        m = match(masked, at)
        if m is not None:
            pos = m.end()
            yield m


BASES = {
    "当年预算执行数": "execution", "预算执行数": "execution", "执行数": "execution",
    "年初预算": "initial_budget", "年初预算数": "initial_budget",
    "调整后预算": "adjusted_budget", "调整后预算数": "adjusted_budget", "全年预算": "adjusted_budget",
    "调整预算": "adjusted_budget", "调整预算数": "adjusted_budget",
    "全年预算数": "adjusted_budget",
    "决算": "final_accounts", "决算数": "final_accounts", "实际支出": "actual", "实际支出数": "actual",
    "预算安排": "budget", "预算数": "budget", "预算": "budget",
}

# 决算数大于预算数55.93万元: a comparative names the basis compared with after it; the amount is the difference
COMPARATIVES = frozenset(("大于", "小于", "超出", "低于"))
DIRECTIONS = {"负增长": -1, "增幅": 1, "涨幅": 1, "减幅": -1, "降幅": -1, "增收": 1, "增支": 1, "减收": -1, "减支": -1,
              "超收": 1, "短收": -1, "大于": 1, "小于": -1, "超出": 1, "低于": -1, "增加": 1, "增长": 1, "上升": 1, "提高": 1, "增": 1, "减少": -1, "下降": -1, "降低": -1, "压减": -1,
              "调增": 1, "调减": -1, "节省": -1, "节约": -1, "减": -1, "持平": 0, "无变化": 0, "无增减": 0, "没有变化": 0, "保持不变": 0, "不变": 0}
# a flat direction word that states an exact zero change (与2021年度预算相比无变化), unless hedged before it (基本持平)
EXACT_FLAT_WORDS = frozenset(("持平", "无变化", "无增减", "没有变化", "保持不变", "不变"))
HEDGED_FLAT_RE = re.compile(r"(?:基本|大体|大致|总体|略|大概|接近|近乎|趋于)$")

# between a direction word and its number: nothing, or these fillers (增长了 1.4%, 减少约 3 万元, 增幅为, 增加额达), after the
# noun of what changed (比上年减少支出613.80万元)
# (增长率5.26%, 减少率为35.22%: the rate of the change)
DIRECTION_GAP_RE = re.compile(r"^(?:支出|收入|经费|资金)?(?:额|金额|率)?(?:了|约|达|达到|为|幅度为|幅度|比例为|分别为|分别)?$")
REASON_DIRECTION_RE = re.compile(
    r"(?P<up>增加|增长|上升|提高|新增|增多|加大)|(?P<down>减少|下降|降低|压减|调减|缩减|减)|(?P<flat>持平|保持不变|无变化|无增减|没有变化|不变)")
# a threshold, not a statement: 单价100万元（含）以上设备
THRESHOLD_AFTER_RE = re.compile(r"^(?:[（(]含[）)])?(?:以上|以下|及以上|及以下)")
# a noun printed right before its number names it when no vocabulary subject does (年初预算资金是80万元,
# 压减经费回收预算指标63.5万元): the words after the clause's last 是/为/达/： and its last year, CJK only, ending
# in a fiscal head word
GENERIC_HEAD_RE = re.compile(r"(?:资金|金额|指标|补助|补贴|计划|支出|收入|经费|预算|决算|拨款|执行率|完成率|费用?|总额|总量|合计|总计|结余|结转|财力|资产|负债|采购|上解|返还|转移支付|基金|债券|利息|债务|限额|余额|税)$")
# a fund source (一般公共预算, 政府性基金预算 …) or a bare 预算 before 安排: the source an amount is paid from, no noun of its own
FUND_SOURCE_TAIL_RE = re.compile(r"(?:^|一般公共|政府性基金|国有资本经营|社会保险基金|其中)预算$")
# (a year or 上年 after 比/较/与 is the year compared with, not the start of the noun: 工资福利支出较上年增加…; 核定 / 下达
# before a debt limit: 省财政厅核定我县政府债务限额…)
GENERIC_CUT_RE = re.compile(r".*(?:是|为|达到?|约|安排|核定|(?:批准|通过|审定|下达)的?|：|:|(?<![比较与])(?:19|20)[0-9]{2}年度?|本年度?|(?<![比较与])上年度?|当年)")
# (完成年度预算的96.6%: what a completion is of, never the subject of the figures after it)
GENERIC_BASIS_ONLY_RE = re.compile(r"^(?:完成)?(?:" + BUDGET_OF_YEAR + r"|支出)?(?:预算|决算)(?:数|安排)?$|^(?:预算)?执行数$")
GENERIC_NOUN_RE = re.compile(r"^[\u4e00-\u9fff“”]{2,16}$")
FISCAL_WORD_RE = re.compile(r"预算|决算|支出|收入|经费|资金|拨款|采购|费|金额|债|税|财力")
_LIST_MARK = (r"(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|[0-9]{1,2}(?:[.．](?![0-9])|、)|[（(][0-9]{1,2}[）)]"
              r"|——)")


def mark_style(text: str) -> str | None:
    """The numbering style of the list mark ``text`` opens with (一、 （一） 1. （1） ——), None without one: items of
    one list share a style; an item of another style stands at another level (（1） under 1.)."""
    m = LIST_MARK_RE.match(text)
    if m is None:
        return None
    mark = m.group(0)
    bracketed = mark[0] in "（("
    if mark.startswith("—"):
        return "dash"
    if any(c in "一二三四五六七八九十" for c in mark):
        return "(cn)" if bracketed else "cn"
    return "(n)" if bracketed else "n"


_CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", 1)}


def mark_ordinal(text: str, pos: int = 0) -> tuple[str, int] | None:
    """The style and the number of the list mark at ``pos`` of ``text`` (（2） -> ("(n)", 2), 十二、 -> ("cn", 12)),
    None without one: the mark the next item of the same list prints is the same style, one more."""
    m = LIST_MARK_AT_RE.match(text, pos)
    if m is None or m.group(0).startswith("—"):
        return None
    digits = "".join(c for c in m.group(0) if c.isdigit() or c in _CN_DIGITS or c == "十")
    if digits.isdigit():
        number = int(digits)
    else:
        tens, _ten, units = digits.rpartition("十")
        number = (_CN_DIGITS.get(tens, 1) * 10 if _ten else 0) + _CN_DIGITS.get(units, 0)
    return mark_style(m.group(0)), number


# a list item's label: the words between its mark and its first number (——专项上解83万元) name that number
# (a classification code may stand before it: 1、20103-政府办公厅（室）及相关机构事务9185万元)
ITEM_LABEL_RE = re.compile("^" + _LIST_MARK + r"((?:[0-9]{3,9}[-－—])?(?:[\u4e00-\u9fff“”]|[（(][\u4e00-\u9fff]{1,4}[）)]){2,30}?)"
                           r"(?:为|是|达|共|计|：|:)?$")
LIST_MARK_RE = re.compile("^" + _LIST_MARK)
# a total is never a part of a list it stands in (收入合计为6449万元 after 其中：…): the list's end is not printed
TOTAL_WORD_RE = re.compile(r"合计|总计|共计|总额")
LIST_MARK_AT_RE = re.compile(_LIST_MARK)  # with .match(text, pos): a list item starting at pos
SENTENCE_END_RE = re.compile(r"[。；;！？]")
EMPTY_TABLE_RE = re.compile(r"本表为空|为空表|本表无数据|本表无数|此表为空|此表无数据|本表无内容|故本表|表中无数据")
PLACEHOLDER_RE = re.compile(r"(?:[XＸ]{2,}|[xｘ]{2,}|[×]{2,}|某某)[\u4e00-\u9fff]{0,6}")
# every placeholder starts with one of these: a search for the first of them (one character class, which the regex
# engine skips to in C) before PLACEHOLDER_RE, which it tries at every position (for speed)
_PLACEHOLDER_START_RE = re.compile(r"[XＸxｘ×某]")


def placeholder_at(text: str, start: int = 0):
    """``PLACEHOLDER_RE.search(text)``, searched from the first character a placeholder can start with."""
    first = _PLACEHOLDER_START_RE.search(text, start)
    return None if first is None else PLACEHOLDER_RE.search(text, first.start())


# the basis word printed glued to a subject (收入预算, 政府采购货物预算, 项目预算金额, 决算数) is not part of the
# subject: the subject is the noun, the word goes to ``basis``
# (一般公共预算支出年初预算, 政府性基金收入调整后预算数: the budget's stage is the basis too)
SUBJECT_BASIS_SUFFIX_RE = re.compile(r"(?:年初预算数?|调整后?预算数?|预算金额|预算数|预算|决算数|决算|金额)$")
SUFFIX_BASES = {"预算金额": "budget", "预算数": "budget", "预算": "budget", "决算数": "final_accounts",
                "决算": "final_accounts", "金额": None, "年初预算": "initial_budget", "年初预算数": "initial_budget",
                "调整预算": "adjusted_budget", "调整预算数": "adjusted_budget", "调整后预算": "adjusted_budget",
                "调整后预算数": "adjusted_budget"}
# the basis a document's own figures have when a sentence prints none (a 预算's amounts are budget amounts)
KIND_BASES = {"department_budget": "budget", "department_budget_sh": "budget", "unit_budget_sh": "budget",
              "final_accounts": "final_accounts"}

# a sentence without any of these has nothing for the reader: no number, list, reason, note or placeholder
NEEDS_READING_RE = re.compile(
    r"(?<![≥≤<>＜＞0-9０-９.,．])[0-9０-９][0-9０-９,.．]*[ ]?(?:万亿|万元|万(?=[，,。；;、])|亿元|千元|元|%|％|个|人|辆|台|套|家|项|次|名)"
    r"|[0-9０-９][)）]\s*(?:万元|亿元|千元|元)"
    r"|[XＸxｘ×某]{2}|其中|如下|以下方面|中[，,：:]|原因|表")
# every alternative of NEEDS_READING_RE starts with one of these (its lookbehind looks before where a search starts):
# the search starts at the first of them, found in C (for speed)
_NEEDS_READING_START_RE = re.compile(r"[0-9０-９XＸxｘ×某其如以中原表]")


def needs_reading(text: str) -> bool:
    """Whether ``NEEDS_READING_RE`` finds anything in ``text``."""
    first = _NEEDS_READING_START_RE.search(text)
    return first is not None and NEEDS_READING_RE.search(text, first.start()) is not None


# an amount printed in brackets before its unit, "(15.13)万元": a negative in accounting notation or an aside -- the
# reader does not guess which; it is reported
BRACKETED_AMOUNT_RE = re.compile(r"[（(]\s*([0-9０-９][0-9０-９,.．]*)\s*[)）]\s*(万亿元|万元|亿元|千元|元)")
QUOTES = str.maketrans("", "", "“”\"‘’' ")

# Which known subject is a part of which (the list structure the vocabulary itself fixes): (pattern on the
# subject name, key, key of the whole it is a part of). Used to tell, in a list continued over ；, whether an item
# belongs to a nested 其中 list or to the list around it; a subject not listed here is not placed by it.
_FAMILY = [
    (re.compile(r"三公"), "三公", None),
    (re.compile(r"^因公出国"), "出国", "三公"),
    (re.compile(r"^公务接待"), "接待", "三公"),
    (re.compile(r"^公务用车购置及运行"), "用车", "三公"),
    (re.compile(r"^公务用车购置"), "用车购置", "用车"),
    (re.compile(r"^公务用车运行"), "用车运行", "用车"),
    (re.compile(r"^(?:政府采购)?货物"), "采购货物", "采购"),
    (re.compile(r"^(?:政府采购)?工程"), "采购工程", "采购"),
    (re.compile(r"^(?:政府采购)?服务"), "采购服务", "采购"),
    (re.compile(r"^政府采购"), "采购", None),
    (re.compile(r"^(?:财政拨款)?基本支出"), "基本支出", "支出"),
    (re.compile(r"^(?:财政拨款)?项目支出"), "项目支出", "支出"),
    (re.compile(r"^人员经费"), "人员经费", "基本支出"),
    (re.compile(r"^(?:日常)?公用经费"), "公用经费", "基本支出"),
]


@functools.lru_cache(maxsize=4096)  # pure; the same subject names recur (up to 14 searches a call)
def family(name: str | None) -> tuple[str, str | None] | None:
    """(key, key of its whole) of a subject the vocabulary places in a list structure, else None."""
    if not name:
        return None
    for pattern, key, whole in _FAMILY:
        if pattern.search(name):
            return key, whole
    return None


# the area or level a sentence is about, printed before its figures (全省100个县区, 在41个县收支完成情况上, 市本级,
# 全市): two sentences alike but for their numbers are no copy when they are about different scopes
SCOPE_RE = re.compile(
    r"全[省市州盟县区旗镇乡](?:[0-9]{1,4}个[县市区乡镇街道]{1,4})?"
    r"|[0-9]{1,4}个(?:县(?:[（(]市[）)])?(?:和县级市)?区?|县区|县市区|区县|区|市|乡镇|镇|乡|街道|部门|单位)"
    r"|[省市县区]本级|[省市县区]直(?=[部单各])|[省市州盟县区乡镇]{1,2}级(?=[收支财一政])")
_SCOPE_START_RE = re.compile(r"[全0-9省市州盟县区乡镇]")  # where a scope can start (see scopes)


def scopes(text: str):
    """``SCOPE_RE.finditer(text)``, from the first character a scope can start with (found in C: for speed)."""
    first = _SCOPE_START_RE.search(text)
    return () if first is None else SCOPE_RE.finditer(text, first.start())


# a place named where a sentence opens, before its fiscal noun (忻州市一般公共预算收入…, 杨陵区地方财政收入…,
# （二）XX县财政支出…): the sentences after it in the paragraph are about that place, and a 全市 among them is that
# place's (吕梁市…。全市一般公共预算支出… is 吕梁市's). Two to six characters before the place's suffix, so 城市维护建设税
# and 全县 are no place; 社区 (城乡社区支出) and 园区 are no place either.
PLACE_SCOPE_RE = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十0-9]{1,3}[)）、.．]\s*)?(?:[0-9]{1,2}[-—至][0-9]{1,2}月[,，]?)?"
    r"(?P<place>[\u4e00-\u9fff]{2,6}?(?<!社)(?<!园)(?:市|县|区|州|盟|旗|镇|乡|街道))"
    # (a year or 的 may stand between: 高新区2023年财政收入为…, 莲湖区的财政收入增长为…)
    r"(?=(?:(?:19|20)[0-9]{2}年度?)?的?(?:本级)?(?:一般公共预算|政府性基金|国有资本|社会保险|地方|财政|全口径|税收|非税|"
    r"[一二三四1-4]季度|上半年|全年|累计|完成|实现|收入|支出))")
# a heading that splits what follows by a dimension (地方收入按构成分：, 按级次分：): the sentences after it are about
# that split, not about the whole named before
SPLIT_SCOPE_RE = re.compile(r"[\u4e00-\u9fff]{0,8}?按[\u4e00-\u9fff]{1,4}分[:：]")
RELATIVE_SCOPE_RE = re.compile(r"^全[省市州盟县区旗镇乡]$")

_WHOLE_OF = {key: whole for _pattern, key, whole in _FAMILY}


def part_of(name: str | None, whole: str | None) -> bool:
    """Whether a subject may be a part of a whole by the list structure the vocabulary fixes: False only when both
    are placed (``family``), the subject under a whole of its own, and the whole is not among the subject's wholes (因公出国 is a part of 三公, not of
    公务用车; 公务用车运行 is a part of 公务用车 and so of 三公, not of 公务用车购置)."""
    mine, theirs = family(name), family(whole)
    if mine is None or theirs is None or mine[1] is None:
        return True  # not placed, or placed under no whole (三公, 政府采购): it may be listed under any
    key = mine[1]
    while key is not None:
        if key == theirs[0]:
            return True
        key = _WHOLE_OF.get(key)
    return mine[0] == theirs[0]
