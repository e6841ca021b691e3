"""Words of fiscal prose that rules need and the statement reader does not bind: textual marks.

``read_marks(document, facts, first_sentence_index) -> list[Statement]`` is pure and runs after the statement
reader on every document (``loaders/load.py``). It reads the same lines (``loaders.statements.lines``), with the
traditional characters the detection knows written simplified and the pinyin a mirror host inserts after a glyph
(``預(yù)算``) dropped, and lands each mark as a statement whose ``role`` names it (value None unless said):

- ``template_text``: a template's instruction left where the content belongs -- an instruction ending in a length
  limit, "(100字以内)", with nothing after it on its line or cell; "请填写…", "此处填写/说明…" (``subject`` = the
  instruction, ``value_text`` = the words matched);
- ``entry_error_note``: the publisher writes that a figure was entered wrongly (系统卡顿, 录入错误, 填报有误 …);
- ``unit_heading``: a heading, table-of-contents entry or 单位名称 line that names an organisation before a year and a
  document word (三江侗族自治县独峒镇林业工作站2024年单位预算…): ``subject`` = the organisation as printed;
- ``budget_comparison`` / ``budget_completion`` / ``budget_actual`` (one sentence, one ``sentence_index``): the
  words "决算数大于/小于预算数 [X万元]" or "决算数比(年初/调整后)预算增加/减少(超支/节约/结余) [X万元]" (``direction`` +1 / -1 / 0 of 决算 against 预算, ``value`` = X when printed,
  ``reason_text`` = the 主要原因 clause that follows), a completion rate "完成(年初)预算X%" (``value`` = X), and the
  决算 amount of the sentence (the first amount of the sentence that is not a change);
- ``compared_budget`` / ``compared_actual`` (in the sentence of a ``budget_comparison``): the 预算 and the 决算 amount
  the comparison speaks of, when both are certain -- exactly one amount printed after a 预算 word (年初预算为 …) and
  exactly one printed after a 决算 word (支出决算为 …), neither of a prior year, either before the comparison in its
  own sentence or, when the comparison's sentence names no subject of its own (决算数小于预算数的主要原因：…), in the
  sentence just before it in the same paragraph that has no comparison of its own; a comparison with 年初 or 调整后
  is paired only with a 预算 of the same basis. ``sentence`` = the sentence(s) the amounts and the comparison stand in.
- ``count_whole`` / ``count_part`` (one list, one ``sentence_index``): a count and the counts listed after its 其中
  (共有车辆7辆，其中：…用车0辆、…; 安排项目15个，其中新增项目8个、延续项目7个). The whole is the count nearest before
  其中 in its sentence (for a 其中 opening a sentence, the one count of the sentence before, same paragraph) with no
  money amount between them and no direction word before it (比上年增加3个 is a change, not a whole); the parts are the
  integer counts of the same measure word (个, 人, 辆 …) after 其中 up to the clause's end (；。), a nested 其中, 包括
  / 含 / 另有, a reason (原因, 用于) or an item mark (1. / （一）), bracketed text left out, none of them a change
  (减少2辆) or a count of months or points; a 其中 opening a sentence whose list states money is left alone. ``value`` =
  the count, ``printed_unit`` = its measure word, ``list_index`` = the part's position (1, 2 …), ``subject`` = its
  clause, ``value_text`` of the whole's mark = ``tight`` when the parts are joined by 、 only (the list's end is
  then certain) or ``loose`` when a ，/, separates two of them;
- ``sum_base`` / ``sum_add`` / ``sum_subtract`` / ``sum_result`` (one balance, one ``sentence_index``): a balance
  stated as a running sum -- "支出完成59.69亿元…。加上上解支出1.4亿元、…以及结转下年3.48亿元后，支出总计66.05亿元",
  "收入X万元，加上级补助收入a万元、上年结余b万元，收入总计Y万元", 减去 / 扣除 … 后 for a subtraction. The opener
  (加上 / 加 / 减去 / 扣除 / 减) opens a clause; the result is the first amount after a result word (总计, 合计, 总量,
  总额, 总收入, 总支出, 可支配(财力), 可用财力) opening its clause; the base is the one amount of the clauses before
  the opener (since the last ；/。), or, when the opener opens the sentence, the one amount of the sentence before in
  the same paragraph (1.4.1: of the sentence before that one, when it opens with 其中 and lists the parts of its whole:
  "收入130.2亿元。其中：…125.6亿元。加上转移性收入33.8亿元，收入合计164.0亿元" adds to 130.2, not to the part), if it
  is printed after the result's kind word (收入 / 支出) and not after the other (a base printed after the other kind
  word only is never taken). A result of the terms alone (两项合计, 以上合计) is no
  result of the balance. Bracketed
  text is left out; a percentage or a count between terms is no term. Nothing is marked when a term is a name
  without an amount (上年结余，收入总计), a number without a unit, a change (比上年增加 …, 减少 …), or a 其中 lists
  parts of a term. ``value`` / ``printed_decimals`` / ``printed_unit`` as printed (units may differ per term),
  ``list_index`` = 0 for the base, 1 … for the terms, then the result; ``subject`` = the term's name.
- ``year_comparison``: a comparison with a printed year in a sentence that prints no number but years, so the
  statement reader (which binds a comparison to the number it compares) lands nothing of it: "与2019年度相比，收入支出
  总计持平", "比2023年决算有所增加". ``compared_year`` = the year, ``compared_basis`` = the basis word after it
  (年初预算 → initial_budget, 调整后预算 / 全年预算 → adjusted_budget, 预算 → budget, 决算 → final_accounts; none
  printed: None), ``direction`` = +1 / -1 / 0 of the first direction word after it (持平, 不变 … are 0),
  ``subject`` = the clause's noun before that word. Only the year rule (NAR-YEAR-001) reads it;
- ``empty_value``: a unit or % printed with no number before it where the words ask for one: 占 %, 减少 万元,
  增长 %, 增加万元, 为  万元 (any run of ASCII, full-width, no-break or other Unicode spaces or underscores
  between the word and the unit, traditional characters read simplified: 減少 萬元). Not one: 单位：万元 / 单位为万元,
  a bracketed heading （%） / (万元), a word and its unit ending a table's cell (1.4.2: | 占调整预算% |, a column's header), 万元以上 / 以下 / 以内 and other words that need no number. ``value_text`` = the
  words and the unit as read, ``subject`` = the clause they close with the clause before it, ``printed_unit`` = the
  unit; each blank has a sentence index of its own.

- ``gap_rate`` / ``gap_other`` / ``gap_points`` (one comparison, one ``sentence_index``): a rate compared with another
  rate printed in brackets, the difference in 个百分点 -- "增长14.8%，高于全国(3%)11.8个百分点", "自给率仅为21.4%，…
  远低于全区财政自给率(53.2%)33.9个百分点", "比全省平均水平(17.9%)高2.7个百分点". ``gap_rate`` = the last rate printed
  outside brackets before the comparison in its sentence, ``gap_other`` = the bracketed rate, ``gap_points`` = the
  difference, its ``direction`` +1 (高于, 超过, 超出, 高出, 比…高) or -1 (低于, 比…低); ``subject`` of the other rate =
  the words naming it (全国, 全区财政自给率). A difference without the other rate printed (高于上年2.1个百分点) is none.

- ``share_move_growth`` / ``share_move_gap`` / ``share_move_share`` / ``share_move_points`` (one move, one
  ``sentence_index``): a part's growth, its gap to its whole's growth, its share of that whole and the share's move
  against the year before, in one sentence naming the same whole for the gap and the share -- "民生支出…增长33%，高于
  全市公共财政支出3.7个百分点，…；占全市公共财政支出的69%，较去年同期提高1.4个百分点". ``direction`` of the gap: +1
  (高于, 快于, 超过) or -1 (低于, 慢于); of the move: +1 (提高, 上升, 增加) or -1 (下降, 降低, 回落, 减少); ``subject`` =
  the whole (of the growth: the words before it).

What each mark means is decided by the rules (``macros/generic_tests/``): the marks are evidence, never findings.
Mark sentences are numbered from ``first_sentence_index`` on, after the reader's sentences, so no rule that pairs a
sentence with the one before mixes the two.
"""

