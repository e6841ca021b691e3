"""Incremental rebuilds (issue 15): a build that recomputes only the changed documents' rows gives the same warehouse,
row for row, as a build from scratch of the same folder.

A generated corpus (30 documents, a share with injected faults so that rules fire) is built; then documents are
changed (a printed figure of a report and of a 部门预算), added, removed and renamed, and an unreadable file is
added; that folder is built incrementally on the published warehouse, and from scratch into a new one. Every table
of the marts and of the intermediate models is compared row for row (as multisets). The only columns left out are
the ones that name a load rather than content: ``load_id``, ``registered_at`` (when a document was landed) and the
``finding_id`` of loader findings (``<load_id>:<index>``).
"""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from loaders import build as pipeline
from loaders.compare import explain
from loaders.synthetic.corpus import write_corpus

SEED = 7
DOCUMENTS = 30


def _manifest(folder: Path) -> tuple[list[str], list[dict]]:
    with (folder / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames), list(reader)


def _write_manifest(folder: Path, columns: list[str], rows: list[dict]) -> None:
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def _change_an_amount(path: Path, after: str) -> None:
    """Change the last digit of the first amount (digits, a point, two digits) printed after ``after``."""
    text = path.read_text(encoding="utf-8")
    match = re.compile(r"\d+\.\d\d").search(text, text.index(after) + len(after))
    assert match is not None
    last = match.end() - 1
    path.write_text(text[:last] + ("2" if text[last] == "1" else "1") + text[last + 1:], encoding="utf-8")


def _apply_changes(docs: Path, extra: Path) -> dict[str, list[str]]:
    columns, rows = _manifest(docs)
    names = [row["file_name"] for row in rows]
    evaluation = next(n for n in names if "-evaluation-" in n)
    budget = next(n for n in names if "-department-budget-" in n)
    final_accounts = next(n for n in names if "-final-accounts-" in n)
    removed = [n for n in names if "-project-targets-" in n][:1] + [n for n in names if "-department-targets-" in n][:1]
    renamed = [n for n in names if "-evaluation-" in n][1]
    # changed: a report's actual spending, a 部门预算's first figure of 表三, a 决算's 本年收入合计
    _change_an_amount(docs / evaluation, "实际支出 ")
    _change_an_amount(docs / budget, "\n表三\n")
    _change_an_amount(docs / final_accounts, "本年收入合计")
    for name in removed:
        (docs / name).unlink()
    rows = [row for row in rows if row["file_name"] not in removed]
    new_name = "renamed-" + renamed
    (docs / renamed).rename(docs / new_name)
    for row in rows:
        if row["file_name"] == renamed:
            row["file_name"] = new_name
    _, extra_rows = _manifest(extra)
    for row in extra_rows:
        shutil.copyfile(extra / row["file_name"], docs / row["file_name"])
    rows.extend(extra_rows)
    _write_manifest(docs, columns, rows)
    (docs / "unreadable.txt").write_bytes(b"\x00\x01\x02 not a document \xff\xfe\x00")
    return {"changed": [evaluation, budget, final_accounts], "removed": removed, "renamed": [renamed],
            "added": [row["file_name"] for row in extra_rows]}


def _count(warehouse: Path, sql: str):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def built_corpus(base: Path) -> tuple[Path, Path, Path]:
    """(documents, extra documents, warehouse): the corpus (and three documents to add later) written in ``base``
    and built once, from scratch."""
    docs, extra = base / "docs", base / "extra"
    write_corpus(docs, DOCUMENTS, seed=SEED, fault_share=0.4)
    write_corpus(extra, 3, seed=SEED, fault_share=0.4, start=DOCUMENTS)
    warehouse = base / "first" / "yusuan.duckdb"
    warehouse.parent.mkdir()
    first = pipeline.build(docs, warehouse, workers=1)
    assert first.published and first.dbt_mode == "full refresh"  # nothing published before: from scratch
    assert first.dbt_engine == "dbt"
    return docs, extra, warehouse


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> tuple[Path, Path, Path]:
    """(documents, extra documents, warehouse): the corpus built once, from scratch."""
    return built_corpus(tmp_path_factory.mktemp("incremental"))


def _copies(published, tmp_path: Path) -> tuple[Path, Path]:
    docs, _extra, warehouse = published
    work = tmp_path / "docs"
    shutil.copytree(docs, work)
    copy = tmp_path / "incremental" / "yusuan.duckdb"
    copy.parent.mkdir()
    shutil.copyfile(warehouse, copy)
    return work, copy


