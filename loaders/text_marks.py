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

What each mark means is decided by the rules (``macros/generic_tests/``): the marks are evidence, never findings.
Mark sentences are numbered from ``first_sentence_index`` on, after the reader's sentences, so no rule that pairs a
sentence with the one before mixes the two.
"""

from __future__ import annotations

import re
from decimal import Decimal

from loaders.statements.script import reading_text
from loaders.records import DocumentFacts, Statement
from loaders.statements.lines import source_lines

MARKS_VERSION = "1.1.1"
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
    r"(?P<org>[\u4e00-\u9fff（）()]{4,40}?(?:工作站|站|局|中心|所|院|园|校|学|办公室|办|委员会|委|政府|队|馆|处|会|室|社|厂|场|台|团|部))"
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
            m = _FILL_IN.match(cell)
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
    # sentence by sentence (prose lines joined): entry-error notes, zero changes with a reason, 决算 against 预算
    previous = None  # (paragraph, sentence, members) of the sentence before
    for sentence, members, paragraph in _prose_sentences(lines, texts):
        before = previous if previous is not None and previous[0] == paragraph else None
        previous = (paragraph, sentence, members)
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
        if "决算" in sentence or "完成" in sentence or "执行率" in sentence:
            found = _budget_marks(sentence, members, index)
            if any(m.role == "budget_comparison" for m in found):
                found += _compared_amounts(sentence, members, index, before[1:] if before else None)
            if found:
                marks.extend(found)
                index += 1
    return marks


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