from __future__ import annotations

import re
from decimal import Decimal

from loaders.statements import grammar
from loaders.statements.script import reading_text
from loaders.records import DocumentFacts, Statement
from loaders.statements.lines import source_lines

MARKS_VERSION = "1.4.9"
MARK_SENTENCE_BASE = 1_000_000  # mark sentences are numbered from here (the reader's are 0 …)

# a template's instruction: the words that instruct, then a length limit, then nothing but the cell's end
_LENGTH_LIMIT = r"[(（](?:限|不超过|不多于)?[0-9０-９]{2,4}字(?:以内|以下|左右)?[)）]"
_INSTRUCTION = re.compile(
    r"(?P<i>[^|。；;]*?(?:说明|分析|提出|填写|描述|简述|概述|阐述|列明|总结|对照|结合|针对)[^|]*?" + _LENGTH_LIMIT + r")"
    r"[。．.\s|]*$")
_FILL_IN = re.compile(r"^[\s0-9.、（）()一二三四五六七八九十]*(?P<i>请(?:在此)?(?:填写|填报|输入|简要说明|说明|描述)[^。；;|]{0,30}|此处(?:填写|说明|简要说明|描述)[^。；;|]{0,30})")

_ENTRY_ERROR = re.compile(
    r"系统卡顿|系统故障|系统原因|录入(?:错误|有误|失误)|填报(?:错误|有误|失误)|填列(?:错误|有误)|输入(?:错误|有误)|"
    r"编制(?:错误|有误)|误录|错录|误填|错填|数据有误")

# every entry-error word holds one of these (a cheap test before the alternation above)
_ENTRY_ERROR_HINT = re.compile(r"误|错|系统")
_CLAUSE_MARK = re.compile(r"[，,。；;：:！？]")
_YEAR = r"(?:19|20)[0-9]{2}年度?"
_DOC_WORD = r"(?:部门|单位)?(?:预算|决算|预决算)|预算绩效|绩效目标|[“\"]?三公[”\"]?经费"
# (第X部分：)ORG 2024年 单位预算… -- a heading or TOC entry naming an organisation (CJK only, a suffix that names a body)
_UNIT_HEADING = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分[:：]?|[一二三四五六七八九十]+[、.．]|单位名称[:：]?)?"
    r"(?P<org>[\u4e00-\u9fff（）()]{4,40}?(?:工作站|站|局|中心|所|院|园|校|学|办公室|办|委员会|委|政府|队|馆|处|会|室|社|厂|场|台|团|部|本级))"
    r"(?P<year>" + _YEAR + r")(?=" + _DOC_WORD + r")")

# 决算数大于预算数55.93万元 / 决算数小于预算数的主要原因 / 决算数与预算数持平 / 决算数比年初预算减少3.2万元
_COMPARE = re.compile(
    r"决算数?(?:"
    r"(?:(?P<up>大于|高于|超过|超出|多于)|(?P<down>小于|低于|少于)|(?P<flat>等于|与预算数?(?:持平|相等|一致)))"
    r"(?:年初)?(?:调整后)?预算数?"
    r"|(?:比|较)(?:年初|调整后)?预算数?(?:(?P<up_by>增加|增长|多|超支)|(?P<down_by>减少|下降|少|节约|结余))了?"
    r")(?:(?P<num>[0-9][0-9,]*(?:\.[0-9]+)?)(?P<unit>万元|亿元|千元|元))?")
_COMPLETION = re.compile(
    r"(?:完成(?:了)?(?:全年|年初|调整后)?预算(?:数|的)?|预算执行率(?:为|是|达到|达)?|决算数?为(?:全年|年初|调整后)?预算数?的)"
    r"(?P<num>[0-9]+(?:\.[0-9]+)?)%")
_AMOUNT = re.compile(r"(?P<num>[0-9][0-9,]*(?:\.[0-9]+)?)(?P<unit>万元|亿元|千元|元)")
_CHANGE_BEFORE = re.compile(r"(?:增加|减少|增长|下降|降低|上升|增|减|相比|比上年|较上年|大于|小于|高于|低于|预算数?)[^，,；;。]{0,6}$")
_BUDGET_BEFORE = re.compile(r"(?<!决)(?:年初|调整后|全年)?预算数?(?:为|是|：|:)?$")
_CLAUSE_END = re.compile(r"[；;]")
# a certain 预算 / 决算 amount: printed right after the word (年初预算为80万元, 支出决算为72.5万元), never of a prior year
_CERTAIN_BUDGET = re.compile(r"(?<![决])(?P<basis>年初|调整后|调整)?预算数?(?:数额)?(?:为|是|：|:)?$")
_CERTAIN_ACTUAL = re.compile(r"(?<![预])决算数?(?:数额)?(?:为|是|：|:)?$")
_PRIOR_YEAR = re.compile(r"上年|上一年|去年|同期")
# what may stand before 决算数 in a comparison that names no subject of its own: nothing, or 其/该项/本项/上述
_NO_SUBJECT = re.compile(r"^[\s，,：:]*(?:其|该项|本项|该项目|上述|以上)?(?:支出)?$")
_REASON = re.compile(r"(?:主要)?原因(?:是|为|：|:)?")
# a change of zero written with a direction, and the reason clause after it: 减少0万元，主要是…压缩接待开支
_ZERO_CHANGE = re.compile(
    r"(?P<dir>增加|减少|增长|下降|降低|上升|多|少)(?:了)?(?P<num>0(?:\.0+)?)(?P<unit>万元|亿元|千元|元|%)"
    r"[，,]?(?P<reason>(?:其|的)?(?:主要)?(?:原因|是由于|是因为|由于|因为|系因|主要是)[^。；;]*)")
