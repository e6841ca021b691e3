"""The publication gate on small hand-made warehouse files: only the tables the gate reads."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import duckdb
import pytest

from loaders.gate import GateCheck, GateResult, read_digests, run_gate, store_digests


def sha(n: int) -> str:
    return hashlib.sha256(str(n).encode()).hexdigest()


def document(n: int, kind: str = "evaluation_report", fiscal_year: int | None = 2023) -> dict:
    return {"document_sha256": sha(n), "file_name": f"doc-{n}.txt", "document_kind": kind, "fiscal_year": fiscal_year}


def execution(n: int, doc: int = 1, **overrides) -> dict:
    row = {"execution_id": f"e{n}", "document_sha256": sha(doc), "fiscal_year": 2023,
           "initial_budget_yuan": 800000.00, "adjustment_yuan": -635000.00, "adjusted_budget_yuan": 165000.00,
           "actual_yuan": 165000.00, "reported_rate_pct": 100.00, "computed_rate_pct": 100.00}
    row.update(overrides)
    return row


def make_warehouse(path: Path, documents: list[dict], executions: list[dict],
                   figures_for: list[int] | None = None, indicators_for: list[int] | None = None) -> Path:
    """A warehouse with the four marts and raw.figures / raw.indicators; by default every document has a figure."""
    con = duckdb.connect(str(path))
    con.execute("create schema if not exists raw")
    con.execute("create table raw.figures (document_sha256 varchar, figure_index integer, value decimal(38, 10))")
    con.execute("create table raw.indicators (document_sha256 varchar, indicator_index integer)")
    con.execute("""create table main.dim_documents (document_sha256 varchar, file_name varchar,
                   document_kind varchar, fiscal_year integer)""")
    con.execute("""create table main.fct_execution (execution_id varchar, document_sha256 varchar, fiscal_year integer,
                   initial_budget_yuan decimal(18, 2), adjustment_yuan decimal(18, 2),
                   adjusted_budget_yuan decimal(18, 2), actual_yuan decimal(18, 2),
                   reported_rate_pct decimal(9, 2), computed_rate_pct decimal(9, 2))""")
    con.execute("create table main.dim_departments (department_id varchar, department_name varchar)")
    con.execute("create table main.fct_findings (finding_id varchar, rule_id varchar, severity varchar, "
                "publication_category varchar, file_name varchar)")
    for row in documents:
        con.execute("insert into main.dim_documents values (?, ?, ?, ?)",
                    [row["document_sha256"], row["file_name"], row["document_kind"], row["fiscal_year"]])
    for row in executions:
        con.execute("insert into main.fct_execution values (?, ?, ?, ?, ?, ?, ?, ?, ?)", list(row.values()))
    con.execute("insert into main.dim_departments values ('d1', '广州市来穗人员服务管理局')")
    con.execute("insert into main.fct_findings values ('f1', 'EXE-RATE-003', 'warning', 'notice', 'doc-1.txt'), "
                "('f2', 'TBL-SUM-001', 'error', 'publisher_error', 'doc-1.txt')")
    docs_with_figures = range(1, len(documents) + 1) if figures_for is None else figures_for
    for i, n in enumerate(docs_with_figures):
        con.execute("insert into raw.figures values (?, ?, 1.5)", [sha(n), i])
    for i, n in enumerate(indicators_for or []):
        con.execute("insert into raw.indicators values (?, ?)", [sha(n), i])
    con.close()
    return path


def clean(path: Path, documents: int = 2, executions: int = 3) -> Path:
    return make_warehouse(path, [document(n) for n in range(1, documents + 1)],
                          [execution(n, doc=1 + n % documents) for n in range(1, executions + 1)])


def failed_lines(result: GateResult) -> str:
    return "\n".join(result.failure_lines())


def test_clean_candidate_passes(tmp_path):
    candidate = clean(tmp_path / "candidate.duckdb")
    previous = clean(tmp_path / "previous.duckdb")
    started = time.monotonic()
    result = run_gate(candidate, previous)
    elapsed = time.monotonic() - started
    assert result.success, result.summary()
    assert result.failure_lines() == []
    assert set(result.marts) == {"dim_documents", "fct_execution", "dim_departments", "fct_findings"}
    suites = {check.suite for check in result.checks}
    assert {"fct_execution", "dim_documents", "dim_departments", "fct_findings", "document_coverage",
            "row_counts"} <= suites
    assert elapsed < 30


def test_without_previous_passes_and_skips_row_counts(tmp_path):
    result = run_gate(clean(tmp_path / "candidate.duckdb"), tmp_path / "does-not-exist.duckdb")
    assert result.success, result.summary()
    assert not [check for check in result.checks if check.suite == "row_counts"]


def test_duplicate_execution_id_fails(tmp_path):
    candidate = make_warehouse(tmp_path / "c.duckdb", [document(1)], [execution(1), execution(1)])
    result = run_gate(candidate, None)
    assert not result.success
    [line] = result.failure_lines()
    assert line.startswith("fct_execution: expect_column_values_to_be_unique(execution_id) FAILED")
    assert "'e1'" in line and "2 of 2 rows" in line


def test_fiscal_year_1899_fails(tmp_path):
    candidate = make_warehouse(tmp_path / "c.duckdb", [document(1, fiscal_year=1899)], [execution(1)])
    result = run_gate(candidate, None)
    assert not result.success
    [check] = result.failed()
    assert (check.mart, check.expectation, check.column) == ("dim_documents", "expect_column_values_to_be_between",
                                                             "fiscal_year")
    assert "1899" in check.observed and "between 2000 and 2100" in check.message


def test_null_fiscal_year_passes(tmp_path):
    candidate = make_warehouse(tmp_path / "c.duckdb", [document(1, fiscal_year=None)],
                               [execution(1, fiscal_year=None)])
    assert run_gate(candidate, None).success


def test_negative_actual_fails(tmp_path):
    candidate = make_warehouse(tmp_path / "c.duckdb", [document(1)], [execution(1), execution(2, actual_yuan=-0.01)])
    result = run_gate(candidate, None)
    assert not result.success
    [line] = result.failure_lines()
    assert "fct_execution: expect_column_values_to_be_between(actual_yuan) FAILED" in line
    assert "-0.01" in line


def test_rate_above_1000_fails(tmp_path):
    candidate = make_warehouse(tmp_path / "c.duckdb", [document(1)], [execution(1, reported_rate_pct=1200)])
    assert "expect_column_values_to_be_between(reported_rate_pct)" in failed_lines(run_gate(candidate, None))


def test_unknown_document_kind_fails(tmp_path):
    candidate = make_warehouse(tmp_path / "c.duckdb", [document(1, kind="horoscope")], [execution(1)])
    result = run_gate(candidate, None)
    assert "dim_documents: expect_column_values_to_be_in_set(document_kind) FAILED" in failed_lines(result)
    assert "'horoscope'" in failed_lines(result)


def test_document_without_figures_fails(tmp_path):
    candidate = make_warehouse(tmp_path / "c.duckdb", [document(1), document(2), document(3)], [execution(1)],
                               figures_for=[1], indicators_for=[2])
    result = run_gate(candidate, None)
    assert not result.success
    [check] = result.failed()
    assert (check.suite, check.mart) == ("document_coverage", "dim_documents")
    assert "1 of 3 documents" in check.observed and "doc-3.txt" in check.observed


def test_document_without_data_but_with_findings_is_reported_not_refused(tmp_path):
    """A document whose every amount the loader reported as unplaced (an unseen form) landed nothing, but not
    silently: the gate passes and names it; a document with neither data nor finding still fails."""
    candidate = make_warehouse(tmp_path / "c.duckdb", [document(1), document(2), document(3)], [execution(1)],
                               figures_for=[1])
    con = duckdb.connect(str(candidate))
    con.execute("create table raw.load_findings (document_sha256 varchar, rule_id varchar)")
    con.execute("insert into raw.load_findings values (?, 'LOAD-UNPLACED-FIGURE')", [sha(2)])
    con.close()
    result = run_gate(candidate, None)
    [check] = result.failed()
    assert "1 of 3 documents" in check.observed and "doc-3.txt" in check.observed and "doc-2.txt" not in check.observed
    con = duckdb.connect(str(candidate))
    con.execute("insert into raw.load_findings values (?, 'LOAD-UNPLACED-FIGURE')", [sha(3)])
    con.close()
    result = run_gate(candidate, None)
    assert result.success, result.failure_lines()
    [coverage] = [c for c in result.checks if c.expectation == "documents_have_data"]
    assert "2 landed nothing and carry findings" in coverage.observed and "doc-2.txt" in coverage.observed


def test_fewer_rows_with_same_documents_fails(tmp_path):
    previous = clean(tmp_path / "previous.duckdb", documents=2, executions=5)
    candidate = clean(tmp_path / "candidate.duckdb", documents=2, executions=3)
    result = run_gate(candidate, previous)
    assert not result.success
    [check] = result.failed()
    assert (check.suite, check.mart) == ("row_counts", "fct_execution")
    assert "fct_execution shrank by 2 rows (5 → 3, -40.0%)" in check.message
    assert "fct_execution" in result.failure_lines()[0]


def test_fewer_rows_with_fewer_documents_passes(tmp_path):
    previous = clean(tmp_path / "previous.duckdb", documents=3, executions=5)
    candidate = clean(tmp_path / "candidate.duckdb", documents=2, executions=3)
    result = run_gate(candidate, previous)
    assert result.success, result.summary()
    [check] = [c for c in result.checks if c.suite == "row_counts" and c.mart == "fct_execution"]
    assert "shrank by 2 rows" in check.message
    assert "only rows of the 1 document(s) of the previous warehouse removed or replaced are gone" in check.message
    assert "rows of the unchanged documents 3 → 3" in check.observed


def test_a_corrected_document_with_fewer_rows_passes(tmp_path):
    """The same number of documents, one of them replaced by a corrected version that prints fewer rows: its old
    rows are gone, the other document's rows are all there."""
    previous = clean(tmp_path / "previous.duckdb", documents=2, executions=5)  # doc 1: e2, e4; doc 2: e1, e3, e5
    candidate = make_warehouse(tmp_path / "candidate.duckdb", [document(1), document(3)],
                               [execution(2, doc=1), execution(4, doc=1), execution(6, doc=3)], figures_for=[1, 3])
    result = run_gate(candidate, previous)
    assert result.success, failed_lines(result)
    [check] = [c for c in result.checks if c.suite == "row_counts" and c.mart == "fct_execution"]
    assert "shrank by 2 rows (5 → 3" in check.message and "allowed" in check.message
    assert "documents 2 → 2: 1 unchanged, 1 removed or replaced, 1 new or corrected" in check.observed
    assert "rows of the unchanged documents 2 → 2" in check.observed


