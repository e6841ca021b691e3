"""The general table reader: tables of a layout no parser knows, read by column headers and row labels.

For a document whose kind has no table layout of its own (a 项目支出绩效自评表, a “三公”经费 section, a
table whose title no spec knows), every block of table lines is read by position alone:

* a *body line* is a line that is not a sentence (no ，。；！？) and prints at least one amount right of its
  row label; consecutive body lines (text-only lines between them allowed) on one page form a block;
* the *header* is the run of non-sentence lines without amounts directly above the block's first body
  line (stopping at a title line ending in 表, a 单位：… line, a sentence or the top of the page);
* the value *columns* are the horizontal bands the block's amounts occupy (the extents of the amounts,
  merged where they overlap); a column's label is the header text standing over that band alone (wrapped
  fragments joined top to bottom), and a header cell standing over several bands is their group
  (landed as ``parent_label``);
* each amount is placed in its band's column, on its line's row label (the text left of the first
  amount, with its 功能分类/经济分类 code when one is printed).

Nothing is guessed: an amount is reported as ``LOAD-UNPLACED-FIGURE`` (page, line, reason) when its band
has no header label of its own, when two amounts of one line fall in one band (the columns cannot be
told apart), when its line has no row label, or when it stands in a block without header. Numbers in
sentences are not read here (the statement reader reads prose).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.layout.cell_lines import cell_runs, read_cell_lines
from loaders.layout.figures import row_code as join_code
from loaders.layout.figures import GENERIC_MEASURE, row_kind, table_figure  # noqa: F401 (GENERIC_MEASURE: re-exported)
from loaders.layout.rows import DASH_VALUES, Cell, Line, Page, is_amount
from loaders.layout.tables import PROSE_PUNCTUATION, UNIT_RE, _split_codes, squash
from loaders.records import Figure, Finding

UNPLACED_RULE = "LOAD-UNPLACED-FIGURE"
HEADER_UNIT_RE = re.compile(r"[（(]\s*(亿元|万元|千元|元|%|％)\s*[）)]")
MAX_HEADER_LINES = 6


@dataclass
class Band:
    x0: float
    x1: float
    label: str | None = None
    group: str | None = None
    edges: list[float] | None = None  # right edges of the amounts in the band

    def aligned(self, cell: Cell, char_width: float) -> bool:
        """Amounts of a column share their right edge (right-aligned) or their left edge: a number standing
        apart from the column's common edge may belong to a neighbouring column and is not placed."""
        rights = sorted(round(x) for x in self.edges or [cell.x1])
        common = max(set(rights), key=rights.count)
        return abs(cell.x1 - common) <= char_width

    @property
    def code_column(self) -> bool:
        """A column of codes (科目编码, 类 / 款 / 项), not of amounts."""
        label = self.label or ""
        return bool(re.search(r"编码|代码|编号|序号", label)) or label in ("类", "款", "项")


_ASCII_PROSE_RE = re.compile(r"[\u4e00-\u9fff][,;:]|[,;:][\u4e00-\u9fff]")


def _is_sentence(line: Line) -> bool:
    """A line of prose: full-width sentence punctuation, or ASCII punctuation beside a Chinese character (text
    republished with ASCII punctuation; a thousands separator stands between digits)."""
    raw = line.raw_text
    return (bool(PROSE_PUNCTUATION & set(raw)) or raw.strip().endswith(("。", "：")) or bool(_ASCII_PROSE_RE.search(raw)))


def _split(line: Line) -> tuple[list[str], list[Cell], list[Cell]]:
    """(code parts, label cells, amount cells) of a line: amounts are the amount cells right of the first
    label cell (codes and serial numbers before the label are not amounts)."""
    codes, rest = _split_codes(line)
    labels: list[Cell] = []
    amounts: list[Cell] = []
    for k, cell in enumerate(rest):
        if re.fullmatch(r"(?:19|20)\d{2}", cell.text) and k + 1 < len(rest) and rest[k + 1].text.startswith("年"):
            labels.append(cell)  # a year (2024 年度): words, not an amount
        elif cell.is_number and (labels or codes or not re.fullmatch(r"\d{1,2}", cell.text)):
            amounts.append(cell)
        elif not cell.is_number:
            if amounts:
                # text right of an amount: a second label column (a table printed in two halves) or a
                # remark; kept as a label of the row only when it stands left of every amount
                labels.append(cell)
            else:
                labels.append(cell)
    return codes, labels, amounts


