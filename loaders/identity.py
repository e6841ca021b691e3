"""Identity of a document by its content, not its file name.

Two files are the same document when their bytes are equal (sha256) or, for text documents, when their decoded
text is equal once normalised: a byte-order mark added, GBK instead of UTF-8, CRLF or CR instead of LF or
a different Unicode normal form does not make a new document, so it is never landed (and summed) twice.

A document whose bytes are registered under a file name that is no longer in the folder (or that now holds other
content) was renamed or moved: its rows are renamed in place and kept, not deleted and parsed again.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

from loaders.documents import Document
from loaders.schema import DOCUMENT_TABLES


def normalised_text(text: str) -> str:
    """The text as a reader sees it: no BOM, LF line ends, NFC, no trailing blanks on lines or at the end."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).rstrip()


def content_key(doc: Document) -> tuple[str, str]:
    """("text", sha256 of the normalised decoded text) for a text document; ("bytes", sha256) for a PDF."""
    if doc.text is None:
        return "bytes", doc.sha256
    return "text", hashlib.sha256(normalised_text(doc.text).encode("utf-8")).hexdigest()


@dataclass
class Seen:
    """What triage learned about one readable file of the folder."""

    file_name: str
    sha256: str
    key: tuple[str, str]
    encoding: str | None


def canonical_files(seen: list[Seen], registered_by_sha: dict[str, str]) -> dict[tuple[str, str], str]:
    """For every content key, the file that carries it: the file already registered with those bytes under its
    own name when there is one (so the published rows stay), else the first file in folder order."""
    chosen: dict[tuple[str, str], str] = {}
    for entry in seen:
        if registered_by_sha.get(entry.sha256) == entry.file_name:
            chosen[entry.key] = entry.file_name
    for entry in seen:
        chosen.setdefault(entry.key, entry.file_name)
    return chosen


def duplicate_message(entry: Seen, original: Seen) -> str:
    if entry.sha256 == original.sha256:
        return (f"{entry.file_name}: duplicate of {original.file_name} (same sha256 {entry.sha256[:12]}…); "
                "not loaded twice")
    encodings = ("" if entry.encoding == original.encoding
                 else f" ({entry.encoding or 'PDF'} here, {original.encoding or 'PDF'} there)")
    return (f"{entry.file_name}: duplicate of {original.file_name}: the same text in another encoding, with a "
            f"byte-order mark or other line ends{encodings}; not loaded (nor summed) twice")


def rename_document(con, old_name: str, new_name: str, new_path: str) -> None:
    """Give the rows of ``old_name`` (every raw table and the ledger) the name ``new_name``: one transaction."""
    con.execute("begin transaction")
    try:
        for table in (*DOCUMENT_TABLES, "raw.load_findings", "raw.loads"):
            con.execute(f"update {table} set file_name = ? where file_name = ?", [new_name, old_name])
        con.execute("update raw.documents set file_name = ?, file_path = ? where file_name = ?",
                    [new_name, new_path, old_name])
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


def clear_file_errors(con, file_names: list[str]) -> None:
    """A file that loads (or is unchanged) carries no LOAD-FILE-* error of an earlier failed load."""
    if file_names:
        con.execute("delete from raw.load_findings where rule_id like 'LOAD-FILE-%' "
                    "and file_name in (select unnest(?::varchar[]))", [file_names])
