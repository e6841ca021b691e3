"""Reading a document file: bytes, sha256, encoding, and what the manifest says about it.

Nothing here interprets figures. Errors are ``DocumentError`` with a message that names the file and
the reason, so a batch can report them and go on.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

SUPPORTED_SUFFIXES = {".txt", ".pdf"}
MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ["file_name", "kind", "fiscal_year", "department", "unit", "source", "notes"]


class DocumentError(Exception):
    """A document that cannot be read; str() names the file and the reason."""

    def __init__(self, file_name: str, reason: str, rule_id: str = "LOAD-FILE-UNREADABLE"):
        self.file_name = file_name
        self.reason = reason
        self.rule_id = rule_id
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


def utf16_variant(data: bytes) -> str | None:
    """"utf-16" when the bytes are UTF-16 text: a UTF-16 byte-order mark, or (without one) NUL bytes on every
    other position of a sample, as ASCII and CJK text in UTF-16 has and a binary file does not."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and not data.startswith(b"\xff\xfe\x00\x00"):
        return "utf-16"
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def decode_text(file_name: str, data: bytes) -> tuple[str, str]:
    """Decode a text document: UTF-8 (with or without BOM), UTF-16 (with a BOM, or detected by its NUL
    pattern) or GB18030/GBK. Returns (text, encoding)."""
    variant = utf16_variant(data)
    if variant is not None:
        try:
            return data.decode(variant).lstrip("\ufeff"), variant
        except UnicodeDecodeError as exc:
            raise DocumentError(file_name, f"broken UTF-16 text: invalid bytes at byte offset {exc.start}; save it "
                                "again as UTF-8") from None
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
    from loaders.limits import RULE_TOO_LARGE, max_document_bytes, too_large_reason

    file_name = path.name
    limit = max_document_bytes()
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError(file_name, f"cannot read the file: {exc.strerror or exc}") from None
    if size > limit:
        raise DocumentError(file_name, too_large_reason(size, limit), rule_id=RULE_TOO_LARGE)
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
    if b"\x00" in data[:65536] and utf16_variant(data) is None:
        raise DocumentError(file_name, "binary file: it contains NUL bytes, so it is neither text nor PDF")
    text, encoding = decode_text(file_name, data)
    if not text.strip():  # blanks only, full-width spaces included
        raise DocumentError(file_name, "empty file: it holds no text (only blanks)")
    doc.text = text
    doc.encoding = encoding
    doc.lines = text.splitlines()
    return doc


MANIFEST_FIX = ("save it as UTF-8 (in Excel: 另存为 → 'CSV UTF-8 (逗号分隔)'; in an editor: encoding UTF-8) or as "
                "GBK/GB18030")


@dataclass
class Manifest:
    """documents/manifest.csv as read: the rows kept, the encoding detected and every problem, per row."""

    entries: dict[str, ManifestEntry] = field(default_factory=dict)
    encoding: str | None = None
    problems: list[str] = field(default_factory=list)  # rows left out: each names the manifest, the line, the reason
    notes: list[str] = field(default_factory=list)  # rows kept but worth a word: a row for a file not in the folder


def decode_manifest(data: bytes) -> tuple[str, str]:
    """The manifest's text and encoding: UTF-8 (with or without BOM), UTF-16 (BOM), else GB18030 (GBK).
    Raises DocumentError naming the byte offset and the fix when none of them decodes it."""
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = ["utf-8-sig"]
    elif utf16_variant(data) is not None:
        encodings = [utf16_variant(data)]
    else:
        encodings = ["utf-8", "gb18030"]
    errors = []
    for encoding in encodings:
        try:
            text = data.decode(encoding).lstrip("\ufeff")
        except UnicodeDecodeError as exc:
            errors.append(f"not {encoding.upper()} (invalid byte 0x{data[exc.start]:02x} at byte offset {exc.start})")
            continue
        return text, {"utf-8-sig": "utf-8-bom", "gb18030": "gbk/gb18030"}.get(encoding, encoding)
    raise DocumentError(MANIFEST_NAME, f"cannot be decoded: {'; '.join(errors)}. Fix: {MANIFEST_FIX}")


