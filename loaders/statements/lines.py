"""Physical lines of a document as the statement reader sees them: normalised text, kind and provenance.

Text documents are read line by line (``Document.text`` split as ``Document.lines`` is, so line numbers are
the 1-based lines of the file; a form feed starts the next page). PDFs come from
``loaders.layout.rows.pages_of`` (page + line index within the page, the convention of the Shanghai
parsers). A line is cut into *segments* at wide gaps (two or more spaces in text, more than a CJK glyph's
width in a PDF); inside a segment spaces next to a non-ASCII character are dropped, so
``2024 年度 “ 三公 ” 经费`` reads ``2024年度“三公”经费``.

Kinds: ``prose`` (sentence text), ``table`` (a row of separate numeric cells, or of labels standing in
columns), ``heading`` (a short line without sentence punctuation that starts a part), ``skip`` (blank lines and
page numbers, which neither carry text nor break a sentence).
"""

from __future__ import annotations

import functools
import re

from loaders.layout.rows import DASH_VALUES, is_amount, pages_of
from loaders.statements.script import reading_text

_GAP_TEXT = re.compile(r"[ \t\u3000]{2,}")
# (and a space between a number and its %: 增44 %)
_SPACE_NEAR_WIDE = re.compile(r"[ \t\u3000]+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])[ \t\u3000]+|(?<=[0-9])[ \t]+(?=%)")
# a direction word printed in brackets (较上年(减少)16.23万元, (减)幅23%): the word, as the grammar reads it
_BRACKETED_DIRECTION = re.compile(r"[（(](增加|减少|增长|下降|增|减)[）)]")
_PAGE_NUMBER = re.compile(r"^(?:[-—－–\s]*[0-9]{1,3}[-—－–\s]*|第[0-9]{1,3}页(?:共[0-9]{1,3}页)?|[0-9]{1,3}/[0-9]{1,3})$")
_SENTENCE_PUNCT = re.compile(r"[，。；,;！？：:]")
_HEADING_MARK = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
_DIGIT = re.compile(r"[0-9]")
# a full sentence with an amount and its unit inside a line that otherwise looks like cells: a form flattened onto
# one line (its prose 预期目标 / 实际完成情况 cells among the numbers) -- read as prose, so its amounts are bound or
# reported, never skipped with the cells
_FLATTENED_SENTENCE = re.compile(r"[0-9](?:\.[0-9]+)?\s*(?:万元|亿元|千元|元)[^。]{0,80}。")
_ANY_DIGIT = re.compile(r"[0-9０-９]")
# a numbered heading in arabic numerals: "3.基本支出（商品和服务支出）预算安排情况" -- a list mark, no amount, and the
# words a section title ends with
_NUMBERED_HEADING = re.compile(r"^[0-9]{1,2}[.．、](?![0-9])[^0-9０-９]*(?:情况|说明|概况|安排|预算|决算|表)$")
_CLAUSE_OR_DIGIT = re.compile(r"[，；,;：:]|[0-9０-９]")
# a number standing in its own column: a wide gap before it and a wide gap or the end after it
_GAP_THEN_NUMBER = (r"[ \t\u3000]{2,}[-−－(（]?[0-9][0-9,]*(?:\.[0-9]+)?[)）%]?(?:[ \t\u3000]{2,}|$)")
_ADJACENT_NUMBERS = re.compile(r"(?:^|\s)[-−－(（]?[0-9][0-9,]*(?:\.[0-9]+)?[)）%]?[ \t]+[-−－(（]?[0-9][0-9,]*(?:\.[0-9]+)?[)）%]?(?=\s|$)")
_TABLE_ROW = re.compile(_ADJACENT_NUMBERS.pattern + "|" + _GAP_THEN_NUMBER)
_WHITESPACE = re.compile(r"\s")


def _table_row(stripped: str) -> bool:
    """Whether ``_TABLE_ROW`` finds anything in a stripped line: a match starts at the line's start or at a
    whitespace character, so past the start it is searched from the first one, found in C (for speed)."""
    if _TABLE_ROW.match(stripped):
        return True
    space = _WHITESPACE.search(stripped, 1)
    return space is not None and _TABLE_ROW.search(stripped, space.start()) is not None
