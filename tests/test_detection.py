"""Auto-detection of kind, fiscal year, department and money unit from the documents themselves.

Every sample document is read with no manifest row: the five starting documents (documents/*.txt) and
the four real Shanghai disclosures, each as the published PDF and as its ``pdftotext -layout`` text.
The expected values were read from the documents' title pages and table headings. Two documents do not
print their fiscal year (the 来穗局 project target table names projects for 2023-2025; the 番禺 form
prints none): they are refused with a message saying exactly that, and the rest of the batch loads.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from loaders.detect import detect, detect_facts, money_unit, resolve_facts
from loaders.documents import DocumentError, read_document
from loaders.load import load_directory
from loaders.parsers import final_accounts, shanghai_budget

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "documents"
REAL = DOCS / "real"

# file -> (kind, fiscal year, department, money unit), as printed
EXPECTED = {
    "baiyun-zfw-2022-laisui-evaluation.txt": ("evaluation_report", 2022, "中共广州市白云区委政法委员会", "万元"),
    "baiyun-zfw-2023-laisui-evaluation.txt": ("evaluation_report", 2023, "中共广州市白云区委政法委员会", "万元"),
    "gz-laisui-bureau-2016-department-budget.txt": ("department_budget", 2016, "广州市来穗人员服务管理局", "万元"),
    "gz-laisui-bureau-project-targets.txt": ("project_targets", None, "广州市来穗人员服务管理局", "万元"),
    "panyu-zfw-department-targets.txt": ("department_targets", None, "中国共产党广州市番禺区委员会政法委员会", "万元"),
    "real/sh-putuo-finance-2024-final-accounts": ("final_accounts", 2024, "上海市普陀区财政局", "万元"),
    "real/sh-putuo-govoffice-2025-dept-budget": ("department_budget_sh", 2025, "上海市普陀区人民政府办公室", "元"),
    "real/sh-putuo-wanli-2024-dept-budget": ("department_budget_sh", 2024, "上海市普陀区人民政府万里街道办事处", "元"),
    "real/sh-putuo-welfarehome-2024-unit-budget": ("unit_budget_sh", 2024, "上海市普陀区社会福利院", "元"),
}
FILES = [
    (name, f"{name}.{suffix}") if name.startswith("real/") else (name, name)
    for name in EXPECTED
    for suffix in (("pdf", "layout.txt") if name.startswith("real/") else ("",))
]


@pytest.mark.parametrize("name,path", FILES, ids=[p for _, p in FILES])
def test_kind_year_department_and_unit_are_read_from_the_document(name, path):
    doc = read_document(DOCS / path)  # no manifest
    facts = detect_facts(doc)
    assert (facts.kind, facts.fiscal_year, facts.department, facts.unit) == EXPECTED[name]


@pytest.mark.parametrize("path", ["gz-laisui-bureau-project-targets.txt", "panyu-zfw-department-targets.txt"])
def test_a_document_that_does_not_print_its_year_loads_with_a_warning_naming_it(path, tmp_path):
    """Issue 14: nothing that holds figures is refused for a missing fact. The 来穗局 table names projects for
    2023-2025 and the 番禺 form prints no year at all: both load without a fiscal year, with LOAD-FACT-MISSING."""
    facts, sources = resolve_facts(read_document(DOCS / path))
    assert facts.fiscal_year is None and "fiscal_year" not in sources
    folder = tmp_path / "noyear"
    folder.mkdir()
    shutil.copy(DOCS / path, folder / path)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    outcome = load_directory(con, folder).outcomes[0]
    assert outcome.status == "completed" and outcome.figures > 0
    findings = con.execute("select severity, message from raw.load_findings where rule_id = 'LOAD-FACT-MISSING'").fetchall()
    assert findings == [("warning", "the document does not print its fiscal year, and documents/manifest.csv has no "
                                    "row giving it: loaded without it (add a manifest row to supply it)")]
    assert con.execute("select fiscal_year from raw.documents").fetchone() == (None,)


@pytest.mark.parametrize("name,path", [f for f in FILES if EXPECTED[f[0]][1] is not None],
                         ids=[p for n, p in FILES if EXPECTED[n][1] is not None])
def test_documents_that_print_everything_need_no_manifest_row(name, path):
    facts, sources = resolve_facts(read_document(DOCS / path))
    assert (facts.kind, facts.fiscal_year, facts.department, facts.unit) == EXPECTED[name]
    # read from the document (cover, a heading or a table header), never from a manifest
    assert {sources[n] for n in ("kind", "fiscal_year", "department", "unit")} <= {"cover", "title", "table_header", "text"}


# file -> (level, where it was read): the tier the cover names (区级部门预算), else the department's name
LEVELS = {
    "baiyun-zfw-2022-laisui-evaluation.txt": ("区县", "department_name"),  # 中共广州市白云区委…
    "gz-laisui-bureau-2016-department-budget.txt": ("市", "department_name"),  # 广州市来穗人员服务管理局
    "panyu-zfw-department-targets.txt": ("区县", "department_name"),  # …广州市番禺区委员会…
    "real/sh-putuo-finance-2024-final-accounts": ("区县", "department_name"),  # 上海市普陀区财政局
    "real/sh-putuo-govoffice-2025-dept-budget": ("区县", "cover"),  # 上海市普陀区2025年区级部门预算
    "real/sh-putuo-wanli-2024-dept-budget": ("区县", "cover"),  # 上海市普陀区2024年区级部门预算 (a 街道's budget in the 区级 set)
    "real/sh-putuo-welfarehome-2024-unit-budget": ("区县", "department_name"),  # 上海市普陀区社会福利院
}


@pytest.mark.parametrize("name,path", [f for f in FILES if f[0] in LEVELS], ids=[p for n, p in FILES if n in LEVELS])
def test_the_level_is_read_from_the_title_or_the_department(name, path):
    facts, sources = resolve_facts(read_document(DOCS / path))
    assert (facts.level, sources["level"]) == LEVELS[name]


@pytest.mark.parametrize("name,expected", [
    ("上海市普陀区人民政府万里街道办事处", "乡镇(街道)"),
    ("上海市财政局", "市"),
    ("四川省财政厅", "省"),
    ("中华人民共和国财政部", "中央"),
    ("重庆市渝中区民政局", "区县"),
    ("某某县某某镇人民政府", "乡镇(街道)"),
    ("上海市社区服务中心", "市"),  # 社区 is not a 区
])
def test_level_of_an_organisation_name(name, expected):
    from loaders.detect import level_of_name

    assert level_of_name(name) == expected


# Per table: the unit each table prints on its 单位 line. The Shanghai budgets print 单位：元 on every
# table but the “三公” table (单位:万元); the final accounts print 单位：万元 on every table.
@pytest.mark.parametrize("source", ["pdf", "layout.txt"])
@pytest.mark.parametrize("name,module,default,three_public", [
    ("sh-putuo-finance-2024-final-accounts", final_accounts, "万元", "万元"),
    ("sh-putuo-govoffice-2025-dept-budget", shanghai_budget, "元", "万元"),
    ("sh-putuo-wanli-2024-dept-budget", shanghai_budget, "元", "万元"),
    ("sh-putuo-welfarehome-2024-unit-budget", shanghai_budget, "元", "万元"),
])
def test_each_table_carries_the_unit_it_prints(name, module, default, three_public, source):
    result = module.parse(read_document(REAL / f"{name}.{source}"))
    units: dict[str, set] = {}
    for figure in result.figures:
        units.setdefault(figure.table_name, set()).add(figure.printed_unit)
    assert units, name
    for table, found in units.items():
        assert found == {three_public if "三公" in table else default}, (table, found)


def test_money_unit_of_prose_and_headers():
    assert money_unit("单位：万元\n支出 12.5") == "万元"
    assert money_unit("部门预算支出 预算金额（万元） 收入来源") == "万元"
    assert money_unit("年初预算资金是 80 万元,实际支出 16.5 万元,另 300 元") == "万元"
    assert money_unit("没有金额") is None


def test_a_batch_without_manifest_loads_what_it_can_and_names_what_it_cannot(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(REAL / "sh-putuo-welfarehome-2024-unit-budget.layout.txt", folder / "welfare.txt")
    shutil.copy(DOCS / "gz-laisui-bureau-project-targets.txt", folder / "targets.txt")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    summary = load_directory(con, folder)
    outcomes = {o.file_name: o for o in summary.outcomes}
    assert outcomes["welfare.txt"].status == "completed" and outcomes["welfare.txt"].figures == 185
    assert outcomes["targets.txt"].status == "completed"  # without its year, which it does not print
    rows = con.execute("select file_name, kind, fiscal_year, department, printed_unit from raw.documents "
                       "order by file_name").fetchall()
    assert rows == [("targets.txt", "project_targets", None, "广州市来穗人员服务管理局", "万元"),
                    ("welfare.txt", "unit_budget_sh", 2024, "上海市普陀区社会福利院", "元")]


def test_the_layout_text_beside_its_pdf_is_not_loaded_twice(tmp_path):
    folder = tmp_path / "real"
    folder.mkdir()
    for suffix in ("pdf", "layout.txt"):
        shutil.copy(REAL / f"sh-putuo-welfarehome-2024-unit-budget.{suffix}", folder)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    summary = load_directory(con, folder)
    statuses = {o.file_name: o.status for o in summary.outcomes}
    assert statuses == {"sh-putuo-welfarehome-2024-unit-budget.pdf": "completed",
                        "sh-putuo-welfarehome-2024-unit-budget.layout.txt": "skipped"}
    assert not summary.failed
    assert con.execute("select count(*) from raw.documents").fetchone()[0] == 1
    assert con.execute("select count(*) from raw.figures").fetchone()[0] == 185


# --- mirrors' pinyin glosses and a department named only by a sentence (heldout6/7) -----------------------------------

def test_pinyin_glosses_do_not_hide_the_kind_department_or_unit():
    # a mirror re-encodes in traditional characters and glosses characters (經(jīng)費); written for this test
    text = ("某縣文化館2020年度一般公共預(yù)算財政撥款“三公”經(jīng)費支出決算情況說明\n"
            "單位:萬元\n"
            "某縣文化館2020年度一般公共預(yù)算財政撥款“三公”經(jīng)費支出預(yù)算為12萬元,支出決算為10萬元。\n")
    from conftest import text_document
    detection = detect(text_document(text))
    facts = detection.facts
    assert (facts.kind, facts.fiscal_year, facts.unit) == ("three_public_final_accounts", 2020, "万元")
    assert facts.department == "某縣文化館"  # as printed, the gloss dropped


def test_a_department_named_only_by_the_sentence_stating_its_amounts():
    from conftest import text_document
    text = ("一、2020年度一般公共预算财政拨款“三公”经费支出决算表\n单位:万元\n"
            "(一)一般公共预算财政拨款“三公”经费支出决算总体情况说明。\n"
            "某区水务局2020年度一般公共预算财政拨款“三公”经费支出预算为8.5万元,支出决算为6.2万元。\n")
    assert detect(text_document(text)).facts.department == "某区水务局"
    # a sentence that names the organisation but states no amount of it names no department
    text = ("第二部分 2023年部门预算情况说明\n"
            "纳入某镇人民政府2023年部门预算编制范围的预算单位包括:\n")
    assert detect(text_document(text)).facts.department is None


def test_a_heading_of_year_columns_gives_no_document_year_and_another_line_may():
    # written for this test (heldout47: a data table whose only year heading was 2017年决算数 2018年预算数 2018年决算数
    # was dated 2017, the first of them, and its 2018 figures became a false NAR-YEAR-002): a line naming several
    # years beside genre words does not say which is the document's
    from conftest import text_document
    columns = "经费控制情况 2021年决算数 2022年预算数 2022年决算数 三公经费 12.40 15.00 13.10\n"
    text = "附件3: 部门整体支出绩效评价基础数据表 单位:万元\n" + columns
    assert detect(text_document(text)).facts.fiscal_year is None
    # a title that names one year still gives it, the column line beside it notwithstanding
    text = "某县农业农村局2022年度部门整体支出绩效自评报告\n单位:万元\n" + columns
    assert detect(text_document(text)).facts.fiscal_year == 2022
