"""Documents the project was not written on (issue 14): disclosures of other provinces and kinds, collected on
branch corpus into documents/real/collected/ (sources and sha256 in its SOURCES.csv).

Every one is detected with no manifest and loads (nothing is refused); what a document does not print is named
by a LOAD-FACT-MISSING warning. The expected values are read by hand from each file's text (the line quoted in
the comment); a None is a fact the excerpt does not print (SOURCES.csv says "not printed" for those, or names a
department only from the site that hosts the page).

Most of these excerpts are prose (说明) and flattened forms: their numbers stand in sentences, which the statement
reader reads (branch reader), not the table readers; so no table figure is expected from them here.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from loaders.cli import app
from loaders.detect import resolve_facts
from loaders.documents import read_document
from loaders.load import load_directory

ROOT = Path(__file__).resolve().parents[1]
COLLECTED = ROOT / "documents" / "real" / "collected"

# file -> (kind, fiscal year, department as printed, level)
EXPECTED = {
    # 附件:项目支出绩效自评表(2022年度) … 主管部门219-池州市贵池区棠溪镇人民政府
    "anhui-guichi-tangxi-2022-project-self-eval.txt": (
        "project_self_evaluation", 2022, "池州市贵池区棠溪镇人民政府", "乡镇(街道)"),
    # 一、全镇收支决算情况 / 2023年全镇一般财政公共总收入实现11335万元 (a town's own 决算: no department, no kind word)
    "chongqing-fuling-town-2023-final-accounts-report.txt": ("unclassified", 2023, None, None),
    # 经汇总,2024年一般公共预算“三公”经费支出预算为14.01万元
    "chongqing-fuling-town-2024-sangong-budget.txt": ("three_public_budget", 2024, None, None),
    # 重庆市万州区公路事务中心2024年单位预算情况说明
    "chongqing-wanzhou-highway-2024-unit-budget-notes.txt": (
        "unit_budget_sh", 2024, "重庆市万州区公路事务中心", "区县"),
    # 泉州臺商區2022年政府預決算相關重要事項說明 (traditional characters; a 政府预决算, not a department's)
    "fujian-quanzhou-taishang-2022-final-accounts-notes.txt": ("unclassified", 2022, None, None),
    # 天水市幼兒園2017年度部門決算公開 (traditional characters: the department is kept as printed)
    "gansu-tianshui-kindergarten-2017-dept-final-accounts.txt": ("final_accounts", 2017, "天水市幼兒園", "市"),
    # 2023年广东省财政厅一般公共预算财政拨款“三公”经费支出决算情况说明
    "guangdong-czt-2023-sangong-final.txt": ("three_public_final_accounts", 2023, "广东省财政厅", "省"),
    # 2024年,一般公共预算安排的“三公”经费支出共计3923万元 (百色市本级: no department)
    "guangxi-baise-2024-sangong-budget.txt": ("three_public_budget", 2024, None, None),
    # 三江侗族自治县独峒镇林业工作站2024年单位预算公开说明
    "guangxi-sanjiang-dudong-forestry-2024-unit-budget-notes.txt": (
        "unit_budget_sh", 2024, "三江侗族自治县独峒镇林业工作站", "乡镇(街道)"),
    # a page of a 部门预算说明: 2024 年本年一般公共预算基本支出 2476260.58 元 (no title, no department)
    "guangxi-wuzhou-2024-dept-budget-notes-fragment.txt": ("unclassified", 2024, None, None),
    # 项目绩效目标表(2021年度)填报单位(盖章):宁乡市坝塘镇人民政府
    "hunan-ningxiang-batang-2021-project-perf-targets.txt": (
        "project_targets", 2021, "宁乡市坝塘镇人民政府", "乡镇(街道)"),
    # 上犹县寺下镇人民政府2022年部门预算
    "jiangxi-shangyou-sixia-2022-dept-budget-notes.txt": (
        "department_budget_sh", 2022, "上犹县寺下镇人民政府", "乡镇(街道)"),
    # 一、2022年“三公”经费预算安排情况
    "neimenggu-ordos-2022-sangong-budget.txt": ("three_public_budget", 2022, None, None),
    # 三、支出决算情况说明 / 2020年本年收入合计3765.66万元
    "sichuan-dayi-2020-unit-final-accounts-notes.txt": ("final_accounts", 2020, None, None),
    # 经绵竹市财政局汇总,2025年全市…“三公”经费预算总额为1969万元 (a 汇总 of all units: no department)
    "sichuan-mianzhu-2025-sangong-budget.txt": ("three_public_budget", 2025, None, None),
    # 部门预算项目支出绩效自评表(2023年度) | … 主管部门 | / 青神县发展和改革局本级 |
    "sichuan-qingshen-2023-project-self-eval.txt": (
        "project_self_evaluation", 2023, "青神县发展和改革局本级", "区县"),
    # 红河州数据发展中心2024年度项目支出绩效单位自评报告 (州 = 地市)
    "yunnan-honghe-2024-project-self-eval-report.txt": ("evaluation_report", 2024, "红河州数据发展中心", "市"),
    # 经龙泉市财政局汇总,2018年龙泉市部门及乡镇政府…(“三公”经费)决算总额2771万元
    "zhejiang-longquan-2018-sangong-final.txt": ("three_public_final_accounts", 2018, None, None),
}


def test_every_collected_document_is_listed_here():
    assert {p.name for p in COLLECTED.glob("*.txt")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_an_unseen_document_is_detected(name):
    facts, sources = resolve_facts(read_document(COLLECTED / name))
    assert (facts.kind, facts.fiscal_year, facts.department, facts.level) == EXPECTED[name]
    assert "manifest" not in sources.values()


def test_every_unseen_document_loads_and_names_what_it_does_not_print(tmp_path):
    folder = tmp_path / "collected"
    shutil.copytree(COLLECTED, folder)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    summary = load_directory(con, folder, workers=1)
    assert {o.file_name: o.status for o in summary.outcomes} == {name: "completed" for name in EXPECTED}
    missing = dict(con.execute("select file_name, message from raw.load_findings where rule_id = 'LOAD-FACT-MISSING'")
                   .fetchall())
    for name, (kind, year, department, _level) in EXPECTED.items():
        named = [what for what, absent in (("its kind", kind == "unclassified"), ("its fiscal year", year is None),
                                           ("its department", department is None)) if absent]
        if named:
            assert all(what in missing[name] for what in named), (name, missing.get(name))
        else:
            assert name not in missing
    rows = con.execute("select file_name, kind, fiscal_year, department, level from raw.documents").fetchall()
    assert {r[0]: tuple(r[1:]) for r in rows} == EXPECTED
    # a kind with a parser of its own whose layout the text does not have (a 说明 without its tables, a form
    # flattened by the page that stored it, a 自评报告 without the execution block): read by the general parser,
    # saying so; every document of a kind without a layout is read by it too
    general = dict(con.execute("select file_name, parser_name from raw.documents").fetchall())
    assert set(general.values()) == {"generic"}
    said = {name for (name,) in con.execute(
        "select distinct file_name from raw.load_findings where rule_id = 'LOAD-READ-GENERAL'").fetchall()}
    assert said == {name for name, (kind, *_rest) in EXPECTED.items()
                    if kind in ("unit_budget_sh", "department_budget_sh", "final_accounts", "project_targets",
                                "evaluation_report")}


def test_check_on_a_document_of_a_kind_without_layout_reports_findings_not_a_refusal(tmp_path):
    """A “三公”经费 section has no table layout of its own: the general reader lands the figures of its tables and
    `yusuan check` exits with findings (0 or 1), never 2. The document: the 社会福利院's published pages behind a
    cover that names a 三公经费预算 (so no parser of its own reads it)."""
    from test_variants import REAL, WELFARE, pdf_with_new_cover

    path = tmp_path / "sangong.pdf"
    path.write_bytes(pdf_with_new_cover(REAL / f"{WELFARE}.pdf", ["上海市普陀区社会福利院2024年“三公”经费预算"]))
    facts, sources = resolve_facts(read_document(path))
    assert (facts.kind, facts.fiscal_year, facts.department) == ("three_public_budget", 2024, "上海市普陀区社会福利院")
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    findings = json.loads(result.output)
    assert findings and all(f["file"] == "sangong.pdf" for f in findings)
    # numbers the general reader cannot place are reported with their page and line, never guessed
    unplaced = [f for f in findings if f["rule_id"] == "LOAD-UNPLACED-FIGURE"]
    assert unplaced and all(f["page"] and f["lines"] for f in unplaced)