_TOC_LEADER = re.compile(r"[…\.·]{4,}")
# a line that the next one continues is no heading, however short: the next starts with an amount and its unit
# (…预算为 | 304.13万元，), or with a verb that needs what went before and then a number (…财政拨款预算 | 为304.13万元),
# or the break cuts a word of the fiscal vocabulary in two (…财政拨款预 | 算为304.13万元): a heading ends with a word
_CONTINUES = re.compile(r"^(?:[0-9][0-9,]*(?:\.[0-9]+)?(?:万元|亿元|千元|元|%|％)|[为是达约共计占][0-9])")
_SPLIT_WORDS = ("预算", "决算", "经费", "支出", "收入", "拨款", "财政", "采购", "运行", "资金", "项目", "增加", "减少",
                "增长", "下降", "执行", "安排", "合计", "总计")
_WORD_HEADS = {word[:cut]: [] for word in _SPLIT_WORDS for cut in range(1, len(word))}
for _word in _SPLIT_WORDS:
    for _cut in range(1, len(_word)):
        _WORD_HEADS[_word[:_cut]].append(_word[_cut:])


def _continued_by(text: str, following: str | None) -> bool:
    """Whether ``following`` (the next line's text) carries on the sentence ``text`` begins (see ``_CONTINUES``)."""
    if not following:
        return False
    if _CONTINUES.match(following):
        return True
    for cut in (1, 2, 3):
        tails = _WORD_HEADS.get(text[-cut:])
        if tails and any(following.startswith(tail) for tail in tails):
            return True
    return False


class SourceLine:
    """One physical line: provenance, the printed text, its segments and the text they make (no wide gaps)."""

    __slots__ = ("page", "number", "last_number", "raw", "segments", "text", "kind")

    def __init__(self, page: int | None, number: int, last_number: int, raw: str, segments: list[str],
                 kind: str = "prose"):
        self.page = page
        self.number = number  # provenance line (text: line of the file; PDF: line index within the page)
        self.last_number = last_number
        self.raw = raw  # as printed (layout of the source kept)
        self.segments = segments
        self.text = segments[0] if len(segments) == 1 else "".join(segments)
        self.kind = kind


def _squeeze(text: str) -> str:
    """The segment as the grammar reads it: spaces beside wide characters dropped, pinyin glosses dropped and
    traditional characters simplified (``script.reading_text``; the printed line stays in ``raw``)."""
    if " " in text or "\t" in text or "\u3000" in text:
        text = _SPACE_NEAR_WIDE.sub("", text).strip()
    if ("(" in text or "（" in text) and ("增" in text or "减" in text or "下降" in text):
        text = _BRACKETED_DIRECTION.sub(r"\1", text)
    return reading_text(text)


@functools.lru_cache(maxsize=16384)  # pure; a line printed again (boilerplate, the next document's) is read once
def _line_reading(stripped: str) -> tuple[tuple[str, ...], str]:
    """The segments and the kind (table or prose, before ``classify``) of a text line, stripped."""
    if _table_row(stripped) and not (len(stripped) > 120 and _FLATTENED_SENTENCE.search(stripped)):
        # 72.95 72.95 120.56, or a label and a number a column apart: a table row, nothing to split
        return (reading_text(stripped),), "table"
    if "  " in stripped or "\t" in stripped or "\u3000" in stripped:
        return tuple(s for s in (_squeeze(part) for part in _GAP_TEXT.split(stripped)) if s), "prose"
    return (_squeeze(stripped),), "prose"


def _text_lines(document) -> list[SourceLine]:
    """Lines of a text document; blank lines are left out (they neither carry text nor break a sentence)."""
    text = document.text or ""
    out: list[SourceLine] = []
    append = out.append
    if "\f" in text:
        page = 1
        pieces = text.splitlines(keepends=True)
    else:
        page = None
        pieces = text.splitlines()
    for number, piece in enumerate(pieces, start=1):
        stripped = piece.strip()
        if stripped:
            raw = piece.rstrip("\r\n\f\v\x1c\x1d\x1e\x85\u2028\u2029") if page is not None else piece
            segments, kind = _line_reading(stripped)
            append(SourceLine(page, number, number, raw, list(segments), kind))
        if page is not None and piece.endswith("\f"):
            page += 1
    return out


def _pdf_lines(document) -> list[SourceLine]:
    out: list[SourceLine] = []
    for page in pages_of(document):
        for line in page.lines:
            segments: list[str] = []
            current: list[str] = []
            last_x1 = None
            limit = 2.0 * (line.char_width or 1.0)  # wider than one CJK glyph: a column gap
            for cell in line.cells:
                if last_x1 is not None and cell.x0 - last_x1 > limit:
                    segments.append(_squeeze(" ".join(current)))
                    current = []
                current.append(cell.text)
                last_x1 = cell.x1
            if current:
                segments.append(_squeeze(" ".join(current)))
            out.append(SourceLine(page.number, line.number, line.last_number or line.number, line.raw_text,
                                  [s for s in segments if s]))
    return out


