"""What kind of document is this, for which year, department and government level, in which money unit?

One mechanism for PDF and text alike: the first pages of the document as positioned lines
(``loaders.layout.rows.pages_of``: pdfplumber words for a PDF, the lines of a text file) are read in
three zones, and every fact remembers the zone it was read from:

* ``cover``: the first lines of the first page, up to the table of contents or the first numbered section
  (上海市普陀区2026年区级单位预算 / 预算单位：…; 上海市普陀区财政局 / 2024年度部门决算);
* ``table_header``: the label lines a table or form prints above its body (部门名称：…, 单位：万元,
  预算金额（万元）);
* ``title``: any other heading line of the first pages (a line that is not a sentence: no ，。；).

Kind, year, department and level are matched on the printed words of a line, never on a file name or on
one publisher's wording: the kind by its genre words (部门预算 / 单位预算 / 部门决算 / 单位决算 /
项目支出绩效目标表 / 绩效自评表 / 评价报告 / “三公”经费 …), the year by 20xx年(度) standing beside those words,
the department by the labels a cover or a form prints (预算主管部门 / 预算单位 / 编制部门 / 编制单位 /
部门名称 / 单位名称 / 填报单位) or by an organisation name standing alone or before the year on the
cover, the level by the tier a title names (中央 / 省级 / 市级 / 区级 / 县级 / 乡镇) or else by the
organisation's name (…街道办事处 → 乡镇(街道), …市…区… → 区县, …省… → 省, …市… → 市).

The manifest (documents/manifest.csv) is authoritative: what it gives wins, field by field, and a parser
never refuses a document the manifest has typed. What neither the manifest nor the document gives stays
None and is reported by the loader as a warning (LOAD-FACT-MISSING); only a file with no readable fiscal
content at all (no document kind, no amount) is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.documents import Document, DocumentError
from loaders.records import DocumentFacts
from loaders.statements.script import PINYIN_GLOSS_RE, simplified

# Kinds a document can be detected as. The first five have a parser of their own; the others are read by
# the general parser (loaders/parsers/generic.py).
# (kind, pattern on a line with its whitespace removed), most specific first within a line.
KIND_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("project_self_evaluation", re.compile(r"项目(?:支出)?绩效(?:目标)?自评(?:表|结果|情况表)")),
    ("department_self_evaluation", re.compile(r"(?:部门|单位)整体(?:支出|预算)?绩效(?:目标)?自评(?:表|结果|情况表)")),
    ("project_targets", re.compile(r"项目(?:支出)?绩效目标(?:申报)?表")),
    ("department_targets", re.compile(r"(?:部门|单位)整体(?:支出|预算)?绩效目标(?:申报)?表")),
    ("evaluation_report", re.compile(r"(?:绩效)?(?:评价|自评)报告")),
    # (the fund before 三公 names no genre: 2020年度一般公共预算财政拨款“三公”经费支出决算情况说明 is a 决算)
    ("three_public_final_accounts",
     re.compile(r"^(?:.{0,30}年度?)?(?:一般公共预算)?(?:财政拨款)?[“\"]?三公[”\"]?经费(?:支出)?决算")),
    ("three_public_budget",
     re.compile(r"^(?:.{0,30}年度?)?(?:一般公共预算)?(?:财政拨款)?[“\"]?三公[”\"]?经费(?:支出)?预算")),
    ("final_accounts", re.compile(r"(?:部门|单位)决算")),
    ("department_budget", re.compile(r"部门预算")),
    ("unit_budget", re.compile(r"单位预算")),
]
# Read from a sentence only when no heading names the kind: a “三公”经费 section printed as prose.
TEXT_KIND_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("three_public_final_accounts", re.compile(r"三公[”\"]?经费[)）]?[^。；]{0,20}?决算")),
    # (not a comparison's base: 三公经费…支出合计28.24亿元，比预算数减少… reports spending against its budget)
    ("three_public_budget", re.compile(r"三公[”\"]?经费[)）]?[^。；]{0,20}?(?<![比较与])(?<!比年初)(?<!较年初)预算")),
]
# Headings of a 决算's explanation (支出决算情况说明, 财政拨款收入支出决算总体情况说明) name a 决算 without 部门/单位
ACCOUNTS_HEADING_RE = re.compile(r"^(?:[一二三四五六七八九十]+、)?(?:收入|支出|财政拨款收入支出|收入支出)决算(?:总体)?情况说明$")
# Kinds that ask for the general parser: no table layout of their own yet.
GENERIC_KINDS = ("project_self_evaluation", "department_self_evaluation", "three_public_final_accounts",
                 "three_public_budget", "unclassified")

ORG = (r"[\u4e00-\u9fff（）()]{2,40}?(?:委员会|人民政府|政府|办事处|办公室|管理局|服务中心|中心|局|厅|委|院|所|站|队|部|处|"
       r"社|会|馆|校|学|园|室|团|署|办|司|行)(?:本级|本部|机关)?")
ORG_SUFFIX_RE = re.compile(rf"^{ORG}$")
# label -> the organisation that follows it (the cover's or the form's own words)
LABEL_RE = re.compile(
    r"(?:预算主管部门|主管部门|预算单位|预算部门|编制部门|编制单位|部门[（(]单位[）)]名称|部门名称|单位名称|填报单位|"
    r"填报部门|申报单位|申报部门|项目主管部门|主管单位)"
    r"\s*(?:[（(]盖章[）)])?\s*[:：]?\s*(?:\d+[-－—])?"
    rf"(?P<d>{ORG})(?=\s|单位|下属|联系|填报|实施|项目|资金|[|｜]|$|[（(]?[盖公章])"
)
# a form printing one cell per line: the label alone, its value on the next line (主管部门 | / 某某局 |)
LABEL_ALONE_RE = re.compile(r"^(?:预算主管部门|主管部门|预算单位|编制部门|编制单位|部门名称|单位名称|填报单位|项目主管部门)"
                            r"(?:[（(]盖章[）)])?[:：]?[|｜]?$")
YEAR_KIND_RE = re.compile(
    r"(?P<y>20\d{2})\s*年度?\S{0,40}?(?:预算|决算|绩效|自评|评价|三公|报告)")
# a sentence stating the year's own totals: 2021年度总收入, 2024年收支总预算, 2023年本年支出合计
YEAR_TOTAL_RE = re.compile(
    r"(?P<y>20\d{2})\s*年度?(?:本年|全年|全部)?(?:总收入|总支出|收支总预算|收支总计|收入总计|支出总计|收入合计|支出合计)")
# a form's title followed by its year in brackets: 项目支出绩效自评表(2022年度), 项目绩效目标表（2021年度）
YEAR_PAREN_RE = re.compile(r"(?:表|报告|说明|预算|决算)[（(](?P<y>20\d{2})年度?[）)]")
YEAR_LINE_RE = re.compile(r"^(?P<y>20\d{2})年度")
# a title naming its tier: 区级部门预算, 市级单位预算, 县级部门决算, 省级部门预算, 中央部门预算
TIER_RE = re.compile(r"(?P<t>中央|省级|省本级|市级|市本级|区级|县级|区本级|县本级|旗级|乡镇|乡级|镇级|街道)(?:部门|单位)?(?:预算|决算)")
TIER_LEVEL = {"中央": "中央", "省级": "省", "省本级": "省", "市级": "市", "市本级": "市", "区级": "区县",
              "县级": "区县", "区本级": "区县", "县本级": "区县", "旗级": "区县", "乡镇": "乡镇(街道)",
              "乡级": "乡镇(街道)", "镇级": "乡镇(街道)", "街道": "乡镇(街道)"}
LEVELS = ("中央", "省", "市", "区县", "乡镇(街道)")
UNIT_PATTERN = re.compile(r"单位\s*[:：]\s*(?P<u>亿元|万元|千元|元)")
HEADER_UNIT_RE = re.compile(r"[（(]\s*(亿元|万元|千元|元)\s*[）)]")
PROSE = set("，。；！？《》〔〕")
PROSE_RE = re.compile("[" + "".join(sorted(PROSE)) + "]")  # any of PROSE, searched in C (for speed)
# text republished with ASCII punctuation: a comma or semicolon beside a Chinese character is a sentence's
ASCII_PROSE_RE = re.compile(r"[\u4e00-\u9fff][,;]|[,;][\u4e00-\u9fff]")
CONTENTS_RE = re.compile(r"^(?:目\s*录|第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|\d+[.．、])")
# Traditional forms of the characters the patterns and organisation names use (a disclosure republished in
# traditional characters): matched as their simplified forms; what is landed is the text as printed (the
# mapping is one character to one, so a match's span is the printed text's span). One explicit map, shared with
# the statement reader (loaders/statements/script.py).


# a year printed as what the document's own year is compared with (较2020年度决算数减少…, 比2022年增加, 与2021年相比,
# 2021年同期): the base of a comparison, never the document's year. 与/同/和 only with the 相比 that closes the
# comparison (2020年预算执行情况与2021年预算草案: two years of one report, not a comparison)
_COMPARED_BEFORE_RE = re.compile(r"(?:较|比|相较于?|相对于)\s*$")
_JOINED_BEFORE_RE = re.compile(r"(?:与|同|和|跟)\s*$")
_CLOSING_COMPARISON_RE = re.compile(r"度?[^，。,；;：:]{0,12}?(?:相比|比较|对比)")
_SAME_PERIOD_AFTER_RE = re.compile(r"度?\s*同期")


def comparison_base(text: str, start: int, end: int) -> bool:
    """Whether the year printed at text[start:end] (20xx年, up to its 年) is the base a comparison is made with."""
    before = text[max(0, start - 4):start]
    return bool(_COMPARED_BEFORE_RE.search(before) or _SAME_PERIOD_AFTER_RE.match(text, end)
                or (_JOINED_BEFORE_RE.search(before) and _CLOSING_COMPARISON_RE.match(text, end)))


HEAD_PAGES = 3
HEAD_LINES = 200
HEAD_CHARS = 40000  # a text's head is read from at most this many characters
COVER_LINES = 6


# (pattern, zones it is read in (None: all)); DEPARTMENT_LITERALS: a word the line must hold (a cheap test first)
DEPARTMENT_PATTERNS = [
    (LABEL_RE, None),
    (re.compile(rf"^(?P<d>{ORG})$"), ("cover",)),
    (re.compile(rf"^(?P<d>{ORG})(?:20\d{{2}}年)"), ("cover", "title")),
    (re.compile(rf"(?P<d>{ORG})[（(]部门[）)]"), None),
    (re.compile(rf"20\d{{2}}年度?(?P<d>{ORG})(?=部门|单位|项目|整体|一般公共预算|财政拨款|[“\"]?三公|预算|决算|$)"),
     ("cover", "title")),
    (re.compile(rf"^第[一二三四五六七八九十]+部分(?P<d>{ORG})概况$"), ("cover", "title")),
    # last: a sentence that opens with the organisation, its year and the fund or genre words, and states an amount of
    # them (杜集区政府办2021年度一般公共预算财政拨款“三公”经费支出预算为49.9万元), in a document whose headings name no
    # organisation (纳入X镇人民政府2023年部门预算编制范围的预算单位包括： states none)
    (re.compile(rf"^(?P<d>{ORG})20\d{{2}}年度?(?=(?:一般公共预算|财政拨款|[“\"]?三公|部门预算|部门决算|单位预算|单位决算)"
                rf"[^。；;]*?[0-9](?:[0-9,.]*)(?:万元|亿元|元))"),
     ("text",)),
]


DEPARTMENT_LITERALS = {id(DEPARTMENT_PATTERNS[3][0]): "部门", id(DEPARTMENT_PATTERNS[4][0]): "年",
                       id(DEPARTMENT_PATTERNS[5][0]): "概况", id(DEPARTMENT_PATTERNS[6][0]): "年"}


@dataclass
class HeadLine:
    page: int
    line: int
    raw: str
    text: str  # whitespace removed, traditional characters as simplified (one to one: spans are the printed ones)
    zone: str  # cover | table_header | title | text
    printed: str = ""  # whitespace removed, as printed


@dataclass
class Detection:
    """What the document prints about itself, and where each fact was read."""

    facts: DocumentFacts = field(default_factory=DocumentFacts)
    sources: dict[str, str] = field(default_factory=dict)  # field -> cover | title | table_header | text
    evidence: dict[str, str] = field(default_factory=dict)  # field -> "p1 l2 «printed line»"


def head_lines(document: Document) -> list[HeadLine]:
    """The lines of the first pages, each with its zone. PDF and text alike."""
    out: list[HeadLine] = []
    cover_open = True
    for page_number, line_number, raw_text in _physical_lines(document, HEAD_PAGES):
        raw = raw_text.strip()
        printed = "".join(raw.split())
        if "(" in printed or "（" in printed:
            # a mirror's pinyin glosses (經(jīng)費) are no part of the publisher's text: dropped from what is read and
            # landed (the spans of ``text`` are those of ``printed``)
            printed = PINYIN_GLOSS_RE.sub("", printed)
        text = simplified(printed)
        if not text:
            continue
        sentence = len(text) > 60 or PROSE_RE.search(text) is not None or ASCII_PROSE_RE.search(text) is not None
        if cover_open and (page_number > 1 or len(out) >= COVER_LINES or CONTENTS_RE.match(text)
                           or UNIT_PATTERN.search(text) or sentence):
            cover_open = False  # a sentence, the contents, a table or the next page: the cover has ended
        if cover_open:
            zone = "cover"
        # every label of LABEL_RE holds 部门 or 单位, UNIT_PATTERN holds 单位, HEADER_UNIT_RE 元: cheap tests first
        elif (("单位" in text or "部门" in text) and (LABEL_RE.search(text) or UNIT_PATTERN.search(text))) \
                or ("元" in text and HEADER_UNIT_RE.search(text)):
            zone = "table_header"
        elif sentence or text.endswith(("：", ":")):
            zone = "text"
        else:
            zone = "title"
        out.append(HeadLine(page_number, line_number, raw, text, zone, printed))
        if len(out) >= HEAD_LINES:
            break
    return out


def _physical_lines(document: Document, max_pages: int | None = None):
    """(page, line number, text) of the document's lines: a PDF's reconstructed lines (``pages_of``, which its
    parser reads too), a text's own lines (pages split at form feeds, numbered as ``Document.lines``) without
    laying the whole text out in cells."""
    if document.is_pdf:
        from loaders.layout.rows import pages_of  # late import: keep detection light for text documents

        for page in pages_of(document)[:max_pages]:
            for line in page.lines:
                yield page.number, line.number, line.raw_text
        return
    page = 1
    text = document.text or ""
    if max_pages is not None:
        # the head only: the text up to the end of its first pages, at most HEAD_CHARS characters
        end = -1
        for _ in range(max_pages):
            end = text.find("\f", end + 1)
            if end < 0:
                break
        text = text[:min(len(text) if end < 0 else end + 1, HEAD_CHARS)]
    for number, piece in enumerate(text.splitlines(keepends=True), start=1):
        line = piece.rstrip("\r\n\f\v\x1c\x1d\x1e\x85\u2028\u2029")
        if line.strip():
            yield page, number, line.replace("\f", "")
        if "\f" in piece:
            page += 1
            if max_pages is not None and page > max_pages:
                return


def _where(line: HeadLine) -> str:
    return f"p{line.page} l{line.line} «{line.raw[:80]}»"


def _set(detection: Detection, name: str, value, line: HeadLine, zone: str | None = None) -> None:
    setattr(detection.facts, name, value)
    detection.sources[name] = zone or line.zone
    detection.evidence[name] = _where(line)


KIND_WORDS = ("预算", "决算", "绩效", "评价", "自评", "报告", "三公")


def kind_of_line(text: str) -> str | None:
    text = simplified(text)
    if not any(word in text for word in KIND_WORDS):
        return None  # (the patterns need one of these words: a cheap test first)
    for kind, pattern in KIND_PATTERNS:
        if pattern.search(text):
            return kind
    return None


def level_of_name(name: str) -> str | None:
    """Government level an organisation's printed name implies, or None."""
    name = simplified(name)
    if re.search(r"(?:街道办事处|街道工作委员会|街道|(?:乡|镇)人民政府|(?:乡|镇)政府|(?:乡|镇)党委)", name) or re.search(
            r"(?:县|区|旗|市).{1,6}?(?<![城集])(?:镇|乡)(?![江原平远安])", name):
        return "乡镇(街道)"
    if re.search(r"[市州盟].{0,8}?(?<![社小园景校林矿])(?:区|县|旗)(?!级)", name) or re.match(r"^.{1,8}?(?:区|县|旗)(?:人民|委|政)", name):
        return "区县"
    if re.match(r"^[^市省]{1,10}?(?:县|旗)", name):
        return "区县"  # 三江侗族自治县…
    if "市" in name or re.match(r"^[^省]{1,8}?(?:自治州|州|盟|地区)", name):
        return "市"
    if re.search(r"省|自治区", name):
        return "省"
    if re.match(r"^(?:中华人民共和国|中央|国家|国务院|全国|中国(?!共产党))", name):
        return "中央"
    return None