def test_lost_rows_of_unchanged_documents_fail_even_when_others_were_removed(tmp_path):
    previous = clean(tmp_path / "previous.duckdb", documents=3, executions=5)  # doc 1: e3; doc 2: e1, e4
    candidate = make_warehouse(tmp_path / "candidate.duckdb", [document(1), document(2)], [execution(1, doc=2)])
    result = run_gate(candidate, previous)
    assert not result.success
    [check] = result.failed()
    assert (check.suite, check.mart) == ("row_counts", "fct_execution")
    assert "rows of documents that did not change are among them (3 → 1)" in check.message


def test_a_mart_without_document_column_may_shrink_only_when_documents_are_gone(tmp_path):
    previous = clean(tmp_path / "previous.duckdb", documents=2, executions=2)
    con = duckdb.connect(str(previous))
    con.execute("insert into main.dim_departments values ('d2', '广州市白云区委政法委')")
    con.close()
    same = clean(tmp_path / "same.duckdb", documents=2, executions=2)
    result = run_gate(same, previous)
    [check] = result.failed()
    assert check.mart == "dim_departments" and "no document of the previous warehouse was removed" in check.message
    fewer = make_warehouse(tmp_path / "fewer.duckdb", [document(1)], [execution(1, doc=1), execution(2, doc=1)])
    result = run_gate(fewer, previous)
    assert result.success, failed_lines(result)
    [check] = [c for c in result.checks if c.suite == "row_counts" and c.mart == "dim_departments"]
    assert "the mart has no document column" in check.message