def _is_body(line: Line) -> bool:
    if _is_sentence(line):
        return False
    _codes, _labels, amounts = _split(line)
    return any(is_amount(c.text) for c in amounts)


def _is_title(line: Line) -> bool:
    text = line.text
    return (text.endswith("表") or bool(UNIT_RE.search(text))) and not any(is_amount(c.text) for c in line.cells)


def _bands(lines: list[Line], char_width: float) -> list[Band]:
    spans = sorted((c.x0, c.x1) for line in lines for c in _split(line)[2])
    bands: list[Band] = []
    for x0, x1 in spans:
        if bands and x0 <= bands[-1].x1 + char_width * 0.5:
            bands[-1].x1 = max(bands[-1].x1, x1)
            bands[-1].edges.append(x1)
        else:
            bands.append(Band(x0, x1, edges=[x1]))
    return bands


def _overlap(cell: Cell, band: Band, slack: float) -> bool:
    right = cell.right if cell.right is not None else cell.x1
    return cell.x0 - slack < band.x1 and band.x0 - slack < right


def _label_bands(header: list[Line], bands: list[Band], char_width: float) -> None:
    """A band's label is the lowest header cell standing over it, when that cell stands over no other band
    and has no sub-label under it (else the band stays unlabeled and its numbers are reported); the cells
    above that stand over this band alone are the label's wrapped start, those over several bands its group."""
    cells = [(i, c) for i, line in enumerate(header) for c in line.cells if not is_amount(c.text)]
    for band in bands:
        over = [(i, c) for i, c in cells if _overlap(c, band, char_width)]
        if not over:
            continue
        lowest = max(i for i, _c in over)
        at_lowest = [c for i, c in over if i == lowest]
        if len(at_lowest) != 1:
            continue
        leaf = at_lowest[0]
        if sum(1 for b in bands if _overlap(leaf, b, char_width)) != 1:
            continue
        if any(i > lowest and c.x0 < leaf.x1 and leaf.x0 < c.x1 for i, c in cells):
            continue  # a sub-label stands under it: it is a group whose own column is not over this band
        label, groups = squash(leaf.text), []
        for i, c in sorted(over, key=lambda p: p[0], reverse=True):
            if i >= lowest:
                continue
            if sum(1 for b in bands if _overlap(c, b, char_width)) == 1 and not groups:
                label = squash(c.text) + label
            else:
                groups.insert(0, squash(c.text))
        band.label = label
        band.group = "/".join(groups) or None


def read_general(pages: list[Page], table_names: bool = True) -> tuple[list[Figure], list[Finding], int]:
    """Figures and unplaced findings of every table block of ``pages``; returns also the number of blocks."""
    figures: list[Figure] = []
    findings: list[Finding] = []
    blocks = 0
    for page in pages:
        lines = page.lines
        consumed: set[int] = set()  # lines of tables printed one cell per line (cell_lines.py), read by order
        for first, last in cell_runs(lines):
            blocks += 1
            read_cell_lines(page.number, lines, first, last, figures, findings)
            consumed.update(range(first, last + 1))
        i = 0
        while i < len(lines):
            if i in consumed or not _is_body(lines[i]):
                i += 1
                continue
            # the block: body lines, text-only lines between them
            start = i
            end = i
            k = i
            while k < len(lines):
                # text-only lines inside a table (rows whose cells are blank) do not end it; a sentence or
                # the next title does
                if k in consumed:
                    break
                if _is_body(lines[k]):
                    end = k
                elif _is_sentence(lines[k]) or _is_title(lines[k]):
                    break
                k += 1
            block = lines[start:end + 1]
            header: list[Line] = []
            title = None
            unit = None
            h = start - 1
            while h >= 0 and len(header) < MAX_HEADER_LINES:
                line = lines[h]
                if h in consumed or _is_sentence(line) or _is_body(line):
                    break
                if _is_title(line):
                    unit_match = UNIT_RE.search(line.text)
                    if unit_match:
                        unit = unit_match.group("unit")
                        h -= 1
                        continue
                    title = line.text
                    break
                header.insert(0, line)
                h -= 1
            if title is None:
                # a title standing above the 单位 line and the header
                for back in range(h, max(-1, h - 3), -1):
                    if back >= 0 and lines[back].text.endswith("表") and not _is_sentence(lines[back]):
                        title = lines[back].text
                        break
            if unit is None:
                for back in range(start - 1, max(-1, start - MAX_HEADER_LINES - 3), -1):
                    unit_match = UNIT_RE.search(lines[back].text)
                    if unit_match:
                        unit = unit_match.group("unit")
                        break
            blocks += 1
            _read_block(page.number, block, header, title if table_names else None, unit, figures, findings)
            i = end + 1
    return figures, findings, blocks