def detect(document: Document) -> Detection:
    """Read kind, year, department, level and money unit from the document's first pages."""
    detection = Detection()
    facts = detection.facts
    lines = head_lines(document)
    ordered = [ln for ln in lines if ln.zone == "cover"] + [ln for ln in lines if ln.zone != "cover"]
    # kind: the first line, cover first, that names a genre; sentences only when no heading does
    kind_line = None
    for line in ordered:
        if line.zone != "text":
            kind = kind_of_line(line.text) or ("final_accounts" if ACCOUNTS_HEADING_RE.match(line.text) else None)
            if kind:
                _set(detection, "kind", kind, line)
                kind_line = line
                break
    if kind_line is None:
        # sentences: the earliest genre words of the first sentence that names one
        for line in ordered:
            if line.zone != "text":
                continue
            if not any(word in line.text for word in KIND_WORDS):
                continue
            found = [(m.start(), m.end(), kind) for kind, pattern in KIND_PATTERNS + TEXT_KIND_PATTERNS
                     for m in [pattern.search(line.text)] if m]
            if found:
                # the genre words read first: 三公经费…支出决算为…，完成预算100% is a 决算 (a tie on where the match
                # starts goes to the match that ends first, never to the kind's name)
                _set(detection, "kind", min(found)[2], line)
                kind_line = line
                break
    # fiscal year: beside the genre words on a heading, else a heading that starts with 20xx年(度)
    year_passes = [(("cover",), (YEAR_KIND_RE, YEAR_LINE_RE)), (("title", "table_header"), (YEAR_KIND_RE, YEAR_LINE_RE)),
                   (("cover", "title", "table_header", "text"), (YEAR_PAREN_RE,))]
    # a document whose year only its sentences can give (no cover, title or table header prints one): the years
    # its sentences write beside genre words must agree, or the year is not known (a fragment stating 2023年…基本支出
    # and 2022年“三公”经费…决算 is of neither with certainty: reported, never guessed)
    text_years = _sentence_years(lines) if not any(
        line.zone != "text" and YEAR_KIND_RE.search(line.text) for line in lines) else {}
    if len(text_years) > 1:
        detection.evidence["fiscal_year_conflict"] = "; ".join(
            f"{year} (line {', '.join(str(n) for n in numbers[:3])})" for year, numbers in sorted(text_years.items()))
    elif kind_line is not None and kind_line.zone == "text":
        # the kind read from a sentence: the year written last before its genre words in that sentence
        position = min(m.start() for _k, p in KIND_PATTERNS + TEXT_KIND_PATTERNS for m in [p.search(kind_line.text)] if m)
        years = [m for m in re.finditer(r"(?P<y>20\d{2})年度?(?![\d-])", kind_line.text[:position])
                 if not comparison_base(kind_line.text, m.start(), m.end())]
        if years:
            _set(detection, "fiscal_year", int(years[-1].group("y")), kind_line)
    # last resort: the first sentence that writes a year beside genre words (2020年本年收入合计…其中：一般公共预算)
    # (a fragment without genre words: the year its own totals are stated for, 本单位2021年度总收入581.45万元)
    year_passes.append((("text",), (YEAR_KIND_RE, YEAR_TOTAL_RE)))
    for zones, patterns in year_passes:
        if facts.fiscal_year is not None:
            break
        if "text" in zones and "fiscal_year_conflict" in detection.evidence:
            break  # the sentences disagree: no sentence gives the year
        for pattern in patterns:
            for line in ordered:
                if line.zone not in zones or "20" not in line.text:  # every year pattern prints 20xx (cheap test)
                    continue
                matches = [m for m in pattern.finditer(line.text)
                           if not comparison_base(line.text, m.start("y"), line.text.find("年", m.end("y")) + 1)]
                if line.zone != "cover" and len({m.group("y") for m in matches}) > 1:
                    # a line of year columns (2017年决算数 2018年预算数 2018年决算数) names several years beside genre
                    # words: which is the document's is not printed there (another line may say it)
                    continue
                match = matches[0] if matches else None
                if match:
                    _set(detection, "fiscal_year", int(match.group("y")), line)
                    break
            if facts.fiscal_year is not None:
                break
        if facts.fiscal_year is not None:
            break
    # department: a label the cover or a form prints, then an organisation standing alone or before the
    # year on the cover, then a heading's organisation before or after its year
    for pattern, zones in DEPARTMENT_PATTERNS:
        needs = DEPARTMENT_LITERALS.get(id(pattern))
        for index, line in enumerate(ordered):
            if zones is not None and line.zone not in zones:
                continue
            if needs is not None and needs not in line.text:
                continue
            # the printed spacing separates a label's value from what follows it (部门名称 X 下属二级单位数)
            match = pattern.search(simplified(line.raw)) if pattern is LABEL_RE else None
            source = line.raw if match else line.printed
            match = match or pattern.search(line.text)
            if match:
                name = source[match.start("d"):match.end("d")].strip()
                if ORG_SUFFIX_RE.match(simplified(name)):
                    _set(detection, "department", name, line)
                    break
        if facts.department is not None:
            break
        if pattern is LABEL_RE:
            for index, line in enumerate(lines[:-1]):
                if LABEL_ALONE_RE.match(line.text):
                    value = lines[index + 1]
                    name = value.printed.rstrip("|｜")
                    if ORG_SUFFIX_RE.match(simplified(name)):
                        _set(detection, "department", name, value, "table_header")
                        break
            if facts.department is not None:
                break
    # level: the tier a title names, else the department's name
    for line in ordered:
        tier = TIER_RE.search(line.text)
        if tier and line.zone != "text":
            _set(detection, "level", TIER_LEVEL[tier.group("t")], line)
            break
    if facts.level is None and facts.department:
        level = level_of_name(facts.department)
        if level:
            facts.level = level
            detection.sources["level"] = "department_name"
            detection.evidence["level"] = f"from the department's name {facts.department}"
    # money unit: the first 单位：… line of any page, else a （万元） header, else the prose's most used unit
    _money_unit(document, detection)
    if kind_line is not None:
        # the line that names the genre is the title when it stands on the cover or is a heading naming the year
        if (kind_line.zone == "cover" or YEAR_KIND_RE.search(kind_line.text)) and len(kind_line.text) <= 60:
            facts.title = kind_line.printed
    return detection