def test_allow_shrink_true_allows_every_mart(tmp_path):
    previous = clean(tmp_path / "previous.duckdb", documents=2, executions=5)
    candidate = clean(tmp_path / "candidate.duckdb", documents=2, executions=3)
    assert not run_gate(candidate, previous).success
    result = run_gate(candidate, previous, allow_shrink=True)
    assert result.success, failed_lines(result)


def test_allow_shrink(tmp_path):
    previous = clean(tmp_path / "previous.duckdb", documents=2, executions=5)
    candidate = clean(tmp_path / "candidate.duckdb", documents=2, executions=3)
    result = run_gate(candidate, previous, allow_shrink=["fct_execution"])
    assert result.success, result.summary()
    [check] = [c for c in result.checks if c.suite == "row_counts" and c.mart == "fct_execution"]
    assert "shrank by 2 rows" in check.message and "explicitly allowed" in check.message


def test_mart_missing_from_candidate_fails(tmp_path):
    previous = clean(tmp_path / "previous.duckdb")
    candidate = clean(tmp_path / "candidate.duckdb")
    con = duckdb.connect(str(candidate))
    con.execute("drop table main.fct_findings")
    con.close()
    result = run_gate(candidate, previous)
    assert not result.success
    assert "fct_findings: mart_still_present FAILED" in failed_lines(result)


