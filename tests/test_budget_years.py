"""The 广州-style 部门预算 tables for any budget year: the years of the columns are read from each table's
header (or the document's fiscal year), never assumed; a table whose year cannot be told lands nothing.

Three kinds of evidence:

* the bundled 2016 budget with every year shifted by +3 (2014/2015/2016 -> 2017/2018/2019; fiscal year 2019
  in the manifest) lands the hand-written golden figures of the 2016 text with their years shifted, and
  the values below, read by hand from the 2016 text;
* header years that are missing or contradict the fiscal year turn the table's numbers into findings;
* generated budgets of several years land every figure of their truth file exactly, with no finding.
"""

from __future__ import annotations

import csv
import hashlib
import random
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from loaders.documents import Document, ManifestEntry, read_document, read_manifest
from loaders.parsers import department_budget
from loaders.synthetic import department_budget as generator
from loaders.synthetic.compare import compare
from loaders.synthetic.core import truth_rows
from loaders.synthetic.corpus import MANIFEST_COLUMNS, generate_document
from loaders.tables import find_tables, read_table

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "documents" / "gz-laisui-bureau-2016-department-budget.txt"
GOLDEN = ROOT / "tests" / "golden" / "gz-laisui-bureau-2016-department-budget.figures.csv"
COLUMNS = ["table_name", "row_code", "row_label", "measure", "label", "column_label", "value_text", "printed_unit",
           "line_start"]
# Every year the 2016 text prints is 2014, 2015 or 2016 (in 2016年预算, 2015年调整后预算, 穗财绩〔2015〕59 号,
# 2014年6月25日, 2016-01-01 …): 53 of them; no amount of the document has these four digits.
YEAR_RE = re.compile(r"(?<![\d,.])(201[4-6])(?!\d)")
PRINTED_YEARS = 53


def shift_years(text: str, by: int) -> str:
    shifted, count = YEAR_RE.subn(lambda m: str(int(m.group(1)) + by), text)
    assert count == PRINTED_YEARS
    return shifted


def make_document(text: str, name: str, fiscal_year: int | None) -> Document:
    data = text.encode("utf-8")
    manifest = ManifestEntry(file_name=name, kind="department_budget", fiscal_year=fiscal_year,
                             department="广州市来穗人员服务管理局", unit="万元") if fiscal_year else None
    return Document(path=Path(name), file_name=name, sha256=hashlib.sha256(data).hexdigest(), size_bytes=len(data),
                    data=data, encoding="utf-8", text=text, lines=text.splitlines(), manifest=manifest)


@pytest.fixture(scope="module")
def shifted_text() -> str:
    text = shift_years(DOC.read_text(encoding="utf-8"), 3)
    assert not re.search(r"201[456]", text)
    return text


@pytest.fixture(scope="module")
def shifted(shifted_text):
    return department_budget.parse(make_document(shifted_text, "gz-laisui-bureau-2019-department-budget.txt", 2019))


def _key(figure) -> tuple[str, ...]:
    return tuple("" if getattr(figure, c) is None else str(getattr(figure, c)) for c in COLUMNS)


def test_shifted_budget_lands_the_golden_figures_with_years_shifted(shifted):
    """The golden file of the 2016 text (written by reading it), with 2015 -> 2018 and 2016 -> 2019 in the
    printed label and column header: the same values on the same lines, nothing more."""
    with GOLDEN.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = Counter()
    for row in rows:
        for column in ("label", "column_label"):
            row[column] = row[column].replace("2015年", "2018年").replace("2016年", "2019年")
        expected[tuple(row[c] for c in COLUMNS)] += 1
    assert shifted.facts.fiscal_year == 2019
    landed = Counter(_key(f) for f in shifted.figures)
    assert not expected - landed and not landed - expected, \
        f"missing {sorted(expected - landed)[:5]}\nextra {sorted(landed - expected)[:5]}"


def _cells(result, table_prefix: str, line: int) -> dict[str, tuple[str, str, str]]:
    return {f.column_label: (f.measure, f.label, f.value_text) for f in result.figures
            if f.table_name and f.table_name.startswith(table_prefix) and f.line_start == line}