def test_incremental_build_equals_a_build_from_scratch(published, tmp_path):
    work, incremental = _copies(published, tmp_path)
    findings_before = _count(incremental, "select rule_id, file_name, message from fct_findings order by all")

    changes = _apply_changes(work, published[1])
    second = pipeline.build(work, incremental, workers=1)
    assert second.published, second.dbt.failed_nodes() if second.dbt else second.refusal
    assert second.dbt_mode == "incremental"
    # the scope: 3 changed (old and new sha256), 2 removed, 1 renamed, 3 added; the unreadable file has no sha256
    # (its finding has none: rows without a document are recomputed in every build)
    assert second.documents_in_scope == 3 * 2 + 2 + 1 + 3
    assert _count(incremental, "select count(*) from raw.documents") == [(DOCUMENTS - 2 + 3,)]
    findings_after = _count(incremental, "select rule_id, file_name, message from fct_findings order by all")
    assert findings_after != findings_before  # the changes did change what is published

    full = tmp_path / "full" / "yusuan.duckdb"
    full.parent.mkdir()
    scratch = pipeline.build(work, full, workers=1)
    assert scratch.published and scratch.dbt_mode == "full refresh"
    assert not (found := explain(incremental, full)), found
    # the renamed document is under its new name only, the removed ones are gone from every mart
    old_name = changes["renamed"][0]
    assert _count(incremental, f"select count(*) from fct_execution where file_name = '{old_name}'") == [(0,)]
    assert _count(incremental, f"select count(*) from fct_execution where file_name = 'renamed-{old_name}'") \
        == _count(published[2], f"select count(*) from fct_execution where file_name = '{old_name}'") != [(0,)]
    for name in changes["removed"]:
        assert _count(incremental, f"select count(*) from fct_findings where file_name = '{name}'") == [(0,)]
        assert _count(incremental, f"select count(*) from intermediate.int_table_cells where file_name = '{name}'") == [(0,)]
    assert _count(incremental, "select count(*) from fct_findings where file_name = 'unreadable.txt' "
                  "and rule_id like 'LOAD-FILE-%'") == [(1,)]


def _recording_dbt(monkeypatch) -> list[list[str]]:
    """run_dbt replaced by a recorder that fails the build (nothing published): what dbt would have been given."""
    calls = []

    def fake(warehouse, command="build", extra=None, callbacks=None):
        calls.append(list(extra or []))
        return pipeline.DbtOutcome(success=False, error="not run: recorded by the test")

    monkeypatch.setattr(pipeline, "run_dbt", fake)
    return calls


def test_full_refresh_option_reruns_dbt_from_scratch(published, tmp_path, monkeypatch):
    work, warehouse = _copies(published, tmp_path)
    calls = _recording_dbt(monkeypatch)
    report = pipeline.build(work, warehouse, workers=1)  # nothing changed: dbt is not rerun at all
    assert report.published and calls == [] and report.dbt is None
    report = pipeline.build(work, warehouse, workers=1, full_refresh=True)
    assert report.dbt_mode == "full refresh" and calls == [[*pipeline.INCREMENTAL_VARS, "--full-refresh"]]


def test_a_changed_document_is_rebuilt_incrementally_unless_the_project_changed(published, tmp_path, monkeypatch):
    work, warehouse = _copies(published, tmp_path)
    _change_an_amount(next(work.glob("*-evaluation-*.txt")), "实际支出 ")
    calls = _recording_dbt(monkeypatch)
    report = pipeline.build(work, warehouse, workers=1)
    assert report.dbt_mode == "incremental" and report.documents_in_scope == 2  # old and new sha256
    assert calls == [pipeline.INCREMENTAL_VARS + pipeline.NOT_RERUN_WHEN_INCREMENTAL]
    monkeypatch.setattr(pipeline, "project_fingerprint", lambda: "a changed dbt project")
    report = pipeline.build(work, warehouse, workers=1)
    assert report.dbt_mode == "full refresh" and calls[-1] == [*pipeline.INCREMENTAL_VARS, "--full-refresh"]