def test_missing_column_fails_closed(tmp_path):
    candidate = clean(tmp_path / "candidate.duckdb")
    con = duckdb.connect(str(candidate))
    con.execute("alter table main.fct_findings drop column severity")
    con.close()
    result = run_gate(candidate, None)
    assert not result.success
    assert "fct_findings: expect_column_values_to_be_in_set(severity) FAILED" in failed_lines(result)
    assert "could not be evaluated" in failed_lines(result)


def test_unreadable_candidate_fails(tmp_path):
    result = run_gate(tmp_path / "missing.duckdb", None)
    assert not result.success
    assert "open_candidate" in failed_lines(result)


def test_only_present_marts_are_validated(tmp_path):
    path = tmp_path / "c.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create table main.fct_findings (finding_id varchar, rule_id varchar, severity varchar)")
    con.execute("insert into main.fct_findings values ('f1', 'R', 'fatal')")
    con.execute("create table main.some_new_mart (x integer)")
    con.close()
    result = run_gate(path, None)
    assert result.marts == ["fct_findings", "some_new_mart"]
    assert {check.suite for check in result.checks} == {"fct_findings"}
    lines = result.failure_lines()
    assert any(line.startswith("fct_findings: expect_column_values_to_be_in_set(severity) FAILED") for line in lines)
    # fct_findings without publication_category fails closed: data not read could hide behind it
    assert any(line.startswith("fct_findings: expect_column_values_to_not_be_null(publication_category) FAILED")
               for line in lines)


def test_gate_leaves_candidate_writable(tmp_path):
    candidate = clean(tmp_path / "candidate.duckdb")
    run_gate(candidate, None)
    duckdb.connect(str(candidate)).close()  # no connection left open