def _is_bare_number(segment: str) -> bool:
    return is_amount(segment) or segment in DASH_VALUES


def _next_text(lines: list[SourceLine], index: int) -> str | None:
    """The text of the next line that carries text (blank lines and page numbers are not in the way)."""
    for line in lines[index + 1:index + 4]:
        if line.segments and not (len(line.segments) == 1 and len(line.text) <= 12 and _PAGE_NUMBER.match(line.text)):
            return line.text
    return None


def classify(lines: list[SourceLine], rows_known: bool = False) -> list[SourceLine]:
    """Set ``kind`` on every line (see the module docstring). Linear, one pass."""
    in_table = False
    at_boundary = True  # the prose read so far ends a sentence (or nothing read yet)
    for index, line in enumerate(lines):
        segments = line.segments
        if not segments:
            line.kind = "skip"
            continue
        if line.kind == "table":  # decided while reading the line
            in_table = True
            continue
        text = line.text
        if len(segments) == 1 and len(text) <= 12 and _PAGE_NUMBER.match(text):
            line.kind = "skip"
            continue
        punctuated = bool(_SENTENCE_PUNCT.search(text))
        if _DIGIT.search(text):
            if len(text) > 120 and _FLATTENED_SENTENCE.search(text):
                line.kind, in_table, at_boundary = "prose", False, text[-1] in "。；;：:！？"
                continue
            if not rows_known and _ADJACENT_NUMBERS.search(line.raw):  # 72.95 72.95 120.56: a table row
                line.kind, in_table = "table", True
                continue
            if len(segments) == 1:
                bare = 1 if _is_bare_number(text) else 0
            else:
                bare = sum(1 for s in segments if _is_bare_number(s))
            if bare and (len(segments) >= 2 or not punctuated):
                line.kind, in_table = "table", True
                continue
        if ("…" in text or "..." in text or "·" in text) and _TOC_LEADER.search(text):
            line.kind = "table"
            continue
        if len(segments) >= 2 and not punctuated:
            line.kind = "heading" if (text.endswith("表") or _HEADING_MARK.match(text)) else "table"
            in_table = in_table or line.kind == "table"
            continue
        if len(text) <= 40 and _HEADING_MARK.match(text) and not _CLAUSE_OR_DIGIT.search(text):
            line.kind, in_table, at_boundary = "heading", False, True
            continue
        if not punctuated and len(text) <= 40:
            if _HEADING_MARK.match(text) or text.endswith("表") or text.endswith("说明") or _NUMBERED_HEADING.match(text):
                line.kind, in_table, at_boundary = "heading", False, True
                continue
            if in_table:
                line.kind = "table"
                continue
            if at_boundary and not _ANY_DIGIT.search(text) and not _continued_by(text, _next_text(lines, index)):
                line.kind = "heading"
                continue
        line.kind = "prose"
        in_table = False
        at_boundary = text[-1] in "。；;：:！？"
    return lines


# a line ending that asks for a number next: strongly (…执行数为, …增加, …涉及预算金额: nothing else can follow) or
# weakly (…占, …支出, …预算: a noun may follow too, 占|支出预算, 年初预算|资金是)
_WANTS_NUMBER = re.compile(r"(?:为|达|约|共|计|是|增加|减少|增长|下降|金额|执行数|预算数|决算数"
                           r"|占|的|资金|经费|支出|收入|预算|决算|合计|总计|补助|补贴|费|指标|计划|安排|[≥≤><＞＜])$")
# what a reason or a use opens: words follow it, not a number (主要原因是 | 工作任务增加)
_OPENS_WORDS = re.compile(r"(?:原因|主要|理由|由于|用于)(?:是|为)?$")
_STRONGLY_WANTS_NUMBER = re.compile(r"(?:为|达|约|共|计|是|增加|减少|增长|下降|金额|执行数|预算数|决算数)$")
_LIST_ITEM = re.compile(r"^(?:[0-9]{1,2}[.．、](?![0-9])|[（(][0-9]{1,2}[）)])")
_LATIN_FIRST = frozenset("0123456789“\"‘")
# an amount with its unit (not a year: 2018年) or a quote opens the line that pdftotext may print too early
_AMOUNT_START = re.compile(r"^[0-9][0-9,]*(?:\.[0-9]+)?(?:万元|亿元|千元|元|%|％|个|人|辆|台|家|项|次|名)")
_LATIN_START = re.compile(r"^(?:[0-9][0-9,]*(?:\.[0-9]+)?(?:万元|亿元|千元|元|%|％|个|人|辆|台|家|项|次|名)|[“\"‘])")
_CLOSED_END = "。；;：:，,、）)！？"


