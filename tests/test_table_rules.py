"""The table arithmetic rules (TBL-*, seeds table_column_formulas / table_identities) on whole documents.

Done when: on the bundled documents every genuine inconsistency of the tables is reported and nothing else (a false
alarm is a defect), and on the real Shanghai documents the rules find what is really wrong there. Every expected
finding below was checked by hand against the document text (the lines are quoted in the comments).
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from loaders import build as pipeline
from loaders.cli import app
from tests.conftest import DOCUMENTS, copy_documents

REAL = DOCUMENTS / "real"
TABLE_RULES = "(rule_id like 'TBL-%' or (rule_id = 'EXE-RATE-003' and file_name like 'gz-laisui-bureau-2016%'))"


def _table_findings(con) -> list[tuple]:
    return con.execute(
        f"select rule_id, severity, file_name, line_start, line_end, lhs, rhs, difference, tolerance "
        f"from main.fct_findings where {TABLE_RULES} order by file_name, line_start, rule_id").fetchall()


def test_bundled_documents_report_exactly_the_genuine_table_errors(warehouse_con):
    wan = Decimal(10000)
    assert _table_findings(warehouse_con) == [
        # 表四 2015 执行率 above 100% (warnings): 预算执行 exceeds 调整后预算. A whole percent is honest within half a
        # point, so the tolerance is 0.5: even 131.5% is above 100% (rule over_execution_check on fct_execution)
        # 476: 210 07 计划生育事务 6.84 6.84 9.00 132%
        ("EXE-RATE-003", "warning", "gz-laisui-bureau-2016-department-budget.txt", 476, 476, 132, 100, 32, Decimal("0.5")),
        # 478: 221 四、住房保障支出 72.95 72.95 120.56 165%
        ("EXE-RATE-003", "warning", "gz-laisui-bureau-2016-department-budget.txt", 478, 478, 165, 100, 65, Decimal("0.5")),
        # 480: 221 02 住房改革支出 72.95 72.95 120.56 165%
        ("EXE-RATE-003", "warning", "gz-laisui-bureau-2016-department-budget.txt", 480, 480, 165, 100, 65, Decimal("0.5")),
        # 515: 其他计划生育事务支出 6.84 6.84 9.00 132%
        ("EXE-RATE-003", "warning", "gz-laisui-bureau-2016-department-budget.txt", 515, 515, 132, 100, 32, Decimal("0.5")),
        # 597: 221 02 01 住房公积金 26.90 26.90 44.10 164%
        ("EXE-RATE-003", "warning", "gz-laisui-bureau-2016-department-budget.txt", 597, 597, 164, 100, 64, Decimal("0.5")),
        # 599: 221 02 03 购房补贴 46.05 46.05 76.46 166%
        ("EXE-RATE-003", "warning", "gz-laisui-bureau-2016-department-budget.txt", 599, 599, 166, 100, 66, Decimal("0.5")),
        # 番禺 form, lines 9-11: income 财政拨款 3,400.36 + 其他资金 1.00 = 3,401.36 万元, but expenditure
        # 基本支出 2,234.47 + 项目支出 874.39 + 财政专项资金 140.00 + 其他事业发展性支出 151.50 = 3,400.36 万元
        # (= 区本级使用资金 3,400.36 + 对下转移 0.00): the 1.00 万元 of 其他资金 is spent nowhere. Six figures in
        # 万元 with 2 decimals: tolerance 6 x 50 yuan.
        ("TBL-BAL-001", "error", "panyu-zfw-department-targets.txt", 9, 11,
         Decimal("3401.36") * wan, Decimal("3400.36") * wan, Decimal("1.00") * wan, 300),
    ]


def test_bundled_rules_are_not_vacuous(warehouse_con):
    """The checks above pass because the figures add up, not because nothing was compared."""
    links = dict(warehouse_con.execute(
        "select link_kind, count(*) from intermediate.int_table_row_links "
        "where file_name = 'gz-laisui-bureau-2016-department-budget.txt' group by 1").fetchall())
    # 表四: 201 -> 20103, 20199; 20103 -> 2010301, 2010302, 2010399 …; 表一 outline; 合计 -> 行政单位 -> 127001 -> items
    assert links["code"] >= 15 and links["outline"] >= 14 and links["structure"] >= 40 and links["top_codes"] >= 4
    one_off = warehouse_con.execute(
        "select count(*) from intermediate.int_table_cells where table_name like '表六%' and group_label = '一次性专项'"
    ).fetchone()[0]
    assert one_off == 4  # 设备购置费 75.00, 修缮经费 50.00, 信息系统 500.00, 五个一 1.50


@pytest.fixture(scope="module")
def real_warehouse(tmp_path_factory):
    """The four real Shanghai documents (pdftotext -layout text) built in a temporary warehouse. The 社会福利院 unit
    budget does not print its department: the manifest here names the unit itself."""
    folder = tmp_path_factory.mktemp("real") / "documents"
    folder.mkdir()
    for path in REAL.glob("*.layout.txt"):
        shutil.copyfile(path, folder / path.name)
    (folder / "manifest.csv").write_text(
        "file_name,kind,fiscal_year,department,unit,source,notes\n"
        "sh-putuo-welfarehome-2024-unit-budget.layout.txt,unit_budget_sh,2024,上海市普陀区社会福利院,元,test,"
        "department not printed\n", encoding="utf-8")
    warehouse = folder.parent / "real.duckdb"
    report = pipeline.build(folder, warehouse)
    assert report.published and not report.load.failed, report.load.failed
    con = duckdb.connect(str(warehouse), read_only=True)
    yield con
    con.close()


def test_real_documents_report_what_is_really_wrong(real_warehouse):
    """What the table rules find on the real documents, and why each is real.

    The 2024 final accounts of the 普陀区财政局 print 社会保障和就业支出 as 326.71 万元 in the 收入支出决算总表 (line 147,
    page 6: ``八、社会保障和就业支出 326.71``; the 财政拨款收入支出决算总表 prints it so too, not landed yet) and as
    326.72 in the 支出决算表 (line 237), the 收入决算表 and the 一般公共预算财政拨款支出决算表, where its four 项 add up
    to 84.65 + 160.75 + 80.38 + 0.94 = 326.72. One amount printed twice to the same precision cannot differ by one
    unit of the last digit: an error. (The 总表's own column, 2,106.66 + 326.71 + 60.99 + 445.69 = 2,940.05, is
    consistent, and the detailed tables' 合计 2,940.05 vs their 类 rows 2,940.06 is within rounding: not reported.)

    The 2024 final accounts' side-by-side 基本支出决算表 adds up within each half (人员经费合计 2,152.26 = 301 2,082.85 +
    303 69.41; 公用经费合计 184.65 = 302 171.07 + 310 13.58); its 301 items add to 2,082.86 and its 302 items to 171.09,
    within the rounding of the nine and thirteen printed figures involved, so not reported.

    The three Shanghai budgets pass every rule but one misprinted code: their 类 = Σ款, 款 = Σ项, 合计 columns, 收支总表 lines and totals,
    经济分类 and “三公” figures all add up.
    """
    assert _table_findings(real_warehouse) == [
        ("TBL-XTAB-001", "error", "sh-putuo-finance-2024-final-accounts.layout.txt", 147, 147,
         Decimal("3267100"), Decimal("3267200"), Decimal("-100"), Decimal("100")),
        # 社会福利院, 支出预算总表 line 183 and 一般公共预算支出功能分类预算表 line 242: ``7 11 02 事业单位医疗 503,724``
        # stands under ``210 11 行政事业单位医疗 503,724``; its code should read 210 11 02. Printed as 7 11 02 it has
        # no 类/款 above it: an orphan (warning), and it is not counted again in 合计 (which adds the 类 rows).
        ("TBL-ORPHAN-001", "warning", "sh-putuo-welfarehome-2024-unit-budget.layout.txt", 183, 183,
         None, None, None, None),
        ("TBL-ORPHAN-001", "warning", "sh-putuo-welfarehome-2024-unit-budget.layout.txt", 242, 242,
         None, None, None, None),
    ]
    checked = dict(real_warehouse.execute(
        "select file_name, count(*) from intermediate.int_table_row_links group by 1").fetchall())
    assert set(checked) == {p.name for p in REAL.glob("*.layout.txt")}
    assert all(n >= 20 for n in checked.values()), checked


def test_key_tasks_costing_more_than_the_budget_are_reported(tmp_path):
    """番禺 form: the key tasks' 拟投入的资金 (69.00 + 31.00 + 60.00 + 140.00 + 19.80 + 34.00 + 55.00 = 408.80 万元)
    are a selection of the work, not 项目支出 (874.39), so only the budget (财政拨款 3,400.36 + 其他资金 1.00)
    bounds them. Line 177's 140.00 made 3,140.00: the tasks add to 3,408.80 > 3,401.36 (TBL-XTAB-002); made
    3,132.56 they add to exactly 3,401.36, which is no finding."""
    source = (DOCUMENTS / "panyu-zfw-department-targets.txt").read_text(encoding="utf-8").split("\n")
    assert source[176] == "140.00"
    results = {}
    for printed in ("3,140.00", "3,132.56"):
        folder = copy_documents(tmp_path / printed, ["panyu-zfw-department-targets.txt"])
        lines = list(source)
        lines[176] = printed
        (folder / "panyu-zfw-department-targets.txt").write_text("\n".join(lines), encoding="utf-8")
        result = CliRunner().invoke(app, ["check", str(folder / "panyu-zfw-department-targets.txt"), "--format", "json"])
        results[printed] = [(f["rule_id"], f["lhs"] and Decimal(f["lhs"]), f["rhs"] and Decimal(f["rhs"]),
                             f["difference"] and Decimal(f["difference"]), f.get("tolerance") and Decimal(f["tolerance"]))
                            for f in json.loads(result.output) if f["rule_id"] != "TBL-BAL-001"]
    # seven task figures and two income figures in 万元 with 2 decimals: tolerance 9 x 50 yuan
    assert results["3,140.00"] == [("TBL-XTAB-002", Decimal("34088000"), Decimal("34013600"), Decimal("74400"),
                                    Decimal("450"))]
    assert results["3,132.56"] == []


def test_check_command_prints_table_findings_with_evidence_and_quoted_lines(tmp_path):
    folder = copy_documents(tmp_path / "d", ["panyu-zfw-department-targets.txt"])
    result = CliRunner().invoke(app, ["check", str(folder / "panyu-zfw-department-targets.txt"), "--format", "json"])
    assert result.exit_code == 1, result.output
    findings = [f for f in json.loads(result.output) if f["rule_id"] == "TBL-BAL-001"]
    assert len(findings) == 1
    finding = findings[0]
    assert finding["severity"] == "error" and finding["lines"] == [9, 10, 11]
    assert (Decimal(finding["lhs"]), Decimal(finding["rhs"]), Decimal(finding["difference"]),
            Decimal(finding["tolerance"])) == (Decimal("34013600"), Decimal("34003600"), Decimal("10000"), Decimal("300"))
    assert "财政拨款 3,400.36" in finding["quoted_source"] and "其他资金 1.00" in finding["quoted_source"]
    assert "34013600.00 元" in finding["message"]


def test_a_dropped_item_leaves_its_section_without_children(tmp_path):
    """TBL-CHILD-001 on the real 普陀区财政局 2024 决算, 一般公共预算财政拨款支出决算表 (page 15 of the layout text):
    ``210 11 行政事业单位医疗 60.99 60.99`` (line 339) has one 项, ``210 11 01 行政单位医疗 60.99 60.99`` (line 340).
    With that line dropped, 类 210 = 款 21011 and 合计 = Σ类 still hold, and the table still prints 项 rows under its
    other 款 (201 06 01 行政运行 …): the 款 is the sum of no printed row. The finding points at the 款 (the 项 stood
    right under it; the next row, 221 住房保障支出, now stands on line 340). The document's own, known inconsistency
    (TBL-XTAB-001 at line 147) is reported as before; nothing else is."""
    name = "sh-putuo-finance-2024-final-accounts.layout.txt"
    lines = (REAL / name).read_text(encoding="utf-8").splitlines()
    assert lines[338].split() == ["210", "11", "行政事业单位医疗", "60.99", "60.99"]
    assert lines[339].split() == ["210", "11", "01", "行政单位医疗", "60.99", "60.99"]
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / name).write_text("\n".join(lines[:339] + lines[340:]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(folder / name), "--format", "json"])
    found = [(f["rule_id"], f["severity"], f["lines"], Decimal(f["lhs"]), Decimal(f["rhs"]), Decimal(f["tolerance"]))
             for f in json.loads(result.output) if not f["rule_id"].startswith("NAR-")]
    assert found == [
        ("TBL-XTAB-001", "error", [147], Decimal("3267100"), Decimal("3267200"), Decimal("100")),
        # 60.99 万元 printed with 2 decimals: honest within 50 yuan
        ("TBL-CHILD-001", "error", [339], Decimal("609900"), Decimal("0"), Decimal("50")),
    ]