_ZERO_DIRECTIONS = {"增加": 1, "增长": 1, "上升": 1, "多": 1, "减少": -1, "下降": -1, "降低": -1, "少": -1}
_SENTENCE_END = re.compile(r"[。！？]")

# a comparison with a printed year (与2019年度相比 / 比2023年决算), then a direction word in the same sentence
_YEAR_BASIS = r"年初预算|调整后预算|全年预算|预算|决算"
_YEAR_COMPARED = re.compile(
    r"(?:(?:与|和|同)(?P<year>(?:19|20)[0-9]{2})" + grammar.YEAR_WORD + r"(?:的)?"
    r"(?P<basis>" + _YEAR_BASIS + r")?数?(?:相比|比较|对比)"
    r"|(?:比|较)(?P<year2>(?:19|20)[0-9]{2})" + grammar.YEAR_WORD + r"(?:的)?"
    r"(?P<basis2>" + _YEAR_BASIS + r")?数?)")
_PRINTED_YEAR = re.compile(r"(?:19|20)[0-9]{2}年度?")
# the side compared, printed right before 比 with its year and basis (2011年预算数比2010年决算数增长)
_OWN_SIDE_BEFORE = re.compile(r"(?P<y>(?:19|20)[0-9]{2})" + grammar.YEAR_WORD + r"(?:的)?(?P<b>" + _YEAR_BASIS + r")数?$")

# counts listed after 其中: an integer and its measure word, not of months, hours, points or a per-unit rate
_COUNT_WORDS = r"人次|个|人|辆|台|套|家|项|所|名|户|处|座|条|批|件|场|次|艘|架|部"
_COUNT = re.compile(r"(?<![0-9.,．第])(?P<num>[0-9]{1,6})(?P<cls>" + _COUNT_WORDS + r")(?!月|工作日|百分点|小时|季度|以上|以下|以内|左右|/)")
_LIST_OPEN = re.compile(r"其中[：:，,]?")
# the list after 其中 ends at the clause's end, a nested 其中 or 包括 / 含 / 另有 / 此外
_LIST_END = re.compile(r"[；;。！？]|其中|包括|包含|含有|另有|另外|此外|以及|原因|用于|(?<![0-9])[0-9]{1,2}[.．、](?![0-9])|[（(][一二三四五六七八九十0-9]{1,2}[）)]")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_CHANGE_WORD_BEFORE = re.compile(r"(?:增加|减少|增长|下降|降低|上升|提高|增|减|多|少|比|较|同比|净增|净减|新增了?|减少了?)[了约]?$")
_MONEY_AMOUNT = re.compile(r"[0-9](?:\.[0-9]+)?(?:万元|亿元|千元|元)")

# a unit or % with no number before it where the words ask for one (占 %, 减少 万元): the word, then nothing but
# blanks (ASCII, full-width, no-break and other Unicode spaces, underscores) and an optional （减少） alternative, then
# the unit, and after it the clause's end or a word that goes on with the sentence (万元以上, 元器件 are not blanks)
_BLANK = r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff_＿]*"
_EMPTY_VALUE = re.compile(
    r"(?P<word>增加|减少|增长|下降|降低|上升|提高|增减|节约|结余|超支|占|佔|为|是|达到|达|约|共计|合计|总计|累计|安排|"
    r"预算数?|决算数?|支出|收入|费|资金|拨款|金额)"
    r"了?" + _BLANK + r"(?:[（(]" + _BLANK + r"(?:增加|减少|增长|下降|降低|上升)" + _BLANK + r"[）)]" + _BLANK + r")?"
    r"(?P<unit>万元|亿元|千元|元|个百分点|%|％)"
    r"(?=$|[^\u4e00-\u9fff/]|[的和与及比较主其用，])")
# a header printed before the numbers of its column (图6 …绝对值(万元)增长% 2004年121665 25.7): spaces, then a number
_NUMBERS_AFTER_HEADER = re.compile(r"[ \t\u00a0\u3000]+[0-9０-９]")
# a table's unit label printed before it in the same text (单位:元 … 增减%): the words after it are column headers
_TABLE_UNIT_BEFORE = re.compile(r"单位[：:]")
# the words before an empty value that make it a unit label, not a blank: 单位：万元, 单位为万元, 计量单位是元
_UNIT_LABEL_BEFORE = re.compile(r"单位[：:]?$|单位(?:为|是)$|币种(?:为|是)?$|以$")


# the text the statement reader's grammar reads too: pinyin glosses dropped, traditional characters simplified
_normalised = reading_text


def _decimal(text: str) -> tuple[Decimal, int]:
    plain = text.replace(",", "")
    return Decimal(plain), (len(plain.split(".", 1)[1]) if "." in plain else 0)


def _mark(line, sentence_index: int, sentence: str, role: str, last=None, **fields) -> Statement:
    """A mark on ``line`` (through ``last``, the line its sentence closes on, when given)."""
    return Statement(sentence_index=sentence_index, line_start=line.number,
                     line_end=max(line.last_number, last.last_number) if last is not None else line.last_number,
                     sentence=sentence, raw_text=line.raw, role=role, page=line.page, **fields)


