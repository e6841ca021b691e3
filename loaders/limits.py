"""Bounds on what one document may cost, and a clear reason for every document that cannot be read.

* size: a file larger than ``$YUSUAN_MAX_DOCUMENT_MB`` (default 50 MB) is not read at all: LOAD-FILE-TOO-LARGE;
* time: a document whose reading, detection and parsing take longer than ``$YUSUAN_MAX_DOCUMENT_SECONDS``
  (default 120 s) is stopped and reported: LOAD-FILE-TOO-SLOW (the timer is a SIGALRM in the process that parses
  it: a worker of the pool, or the main thread when parsing serially);
* PDF: a PDF that pdfminer cannot open (truncated, damaged, encrypted) or that has no text layer (a scan) is
  reported with its reason (LOAD-FILE-UNREADABLE) before any parser sees it;
* anything else that escapes reading, detection or parsing of one document is that document's error, with the
  file and the reason, never the batch's.
The batch goes on in every case.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import threading
from decimal import Decimal, InvalidOperation
from pathlib import Path

MAX_MB_ENV = "YUSUAN_MAX_DOCUMENT_MB"
MAX_SECONDS_ENV = "YUSUAN_MAX_DOCUMENT_SECONDS"
DEFAULT_MAX_MB = Decimal(50)
DEFAULT_MAX_SECONDS = Decimal(120)
RULE_TOO_LARGE = "LOAD-FILE-TOO-LARGE"
RULE_TOO_SLOW = "LOAD-FILE-TOO-SLOW"
RULE_UNREADABLE = "LOAD-FILE-UNREADABLE"


def _positive(name: str, default: Decimal) -> Decimal:
    configured = os.environ.get(name, "").strip()
    if not configured:
        return default
    try:
        value = Decimal(configured)
    except InvalidOperation:
        raise ValueError(f"{name}={configured!r} is not a number") from None
    if not value.is_finite() or value <= 0:
        raise ValueError(f"{name}={configured!r}: a positive number is needed")
    return value


def max_document_bytes() -> int:
    return int(_positive(MAX_MB_ENV, DEFAULT_MAX_MB) * 1024 * 1024)


def max_document_seconds() -> float:
    return float(_positive(MAX_SECONDS_ENV, DEFAULT_MAX_SECONDS))


def too_large_reason(size: int, limit: int) -> str:
    return (f"too large: {size / 1024 / 1024:.1f} MB, more than the {limit / 1024 / 1024:g} MB allowed per document "
            f"(${MAX_MB_ENV}); not read. Split it, or raise the limit")


class DocumentTooSlow(BaseException):
    """Raised by the timer inside a document's parse. A BaseException, so the parsers' own ``except Exception``
    (a parser bug on one document) does not swallow it."""


@contextlib.contextmanager
def time_budget(seconds: float):
    """Raise DocumentTooSlow in this thread after ``seconds``. Only the main thread of a process can take
    SIGALRM: elsewhere no timer is set (the budget is not enforced, never wrongly raised)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(_signum, _frame):
        raise DocumentTooSlow()

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def too_slow_reason(seconds: float) -> str:
    return (f"too slow: not read within the {seconds:g} s allowed per document (${MAX_SECONDS_ENV}); not landed, "
            "the rest of the batch is")


def pdf_problem(data: bytes) -> str | None:
    """Why a PDF cannot be read, or None: it cannot be opened (truncated, damaged, encrypted) or no page carries
    text (a scan: it needs OCR first)."""
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if not pdf.pages:
                return "the PDF has no pages"
            for page in pdf.pages:
                if page.chars:
                    return None
            return (f"the PDF has no text layer on any of its {len(pdf.pages)} page(s) (a scanned image?): "
                    "run OCR on it first, or give its text as a .txt file")
    except DocumentTooSlow:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds; each is this document's error
        return f"the PDF cannot be opened: {describe_pdf_error(exc)}"


def describe_pdf_error(exc: BaseException) -> str:
    cause = exc
    while getattr(cause, "args", None) and isinstance(cause.args[0], BaseException):
        cause = cause.args[0]  # pdfplumber wraps pdfminer's exception
    name = type(cause).__name__
    text = str(cause)
    if "Password" in name or "Encrypt" in name or "encrypt" in text.lower():
        return f"it is encrypted (password protected; {name}): save an unprotected copy"
    if "EOF" in name or "EOF" in text:
        return f"it is truncated or damaged ({name}: {text or 'unexpected end of file'}): download it again"
    return f"it is damaged or not a PDF pdfminer can read ({name}: {text})"


def failure_reason(path: Path, exc: BaseException) -> str:
    """The reason of an unexpected error while reading one document (a PDF error is named as such)."""
    if path.suffix.lower() == ".pdf" or "pdfminer" in type(exc).__module__ or "pdfplumber" in type(exc).__module__:
        return f"the PDF cannot be read: {describe_pdf_error(exc)}"
    return f"cannot be read: {type(exc).__name__}: {exc}"


def sha256_of(path: Path) -> str:
    """The file's sha256, or "" when it cannot be read (for the ledger row of a failed document)."""
    import hashlib

    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return ""


def pdf_problem_of(path: Path) -> str | None:
    """``pdf_problem`` for a file that is a PDF (starts with %PDF); None for anything else."""
    try:
        with path.open("rb") as handle:
            if handle.read(4) != b"%PDF":
                return None
            handle.seek(0)
            data = handle.read()
    except OSError:
        return None  # reading it again reports the error with its reason
    return pdf_problem(data)
