"""Golden tests for the 绩效评价报告 parser: every figure of both 白云 reports, read off the documents by hand
(tests/golden/*.csv were written from the text, never from parser output)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from loaders.documents import read_document, read_manifest
from loaders.parsers import evaluation_report

from conftest import DOCUMENTS, GOLDEN, golden_rows

REPORTS = ["baiyun-zfw-2023-laisui-evaluation.txt", "baiyun-zfw-2022-laisui-evaluation.txt"]


def parse(name: str):
    return evaluation_report.parse(read_document(DOCUMENTS / name, read_manifest(DOCUMENTS)))



def figure_key(measure, label, parent, value_text, unit, sign, comparison):
    return (measure, label or "", parent or "", value_text, unit or "", str(sign), comparison or "")


@pytest.mark.parametrize("name", REPORTS)
def test_every_figure_lands_exactly_once(name):
    result = parse(name)
    golden = golden_rows(GOLDEN / name.replace(".txt", ".figures.csv"))
    landed = Counter(
        figure_key(f.measure, f.label if f.measure not in ("result_quantity",) else "", f.parent_label, f.value_text,
                   f.printed_unit, f.sign, f.comparison)
        for f in result.figures
    )
    expected = Counter(
        figure_key(g["measure"], g["label"], g["parent_label"], g["value_text"], g["printed_unit"], g["sign"],
                   g["comparison"])
        for g in golden
    )
    assert landed - expected == Counter(), "landed but not in the golden file"
    assert expected - landed == Counter(), "in the golden file but not landed"
    assert result.findings == []


@pytest.mark.parametrize("name", REPORTS)
def test_line_numbers_point_at_the_printed_number(name):
    result = parse(name)
    lines = (DOCUMENTS / name).read_text(encoding="utf-8").splitlines()
    golden = golden_rows(GOLDEN / name.replace(".txt", ".figures.csv"))
    unmatched = list(result.figures)
    for g in golden:
        line = int(g["value_line"])
        assert g["value_text"] in lines[line - 1], f"golden value {g['value_text']} not on line {line}"
        match = next(f for f in unmatched if f.measure == g["measure"] and f.value_text == g["value_text"]
                     and f.line_start <= line <= f.line_end)
        unmatched.remove(match)
        assert g["value_text"] in match.raw_text
    assert unmatched == []


def test_execution_block_2023_is_exact():
    figures = {f.measure: f for f in parse(REPORTS[0]).figures if f.measure in (
        "initial_budget", "budget_adjustment", "adjusted_budget", "actual_spending", "reported_execution_rate")}
    assert figures["initial_budget"].value == Decimal("45")
    assert figures["budget_adjustment"].value == Decimal("29.86") and figures["budget_adjustment"].sign == -1
    assert figures["budget_adjustment"].label == "划拨经费指标"
    assert figures["adjusted_budget"].value == Decimal("15.14")
    assert figures["actual_spending"].value == Decimal("15.13")
    assert figures["actual_spending"].printed_decimals == 2
    assert figures["reported_execution_rate"].value == Decimal("99.93")
    assert figures["initial_budget"].line_start == 20 and figures["initial_budget"].line_end == 22


def test_cut_by_compression_2022_is_negative():
    cut = next(f for f in parse(REPORTS[1]).figures if f.measure == "budget_adjustment")
    assert (cut.label, cut.value, cut.sign, cut.printed_decimals) == ("压减经费回收预算指标", Decimal("63.5"), -1, 1)


@pytest.mark.parametrize("name,year", [(REPORTS[0], 2023), (REPORTS[1], 2022)])
def test_document_facts_are_read_from_the_text(name, year):
    facts = evaluation_report.parse(read_document(DOCUMENTS / name)).facts  # no manifest
    assert facts.fiscal_year == year
    assert facts.department == "中共广州市白云区委政法委员会"
    assert facts.kind == "evaluation_report"


def test_project_grade_and_fund_source():
    attributes = {(a.attribute, a.value_text, a.line_start) for a in parse(REPORTS[0]).attributes}
    assert ("project_name", "来穗工作经费", 8) in attributes
    assert ("fund_source", "财政拨款", 20) in attributes
    assert ("grade", "优", 226) in attributes
    attributes_2022 = {(a.attribute, a.value_text) for a in parse(REPORTS[1]).attributes}
    assert ("project_name", "来穗专项工作") in attributes_2022
    assert not any(a == "grade" for a, _ in attributes_2022)  # the 2022 report prints no grade


def test_targets_match_the_golden_file():
    golden = golden_rows(GOLDEN / "baiyun-zfw-evaluation.indicators.csv")
    landed = []
    for name in REPORTS:
        for i in parse(name).indicators:
            landed.append((name, i.indicator_name, i.value_text, i.level1_name, i.comparison or "",
                           i.number_text or "", i.unit or "", str(i.is_qualitative).lower()))
            assert i.line_start <= i.line_end
    expected = [(g["file_name"], g["indicator_name"], g["value_text"], g["level1_name"], g["comparison"],
                 g["number_text"], g["unit"], g["is_qualitative"]) for g in golden]
    assert Counter(landed) == Counter(expected)


def test_a_report_without_its_execution_block_is_refused(tmp_path):
    from loaders.records import ParseError

    source = (DOCUMENTS / REPORTS[0]).read_text(encoding="utf-8").splitlines()
    cut = tmp_path / "cut.txt"
    cut.write_text("\n".join(source[:18]), encoding="utf-8")
    with pytest.raises(ParseError, match="no budget execution block"):
        evaluation_report.parse(read_document(cut))


def test_conflicting_statements_of_a_figure_are_not_landed(tmp_path):
    text = (DOCUMENTS / REPORTS[1]).read_text(encoding="utf-8") + "\n实际支出 17.5 万元。\n"
    path = tmp_path / "conflict.txt"
    path.write_text(text, encoding="utf-8")
    result = evaluation_report.parse(read_document(path))
    assert not [f for f in result.figures if f.measure == "actual_spending"]
    finding = next(f for f in result.findings if f.rule_id == "LOAD-AMBIGUOUS-FIGURE")
    assert finding.line_start == 19 and "16.5" in finding.message and "17.5" in finding.message