def read_marks(document, facts: DocumentFacts | None = None,
               first_sentence_index: int = MARK_SENTENCE_BASE) -> list[Statement]:
    """The textual marks of a document (see the module docstring), in document order."""
    marks: list[Statement] = []
    index = first_sentence_index
    lines = [line for line in source_lines(document) if line.kind != "skip"]
    texts = [_normalised(line.text) for line in lines]  # once per line: read here and by the sentences below
    # line by line (a form's cells split at |): template instructions and headings
    for line, text in zip(lines, texts):
        cells = [c.strip() for c in text.split("|")] if "|" in text else [text]
        for cell in cells:
            if not cell:
                continue
            # (a cheap test first: an instruction ends in a length limit, which says 字)
            m = _INSTRUCTION.search(cell) if "字" in cell else None
            if m:
                marks.append(_mark(line, index, cell, "template_text", subject=m.group("i").strip(),
                                   value_text=re.search(_LENGTH_LIMIT, m.group("i")).group(0)))
                index += 1
                continue
            m = _FILL_IN.match(cell) if "请" in cell or "此处" in cell else None  # (every fill-in prints one)
            if m and len(cell) <= 60:
                marks.append(_mark(line, index, cell, "template_text", subject=m.group("i").strip(),
                                   value_text=m.group("i").strip()))
                index += 1
        title = text.replace(" ", "")
        if len(title) <= 60 and "年" in title:  # a unit heading names a year
            m = _UNIT_HEADING.match(title)
            if m and not _CLAUSE_MARK.search(title, m.end()):  # a title, not a sentence that starts with its name
                marks.append(_mark(line, index, title, "unit_heading", subject=m.group("org"),
                                   value_text=m.group("year"), section=title))
                index += 1
    # a blank where a number belongs, on a line that is not prose (a form's cell, a table's note): read per line
    for line, text in zip(lines, texts):
        if line.kind != "prose" and _blank_hint(text) and _SENTENCE_MARK.search(text):
            found = _empty_values(text, [(0, line)], index)
            marks.extend(found)
            index += len(found)
    # sentence by sentence (prose lines joined): entry-error notes, zero changes with a reason, 决算 against 预算
    previous = None  # (paragraph, sentence, members) of the sentence before
    whole_before = None  # the same, of the last sentence that does not open with 其中 (what its parts break down)
    for sentence, members, paragraph in _prose_sentences(lines, texts):
        before = previous if previous is not None and previous[0] == paragraph else None
        # a running sum opening its sentence adds to the sentence before, unless that one lists parts (其中：…):
        # then to the whole those parts break down, stated in the sentence before them
        sum_before = before
        if before is not None and _OPENS_WITH_PARTS.match(before[1]):
            sum_before = whole_before if whole_before is not None and whole_before[0] == paragraph else None
        previous = (paragraph, sentence, members)
        if not _OPENS_WITH_PARTS.match(sentence):
            whole_before = previous
        if _blank_hint(sentence):
            found = _empty_values(sentence, members, index)
            marks.extend(found)
            index += len(found)
        if "其中" in sentence:
            for found in _count_lists(sentence, members, index, before[1:] if before else None):
                marks.extend(found)
                index += 1
        for m in _ENTRY_ERROR.finditer(sentence) if _ENTRY_ERROR_HINT.search(sentence) else ():
            line = _line_at(members, m.start())
            marks.append(_mark(line, index, sentence, "entry_error_note", value_text=m.group(0)))
            index += 1
        for m in _ZERO_CHANGE.finditer(sentence) if "0" in sentence else ():  # a change of 0 prints a 0
            value, decimals = _decimal(m.group("num"))
            reason = re.sub(r"^(?:其|的)?(?:主要)?(?:原因(?:是|为|：|:)?|是由于|是因为|由于|因为|系因|主要是)", "",
                            m.group("reason")).strip("：:，, ")
            if reason:
                marks.append(_mark(_line_at(members, m.start()), index, sentence, "zero_change_reason",
                                   direction=_ZERO_DIRECTIONS[m.group("dir")], value_text=m.group("num"), value=value,
                                   printed_decimals=decimals, printed_unit=m.group("unit"), reason_text=reason,
                                   subject=_subject_before(sentence, m.start())))
                index += 1
        if "百分点" in sentence:
            found = _rate_gaps(sentence, members, index)
            marks.extend(found)
            index += len(found) // 3
            if "占" in sentence:
                found = _share_moves(sentence, members, index)
                marks.extend(found)
                index += len(found) // 4
        if ("加" in sentence or "减" in sentence or "扣除" in sentence) and _SUM_RESULT_HINT.search(sentence):
            for found in _running_sums(sentence, members, index, sum_before[1:] if sum_before else None):
                marks.extend(found)
                index += 1
        if "年" in sentence and ("相比" in sentence or "比" in sentence or "较" in sentence):
            found = _year_comparison(sentence, members, index)
            if found is not None:
                marks.append(found)
                index += 1
        if "决算" in sentence or "完成" in sentence or "执行率" in sentence:
            found = _budget_marks(sentence, members, index)
            if any(m.role == "budget_comparison" for m in found):
                found += _compared_amounts(sentence, members, index, before[1:] if before else None)
            if found:
                marks.extend(found)
                index += 1
    return marks


_SENTENCE_MARK = re.compile(r"[，。；,;]")
# every empty value ends in one of these units (a cheap test before _EMPTY_VALUE)
_BLANK_HINT = re.compile(r"(?:[^0-9０-９.,，]|^)(?:万元|亿元|千元|元|%|％|个百分点)")
_UNIT_START = re.compile(r"[万亿千元%％个]")  # where one of _BLANK_HINT's units can start


def _blank_hint(text: str) -> bool:
    """Whether ``_BLANK_HINT`` finds anything in ``text``: searched from the character before the first a unit can
    start with (found in C; _BLANK_HINT has no literal start the regex engine could skip to: for speed)."""
    first = _UNIT_START.search(text)
    return first is not None and _BLANK_HINT.search(text, max(0, first.start() - 1)) is not None


def _column_header(text: str, start: int, end: int) -> bool:
    """A word and its unit that make up the end of a table's cell (| 占调整预算% | 比上年增长% |): a column's header,
    not a blank of a sentence (a cell that prints a clause before it, 比上年增加 万元，…, is no header)."""
    cell_start = text.rfind("|", 0, start) + 1
    cell_end = text.find("|", end)
    if cell_end < 0:
        cell_end = len(text)
    return not text[end:cell_end].strip() and not any(c in text[cell_start:start] for c in "，,。；;")


def _empty_values(text: str, members, index: int) -> list[Statement]:
    """``empty_value`` marks of a sentence (or a line), one sentence index each (see the module docstring)."""
    out = []
    for m in _EMPTY_VALUE.finditer(text):
        if _UNIT_LABEL_BEFORE.search(text, 0, m.start("word")) or (m.group("word") == "为" and text[:m.start()].endswith("单位")):
            continue
        if "|" in text and _column_header(text, m.start(), m.end()):
            continue
        if _NUMBERS_AFTER_HEADER.match(text, m.end()) or _TABLE_UNIT_BEFORE.search(text, 0, m.start()):
            # 绝对值(万元)增长% 2004年121665 25.7 …, 单位:元 项目及编号 … 增减值 增减%: a chart's or table's column header
            continue
        # the clause the blank closes and the one before it (因公出国（境）费0万元，占 %): two blanks of a line differ
        clause_start = max(text.rfind(c, 0, m.start()) for c in "，,。；;：:")
        clause_start = max(text.rfind(c, 0, clause_start) for c in "，,。；;：:") + 1 if clause_start > 0 else 0
        out.append(_mark(_line_at(members, m.start()), index + len(out), text, "empty_value",
                         value_text=m.group(0), printed_unit=m.group("unit"),
                         subject=text[clause_start:m.end()].strip() or None))
    return out


def _counts(text: str, start: int, end: int):
    """Integer counts of ``text[start:end]``, bracketed text left out: (match, offset in text) in order."""
    region = text[start:end]
    masked = _BRACKETED.sub(lambda b: " " * len(b.group(0)), region)
    return [(m, start + m.start()) for m in _COUNT.finditer(masked)]


