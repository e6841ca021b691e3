"""Reading a document file: bytes, sha256, encoding, and what the manifest says about it.

Nothing here interprets figures. Errors are ``DocumentError`` with a message that names the file and
the reason, so a batch can report them and go on.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

SUPPORTED_SUFFIXES = {".txt", ".pdf"}
MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ["file_name", "kind", "fiscal_year", "department", "unit", "source", "notes"]


class DocumentError(Exception):
    """A document that cannot be read; str() names the file and the reason."""

    def __init__(self, file_name: str, reason: str):
        self.file_name = file_name
        self.reason = reason
        super().__init__(f"{file_name}: {reason}")


@dataclass(frozen=True)
class ManifestEntry:
    file_name: str
    kind: str | None = None
    fiscal_year: int | None = None
    department: str | None = None
    unit: str | None = None
    source: str | None = None


@dataclass
class Document:
    """A document as read from disk: what every parser receives."""

    path: Path
    file_name: str
    sha256: str
    size_bytes: int
    data: bytes
    encoding: str | None = None  # None for PDF
    text: str | None = None  # decoded text, for text documents
    manifest: ManifestEntry | None = None
    lines: list[str] = field(default_factory=list)

    @property
    def is_pdf(self) -> bool:
        return self.data.startswith(b"%PDF")


def _cjk_share(text: str) -> float:
    if not text:
        return 0.0
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return cjk / max(1, sum(1 for ch in text if not ch.isspace()))


def decode_text(file_name: str, data: bytes) -> tuple[str, str]:
    """Decode a text document: UTF-8 (with or without BOM) or GB18030/GBK. Returns (text, encoding)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # A UTF-8 file cut in the middle of a character fails only in its last few bytes.
    if utf8_error.start >= len(data) - 3 and utf8_error.reason == "unexpected end of data":
        raise DocumentError(
            file_name,
            f"truncated file: it ends in the middle of a UTF-8 character (byte {utf8_error.start} of {len(data)})",
        )
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            file_name,
            f"unknown text encoding: not UTF-8 (invalid byte at {utf8_error.start}) and not GBK/GB18030 "
            f"(invalid byte at {exc.start})",
        ) from None
    if _cjk_share(text) < 0.2:
        raise DocumentError(
            file_name,
            "unknown text encoding: not UTF-8, and read as GBK it is not Chinese text",
        )
    return text, "gb18030"


def read_document(path: Path, manifest: dict[str, ManifestEntry] | None = None) -> Document:
    file_name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(file_name, f"cannot read the file: {exc.strerror or exc}") from None
    sha = hashlib.sha256(data).hexdigest()
    doc = Document(
        path=path,
        file_name=file_name,
        sha256=sha,
        size_bytes=len(data),
        data=data,
        manifest=(manifest or {}).get(file_name),
    )
    if not data.strip():
        raise DocumentError(file_name, "empty file: it holds no text")
    if doc.is_pdf:
        return doc
    if path.suffix.lower() == ".pdf":
        raise DocumentError(file_name, "broken PDF: the file is named .pdf but does not start with %PDF")
    if b"\x00" in data[:65536]:
        raise DocumentError(file_name, "binary file: it contains NUL bytes, so it is neither text nor PDF")
    text, encoding = decode_text(file_name, data)
    doc.text = text
    doc.encoding = encoding
    doc.lines = text.splitlines()
    return doc


def read_manifest(directory: Path) -> dict[str, ManifestEntry]:
    """documents/manifest.csv: what a document does not print (kind, fiscal year, department, unit, source)."""
    path = directory / MANIFEST_NAME
    if not path.exists():
        return {}
    entries: dict[str, ManifestEntry] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in ("file_name", "kind") if c not in (reader.fieldnames or [])]
        if missing:
            raise DocumentError(MANIFEST_NAME, f"manifest lacks the columns {missing}")
        for number, row in enumerate(reader, start=2):
            name = (row.get("file_name") or "").strip()
            if not name:
                continue
            year_text = (row.get("fiscal_year") or "").strip()
            if year_text and not re.fullmatch(r"\d{4}", year_text):
                raise DocumentError(MANIFEST_NAME, f"line {number}: fiscal_year {year_text!r} is not a year")
            entries[name] = ManifestEntry(
                file_name=name,
                kind=(row.get("kind") or "").strip() or None,
                fiscal_year=int(year_text) if year_text else None,
                department=(row.get("department") or "").strip() or None,
                unit=(row.get("unit") or "").strip() or None,
                source=(row.get("source") or "").strip() or None,
            )
    return entries


def list_document_paths(directory: Path) -> list[Path]:
    """Every candidate document in a folder (not the manifest, not hidden files), in a stable order."""
    return sorted(
        p
        for p in directory.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.name != MANIFEST_NAME
        and p.suffix.lower() not in {".md", ".csv", ".json", ".duckdb", ".wal", ".lock"}
    )
