"""Variants of the real documents: what a publisher other than the development set prints (issue 14).

Each real disclosure in documents/real is changed the way another publisher's would differ, and must load with
no manifest row, its kind, year, department and level detected, and exactly the figures of the original (same
count, same values, same codes, same tables and columns; a table title that carries the year carries the
variant's year).

Text variants (the ``pdftotext -layout`` text): cover wording (区级部门预算 / 区级单位预算 / 市级单位预算 /
县级部门预算, 部门决算 / 单位决算; 预算主管部门 / 预算单位 / 编制部门), another district, city or province
(上海市普陀区 -> 重庆市渝中区, 四川省成都市武侯区, every occurrence), another year (every 20xx年 shifted by the
same number of years, table titles and column headers included).

PDF variants: the cover page is drawn anew (reportlab, with the variant's title and department label) and put in
front of the original's other pages (pypdfium2), so the tables are the published ones, byte for byte. Changing
the year or district inside the PDF's tables is not feasible without re-typesetting them: those variants are
tested on the text.

The expected facts of each variant are what its new cover prints, written out below (not computed by the code
under test); the expected figures are the original's, read by the same parser from the unchanged document,
whose values tests/test_real_documents.py checks against the golden files read by hand.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pytest

from loaders.detect import resolve_facts
from loaders.documents import read_document
from loaders.parsers import parser_for

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "documents" / "real"

GOV = "sh-putuo-govoffice-2025-dept-budget"
WANLI = "sh-putuo-wanli-2024-dept-budget"
WELFARE = "sh-putuo-welfarehome-2024-unit-budget"
FINANCE = "sh-putuo-finance-2024-final-accounts"

# (document, variant id, cover substitutions (pattern, replacement) on the lines before 目录,
#  substitutions everywhere, year shift, expected (kind, year, department, level))
VARIANTS = [
    (GOV, "district-unit-budget", [("区级部门预算", "区级单位预算"), ("预算主管部门", "预算单位")], [], 0,
     ("unit_budget_sh", 2025, "上海市普陀区人民政府办公室", "区县")),
    (GOV, "municipal-unit-budget",
     [("上海市普陀区2025年区级部门预算", "上海市2025年市级单位预算"),
      ("预算主管部门：上海市普陀区人民政府办公室", "预算单位：上海市财政局")], [], 0,
     ("unit_budget_sh", 2025, "上海市财政局", "市")),
    (GOV, "county-budget-compiled-by", [("区级部门预算", "县级部门预算"), ("预算主管部门", "编制部门")],
     [("上海市普陀区", "四川省成都市金堂县")], 0,
     ("department_budget_sh", 2025, "四川省成都市金堂县人民政府办公室", "区县")),
    (GOV, "other-city-district", [], [("上海市普陀区", "重庆市渝中区")], 0,
     ("department_budget_sh", 2025, "重庆市渝中区人民政府办公室", "区县")),
    (GOV, "other-year", [], [], 7, ("department_budget_sh", 2032, "上海市普陀区人民政府办公室", "区县")),
    (WANLI, "other-province-and-year", [], [("上海市普陀区", "四川省成都市武侯区")], -3,
     ("department_budget_sh", 2021, "四川省成都市武侯区人民政府万里街道办事处", "区县")),
    (WANLI, "district-unit-budget", [("区级部门预算", "区级单位预算"), ("预算主管部门", "预算单位")], [], 0,
     ("unit_budget_sh", 2024, "上海市普陀区人民政府万里街道办事处", "区县")),
    (WELFARE, "district-unit-budget-title",
     [("上海市普陀区社会福利院2024年单位预算", "上海市普陀区2024年区级单位预算")], [], 0,
     ("unit_budget_sh", 2024, "上海市普陀区社会福利院", "区县")),
    (WELFARE, "department-budget-wording",
     [("上海市普陀区社会福利院2024年单位预算", "上海市普陀区2024年区级部门预算"), ("预算单位：", "预算主管部门：")],
     [], 0, ("department_budget_sh", 2024, "上海市普陀区社会福利院", "区县")),
    (WELFARE, "other-city-and-year", [], [("上海市普陀区", "重庆市渝中区")], 5,
     ("unit_budget_sh", 2029, "重庆市渝中区社会福利院", "区县")),
    (FINANCE, "unit-final-accounts", [("年度部门决算", "年度单位决算")], [], 0,
     ("final_accounts", 2024, "上海市普陀区财政局", "区县")),
    (FINANCE, "municipal-final-accounts", [("上海市普陀区财政局", "上海市财政局"), ("年度部门决算", "年度市级部门决算")],
     [], 0, ("final_accounts", 2024, "上海市财政局", "市")),
    (FINANCE, "other-province-and-year", [], [("上海市普陀区", "浙江省杭州市西湖区")], 2,
     ("final_accounts", 2026, "浙江省杭州市西湖区财政局", "区县")),
    # table titles carrying the publisher's year and 部门 (2024年度部门收入决算表 …), as other publishers print them
    (FINANCE, "titles-with-year", [],
     [(r"(?m)^(\s*)((?:财政拨款|一般公共预算财政拨款)?(?:收入支出|收入|支出|基本支出|“三公”经费支出)决算(?:总)?表)\s*$",
       r"\g<1>2024年度部门\2")], 0,
     ("final_accounts", 2024, "上海市普陀区财政局", "区县")),
]

YEAR_RE = re.compile(r"(?<![\d.,，])(20\d{2})(?=\s*年)")


def shift_years(text: str, shift: int) -> str:
    """Every year written as 20xx年 (or 20xx 年度) moved by ``shift`` years; amounts are never followed by 年."""
    return YEAR_RE.sub(lambda m: str(int(m.group(1)) + shift), text) if shift else text


def variant_text(original: str, cover: list[tuple[str, str]], everywhere: list[tuple[str, str]], shift: int) -> str:
    lines = original.split("\n")
    contents = next(i for i, line in enumerate(lines) if re.match(r"^\s*\f?\s*目\s*录", line))
    for pattern, replacement in cover:
        changed = [line.replace(pattern, replacement) for line in lines[:contents]]
        assert changed != lines[:contents], f"the cover does not print {pattern!r}"
        lines[:contents] = changed
    text = "\n".join(lines)
    for pattern, replacement in everywhere:
        text, count = re.subn(pattern, replacement, text)
        assert count, f"the text does not print {pattern!r}"
    return shift_years(text, shift)


def figure_keys(figures, shift: int = 0) -> Counter:
    """What must not change: table (its year shifted back; a 20xx年度部门 prefix set before a standard title
    dropped), code, measure, column, row name, value and unit."""
    def unshift(text):
        return re.sub(r"^20\d{2}年度部门", "", shift_years(text, -shift)) if text else text

    return Counter((unshift(f.table_name), f.row_code, f.row_code_scheme, f.measure, unshift(f.column_label),
                    f.row_label, f.value_text, f.value, f.printed_unit) for f in figures)


_ORIGINALS: dict[str, object] = {}


def original_figures(name: str, suffix: str):
    key = f"{name}.{suffix}"
    if key not in _ORIGINALS:
        doc = read_document(REAL / key)
        facts, _sources = resolve_facts(doc)
        _ORIGINALS[key] = parser_for(facts.kind).parse(doc).figures
    return _ORIGINALS[key]


def _load(path: Path):
    doc = read_document(path)  # no manifest: the kind is detected
    facts, sources = resolve_facts(doc)
    assert "manifest" not in sources.values()
    result = parser_for(facts.kind).parse(read_document(path))
    return facts, result


@pytest.mark.parametrize("name,variant,cover,everywhere,shift,expected", VARIANTS, ids=[f"{v[0]}-{v[1]}" for v in VARIANTS])
def test_a_text_variant_loads_with_the_same_figures(tmp_path, name, variant, cover, everywhere, shift, expected):
    original = (REAL / f"{name}.layout.txt").read_text(encoding="utf-8")
    path = tmp_path / f"variant-{variant}.txt"
    path.write_text(variant_text(original, cover, everywhere, shift), encoding="utf-8")
    facts, result = _load(path)
    assert (facts.kind, facts.fiscal_year, facts.department, facts.level) == expected
    before = original_figures(name, "layout.txt")
    assert len(result.figures) == len(before)
    assert figure_keys(result.figures, shift) == figure_keys(before)
    unplaced = [f for f in result.findings if f.rule_id == "LOAD-UNPLACED-FIGURE"]
    assert len(unplaced) == len([f for f in parser_for(expected[0]).parse(read_document(REAL / f"{name}.layout.txt")).findings
                                 if f.rule_id == "LOAD-UNPLACED-FIGURE"])


def _cover_pdf(lines: list[str]) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(595, 842), invariant=1)
    y = 600
    for size, line in zip((26, 16, 16), lines):
        page.setFont("STSong-Light", size)
        page.drawCentredString(297, y, line)
        y -= 60
    page.showPage()
    page.save()
    return out.getvalue()


def pdf_with_new_cover(original: Path, cover_lines: list[str]) -> bytes:
    import pypdfium2 as pdfium

    cover = pdfium.PdfDocument(_cover_pdf(cover_lines))
    source = pdfium.PdfDocument(str(original))
    cover.import_pages(source, pages=list(range(1, len(source))))
    out = io.BytesIO()
    cover.save(out)
    cover.close()
    source.close()
    return out.getvalue()


# (document, cover lines drawn anew, expected (kind, year, department, level))
PDF_VARIANTS = [
    (GOV, ["上海市普陀区2026年区级单位预算", "预算单位：上海市普陀区人民政府办公室"],
     ("unit_budget_sh", 2026, "上海市普陀区人民政府办公室", "区县")),
    (GOV, ["上海市2025年市级单位预算", "预算单位：上海市财政局"], ("unit_budget_sh", 2025, "上海市财政局", "市")),
    (WANLI, ["四川省成都市武侯区2024年县级部门预算", "编制部门：成都市武侯区人民政府某某街道办事处"],
     ("department_budget_sh", 2024, "成都市武侯区人民政府某某街道办事处", "区县")),
    (WELFARE, ["重庆市渝中区2024年区级单位预算", "预算单位：重庆市渝中区社会福利院"],
     ("unit_budget_sh", 2024, "重庆市渝中区社会福利院", "区县")),
    (FINANCE, ["上海市财政局", "2024年度单位决算"], ("final_accounts", 2024, "上海市财政局", "市")),
]


@pytest.mark.parametrize("name,cover,expected", PDF_VARIANTS, ids=[f"{v[0]}-{v[1][0]}" for v in PDF_VARIANTS])
def test_a_pdf_with_another_cover_loads_with_the_same_figures(tmp_path, name, cover, expected):
    path = tmp_path / f"{name}-variant.pdf"
    path.write_bytes(pdf_with_new_cover(REAL / f"{name}.pdf", cover))
    facts, result = _load(path)
    assert (facts.kind, facts.fiscal_year, facts.department, facts.level) == expected
    before = original_figures(name, "pdf")
    assert len(result.figures) == len(before)
    assert figure_keys(result.figures) == figure_keys(before)
    # the same pages and lines: the tables are the published ones
    assert Counter((f.page, f.line_start, f.value_text) for f in result.figures) == Counter(
        (f.page, f.line_start, f.value_text) for f in before)


def test_the_year_shift_changes_every_printed_year_and_no_amount():
    original = (REAL / f"{GOV}.layout.txt").read_text(encoding="utf-8")
    shifted = shift_years(original, 7)
    assert "2025年区级部门预算" not in shifted and "2032年区级部门预算" in shifted
    numbers = re.compile(r"\d[\d,]*\.\d+|\d{1,3}(?:,\d{3})+")
    assert numbers.findall(shifted) == numbers.findall(original)


@pytest.mark.parametrize("suffix", ["layout.txt"])
def test_a_table_whose_title_no_spec_knows_is_read_by_the_general_reader(tmp_path, suffix):
    """Another publisher titles a table its own way (收入情况一览表 for 收入预算总表): the other tables land as
    before; that table's numbers are read by column header and row label where certain (each one a figure the
    original landed on the same line with the same value and row), the rest reported with their lines."""
    source = REAL / f"{WELFARE}.{suffix}"
    text = source.read_text(encoding="utf-8")
    renamed, count = re.subn(r"(?m)^(\s*2024年预算单位)收入预算总表\s*$", r"\1收入情况一览表", text)
    assert count == 1
    path = tmp_path / "renamed.txt"
    path.write_text(renamed, encoding="utf-8")
    result = parser_for("unit_budget_sh").parse(read_document(path))
    before = original_figures(WELFARE, suffix)
    kept = [f for f in before if f.table_name != "2024年预算单位收入预算总表"]
    assert len(kept) < len(before)
    others = [f for f in result.figures if f.table_name != "2024年预算单位收入情况一览表"]
    assert figure_keys(others) == figure_keys(kept)
    general = [f for f in result.figures if f.table_name == "2024年预算单位收入情况一览表"]
    originals = {(f.line_start, f.value_text, f.row_code) for f in before if f.table_name == "2024年预算单位收入预算总表"}
    assert all((f.line_start, f.value_text, f.row_code) in originals for f in general)
    table_lines = {f.line_start for f in before if f.table_name == "2024年预算单位收入预算总表"}
    reported = {u.line_start for u in result.findings if u.rule_id == "LOAD-UNPLACED-FIGURE"}
    landed = {f.line_start for f in general}
    assert table_lines <= reported | landed  # every line of the table is landed or reported


def test_a_manifest_row_is_authoritative_over_the_cover(tmp_path):
    """The manifest is authoritative: a 单位预算 behind a municipal cover (which the parser's own title check used to
    refuse) that the manifest types as a 部门预算 of a named department loads as the manifest says, with the
    original's figures; no parser refuses a document the manifest has typed."""
    import duckdb

    from loaders.load import load_directory

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "welfare.pdf").write_bytes(
        pdf_with_new_cover(REAL / f"{WELFARE}.pdf", ["上海市2024年市级单位预算", "预算单位：上海市财政局"]))
    facts, _sources = resolve_facts(read_document(folder / "welfare.pdf"))
    assert (facts.kind, facts.department, facts.level) == ("unit_budget_sh", "上海市财政局", "市")  # what the cover says
    (folder / "manifest.csv").write_text(
        "file_name,kind,fiscal_year,department,unit,source,notes\n"
        "welfare.pdf,department_budget_sh,2024,上海市普陀区社会福利院,元,test,cover replaced\n", encoding="utf-8")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    outcome = load_directory(con, folder, workers=1).outcomes[0]
    assert outcome.status == "completed" and outcome.kind == "department_budget_sh"
    assert outcome.figures == len(original_figures(WELFARE, "pdf")) == 185
    row = con.execute("select kind, kind_source, department, department_source, level, level_source, parser_name "
                      "from raw.documents").fetchone()
    # the level is the cover's (the manifest gives none): 市级
    assert row == ("department_budget_sh", "manifest", "上海市普陀区社会福利院", "manifest", "市", "cover",
                   "shanghai_budget")