def _junction(first: SourceLine | None, second: SourceLine | None) -> int:
    """How well ``second`` continues ``first``: +1 when ``first`` asks for a number (…为, …金额, …占) and
    ``second`` starts with one (or with a quote after 为/是/的), -1 when it asks and ``second`` does not,
    0 otherwise (a closed sentence, or nothing asked)."""
    if first is None or first.kind != "prose":
        return 0
    text = first.text
    if text[-1] in _CLOSED_END or _OPENS_WORDS.search(text):
        return 0
    if second is None or second.kind != "prose":
        return -1 if _WANTS_NUMBER.search(text) else 0
    if not _WANTS_NUMBER.search(text):
        return 0
    head = second.text[0]
    # an amount, or a verb and its number (…预算执行数 | 为1,746.91万元: _CONTINUES)
    if _AMOUNT_START.match(second.text) or _CONTINUES.match(second.text) \
            or (head in "“\"‘" and text[-1] in "为是的"):
        return 1
    return -1 if _STRONGLY_WANTS_NUMBER.search(text) else 0


def repair_swapped_lines(lines: list[SourceLine]) -> list[SourceLine]:
    """Put back in order the pairs of prose lines that ``pdftotext -layout`` prints swapped.

    pdftotext orders a paragraph's lines by baseline; a line whose first glyph is set in a Latin font (a digit,
    a quote) can stand a little higher and be printed *before* the line it follows (seen on the Putuo 决算:
    ``603.14万元，占20.51%；`` before ``本年支出合计…项目支出``). For lines K, L, M, N where L starts at the left
    margin with such a glyph (not a list number), M the next printed line and not starting so, L and M are
    swapped when M asks for the number
    L starts with, K does not (then L already continues K: …本年预算安排 | 27.78万元；…), and the junctions K→M, M→L,
    L→N are strictly better than K→L, L→M, M→N (see ``_junction``; a line ending in 主要原因是 asks for words).
    A tie keeps the printed order. Linear; text documents only."""
    prose = [i for i, line in enumerate(lines) if line.kind != "skip"]
    # only lines starting at the margin with a digit or a quote can be the misplaced one
    candidates = [k for k in range(1, len(prose) - 1)
                  if lines[prose[k]].text[:1] in _LATIN_FIRST and not lines[prose[k]].raw[:1].isspace()]
    done = 0
    for k in candidates:
        if k < done:
            continue
        before, first, second = (lines[prose[k - 1]], lines[prose[k]], lines[prose[k + 1]])
        after = lines[prose[k + 2]] if k + 2 < len(prose) else None
        if first.kind == second.kind == "prose" and _LATIN_START.match(first.text) \
                and second.number == first.last_number + 1 \
                and not first.raw[:1].isspace() and not _LIST_ITEM.match(first.text) \
                and not _LATIN_START.match(second.text):
            printed = _junction(before, first) + _junction(first, second) + _junction(second, after)
            swapped = _junction(before, second) + _junction(second, first) + _junction(first, after)
            # a line that already answers the number the line before it asks for (…本年预算安排 | 27.78万元；…) is
            # where it belongs, whatever the lines after it ask
            if swapped > printed and _junction(second, first) == 1 and _junction(before, first) != 1:
                lines[prose[k]], lines[prose[k + 1]] = second, first
                done = k + 2
    return lines


# the lines of the document read last: the statement reader and the text marks (loaders/text_marks.py) read the same
# document one after the other, so it is split and classified once (the lines are not changed after classify)
_last_read: tuple[object, tuple, list[SourceLine]] | None = None


def source_lines(document) -> list[SourceLine]:
    """The document's physical lines, classified (prose, heading, table, skip). A new list each call; the same
    document object read again gets the same lines without splitting and classifying it twice."""
    global _last_read
    # what the lines are made of, compared by identity (no copy, no hash)
    read = (getattr(document, "data", None), getattr(document, "text", None))
    if _last_read is not None and _last_read[0] is document and all(a is b for a, b in zip(_last_read[1], read)):
        return list(_last_read[2])
    if document.is_pdf:
        lines = classify(_pdf_lines(document))
    else:
        lines = repair_swapped_lines(classify(_text_lines(document), rows_known=True))
    _last_read = (document, read, lines)
    return list(lines)