def test_data_docs(tmp_path):
    candidate = make_warehouse(tmp_path / "c.duckdb", [document(1)], [execution(1), execution(1)])
    result = run_gate(candidate, None, data_docs_dir=tmp_path / "docs")
    assert result.data_docs_index == (tmp_path / "docs" / "index.html").resolve()
    assert result.data_docs_index.is_file()
    assert "fct_execution" in result.data_docs_index.read_text()
    assert list((tmp_path / "docs" / "validations" / "fct_execution").rglob("*.html"))


# --- publication status: reported, never a failure; a finding without a category fails closed ------------------

def test_publication_status_complete_and_incomplete(tmp_path):
    from loaders.gate import COMPLETE, INCOMPLETE

    candidate = clean(tmp_path / "c.duckdb")
    result = run_gate(candidate, None)
    assert result.success and result.publication.status == COMPLETE
    assert result.publication.findings == {"publisher_error": 1, "data_not_read": 0, "notice": 1}
    [check] = [c for c in result.checks if c.suite == "publication_status"]
    assert check.success and check.observed.startswith("complete: ")
    con = duckdb.connect(str(candidate))
    con.execute("insert into main.fct_findings values ('f3', 'LOAD-UNPLACED-FIGURE', 'warning', 'data_not_read', "
                "'doc-2.txt'), ('f4', 'LOAD-AMBIGUOUS-ROW', 'error', 'data_not_read', 'doc-2.txt')")
    con.close()
    result = run_gate(candidate, None)
    assert result.success, failed_lines(result)  # data not read does not fail the gate: the build publishes incomplete
    assert result.publication.status == INCOMPLETE and result.publication.incomplete_documents == ["doc-2.txt"]
    [check] = [c for c in result.checks if c.suite == "publication_status"]
    assert check.success and check.observed.startswith("incomplete: 2 findings of data the warehouse could not "
                                                       "read or place, in 1 documents (doc-2.txt)")


@pytest.mark.parametrize("category", [None, "blocker"])
def test_finding_without_a_known_publication_category_fails(tmp_path, category):
    candidate = clean(tmp_path / "c.duckdb")
    con = duckdb.connect(str(candidate))
    con.execute("insert into main.fct_findings values ('f3', 'NEW-RULE-001', 'error', ?, 'doc-2.txt')", [category])
    con.close()
    result = run_gate(candidate, None)
    assert not result.success
    assert "fct_findings: expect_column_values_to_" in failed_lines(result)
    assert "publication_category" in failed_lines(result)


def test_link_methods_of_the_suite_are_those_dbt_accepts():
    """The Great Expectations suite and the dbt contract of fct_stated_figures name the same link methods (a method
    added to the model but not to the suite refused every build whose prose used it)."""
    import yaml

    from loaders.expectations.marts import LINK_METHODS

    models = yaml.safe_load((Path(__file__).resolve().parents[1] / "models" / "marts" / "_marts__models.yml")
                            .read_text(encoding="utf-8"))["models"]
    [stated] = [m for m in models if m["name"] == "fct_stated_figures"]
    [column] = [c for c in stated["columns"] if c["name"] == "link_method"]
    [accepted] = [t["accepted_values"]["arguments"]["values"] for t in column["data_tests"]
                  if isinstance(t, dict) and "accepted_values" in t]
    assert sorted(LINK_METHODS) == sorted(accepted)
    assert "code_from_names_unit_sum" in LINK_METHODS


# --- the expectations scoped to what changed (loaders/gate.py, "Scope of the expectations") ---------------------

def published_with_digests(path: Path) -> Path:
    """A previous warehouse as `yusuan build` publishes it: with the digests its own gate computed."""
    result = run_gate(path, None)
    assert result.success, failed_lines(result)
    con = duckdb.connect(str(path))
    store_digests(con, result.digests)
    con.close()
    return path