_COUNTED_NOUN = re.compile(r"[\u4e00-\u9fff]{2}")
_NOT_A_NOUN = re.compile(r"^(?:的|和|及|与|中|其|以|为|是|在|共|全|均|都|已|次|，|,)")


def _counted_noun(text: str, at: int) -> str | None:
    """The two characters naming what a count counts, right after its measure word (81个部门 -> 部门), or None when
    no noun follows (其中5个, 共3个；)."""
    match = _COUNTED_NOUN.match(text, at)
    if match is None or _NOT_A_NOUN.match(match.group(0)):
        return None
    return match.group(0)


def _is_change(text: str, at: int) -> bool:
    """Whether the count at ``at`` is a change (比上年增加3个, 减少2辆), not an amount of things."""
    clause = re.split(r"[，,；;。：:、]", text[:at])[-1]
    return bool(_CHANGE_WORD_BEFORE.search(clause[-6:])) or bool(re.search(r"(?:比|较|与)(?:上年|去年|[0-9]{4}年)", clause))


def _count_lists(sentence: str, members, index: int, before) -> list[list[Statement]]:
    """The ``count_whole`` / ``count_part`` marks of each 其中 list of counts in ``sentence`` (see the module
    docstring); ``before``: (sentence, members) of the sentence before in the same paragraph, or None."""
    lists = []
    for opener in _LIST_OPEN.finditer(sentence):
        end_match = _LIST_END.search(sentence, opener.end())
        end = end_match.start() if end_match else len(sentence)
        parts = [(m, at) for m, at in _counts(sentence, opener.end(), end) if not _is_change(sentence, at)]
        if not parts:
            continue
        # the whole: the count nearest before 其中 in the sentence, after the clause before it ended with ；/。
        clause_start = max(sentence.rfind(c, 0, opener.start()) for c in "；;。") + 1
        whole_text, whole_members, whole = sentence, members, None
        candidates = _counts(sentence, clause_start, opener.start())
        if candidates:
            whole = candidates[-1]
            if _MONEY_AMOUNT.search(sentence, whole[1], opener.start()) or _is_change(sentence, whole[1]):
                continue  # a money amount between them: 其中 may list the money; a change is no whole
        elif before is not None and not sentence[:opener.start()].strip(" ，,：:"):
            # 其中 opens the sentence: the whole is the one count of the sentence before of the parts' measure word
            same = [(m, at) for m, at in _counts(before[0], 0, len(before[0]))
                    if m.group("cls") == parts[0][0].group("cls") and not _is_change(before[0], at)]
            if len(same) != 1 or _MONEY_AMOUNT.search(before[0], same[0][1]) \
                    or _MONEY_AMOUNT.search(sentence, opener.end(), end):
                continue
            whole, whole_text, whole_members = same[0], before[0], before[1]
        else:
            continue
        cls = whole[0].group("cls")
        # a part counts the whole's thing: its measure word, and the noun after it when both print one (102个部门，
        # 其中，有81个部门公开了104个项目: the 104 projects are no part of the 102 departments)
        noun = _counted_noun(whole_text, whole[1] + len(whole[0].group(0)))
        parts = [(m, at) for m, at in parts if m.group("cls") == cls
                 and (noun is None or _counted_noun(sentence, at + len(m.group(0))) in (None, noun))]
        if not parts:
            continue
        joins = [sentence[a[1] + len(a[0].group(0)):b[1]] for a, b in zip(parts, parts[1:])]
        tight = "tight" if not any(re.search(r"[，,]", j) for j in joins) else "loose"
        text = sentence if whole_text is sentence else whole_text + sentence
        w_start = max(whole_text.rfind(c, 0, whole[1]) for c in "，,；;。：:") + 1
        at_index = index + len(lists)  # one sentence index per list
        found = [_mark(_line_at(whole_members, whole[1]), at_index, text, "count_whole", last=members[-1][1],
                       value=Decimal(whole[0].group("num")), printed_decimals=0, printed_unit=cls,
                       value_text=tight, subject=whole_text[w_start:whole[1] + len(whole[0].group(0))] or None)]
        for position, (m, at) in enumerate(parts, start=1):
            p_start = max(sentence.rfind(c, 0, at) for c in "，,；;。：:、") + 1
            found.append(_mark(_line_at(members, at), at_index, text, "count_part", value=Decimal(m.group("num")),
                               value_text=m.group("num"), printed_decimals=0, printed_unit=cls, list_index=position,
                               subject=sentence[max(p_start, opener.end()):at + len(m.group(0))] or None))
        lists.append(found)
    return lists