def test_shifted_budget_hand_checked_rows(shifted):
    # line 597: 221 02 01 127001 住房公积金 26.90 26.90 44.10 164% 53.92 53.92 53.92 -- last year's 年初预算,
    # 调整后预算, 预算执行, 执行率, then this year's 总计 = 基本支出 = 对个人和家庭的补助 (housing fund)
    assert _cells(shifted, "表四", 597) == {
        "2018年预算/年初预算": ("initial_budget", "2018年预算", "26.90"),
        "2018年预算/调整后预算": ("adjusted_budget", "2018年预算", "26.90"),
        "2018年预算/预算执行": ("actual", "2018年预算", "44.10"),
        "2018年预算/执行率（%）": ("execution_rate", "2018年预算", "164"),
        "2019年预算/总计": ("total", "2019年预算", "53.92"),
        "2019年预算/基本支出/小计": ("basic_expenditure", "2019年预算", "53.92"),
        "2019年预算/基本支出/对个人和家庭的补助支出": ("subsidies_to_individuals", "2019年预算", "53.92"),
    }
    # line 848: 127001 课题调研专项经费 7.00 0.50 -- 会议费 of last year's adjusted budget, then this year's
    assert _cells(shifted, "表九", 848) == {
        "2018年调整后预算/会议费": ("meetings", "2018年调整后预算", "7.00"),
        "2019年预算/会议费": ("meetings", "2019年预算", "0.50"),
    }
    # line 663: 表六 合  计 5,494.80 under the single column 2019年预算
    assert _cells(shifted, "表六", 663) == {"2019年预算": ("budget_amount", "2019年预算", "5,494.80")}
    # line 279: 一、财政拨款收入(财政补助收入) 6,150.64 一、一般公共服务支出 5,478.02 (header: 2019年预算 twice)
    assert sorted(_cells(shifted, "表一", 279).values()) == [
        ("budget_amount", "2019年预算", "5,478.02"), ("budget_amount", "2019年预算", "6,150.64")]
    assert {f.column_label for f in shifted.figures if f.table_name and f.table_name.startswith("表一")} == {
        "收入项目/2019年预算", "支出项目/2019年预算"}


def test_shifted_budget_has_the_findings_of_the_original(shifted):
    original = department_budget.parse(make_document(DOC.read_text(encoding="utf-8"), DOC.name, 2016))
    assert Counter((f.rule_id, f.line_start) for f in shifted.findings) == \
        Counter((f.rule_id, f.line_start) for f in original.findings)
    # the one inconsistent row of 表九 (line 830) stays reported, as in the 2016 text
    assert [f.line_start for f in shifted.findings if f.rule_id == "LOAD-ROW-UNRESOLVED"] == [830]


def test_fiscal_year_contradicting_the_headers_lands_no_dated_column(shifted_text):
    """The headers print 2019年预算 / 2018年预算 but the manifest says 2020: which year the columns are is not
    certain, so no table with dated columns lands anything and their numbers become findings."""
    result = department_budget.parse(make_document(shifted_text, "wrong-year.txt", 2020))
    dated = [f for f in result.figures if f.table_name and re.search(r"20\d{2}年", f.column_label or "")]
    assert dated == []
    landed_tables = {f.table_name.split()[0] for f in result.figures if f.table_name}
    assert not landed_tables & {"表一", "表四", "表六", "表九"}
    assert {"表三", "表五"} <= landed_tables  # tables without years are read as before
    unplaced = {f.line_start for f in result.findings if f.rule_id == "LOAD-UNPLACED-FIGURE"}
    assert {279, 597, 663, 848} <= unplaced
    table_four = [f for f in result.findings if f.line_start == 597]
    assert "fiscal year 2020" in table_four[0].message


def _table_four(lines: list[str]):
    return next(t for t in find_tables(lines) if t.number == "表四")


def test_table_year_from_its_header_alone(shifted_text):
    """With no fiscal year given, 表四's header (2019年预算 over this year's columns, 2018年预算 over last
    year's) fixes the years by itself."""
    result = read_table(_table_four(shifted_text.splitlines()), fiscal_year=None)
    assert result.layout is not None and not result.findings
    row = {c.column.label: c.token.number.text for c in result.cells if c.token.line == 597}
    assert row["2018年预算/执行率（%）"] == "164" and row["2019年预算/总计"] == "53.92"