def _sentence_years(lines: list[HeadLine]) -> dict[int, list[int]]:
    """The years the text's sentences write beside genre words (2023年一般公共预算…, 2022年“三公”经费…决算), not
    as a comparison's base (比2022年), each with the line numbers that write it."""
    years: dict[int, list[int]] = {}
    for line in lines:
        if line.zone != "text" or "20" not in line.text:
            continue
        for m in YEAR_KIND_RE.finditer(line.text):
            if not comparison_base(line.text, m.start("y"), line.text.find("年", m.end("y")) + 1):
                years.setdefault(int(m.group("y")), []).append(line.line)
    return years


def _money_unit(document: Document, detection: Detection) -> None:
    header_line = None
    if document.text is not None:
        # a text: a search of the whole text finds the line to read (a table's 单位 line may stand far down):
        # the first 单位：… line, else the first （万元） header
        text = document.text
        first = re.search(r"单位\s*[:：]\s*(?:亿元|万元|千元|元)", text) or re.search(
            r"[（(]\s*(?:亿元|万元|千元|元)\s*[）)]", text)
        if first is None and "單" in text:
            text = simplified(text)  # 單位:萬元 (a text republished in traditional characters; one to one)
            first = re.search(r"单位\s*[:：]\s*(?:亿元|万元|千元|元)", text)
        lines = []
        if first is not None:
            start = text.rfind("\n", 0, first.start()) + 1
            end = text.find("\n", first.end())
            before = text[:start]
            lines = [(before.count("\f") + 1, len(before.splitlines()) + 1, text[start:end if end >= 0 else len(text)])]
    else:
        lines = _physical_lines(document)
    for page_number, line_number, raw_text in lines:
        if "单位" not in raw_text and "元" not in raw_text:
            continue
        text = "".join(raw_text.split())
        match = UNIT_PATTERN.search(text)
        if match:
            head = HeadLine(page_number, line_number, raw_text.strip(), text, "table_header")
            _set(detection, "unit", match.group("u"), head)
            return
        if header_line is None:
            header = HEADER_UNIT_RE.search(text)
            if header:
                header_line = (HeadLine(page_number, line_number, raw_text.strip(), text, "table_header"),
                               header.group(1))
    if header_line is not None:
        _set(detection, "unit", header_line[1], header_line[0])
        return
    text = document.text or "\n".join(raw for _p, _n, raw in _physical_lines(document))
    unit = _prose_unit(simplified(text))
    if unit:
        detection.facts.unit = unit
        detection.sources["unit"] = "text"
        detection.evidence["unit"] = "the unit most amounts in the text carry"