def _unplaced(line: Line, reason: str) -> Finding:
    return Finding(rule_id=UNPLACED_RULE, severity="warning",
                   message=f"numbers on this line were not placed in a table column: {reason}",
                   line_start=line.number, line_end=line.last_number or line.number, raw_text=line.raw_text,
                   page=line.page)


def _read_block(page: int, block: list[Line], header: list[Line], title: str | None, unit: str | None,
                figures: list[Figure], findings: list[Finding]) -> None:
    char_width = block[0].char_width
    bands = _bands(block, char_width)
    _label_bands(header, bands, char_width)
    body = [line for line in block if _is_body(line)]
    for line in body:
        codes, labels, amounts = _split(line)
        if not header:
            findings.append(_unplaced(line, "no column headers above this table"))
            continue
        # each amount's row label: the text standing left of it since the amount before (a table printed in
        # two halves side by side has a label column in each half); amounts under a code column are codes
        amounts = [c for c in amounts if not any(b.code_column and b.x0 <= c.x0 and c.x1 <= b.x1 for b in bands)]
        if not amounts:
            continue
        row_labels: dict[int, str | None] = {}
        current: list[Cell] = []
        previous_x = float("-inf")
        for cell in amounts:
            between = [c for c in labels if previous_x <= c.x0 and c.x1 <= cell.x0]
            if between:
                # the label cells nearest the amount: a run without a wide gap (two label columns of a
                # table printed in halves are not joined)
                run = [between[-1]]
                for c in reversed(between[:-1]):
                    if run[0].x0 - c.x1 > 4 * char_width:
                        break
                    run.insert(0, c)
                current = run
            row_labels[id(cell)] = "".join(squash(c.text) for c in current) or None
            previous_x = cell.x1
        if any(row_labels[id(c)] is None for c in amounts) and not codes:
            findings.append(_unplaced(line, "the line prints no row label"))
            continue
        placed: dict[int, Cell] = {}
        clash = False
        for cell in amounts:
            owners = [k for k, b in enumerate(bands) if b.x0 <= cell.x0 and cell.x1 <= b.x1]
            if len(owners) != 1 or owners[0] in placed:
                clash = True
                break
            placed[owners[0]] = cell
        if clash:
            findings.append(_unplaced(line, "two numbers stand under one column"))
            continue
        unlabeled = [k for k in placed if not bands[k].label]
        if any(not bands[k].aligned(cell, char_width) for k, cell in placed.items()):
            findings.append(_unplaced(line, "a number is not aligned with the other numbers of its column"))
            continue
        if unlabeled:
            findings.append(_unplaced(line, "a number stands under no column header of its own"))
            continue
        code = join_code(codes, None) if codes else None
        scheme = _scheme(code)
        for k, cell in sorted(placed.items()):
            if cell.text in DASH_VALUES:
                continue
            band = bands[k]
            printed_unit = unit
            header_unit = HEADER_UNIT_RE.search(band.label or "") or HEADER_UNIT_RE.search(band.group or "")
            if header_unit:
                printed_unit = header_unit.group(1).replace("％", "%")
            figure = table_figure(
                cell.text, printed_unit, band.label,
                line_start=line.number, line_end=line.last_number or line.number, raw_text=line.raw_text, page=page,
                section=title, table_name=title, row_code=code, row_code_scheme=scheme if code else None,
                row_kind=row_kind(codes or None, row_labels[id(cell)], scheme), row_label=row_labels[id(cell)],
                parent_label=band.group)
            if figure is not None:
                figures.append(figure)


def _scheme(code: str | None) -> str | None:
    """功能分类 codes start with 2 (201 …), 经济分类 codes with 3 or 5 (301 …, 501 …)."""
    if not code:
        return None
    return "function" if code[0] == "2" else "economic" if code[0] in "35" else None
