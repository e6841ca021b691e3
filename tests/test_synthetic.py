"""A small generated corpus through the real pipeline: every generated figure lands exactly, clean documents
raise no error finding, injected faults are where the ledger says, and parallel loading lands the same rows."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from loaders.build import run_dbt
from loaders.load import load_directory
from loaders.synthetic.compare import compare
from loaders.synthetic.corpus import FAMILIES, faults_path, generate_document, read_csv, truth_path, write_corpus
from loaders.synthetic.faults import FAULT_KINDS

SEED = 20240601


@pytest.fixture(scope="module")
def clean_build(tmp_path_factory):
    base = tmp_path_factory.mktemp("synthetic")
    docs = base / "docs"
    write_corpus(docs, 10, seed=SEED)  # two documents of each family
    warehouse = base / "yusuan.duckdb"
    # load + dbt build (the publication gate is tested in test_gate.py; skipping it keeps this test short)
    con = duckdb.connect(str(warehouse))
    summary = load_directory(con, docs, workers=1)
    con.close()
    outcome = run_dbt(warehouse)
    assert outcome.success, outcome.failed_nodes() or outcome.error
    return docs, warehouse, summary


def test_every_family_is_generated_and_loaded(clean_build):
    docs, _warehouse, summary = clean_build
    assert [o.status for o in summary.outcomes] == ["completed"] * 10
    assert sorted({o.kind for o in summary.outcomes}) == sorted(FAMILIES)


def test_every_generated_figure_lands_exactly(clean_build):
    docs, warehouse, _ = clean_build
    truth = read_csv(truth_path(docs))
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        landed = [dict(zip(("file_name", "measure", "line_start", "line_end", "row_label", "value"), row))
                  for row in con.execute("select file_name, measure, line_start, line_end, row_label, value "
                                         "from raw.figures").fetchall()]
    finally:
        con.close()
    result = compare(truth, landed)
    assert len(truth) > 500
    assert (result.exact, result.wrong, result.missing, result.unexpected) == (len(truth), 0, 0, 0), \
        dict(result.examples)


def test_clean_documents_raise_no_finding(clean_build):
    """A clean generated document is a false alarm for every finding it raises, of any severity."""
    _docs, warehouse, _ = clean_build
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        errors = con.execute("select rule_id, file_name, line_start, message from main.fct_findings").fetchall()
        loader = con.execute("select rule_id, file_name, line_start, message from raw.load_findings").fetchall()
    finally:
        con.close()
    assert errors == []
    assert loader == []


def test_budget_figures_carry_the_year_of_their_column(clean_build):
    """Generated 部门预算 are of varied years; last year's columns of 表四 (年初预算, 调整后预算, 预算执行) are
    about fiscal_year - 1, every other table figure about the fiscal year."""
    _docs, warehouse, _ = clean_build
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute("select fiscal_year, figure_year, measure, column_label from main.fct_appropriations "
                           "where document_kind = 'department_budget'").fetchall()
    finally:
        con.close()
    assert {fiscal for fiscal, *_ in rows} - {2016}  # not only the year of the bundled document
    prior = {"initial_budget", "adjusted_budget", "actual"}
    assert sum(measure in prior for _f, _y, measure, _c in rows) > 0
    for fiscal, figure_year, measure, column_label in rows:
        assert figure_year == (fiscal - 1 if measure in prior else fiscal), (fiscal, figure_year, measure, column_label)
def test_generated_function_codes_are_in_the_code_list():
    """The generator prints only 功能分类 codes of seeds/function_classes.csv (a made-up code is DIM-CODE-001,
    a false alarm on a clean document), each 项 under its 款 and 类."""
    import csv

    from loaders.synthetic import department_budget, final_accounts

    with open(Path(__file__).resolve().parent.parent / "seeds" / "function_classes.csv", encoding="utf-8") as f:
        known = {row["code"]: row["parent_code"] for row in csv.DictReader(f)}
    printed = []
    for cls, (_name, kuan, _kname, leaves) in department_budget.CLASSES.items():
        printed += [(cls + kuan, cls), *((cls + kuan + xiang, cls + kuan) for xiang, _n in leaves)]
    for cls_name, kuan, _kname, leaves in [*final_accounts.OWN_WORK.values(), *final_accounts.COMMON]:
        cls = final_accounts.CLASS_CODES[cls_name]
        printed += [(cls + kuan, cls), *((cls + kuan + xiang, cls + kuan) for xiang, _n in leaves)]
    assert [(code, parent) for code, parent in printed if known.get(code) != parent] == []
    assert set(final_accounts.OWN_WORK) == {suffix for _short, suffix in final_accounts.SH_DEPARTMENTS}


def test_generation_is_deterministic(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    write_corpus(first, 5, seed=7, fault_share=0.5)
    write_corpus(second, 5, seed=7, fault_share=0.5)
    for path in sorted(first.iterdir()):
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name
    assert truth_path(first).read_bytes() == truth_path(second).read_bytes()
    assert faults_path(first).read_bytes() == faults_path(second).read_bytes()


def test_generated_arithmetic_is_consistent_as_printed(tmp_path):
    """Read an evaluation report's execution sentence back from the text: the amounts add up and the rate
    is actual ÷ adjusted as printed."""
    docs = tmp_path / "docs"
    write_corpus(docs, 5, seed=SEED, families=["evaluation_report"])
    for path in sorted(docs.glob("*.txt")):
        text = "".join(path.read_text(encoding="utf-8").split())
        m = re.search(r"年初预算资金是([\d,.]+)万元，年中经费调整，(划拨经费指标|压减经费回收预算指标|追加经费指标)([\d,.]+)万元，"
                      r"\d{4}年度指标金额是([\d,.]+)万元，实际支出([\d,.]+)万元，支出执行率([\d.]+)%", text)
        assert m, path.name
        initial, adjustment, adjusted, actual = (Decimal(m.group(i).replace(",", "")) for i in (1, 3, 4, 5))
        sign = 1 if m.group(2) == "追加经费指标" else -1
        assert initial + sign * adjustment == adjusted
        assert abs(actual * 100 / adjusted - Decimal(m.group(6))) <= Decimal("0.005")


def test_each_fault_kind_is_injected_where_the_ledger_says(tmp_path):
    docs = tmp_path / "faulty"
    summary = write_corpus(docs, 30, seed=SEED, fault_share=1.0)
    ledger = read_csv(faults_path(docs))
    assert len(ledger) == len(summary.faults) == 30
    assert {row["kind"] for row in ledger} == set(FAULT_KINDS)
    truth = read_csv(truth_path(docs))
    assert {t["faulty"] for t in truth} == {"1"}
    for row in ledger:
        faulty = (docs / row["file_name"]).read_text(encoding="utf-8").splitlines()
        index = int(row["file_name"][:5])
        clean = generate_document(SEED, index, row["family"]).page.text.splitlines()
        line = int(row["line"])
        assert row["original"] != row["injected"]
        if row["kind"] == "dropped_row":
            dropped = row["original"].split(" | ")
            assert clean[line - 1:line - 1 + len(dropped)] == dropped
            assert faulty == clean[:line - 1] + clean[line - 1 + len(dropped):], row
        else:
            assert faulty[:line - 1] == clean[:line - 1] and faulty[line:] == clean[line:], row
            before, after, original = clean[line - 1], faulty[line - 1], row["original"]
            places = [i for i in range(len(before)) if before.startswith(original, i)]
            assert any(before[:i] + row["injected"] + before[i + len(original):] == after for i in places), row
            if row["kind"] == "unit_slip":
                assert Decimal(row["injected"].replace(",", "")) == Decimal(row["original"].replace(",", "")) * 10000


def test_parallel_loading_lands_the_same_rows_as_serial(tmp_path):
    docs = tmp_path / "docs"
    write_corpus(docs, 20, seed=SEED + 1)
    query = ("select file_name, figure_index, measure, value, value_text, line_start, line_end, raw_text "
             "from raw.figures order by file_name, figure_index")
    results = []
    for workers in (1, 2):
        con = duckdb.connect(str(tmp_path / f"w{workers}.duckdb"))
        summary = load_directory(con, docs, workers=workers)
        assert [o.status for o in summary.outcomes] == ["completed"] * 20
        results.append(con.execute(query).fetchall())
        again = load_directory(con, docs, workers=workers)
        assert [o.status for o in again.outcomes] == ["unchanged"] * 20
        con.close()
    assert results[0] == results[1] and len(results[0]) > 1000


def test_pdf_rendering_of_final_accounts_lands_the_same_figures(tmp_path):
    docs = tmp_path / "docs"
    write_corpus(docs, 1, seed=SEED, families=["final_accounts"], pdf=True)
    rows = []
    for folder in (docs, docs.with_name("docs.pdf")):
        con = duckdb.connect(str(tmp_path / f"{folder.name}.duckdb"))
        summary = load_directory(con, folder, workers=1)
        assert [o.status for o in summary.outcomes] == ["completed"]
        rows.append(con.execute("select table_name, row_label, measure, value from raw.figures order by all").fetchall())
        assert con.execute("select count(*) from raw.load_findings").fetchone()[0] == 0
        con.close()
    assert rows[0] == rows[1] and len(rows[0]) > 50