def _prose_unit(text: str) -> str | None:
    counts = {
        "亿元": len(re.findall(r"\d\s*亿元", text)),
        "万元": len(re.findall(r"\d\s*万元", text)),
        "元": len(re.findall(r"\d\s*元", text)),
    }
    best = max(counts, key=lambda u: counts[u])
    return best if counts[best] else None


def money_unit(text: str) -> str | None:
    """The money unit a text prints its amounts in, or None when it prints none."""
    unit = UNIT_PATTERN.search(text)
    if unit:
        return unit.group("u")
    header = HEADER_UNIT_RE.search(text)
    if header:
        return header.group(1)
    return _prose_unit(text)


def parser_kind(document: Document, kind: str | None) -> str | None:
    """The kind a parser reads, for a detected genre and the document's form.

    A 部门预算 printed as flattened text with 表一 … tables (the 广州 layout) is read by
    ``department_budget``; one with positioned tables (a PDF, or its ``pdftotext -layout`` text) by
    ``shanghai_budget`` (the standard 部门预算 tables by column position; named after the first family it was
    written for, it reads any publisher's tables whose titles it knows). A 单位预算 is always positioned."""
    if kind == "department_budget" and (document.is_pdf or not _flattened_tables(document)):
        return "department_budget_sh"
    if kind == "unit_budget":
        return "unit_budget_sh"
    return kind