def scoped_executions(changed_doc3: dict) -> list[dict]:
    """Six executions of three documents (doc 3 holds e2 and e5), e5 replaced by ``changed_doc3``'s values."""
    rows = [execution(n, doc=1 + n % 3) for n in range(1, 7)]
    rows[4] = execution(5, doc=3, **changed_doc3)
    return rows


def gx_check(result: GateResult, mart: str, expectation: str, column: str) -> GateCheck:
    return next(c for c in result.checks if (c.suite, c.expectation, c.column) == (mart, expectation, column))


def test_a_scoped_gate_reads_the_changed_documents_rows_and_fails_on_theirs(tmp_path):
    previous = published_with_digests(make_warehouse(tmp_path / "previous.duckdb", [document(n) for n in (1, 2, 3)],
                                                     scoped_executions({})))
    candidate = make_warehouse(tmp_path / "candidate.duckdb", [document(n) for n in (1, 2, 3)],
                               scoped_executions({"actual_yuan": -1.00}))
    scoped = run_gate(candidate, previous, scope_to_changes=True)
    check = gx_check(scoped, "fct_execution", "expect_column_values_to_be_between", "actual_yuan")
    assert not check.success and "-1.0" in check.observed and "1 of 2 rows unexpected" in check.observed
    assert "read 2 of 6 rows" in check.message and "1 of 3 documents" in check.message
    # unchanged marts are not read at all, and the whole-file gate finds the same failure
    assert "read 0 of 3 rows" in gx_check(scoped, "dim_documents", "expect_column_values_to_be_unique",
                                          "document_sha256").message
    full = run_gate(candidate, previous)
    assert [(c.suite, c.expectation, c.column) for c in full.failed()] \
        == [(c.suite, c.expectation, c.column) for c in scoped.failed()] \
        == [("fct_execution", "expect_column_values_to_be_between", "actual_yuan")]
    assert "1 of 6 rows unexpected" in gx_check(full, "fct_execution", "expect_column_values_to_be_between",
                                                "actual_yuan").observed


def test_a_scoped_gate_finds_a_changed_rows_key_that_an_unchanged_document_holds(tmp_path):
    previous = published_with_digests(make_warehouse(tmp_path / "previous.duckdb", [document(n) for n in (1, 2, 3)],
                                                     scoped_executions({})))
    candidate = make_warehouse(tmp_path / "candidate.duckdb", [document(n) for n in (1, 2, 3)],
                               scoped_executions({"execution_id": "e1"}))  # e1 is doc 2's, unchanged
    result = run_gate(candidate, previous, scope_to_changes=True)
    check = gx_check(result, "fct_execution", "expect_column_values_to_be_unique", "execution_id")
    assert not check.success and "'e1'" in check.observed
    assert "read 2 of 6 rows" in check.message and "rows sharing a execution_id" in check.message


def test_a_document_changed_under_the_same_sha256_is_read_again(tmp_path):
    """The digests are of the rows' values, not of the document names: doc 1's rows changed in place are read."""
    rows = [execution(n, doc=1 + n % 3) for n in range(1, 7)]
    previous = published_with_digests(make_warehouse(tmp_path / "previous.duckdb", [document(n) for n in (1, 2, 3)],
                                                     rows))
    rows[2] = execution(3, doc=1, computed_rate_pct=5000.00)  # e3 is doc 1's
    candidate = make_warehouse(tmp_path / "candidate.duckdb", [document(n) for n in (1, 2, 3)], rows)
    check = gx_check(run_gate(candidate, previous, scope_to_changes=True), "fct_execution",
                     "expect_column_values_to_be_between", "computed_rate_pct")
    assert not check.success and "read 2 of 6 rows" in check.message