def _prose_sentences(lines, texts=None):
    """(sentence, [(offset in the sentence, line) …], paragraph number) of the prose: runs of prose lines joined (a
    sentence wrapped over lines; a run is a paragraph), cut after 。!? (not at ；: a completion clause often follows
    its amount after a ；). ``texts``: the lines already normalised, if the caller has them."""
    out = []
    run: list = []  # (offset in text, line)
    parts: list[str] = []

    def flush():
        if not parts:
            return  # nothing read since the last flush (a table or heading after another): no sentence to cut
        text = "".join(parts)
        start = 0
        cuts = [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
        for cut in cuts:
            if text[start:cut].strip():
                members = [(o - start, ln) for o, ln, n in run if o < cut and o + n > start]
                out.append((text[start:cut], members or [(0, run[-1][1])], paragraph))
            start = cut
        run.clear()
        parts.clear()

    size = 0
    paragraph = 0
    for number, line in enumerate(lines):
        if line.kind != "prose":
            flush()
            size = 0
            paragraph += 1
            continue
        text = _normalised(line.text) if texts is None else texts[number]
        run.append((size, line, len(text)))
        parts.append(text)
        size += len(text)
    flush()
    return out


def _subject_before(sentence: str, at: int) -> str | None:
    """The noun a clause starts with (公务接待费 in 公务接待费减少0万元): CJK text after the last clause mark."""
    clause = re.split(r"[，,；;。：:]", sentence[:at])[-1]
    clause = re.sub(r"(?:比|较|与)(?:上年|[0-9]{4}年)[^，,]*$", "", clause)
    clause = re.sub(r"^(?:其中|另外|此外)", "", clause)
    return clause or None


_PERCENT_AT = re.compile(r"(?P<num>[0-9]+(?:\.[0-9]+)?)\s*[%％]")
_RATE_GAP = re.compile(
    r"(?:(?P<up>高于|超过|超出|高出)|(?P<down>低于)|比)(?P<name>[^（(，,。；;%％0-9]{1,30})"
    r"[（(](?P<other>[0-9]+(?:\.[0-9]+)?)\s*[%％][）)](?:(?P<up2>高)|(?P<down2>低))?(?:出|了)?"
    r"(?P<points>[0-9]+(?:\.[0-9]+)?)个百分点")


def _rate_gaps(sentence: str, members, index: int) -> list[Statement]:
    """The gap_rate / gap_other / gap_points marks of each comparison of a rate with a bracketed rate in 个百分点
    (three marks a comparison, each comparison its own sentence index)."""
    out: list[Statement] = []
    outside = _masked_brackets(sentence)
    for m in _RATE_GAP.finditer(sentence):
        direction = 1 if (m.group("up") or m.group("up2")) else -1 if (m.group("down") or m.group("down2")) else None
        if direction is None or (m.group("up") or m.group("down")) and (m.group("up2") or m.group("down2")):
            continue  # 比…(x%)2个百分点 without 高/低, or two directions: not read
        rates = list(_PERCENT_AT.finditer(outside, 0, m.start()))
        if not rates:
            continue
        rate = rates[-1]
        at = index + len(out) // 3
        for role, text, start, subject, sign in (
                ("gap_rate", rate.group("num"), rate.start(), _subject_before(sentence, rate.start()), None),
                ("gap_other", m.group("other"), m.start("other"), m.group("name").strip(), None),
                ("gap_points", m.group("points"), m.start("points"), None, direction)):
            value, decimals = _decimal(text)
            out.append(_mark(_line_at(members, start), at, sentence, role, last=members[-1][1], value=value,
                             value_text=text, printed_decimals=decimals,
                             printed_unit="个百分点" if role == "gap_points" else "%", subject=subject,
                             direction=sign))
    return out


_SHARE_NUM = r"[0-9]+(?:\.[0-9]+)?"
# 民生支出…增长33%，高于全市公共财政支出3.7个百分点，…；占全市公共财政支出的69%，较去年同期提高1.4个百分点
_SHARE_MOVE = re.compile(
    r"(?:增长|增幅为?|上升)(?P<gp>" + _SHARE_NUM + r")[%％][，,]?"
    r"(?:(?P<up>高于|快于|超过)|(?P<down>低于|慢于))(?P<whole>[^，,；;。0-9%％（(]{2,24}?)(?:的)?(?:增幅|增速)?"
    r"(?P<gap>" + _SHARE_NUM + r")个百分点"
    r"[^。]*?占(?P<whole2>[^，,；;。0-9%％（(]{2,24}?)(?:的)?(?:比重|比例)?(?:为|达到?)?(?P<share>" + _SHARE_NUM + r")[%％]"
    r"[，,]?(?:较|比)(?:去年|上年)(?:同期)?(?:(?P<sup>提高|上升|增加|增长)|(?P<sdown>下降|降低|回落|减少))了?"
    r"(?P<points>" + _SHARE_NUM + r")个百分点")


def _share_moves(sentence: str, members, index: int) -> list[Statement]:
    """The share_move_growth / share_move_gap / share_move_share / share_move_points marks of a part's growth, its
    gap to its whole's growth, its share of that whole and the share's move against the year before, printed in one
    sentence about the same whole (four marks a move, one sentence index)."""
    out: list[Statement] = []
    for m in _SHARE_MOVE.finditer(sentence):
        if m.group("whole").strip() != m.group("whole2").strip():
            continue  # a gap to one aggregate and a share of another: not one whole
        gap_sign = 1 if m.group("up") else -1
        move_sign = 1 if m.group("sup") else -1
        at = index + len(out) // 4
        for role, group, unit, sign in (("share_move_growth", "gp", "%", None),
                                        ("share_move_gap", "gap", "个百分点", gap_sign),
                                        ("share_move_share", "share", "%", None),
                                        ("share_move_points", "points", "个百分点", move_sign)):
            value, decimals = _decimal(m.group(group))
            out.append(_mark(_line_at(members, m.start(group)), at, sentence, role, last=members[-1][1], value=value,
                             value_text=m.group(group), printed_decimals=decimals, printed_unit=unit,
                             subject=m.group("whole").strip() if role != "share_move_growth"
                             else _subject_before(sentence, m.start()), direction=sign))
    return out


def _year_comparison(sentence: str, members, index: int) -> Statement | None:
    """The year_comparison mark of a sentence that compares with a printed year and prints no other number."""
    if re.search(r"[0-9]", _PRINTED_YEAR.sub("", sentence)):
        return None  # a number of its own: the statement reader binds the comparison to it
    compared = _YEAR_COMPARED.search(sentence)
    if compared is None:
        return None
    direction = grammar.REASON_DIRECTION_RE.search(sentence, compared.end())  # the reader's direction words
    if direction is None:
        return None
    year = compared.group("year") or compared.group("year2")
    basis = compared.group("basis") or compared.group("basis2")
    own = _OWN_SIDE_BEFORE.search(sentence, 0, compared.start())
    return _mark(_line_at(members, compared.start()), index, sentence, "year_comparison",
                 period_year=int(own.group("y")) if own else None,
                 basis=grammar.BASES.get(own.group("b")) if own else None,
                 compared_year=int(year), compared_basis=grammar.BASES.get(basis) if basis else None,
                 direction=0 if direction.group("flat") else (1 if direction.group("up") else -1),
                 value_text=compared.group(0), subject=_subject_before(sentence, direction.start()))


def _line_at(members, offset: int):
    chosen = members[0][1]
    for start, line in members:
        if start <= offset:
            chosen = line
    return chosen


def _budget_marks(sentence: str, members, index: int) -> list[Statement]:
    """budget_comparison / budget_completion / budget_actual of one sentence (nothing unless a comparison or a
    completion rate is printed)."""
    compare = _COMPARE.search(sentence)
    completion = _COMPLETION.search(sentence)
    if compare is None and completion is None:
        return []
    if compare is not None and completion is not None and \
            _CLAUSE_END.search(sentence, min(compare.start(), completion.start()), max(compare.start(), completion.start())):
        return []  # a rate and a comparison in different clauses may speak of different subjects: not guessed
    out: list[Statement] = []
    first = min(m.start() for m in (compare, completion) if m is not None)
    reason_match = _REASON.search(sentence, first)
    reason = sentence[reason_match.end():].strip("：:，,。；; ") if reason_match else None
    if compare is not None:
        direction = 1 if compare.group("up") or compare.group("up_by") else \
            (-1 if compare.group("down") or compare.group("down_by") else 0)
        fields = dict(direction=direction, basis="final_accounts", compared_basis="budget", reason_text=reason or None)
        if compare.group("num"):
            value, decimals = _decimal(compare.group("num"))
            fields.update(value_text=compare.group("num"), value=value, printed_decimals=decimals,
                          printed_unit=compare.group("unit"))
        # from the line of 决算数 to the line of the sentence's closing 。 (the word 大于/小于 may stand on the next)
        out.append(_mark(_line_at(members, compare.start()), index, sentence, "budget_comparison", last=members[-1][1],
                         value_text=fields.pop("value_text", compare.group(0)), **fields))
    if completion is not None:
        value, decimals = _decimal(completion.group("num"))
        out.append(_mark(_line_at(members, completion.start("num")), index, sentence, "budget_completion",
                         value_text=completion.group("num"), value=value, printed_decimals=decimals, printed_unit="%",
                         reason_text=(reason or None) if compare is None else None))
    # the 决算 amount: the first amount of the sentence before the comparison that is not a change or a budget; the
    # 预算 amount: the one amount printed after 预算(数)(为) -- two of them (年初预算 and 调整预算) leave the basis open
    budgets = []
    actual = None
    for m in _AMOUNT.finditer(sentence, 0, first):
        before = sentence[max(0, m.start() - 12):m.start()]
        if _BUDGET_BEFORE.search(before):
            budgets.append(m)
        elif actual is None and not _CHANGE_BEFORE.search(before):
            actual = m
    for m, role, basis in ([(budgets[0], "budget_amount", "budget")] if len(budgets) == 1 else []) + \
            ([(actual, "budget_actual", "final_accounts")] if actual is not None else []):
        value, decimals = _decimal(m.group("num"))
        out.append(_mark(_line_at(members, m.start()), index, sentence, role, value_text=m.group("num"), value=value,
                         printed_decimals=decimals, printed_unit=m.group("unit"), basis=basis))
    return out


def _certain_amounts(sentence: str, end: int):
    """(budget match, its basis word, actual match) of ``sentence[:end]`` when exactly one amount follows a 预算 word and
    exactly one a 决算 word, none of them of a prior year; None otherwise."""
    budgets, actuals = [], []
    for m in _AMOUNT.finditer(sentence, 0, end):
        before = sentence[max(0, m.start() - 12):m.start()]
        clause = re.split(r"[，,；;。：:]", sentence[:m.start()].rstrip("：:"))[-1]
        b = _CERTAIN_BUDGET.search(before)
        a = None if b else _CERTAIN_ACTUAL.search(before)
        if (b or a) and (_PRIOR_YEAR.search(clause) or re.match(r"\s*其中", clause)):
            return None  # a prior year's 预算/决算 or a part's: which the comparison speaks of is not certain
        if b:
            budgets.append((m, b.group("basis")))
        elif a:
            actuals.append(m)
    if len(budgets) != 1 or len(actuals) != 1:
        return None
    return budgets[0][0], budgets[0][1], actuals[0]


def _compared_amounts(sentence: str, members, index: int, before) -> list[Statement]:
    """compared_budget / compared_actual of the one comparison in ``sentence`` (see the module docstring)."""
    compares = list(_COMPARE.finditer(sentence))
    if len(compares) != 1:
        return []
    compare = compares[0]
    found = _certain_amounts(sentence, compare.start())
    source, source_members, text = sentence, members, sentence
    if found is None and before is not None and not _AMOUNT.search(sentence, 0, compare.start()) \
            and _NO_SUBJECT.match(sentence[:compare.start()]) and not _COMPARE.search(before[0]):
        found = _certain_amounts(before[0], len(before[0]))
        source, source_members, text = before[0], before[1], before[0] + sentence
    if found is None:
        return []
    budget, basis, actual = found
    compared_basis = re.search(r"年初|调整", compare.group(0))
    if compared_basis and basis and compared_basis.group(0) != basis[:2]:
        return []  # 决算数小于年初预算 beside 调整后预算为 …: another budget
    out = []
    for m, role, kind in ((budget, "compared_budget", "budget"), (actual, "compared_actual", "final_accounts")):
        value, decimals = _decimal(m.group("num"))
        out.append(_mark(_line_at(source_members, m.start()), index, text, role, value_text=m.group("num"),
                         value=value, printed_decimals=decimals, printed_unit=m.group("unit"), basis=kind))
    return out


# --- a balance stated as a running sum: base, 加上 … / 减去 … 后, result (NAR-SUM) --------------------------------------
# an opener at a clause's start: 加上 / 加 (加上级补助收入 = 加 + 上级…), 减去 / 扣除 / 减; not a verb such as 加强 / 减少
_SUM_OPEN = re.compile(
    r"(?:(?<=[，,；;：:])|^)[\s]*(?:再)?(?:(?P<add>加上(?![级年])|加(?![强快大紧速工入班油重深之])[：:]?)|(?P<sub>减去|扣除|减(?![少轻免缓负税半])[：:]?))")
# the result: (收入/支出…)总计 / 合计 / 总量 / 总额 / 总收入 / 总支出 / 可支配(财力) [为/是/达到/：] amount
_SUM_RESULT = re.compile(
    r"(?:总计|合计|共计|总量|总额|总收入|总支出|可支配财力|可支配收入|可用财力|可支配)(?:为|是|达到|达|共|：|:)?$")
_SUM_KINDS = ("收入", "支出")
# a result that sums the terms only: 两项合计, 以上合计, 上述各项总计
_SUBTOTAL = re.compile(r"[两二三四五六七八九十0-9]项|以上|上述|上列|前述|各项|此项|这")
_SUM_RESULT_HINT = re.compile(r"总计|合计|共计|总量|总额|总收入|总支出|可支配|可用财力")
_PERCENT_OR_COUNT = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?(?:%|％|个百分点|" + _COUNT_WORDS + r")")
_ANY_NUMBER = re.compile(r"[0-9]")
_SUBCLAUSE_CUT = re.compile(r"[，,；;、]")
_TERM_LEAD = re.compile(r"^(?:再|还有|另|以及|及|和|与|加上|加[：:]?|减去|扣除|减[：:]?)")
_TERM_COMPARED = re.compile(r"比|较|同比|上年同期|减少|下降|降低|持平")


def _masked_brackets(text: str) -> str:
    """``text`` with bracketed text (nested too) blanked, offsets kept."""
    while True:
        masked = _BRACKETED.sub(lambda b: " " * len(b.group(0)), text)
        if masked == text:
            return text
        text = masked


def _amount_mark(m, members, index, text, role, position, subject, offset=0) -> Statement:
    value, decimals = _decimal(m.group("num"))
    return _mark(_line_at(members, m.start() - offset), index, text, role, value=value, value_text=m.group("num"),
                 printed_decimals=decimals, printed_unit=m.group("unit"), list_index=position,
                 subject=subject or None)


def _sum_pieces(masked: str, start: int, end: int):
    """The amounts of ``masked[start:end]`` and the text pieces around them: (amounts, pieces) with
    len(pieces) == len(amounts) + 1; None when a number other than an amount with a unit, a percentage or a count
    stands there."""
    amounts = list(_AMOUNT.finditer(masked, start, end))
    bounds = [start] + [x for m in amounts for x in (m.start(), m.end())] + [end]
    pieces = [masked[a:b] for a, b in zip(bounds[0::2], bounds[1::2])]
    for piece in pieces:
        if _ANY_NUMBER.search(_PERCENT_OR_COUNT.sub("", piece)) and not re.search(r"(?:19|20)[0-9]{2}年", piece):
            return None
    return amounts, pieces


def _subclauses(piece: str) -> list[str]:
    """The words of a piece cut at its clause marks and 、, a clause with a percentage or a count dropped."""
    return [c.strip() for c in _SUBCLAUSE_CUT.split(piece) if not _PERCENT_OR_COUNT.search(c)]


def _running_sums(sentence: str, members, index: int, before) -> list[list[Statement]]:
    """The sum_base / sum_add / sum_subtract / sum_result marks of each balance stated as a running sum in
    ``sentence`` (see the module docstring); ``before``: (sentence, members) of the sentence before in the same
    paragraph, or None."""
    masked = _masked_brackets(sentence)
    found = []
    search_from = 0
    for opener in _SUM_OPEN.finditer(masked):
        if opener.start() < search_from:
            continue
        result = _sum_result(masked, opener.end())
        if result is None:
            continue
        search_from = result.end()
        span = masked[opener.start():result.start()]
        if "其中" in span or _SENTENCE_END.search(span):
            continue  # parts of a term listed, or a sum spread over sentences: not judged
        result_clause = _SUBCLAUSE_CUT.split(masked[:result.start()])[-1].strip()
        if _SUBTOTAL.search(result_clause):
            continue  # 两项合计, 以上合计: a subtotal of the terms, not base and terms
        base = _sum_base(masked, opener, before, [k for k in _SUM_KINDS if k in result_clause])
        terms = _sum_terms(masked, opener, result)
        if base is None or terms is None:
            continue
        base_match, base_subject, base_text, base_members = base
        text = sentence if base_text is None else base_text + sentence
        at = index + len(found)
        marks = [_amount_mark(base_match, base_members or members, at, text, "sum_base", 0, base_subject)]
        for position, (amount, sign, name) in enumerate(terms, start=1):
            marks.append(_amount_mark(amount, members, at, text, "sum_add" if sign > 0 else "sum_subtract",
                                      position, name))
        marks.append(_amount_mark(result, members, at, text, "sum_result", len(terms) + 1, result_clause))
        found.append(marks)
    return found


def _sum_result(masked: str, start: int):
    """The result of a running sum: the first amount after ``start`` printed after a result word (收入总计, 支出合计为,
    可支配财力) that opens its clause (not 、…等合计: a group of terms)."""
    for m in _AMOUNT.finditer(masked, start):
        before = masked[:m.start()]
        cut = max(before.rfind(c) for c in "，,；;、")
        clause = before[cut + 1:].strip()
        if _SUM_RESULT.search(clause) and not re.search(r"等(?:" + _SUM_RESULT.pattern.rstrip("$") + r")$", clause) \
                and (cut < 0 or before[cut] != "、"):
            return m
    return None


def _sum_base(masked: str, opener, before, kinds):
    """(amount, subject, text it stands in or None for this sentence, its members or None) of the base of a running
    sum: the one amount of the clauses before the opener since the last ；/。; for an opener opening the sentence, the
    one amount of the sentence before (same paragraph) when it is of the result's kind (收入 / 支出) and names not the
    other. None when the base cannot be told."""
    region_start = max(masked.rfind(c, 0, opener.start()) for c in "；;。") + 1
    amounts = list(_AMOUNT.finditer(masked, region_start, opener.start()))
    if len(amounts) == 1:
        words_before = masked[region_start:amounts[0].start()]
        if len(kinds) == 1 and kinds[0] not in words_before and ("支出" if kinds[0] == "收入" else "收入") in words_before:
            return None  # a 收入 base for a 支出 result (or the other way round): not this balance's base
        return amounts[0], _SUBCLAUSE_CUT.split(words_before)[-1].strip() or None, None, None
    if amounts or masked[:opener.start()].strip(" ，,：:") or before is None or len(kinds) != 1:
        return None
    prior = _masked_brackets(before[0])
    amounts = list(_AMOUNT.finditer(prior))
    if len(amounts) != 1:
        return None
    words_before = prior[:amounts[0].start()]
    other = "支出" if kinds[0] == "收入" else "收入"
    if kinds[0] not in words_before or other in words_before:
        return None
    return amounts[0], _SUBCLAUSE_CUT.split(words_before)[-1].strip() or None, before[0], before[1]


_SUBTRACT_LEAD = re.compile(r"^(?:减去|扣除|减)")
# a sentence that lists parts of the one before it: 其中：… / 其中，… (after a list mark or blanks)
_OPENS_WITH_PARTS = re.compile(r"^[\s　]*(?:[（(]?[0-9一二三四五六七八九十]+[）)、.．]\s*)?其中")
_CONNECTOR_ONLY = re.compile(r"^(?:再|还有|另|以及|及|和|与|后|之后|以后)?$")


def _sum_terms(masked: str, opener, result):
    """[(amount, sign, name)] of the terms between the opener and the result; None unless every term is an amount
    with a unit and a name (a name without an amount, a number without a unit, a change 比上年增加 … or a 减少 among
    them: not judged)."""
    parsed = _sum_pieces(masked, opener.end(), result.start())
    if parsed is None or not parsed[0]:
        return None
    amounts, pieces = parsed
    sign = -1 if opener.group("sub") else 1
    terms = []
    for amount, piece in zip(amounts, pieces):
        words = _subclauses(piece)
        name = words[-1] if words else ""
        earlier = [w for w in words[:-1] if not _CONNECTOR_ONLY.match(w)]
        # names before this term's name with no amount of their own: a term with no number -- unless a group closed
        # by 等 (上年结转收入、调入资金、动用预算稳定调节基金等969065万元)
        if earlier and (not name.endswith("等") or any(_TERM_LEAD.match(w) for w in earlier)):
            return None
        lead = _TERM_LEAD.match(name)
        if lead and _SUBTRACT_LEAD.match(lead.group(0)):
            sign = -1
        elif lead and lead.group(0).startswith("加"):
            sign = 1
        name = _TERM_LEAD.sub("", name).strip("：: ")
        if not name or _TERM_COMPARED.search(name):
            return None  # a change against another figure (比上年增加, 减少) or an amount with no name: not a term
        terms.append((amount, sign, name))
    # after the last term: only 后 / connectors, then the result's clause
    trailing = _SUBCLAUSE_CUT.split(pieces[-1])
    if any(not _CONNECTOR_ONLY.match(w.strip()) for w in trailing[:-1]):
        return None
    return terms