def _flattened_tables(document: Document) -> bool:
    from loaders.tables import find_tables

    return bool(document.lines) and bool(find_tables(document.lines))


def detect_facts(document: Document) -> DocumentFacts:
    """Kind (as a parser reads it), year, department, level and unit read from the document; what cannot be
    read stays None."""
    detection = detect(document)
    detection.facts.kind = parser_kind(document, detection.facts.kind)
    return detection.facts


FACT_NAMES = ("kind", "fiscal_year", "department", "unit", "level")


def has_fiscal_content(document: Document) -> bool:
    """Whether a document prints anything this tool can read: an amount (a number of two or more digits or
    with decimals) beside fiscal words (a state-assets report's 资产 and 负债 are fiscal words too, and a debt
    disclosure's 债务 / 债券, a revenue page's 税 and 财力)."""
    text = document.text if document.text is not None else "\n".join(raw for _p, _n, raw in _physical_lines(document))
    return bool(re.search(r"\d[\d,，]*[.．]\d+|\d{2,}", text)) and bool(
        re.search(r"预算|决算|支出|收入|经费|资金|绩效|拨款|资产|负债|债务|债券|税|财力", simplified(text)))


# an amount written in Chinese numerals (八点零一万亿元, 三千二百万元): printed, but not read by this tool
CHINESE_NUMERAL_AMOUNT_RE = re.compile(r"[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千点]*(?:万亿|亿|万)?元")