def test_digests_of_another_suite_or_no_scope_read_every_row(tmp_path):
    previous = published_with_digests(make_warehouse(tmp_path / "previous.duckdb", [document(n) for n in (1, 2, 3)],
                                                     scoped_executions({})))
    candidate = make_warehouse(tmp_path / "candidate.duckdb", [document(n) for n in (1, 2, 3)],
                               scoped_executions({"actual_yuan": -1.00}))
    unscoped = gx_check(run_gate(candidate, previous), "fct_execution", "expect_column_values_to_be_between",
                        "actual_yuan")
    assert "[read " not in unscoped.message and "1 of 6 rows unexpected" in unscoped.observed
    con = duckdb.connect(str(previous))
    con.execute("update ops.gate_digests set suite_digest = 'a suite of an older version' where mart = 'fct_execution'")
    con.close()
    other_suite = gx_check(run_gate(candidate, previous, scope_to_changes=True), "fct_execution",
                           "expect_column_values_to_be_between", "actual_yuan")
    assert "[read " not in other_suite.message and "1 of 6 rows unexpected" in other_suite.observed


def test_a_mart_without_a_document_column_is_read_whole_when_it_changed(tmp_path):
    previous = published_with_digests(clean(tmp_path / "previous.duckdb"))
    candidate = clean(tmp_path / "candidate.duckdb")
    con = duckdb.connect(str(candidate))
    con.execute("insert into main.dim_departments values ('d1', '广州市来穗人员服务管理局（重复）')")
    con.close()
    check = gx_check(run_gate(candidate, previous, scope_to_changes=True), "dim_departments",
                     "expect_column_values_to_be_unique", "department_id")
    assert not check.success and "[read " not in check.message and "2 of 2 rows unexpected" in check.observed


def test_stored_digests_read_back_the_same(tmp_path):
    path = published_with_digests(clean(tmp_path / "w.duckdb", documents=3, executions=5))
    con = duckdb.connect(str(path), read_only=True)
    try:
        stored = read_digests(con)
    finally:
        con.close()
    assert stored == run_gate(path, None).digests
    assert set(stored) == {"fct_execution", "dim_documents", "dim_departments", "fct_findings"}
    assert sorted(stored["fct_execution"].documents) == sorted(sha(n) for n in (1, 2, 3))
    assert sum(count for count, _ in stored["fct_execution"].documents.values()) == 5


def test_the_gate_reads_through_the_builds_connection_and_runs_its_checkpoint_beside_the_validation(tmp_path):
    """After a replay the build keeps its read-write connection: the gate reads through it (the file cannot be
    opened read-only beside it) and the checkpoint runs while Great Expectations validates; its failure is raised."""
    path = clean(tmp_path / "candidate.duckdb")
    con = duckdb.connect(str(path))
    try:
        con.execute("insert into main.fct_execution select * replace ('e9' as execution_id, -5 as actual_yuan) "
                    "from main.fct_execution limit 1")  # committed, not checkpointed
        ran = []
        result = run_gate(path, None, connection=con, while_validating=lambda: ran.append(con.execute("checkpoint")))
        assert len(ran) == 1
        assert [(c.suite, c.expectation, c.column) for c in result.failed()] \
            == [("fct_execution", "expect_column_values_to_be_between", "actual_yuan")]

        def failing_checkpoint():
            raise RuntimeError("no space left for the checkpoint")

        with pytest.raises(RuntimeError, match="no space left"):
            run_gate(path, None, connection=con, while_validating=failing_checkpoint)
    finally:
        con.close()


def test_through_the_builds_connection_the_shrink_guard_counts_the_kept_documents_rows_too(tmp_path):
    """The shrink guard reopens the candidate to count the rows of unchanged documents; after a replay it must use the
    build's connection (opening the file read-only beside it is refused): the same verdicts as on the closed file."""
    previous = clean(tmp_path / "previous.duckdb", documents=3, executions=5)  # doc 1: e3; doc 2: e1, e4
    candidate = make_warehouse(tmp_path / "candidate.duckdb", [document(1), document(2)], [execution(1, doc=2)])
    expected = run_gate(candidate, previous).failure_lines()
    con = duckdb.connect(str(candidate))
    try:
        with pytest.raises(duckdb.Error):  # why the connection is passed
            duckdb.connect(str(candidate), read_only=True)
        result = run_gate(candidate, previous, connection=con)
    finally:
        con.close()
    assert result.failure_lines() == expected
    assert any("rows of documents that did not change are among them (3 → 1)" in line for line in expected)