def test_table_without_printed_years_needs_the_fiscal_year(shifted_text):
    """表四 whose header prints 本年预算 / 上年预算 instead of the years: the document's fiscal year gives them;
    without it the numbers are findings, not guesses."""
    lines = [ln.replace("2019年预算", "本年预算").replace("2018年预算", "上年预算") for ln in shifted_text.splitlines()]
    table = _table_four(lines)
    unknown = read_table(table, fiscal_year=None)
    assert unknown.layout is None and unknown.cells == []
    reported = {n for f in unknown.findings if f.rule_id == "LOAD-UNPLACED-FIGURE"
                for n in range(f.line_start, f.line_end + 1)}
    with_amounts = {ln.number for ln in table.body_lines if re.search(r"\d\.\d\d\s*$", ln.text)}
    assert {490, 597} <= with_amounts <= reported  # every line ending in an amount is reported
    assert any("the year of its columns cannot be told" in f.message for f in unknown.findings)
    known = read_table(table, fiscal_year=2019)
    row = {c.column.label: c.token.number.text for c in known.cells if c.token.line == 490}
    # line 490: 201 03 01 127001 行政运行 780.32 780.32 745.66 96% 539.72 484.72 337.95 146.77 55.00 55.00
    assert row == {"2018年预算/年初预算": "780.32", "2018年预算/调整后预算": "780.32", "2018年预算/预算执行": "745.66",
                   "2018年预算/执行率（%）": "96", "2019年预算/总计": "539.72", "2019年预算/基本支出/小计": "484.72",
                   "2019年预算/基本支出/工资福利支出": "337.95", "2019年预算/基本支出/商品和服务支出": "146.77",
                   "2019年预算/项目支出/小计": "55.00", "2019年预算/项目支出/经常性项目": "55.00"}


def test_generator_draws_varied_years():
    years = {generate_document(7, index, "department_budget").fiscal_year for index in range(30)}
    assert len(years) >= 5 and years <= set(range(2015, 2026))


@pytest.mark.parametrize("year", [2015, 2019, 2022, 2025])
def test_generated_budget_of_any_year_lands_exactly(tmp_path, year):
    doc = generator.generate(random.Random(f"years:{year}"), year, year=year)
    assert doc.fiscal_year == year
    (tmp_path / doc.file_name).write_text(doc.page.text, encoding="utf-8")
    with (tmp_path / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=MANIFEST_COLUMNS)
        writer.writeheader()
        writer.writerow({"file_name": doc.file_name, "kind": doc.kind, "fiscal_year": year,
                         "department": doc.department, "unit": doc.unit, "source": "test", "notes": ""})
    document = read_document(tmp_path / doc.file_name, read_manifest(tmp_path))
    result = department_budget.parse(document)
    assert result.findings == []
    truth = truth_rows(doc)
    landed = [{"file_name": doc.file_name, "measure": f.measure, "line_start": f.line_start, "line_end": f.line_end,
               "row_label": f.row_label, "value": f.value} for f in result.figures]
    outcome = compare(truth, landed)
    assert (outcome.exact, outcome.wrong, outcome.missing, outcome.unexpected) == (len(truth), 0, 0, 0), \
        dict(outcome.examples)
    # and each table figure under the printed year: label and column header as the generator printed them
    by_place = {(f.line_start, f.measure, f.row_label, f.value): f for f in result.figures if f.table_name}
    dated = 0
    for t in truth:
        if not t["table_name"]:
            continue
        figure = by_place[(int(t["line"]), t["measure"], t["row_label"], Decimal(t["value_text"].replace(",", "")))]
        if t["column_label"]:
            assert figure.column_label == t["column_label"], t
        if t["label"]:
            assert figure.label == t["label"], t
        dated += str(year - 1) in (figure.column_label or "")
    assert dated > 0  # last year's columns of 表四 are there, under year - 1


def test_bundled_budget_figure_years_in_the_warehouse(warehouse_con):
    """The 2016 budget's 住房公积金 row of 表四 (line 597): 年初预算 26.90 万元 is about 2015, 总计 53.92 万元 about
    2016."""
    rows = dict(warehouse_con.execute(
        "select measure, (figure_year, amount_yuan) from main.fct_appropriations "
        "where file_name = 'gz-laisui-bureau-2016-department-budget.txt' and table_name like '表四%' "
        "and function_code = '2210201' and measure in ('initial_budget', 'total')").fetchall())
    assert rows == {"initial_budget": (2015, Decimal("269000")), "total": (2016, Decimal("539200"))}