# an amount in Arabic digits with a money unit, or a table's unit line: what this tool reads money from
_DIGIT_MONEY_RE = re.compile(r"[0-9][0-9,.]*\s*(?:万亿元|亿元|万元|千元|元)|单位\s*[:：]|[（(]\s*(?:亿元|万元|千元|元)\s*[）)]")


def _amounts_only_in_numerals(document: Document) -> bool:
    """Whether every amount of money the document prints is written in Chinese numerals (八点零一万亿元): the numbers
    it prints in digits are dates and the like, so nothing in it could be read; refused with that reason."""
    text = simplified(document.text if document.text is not None
                      else "\n".join(raw for _p, _n, raw in _physical_lines(document)))
    return CHINESE_NUMERAL_AMOUNT_RE.search(text) is not None and _DIGIT_MONEY_RE.search(text) is None


def _unread_reason(document: Document) -> str:
    text = document.text if document.text is not None else "\n".join(raw for _p, _n, raw in _physical_lines(document))
    numeral = CHINESE_NUMERAL_AMOUNT_RE.search(simplified(text))
    if numeral is not None:
        return (f"unknown layout: its amounts are written in Chinese numerals ({numeral.group(0)}), which this tool does "
                "not read, and it names no document kind this tool knows (部门预算, 决算, 绩效目标表, 评价报告 …); "
                "documents/manifest.csv has no row for it")
    return ("unknown layout: no readable fiscal content (it names no document kind this tool knows — 部门预算, "
            "决算, 绩效目标表, 评价报告 … — and prints no amount), and documents/manifest.csv has no row for it")