def test_scope_is_every_document_whose_rows_can_differ():
    before = ({("a", "a.txt", "/d/a.txt", "t1"), ("b", "b.txt", "/d/b.txt", "t1"), ("c", "c.txt", "/d/c.txt", "t1"),
               ("d", "d.txt", "/d/d.txt", "t1"), ("e", "e.txt", "/d/e.txt", "t1")}, {"f"})
    after = ({("a", "a.txt", "/d/a.txt", "t1"),          # unchanged
              ("b2", "b.txt", "/d/b.txt", "t2"),         # b.txt changed: b out, b2 in
              ("c", "c2.txt", "/d/c2.txt", "t1"),        # renamed
              ("d", "d.txt", "/d/d.txt", "t2"),          # re-parsed (a new parser version)
              ("g", "g.txt", "/d/g.txt", "t2")},         # added; e.txt removed
             {"h"})                                      # f's LOAD-FILE finding cleared, h's added
    assert pipeline.changed_documents(before, after) == {"b", "b2", "c", "d", "e", "f", "g", "h"}
    assert pipeline.changed_documents(before, before) == {"f"}


def test_full_refresh_when_nothing_was_published_or_the_project_changed():
    assert pipeline._needs_full_refresh(None, "fp") is not None
    assert pipeline._needs_full_refresh(("run", "old"), "fp") is not None
    assert pipeline._needs_full_refresh(("run", None), "fp") is not None
    assert pipeline._needs_full_refresh(("run", "fp"), "fp") is None


def _compiled(macro_call: str, tmp_path: Path) -> str:
    """The SQL a macro of this project renders to (dbt compile --inline, dev target on a scratch file)."""
    import os

    from dbt.cli.main import dbtRunner

    root = Path(__file__).resolve().parent.parent
    previous = os.environ.get("YUSUAN_DEV_WAREHOUSE")
    os.environ["YUSUAN_DEV_WAREHOUSE"] = str(tmp_path / "scratch.duckdb")
    try:
        result = dbtRunner().invoke(["compile", "--inline", macro_call, "--project-dir", str(root),
                                     "--profiles-dir", str(root), "--quiet", "--log-path", str(tmp_path / "logs"),
                                     "--target-path", str(tmp_path / "target")])
    finally:
        if previous is None:
            os.environ.pop("YUSUAN_DEV_WAREHOUSE", None)
        else:
            os.environ["YUSUAN_DEV_WAREHOUSE"] = previous
    assert result.success, result.exception
    return result.result.results[0].node.compiled_code


def test_department_scope_is_every_document_of_a_department_a_changed_document_names(tmp_path):
    """int_statement_text_failures (NAR-PRIOR, NAR-TARGETS: a document against its department's other documents) is
    recomputed for the documents of every department a document in scope names, before or after the load, matched
    by the department key dim_departments uses (中国共产党…委员会… and 中共…委… are one department)."""
    sql = _compiled("{{ department_scope_documents() }}", tmp_path)
    con = duckdb.connect()
    con.execute("create schema raw; create schema ops")
    con.execute("create table raw.documents (document_sha256 varchar, department varchar)")
    con.execute("""insert into raw.documents values
        ('a-new', '中国共产党广州市番禺区委员会政法委员会'),  -- changed: a-old -> a-new
        ('b', '中共广州市番禺区委政法委员会'),                -- the same department, printed short
        ('c', '广州市教育局'),                                -- another department
        ('d', '广州市财政局'),                                -- the department of a removed document
        ('e', null),                                          -- no department
        ('f', null)                                           -- no department, added
    """)
    con.execute("create table ops.changed_documents (document_sha256 varchar)")
    con.execute("insert into ops.changed_documents values ('a-old'), ('a-new'), ('removed'), ('f')")
    con.execute("create table ops.changed_departments (department_name varchar)")
    con.execute("insert into ops.changed_departments values ('中国共产党广州市番禺区委员会政法委员会'), ('广州市财政局')")
    scope = sorted(r[0] for r in con.execute(sql).fetchall())
    assert scope == ["a-new", "a-old", "b", "d", "f", "removed"]


def test_a_build_writes_the_departments_of_the_documents_in_scope(published, tmp_path):
    """ops.changed_departments: the departments the changed documents name after the load, and the departments of
    removed documents, known only from before it."""
    work, warehouse = _copies(published, tmp_path)
    columns, rows = _manifest(work)
    changed = next(row for row in rows if "-evaluation-" in row["file_name"])
    removed = next(row for row in rows if "-department-targets-" in row["file_name"])
    _change_an_amount(work / changed["file_name"], "实际支出 ")
    (work / removed["file_name"]).unlink()
    _write_manifest(work, columns, [row for row in rows if row is not removed])
    report = pipeline.build(work, warehouse, workers=1, replay_allowed=False)
    assert report.published and report.dbt_mode == "incremental"
    assert _count(warehouse, "select department_name from ops.changed_departments order by 1") == sorted(
        {(changed["department"],), (removed["department"],)})
