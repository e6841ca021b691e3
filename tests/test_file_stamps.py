"""Triage does not read again a file whose stamp (size, mtime, ctime, inode) it kept; any change is still seen."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import duckdb
import pytest

from loaders import file_stamps, limits
from loaders import load as load_module
from loaders.load import load_directory

from conftest import copy_documents

REPORT_2023 = "baiyun-zfw-2023-laisui-evaluation.txt"
REPORT_2022 = "baiyun-zfw-2022-laisui-evaluation.txt"


@pytest.fixture()
def docs(tmp_path) -> Path:
    return copy_documents(tmp_path / "docs", [REPORT_2023, REPORT_2022])


@pytest.fixture()
def reads(monkeypatch) -> list[str]:
    """The file names read from disk, in order, by triage and (a few documents are parsed in this process) by the
    parser: a file parsed again is read twice."""
    seen: list[str] = []
    original = load_module.read_document

    def counting(path, manifest=None):
        seen.append(path.name)
        return original(path, manifest)

    monkeypatch.setattr(load_module, "read_document", counting)
    return seen


@pytest.fixture()
def trust_now(monkeypatch) -> None:
    """Files of a test are written moments before they are loaded: let their stamps be kept at once."""
    monkeypatch.setattr(file_stamps, "RACY_SECONDS", 0.0)


def actual_spending(con, file_name: str) -> list[tuple]:
    return con.execute("select value_text from raw.figures where file_name = ? and measure = 'actual_spending'",
                       [file_name]).fetchall()


def test_an_unchanged_file_is_not_read_again(docs, tmp_path, reads, trust_now):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    first = load_directory(con, docs)
    assert sorted(reads) == [REPORT_2022, REPORT_2022, REPORT_2023, REPORT_2023] and first.files_read == 2
    reads.clear()
    second = load_directory(con, docs)
    assert reads == [] and second.files_read == 0
    assert [o.status for o in second.outcomes] == ["unchanged", "unchanged"]
    stamped = con.execute("select file_name, sha256 from ops.file_stamps order by 1").fetchall()
    registered = con.execute("select file_name, document_sha256 from raw.documents order by 1").fetchall()
    assert stamped == registered


def test_a_file_changed_moments_ago_is_read_again(docs, tmp_path, reads):
    """Default margin: a file whose ctime is within RACY_SECONDS of its reading keeps no stamp."""
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load_directory(con, docs)
    assert con.execute("select count(*) from ops.file_stamps").fetchone()[0] == 0
    reads.clear()
    second = load_directory(con, docs)
    assert sorted(reads) == [REPORT_2022, REPORT_2023] and second.files_read == 2


def test_a_change_that_keeps_size_and_mtime_is_seen(docs, tmp_path, reads, trust_now):
    """The same size, mtime set back: ctime still moves, so the file is read and its new figure lands."""
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load_directory(con, docs)
    assert actual_spending(con, REPORT_2023) == [("15.13",)]
    path = docs / REPORT_2023
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("实际支出 15.13万元", "实际支出 15.12万元"),
                    encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert after.st_ctime_ns != before.st_ctime_ns
    reads.clear()
    summary = load_directory(con, docs)
    assert reads == [REPORT_2023, REPORT_2023] and summary.files_read == 1
    assert {o.file_name: o.status for o in summary.outcomes} == {REPORT_2023: "completed", REPORT_2022: "unchanged"}
    assert actual_spending(con, REPORT_2023) == [("15.12",)]


def test_a_file_replaced_by_another_is_read(docs, tmp_path, trust_now):
    """Swapping two files' names (new inodes) is a change of both."""
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load_directory(con, docs)
    a, b = docs / REPORT_2023, docs / REPORT_2022
    a.rename(docs / "swap.tmp")
    b.rename(a)
    (docs / "swap.tmp").rename(b)
    summary = load_directory(con, docs)
    assert summary.files_read == 2
    on_disk = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (a, b)}
    assert dict(con.execute("select file_name, document_sha256 from raw.documents").fetchall()) == on_disk
    assert dict(con.execute("select file_name, sha256 from ops.file_stamps").fetchall()) == on_disk


def test_a_removed_file_loses_its_stamp(docs, tmp_path, trust_now):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load_directory(con, docs)
    (docs / REPORT_2022).unlink()
    load_directory(con, docs)
    assert con.execute("select file_name from ops.file_stamps").fetchall() == [(REPORT_2023,)]


def test_a_stamped_file_over_a_lowered_size_limit_is_refused(docs, tmp_path, reads, trust_now, monkeypatch):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load_directory(con, docs)
    size = (docs / REPORT_2023).stat().st_size
    monkeypatch.setattr(limits, "max_document_bytes", lambda: size - 1)
    reads.clear()
    summary = load_directory(con, docs)
    outcome = {o.file_name: o for o in summary.outcomes}[REPORT_2023]
    assert outcome.status == "failed" and outcome.rule_id == limits.RULE_TOO_LARGE
    assert REPORT_2023 in reads