def resolve_facts(document: Document) -> tuple[DocumentFacts, dict[str, str]]:
    """Manifest first (authoritative), then the document. Returns the facts and where each came from
    (manifest | cover | title | table_header | text); ``sources['<name>_evidence']`` quotes the line.

    A document whose kind neither the manifest nor the document names, but which prints amounts, is
    ``unclassified`` and read by the general parser. Only a file with no readable fiscal content is refused."""
    detection = detect(document)
    detected = detection.facts
    manifest = document.manifest
    if manifest is None or manifest.kind is None:
        detected.kind = parser_kind(document, detected.kind)
    facts = DocumentFacts()
    sources: dict[str, str] = {}
    for name in FACT_NAMES:
        given = getattr(manifest, name, None) if manifest else None
        if given is not None:
            setattr(facts, name, given)
            sources[name] = "manifest"
        elif getattr(detected, name) is not None:
            setattr(facts, name, getattr(detected, name))
            sources[name] = detection.sources.get(name, "text")
            if name in detection.evidence:
                sources[f"{name}_evidence"] = detection.evidence[name]
    if "fiscal_year_conflict" in detection.evidence:
        sources["fiscal_year_conflict"] = detection.evidence["fiscal_year_conflict"]
    if facts.level is None and facts.department and sources.get("department") == "manifest":
        level = level_of_name(facts.department)
        if level:
            facts.level, sources["level"] = level, "department_name"
    if facts.kind is None:
        if not has_fiscal_content(document) or _amounts_only_in_numerals(document):
            raise DocumentError(document.file_name, _unread_reason(document))
        facts.kind = "unclassified"
        sources["kind"] = "default"
    facts.title = detected.title
    return facts, sources


def missing_facts(facts: DocumentFacts, sources: dict[str, str]) -> list[str]:
    """What neither the manifest nor the document gives: reported as LOAD-FACT-MISSING."""
    missing = []
    if facts.kind == "unclassified":
        missing.append("its kind (read by the general reader)")
    if facts.fiscal_year is None and "fiscal_year_conflict" in sources and sources.get("fiscal_year") != "manifest":
        missing.append(f"one fiscal year (its sentences state amounts for {sources['fiscal_year_conflict']}, and no "
                       "cover or heading says which is the document's)")
    elif facts.fiscal_year is None:
        missing.append("its fiscal year")
    if facts.department is None:
        missing.append("its department")
    return missing