def read_manifest_checked(directory: Path, present: set[str] | None = None) -> Manifest:
    """Read the manifest, keeping every good row; each bad row is named (line and reason) and left out: a short
    row, a fiscal year that is not a year, a second row for the same file; a row for a file that is not in the
    folder (``present``) is named too. A manifest that cannot be read at all raises DocumentError."""
    path = directory / MANIFEST_NAME
    manifest = Manifest()
    if not path.exists():
        return manifest
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(MANIFEST_NAME, f"cannot read the file: {exc.strerror or exc}") from None
    text, manifest.encoding = decode_manifest(data)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader, [])]
    missing = [c for c in ("file_name", "kind") if c not in header]
    if missing:
        raise DocumentError(MANIFEST_NAME, f"manifest lacks the columns {missing} (its header: {header})")
    first_line: dict[str, int] = {}
    for values in reader:
        number = reader.line_num
        if not any(v.strip() for v in values):
            continue
        where = f"{MANIFEST_NAME} line {number}"
        if len(values) < len(header):
            manifest.problems.append(f"{where}: {len(values)} fields where the header has {len(header)}; row left "
                                     "out (a comma missing?)")
            continue
        if len(values) > len(header) and any(v.strip() for v in values[len(header):]):
            manifest.problems.append(f"{where}: {len(values)} fields where the header has {len(header)}; row left "
                                     "out (an unquoted comma?)")
            continue
        row = dict(zip(header, values))
        name = (row.get("file_name") or "").strip()
        if not name:
            manifest.problems.append(f"{where}: no file_name; row left out")
            continue
        year_text = (row.get("fiscal_year") or "").strip()
        if year_text and not re.fullmatch(r"(19|20)\d{2}", year_text):
            manifest.problems.append(f"{where}: {name}: fiscal_year {year_text!r} is not a year; row left out")
            continue
        if name in first_line:
            manifest.problems.append(f"{where}: {name} has a row already (line {first_line[name]}); this one left "
                                     "out")
            continue
        first_line[name] = number
        if present is not None and name not in present:
            manifest.notes.append(f"{where}: {name} is not in the folder")
        manifest.entries[name] = ManifestEntry(
            file_name=name,
            kind=(row.get("kind") or "").strip() or None,
            fiscal_year=int(year_text) if year_text else None,
            department=(row.get("department") or "").strip() or None,
            unit=(row.get("unit") or "").strip() or None,
            source=(row.get("source") or "").strip() or None,
        )
    return manifest


def read_manifest(directory: Path) -> dict[str, ManifestEntry]:
    """documents/manifest.csv: what a document does not print (kind, fiscal year, department, unit, source).
    The good rows (see ``read_manifest_checked`` for the problems of the others)."""
    return read_manifest_checked(directory).entries


DOCUMENT_SUFFIXES = {".txt", ".pdf"}
IGNORED_SUFFIXES = {".md", ".csv", ".json", ".duckdb", ".wal", ".lock"}


@dataclass
class SkippedEntry:
    name: str
    reason: str
    looks_like_document: bool  # named .txt / .pdf: the user probably meant it to be loaded


def list_document_entries(directory: Path) -> tuple[list[Path], list[SkippedEntry]]:
    """The candidate documents of a folder (regular files, or symlinks to one; not the manifest, not hidden
    files, not .md/.csv/… files) in a stable order, and every other entry with the reason it is skipped:
    a folder (nested folders are not read), a symlink loop or a dangling symlink, a FIFO, socket or device."""
    paths, skipped, _stats = scan_document_entries(directory)
    return paths, skipped


def scan_document_entries(directory: Path) -> tuple[list[Path], list[SkippedEntry], dict[str, os.stat_result]]:
    """``list_document_entries`` and the status each candidate had when it was listed (file name -> stat, the
    symlink followed): the load compares it with its file stamps without asking the file system again."""
    paths: list[Path] = []
    skipped: list[SkippedEntry] = []
    stats: dict[str, os.stat_result] = {}
    with os.scandir(directory) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)  # (names: in one folder they order as their paths)
    for entry in entries:
        name = entry.name
        if name.startswith(".") or name == MANIFEST_NAME:
            continue
        suffix = os.path.splitext(name)[1].lower()
        looks = suffix in DOCUMENT_SUFFIXES
        try:
            status = entry.stat()
        except OSError as exc:
            if entry.is_symlink():
                reason = ("a symbolic link that loops" if exc.errno == 40 else
                          "a symbolic link to nothing (its target is missing)")
            else:
                reason = f"cannot be examined: {exc.strerror or exc}"
            skipped.append(SkippedEntry(name, reason, True))
            continue
        mode = status.st_mode
        if stat.S_ISDIR(mode):
            skipped.append(SkippedEntry(name, "a folder: nested folders are not read (move its documents up, or "
                                        "build it as its own folder)", looks))
            continue
        if not stat.S_ISREG(mode):
            kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
                    else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
            skipped.append(SkippedEntry(name, f"{kind}, not a document file; not read", looks))
            continue
        if suffix in IGNORED_SUFFIXES:
            continue
        paths.append(directory / name)
        stats[name] = status
    return paths, skipped, stats


def list_document_paths(directory: Path) -> list[Path]:
    """Every candidate document in a folder (not the manifest, not hidden files), in a stable order."""
    return list_document_entries(directory)[0]
