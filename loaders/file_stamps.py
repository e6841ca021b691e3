"""What triage learned about a file, kept with the file's stamp so an unchanged file is not read again.

Triage reads and hashes every file of the folder on every build (sha256 of the bytes, and for text the sha256 of
the normalised decoded text: ``loaders.identity``). At 10,000 documents that is most of a one-document rebuild's
load step. ``ops.file_stamps`` keeps, per file name, the file's stamp (size, mtime, ctime, inode, device) and what
triage found (sha256, content key, encoding); a file whose stamp is unchanged is taken as read.

When a stamp can be trusted: the kernel sets a file's ctime to the current time on every change of its content or
metadata, and no program can set it back (``touch -d`` and ``os.utime`` change mtime and move ctime forward). A
stamp is therefore kept only when the file's ctime was at least ``RACY_SECONDS`` older than the moment triage
started reading it: any later write gives a ctime newer than the kept one. A file changed in the same clock tick
as it was read is "racy" (as git calls it) and is simply read again next time. Copying or restoring the folder
elsewhere changes inode and ctime: every file is read again once.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

import duckdb

from loaders.identity import Seen

RACY_SECONDS = 2.0  # a stamp whose ctime is this close to the moment it was read is not kept (clock tick, NFS skew)

DDL = (
    "create schema if not exists ops",
    """
    create table if not exists ops.file_stamps (
        file_name   varchar primary key,  -- the file in the documents folder
        size_bytes  bigint not null,
        mtime_ns    bigint not null,
        ctime_ns    bigint not null,
        inode       ubigint not null,
        device      ubigint not null,
        sha256      varchar not null,     -- what triage found when it read the file
        key_kind    varchar not null,     -- 'text' (normalised decoded text) or 'bytes' (PDF)
        key_sha256  varchar not null,
        encoding    varchar                -- null for a PDF
    )
    """,
)
COLUMNS = ("file_name", "size_bytes", "mtime_ns", "ctime_ns", "inode", "device", "sha256", "key_kind", "key_sha256",
           "encoding")


def _stamp(st: os.stat_result) -> tuple[int, int, int, int, int]:
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev


@dataclass
class FileStamps:
    """The stamps kept by the last build (``known``) and those to keep after this triage (``fresh``)."""

    known: dict[str, tuple]
    fresh: dict[str, tuple]
    started_ns: int
    reused: int = 0

    @classmethod
    def read(cls, con: duckdb.DuckDBPyConnection) -> "FileStamps":
        for statement in DDL:
            con.execute(statement)
        rows = con.execute(f"select {', '.join(COLUMNS)} from ops.file_stamps").fetchall()
        return cls({row[0]: row[1:] for row in rows}, {}, time.time_ns())

    def seen(self, file_name: str, st: os.stat_result) -> Seen | None:
        """What triage found in this file when its stamp was ``st``'s; None when the file must be read."""
        row = self.known.get(file_name)
        if row is None or row[:5] != _stamp(st):
            return None
        self.fresh[file_name] = row
        self.reused += 1
        sha256, key_kind, key_sha256, encoding = row[5:]
        return Seen(file_name, sha256, (key_kind, key_sha256), encoding)

    def remember(self, file_name: str, st: os.stat_result, seen: Seen) -> None:
        """Keep what triage found in a file it read, unless the file changed too recently to trust its stamp."""
        if st.st_ctime_ns > self.started_ns - int(RACY_SECONDS * 1e9):
            return
        self.fresh[file_name] = (*_stamp(st), seen.sha256, seen.key[0], seen.key[1], seen.encoding)

    def write(self, con: duckdb.DuckDBPyConnection) -> None:
        """Replace the kept stamps by this triage's (files gone, changed or racy lose theirs)."""
        gone = [name for name, row in self.known.items() if self.fresh.get(name) != row]
        new = [(name, *row) for name, row in self.fresh.items() if self.known.get(name) != row]
        if not gone and not new:
            return
        con.execute("begin transaction")
        try:
            if gone:
                con.execute("delete from ops.file_stamps where file_name in (select unnest(?::varchar[]))", [gone])
            if new:
                _insert_many(con, new)
            con.execute("commit")
        except Exception:
            con.execute("rollback")
            raise


def _insert_many(con: duckdb.DuckDBPyConnection, rows: list[tuple]) -> None:
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame = frame.astype({"size_bytes": "int64", "mtime_ns": "int64", "ctime_ns": "int64", "inode": "uint64",
                          "device": "uint64"})
    frame["encoding"] = frame["encoding"].astype(object).where(frame["encoding"].notna(), None)
    con.register("file_stamps_frame", frame)
    try:
        con.execute(f"insert into ops.file_stamps ({', '.join(COLUMNS)}) select {', '.join(COLUMNS)} "
                    "from file_stamps_frame")
    finally:
        con.unregister("file_stamps_frame")