def _outcome(result: GateResult) -> list[tuple]:
    return [(c.suite, c.expectation, c.column, c.success, c.observed, c.message) for c in result.checks]


def test_great_expectations_in_a_process_of_its_own_gives_the_same_checks(tmp_path):
    """A replayed rebuild validates in loaders.gate_process (GX imported beside the replay, not in its process):
    the same checks, observations, scopes, digests and Data Docs as the gate run here, passing and failing."""
    from loaders.gate_process import GateProcess

    previous = published_with_digests(make_warehouse(tmp_path / "previous.duckdb", [document(n) for n in (1, 2, 3)],
                                                     scoped_executions({})))
    candidate = make_warehouse(tmp_path / "candidate.duckdb", [document(n) for n in (1, 2, 3)],
                               scoped_executions({"actual_yuan": -1.00}))
    with GateProcess() as process:
        scoped = run_gate(candidate, previous, tmp_path / "docs-process", scope_to_changes=True, expectations=process)
        whole = run_gate(candidate, previous, expectations=process)
        assert process.fallback_reason is None
    here = run_gate(candidate, previous, tmp_path / "docs-here", scope_to_changes=True)
    assert _outcome(scoped) == _outcome(here) and scoped.digests == here.digests
    assert _outcome(whole) == _outcome(run_gate(candidate, previous))
    assert [(c.suite, c.column) for c in scoped.failed()] == [("fct_execution", "actual_yuan")]
    assert "read 2 of 6 rows" in gx_check(scoped, "fct_execution", "expect_column_values_to_be_between",
                                          "actual_yuan").message
    assert scoped.data_docs_index == tmp_path / "docs-process" / "index.html" and scoped.data_docs_index.exists()


def test_a_gate_process_that_died_leaves_the_validation_to_the_build(tmp_path):
    from loaders.gate_process import GateProcess

    candidate = make_warehouse(tmp_path / "candidate.duckdb", [document(1)],
                               [execution(1), execution(2, actual_yuan=-1.00)])
    expected = _outcome(run_gate(candidate, None))
    process = GateProcess()
    process._process.kill()  # killed (out of memory, by hand) before the gate asks it anything
    process._process.wait()
    try:
        result = run_gate(candidate, None, expectations=process)
    finally:
        process.close()
    assert _outcome(result) == expected and not result.success
    assert "the gate's process is gone" in process.fallback_reason and "exit code -9" in process.fallback_reason


def test_an_error_of_great_expectations_in_the_process_is_raised_in_the_build(tmp_path):
    """Outside one mart's validation (which becomes a failed check) an error stops the gate, here as there."""
    from loaders.gate_process import GateProcess, GateProcessError

    candidate = clean(tmp_path / "candidate.duckdb")
    not_a_folder = tmp_path / "docs"
    not_a_folder.write_text("a file where the Data Docs folder should be")
    with pytest.raises(FileExistsError):
        run_gate(candidate, None, not_a_folder)
    with GateProcess() as process, pytest.raises(GateProcessError, match="FileExistsError"):
        run_gate(candidate, None, not_a_folder, expectations=process)


def test_a_gate_process_never_asked_is_killed_on_close_not_left_importing():
    """A build that ends before its gate (nothing to rebuild, an error) has no use for the import under way."""
    import signal

    from loaders.gate_process import GateProcess

    process = GateProcess()
    process.close()
    assert process._process.wait(timeout=60) == -signal.SIGKILL
    process.close()  # a second close does nothing
