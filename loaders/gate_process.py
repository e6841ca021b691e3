"""The gate's Great Expectations part in a process of its own, for rebuilds that replay (issue 15).

Importing Great Expectations costs about 2 s of one core (it imports scipy, altair and its own hundreds of
modules). A full build imports it in a thread while dbt runs for a minute (loaders/build.py, ``_preload_gate``).
A replayed rebuild of one document takes a few seconds, and the import in a thread of the build's own process
slowed the replay by about 1 s: measured on a 10,000-document warehouse, the replayed statements took 2.2 s alone,
3.3 s beside the import in a thread (the import holds the interpreter lock most of the time, and the replay's
Python between statements waits for it) and 2.6 s beside the same import in another process.

So a build that expects to replay starts ``GateProcess`` first thing: a fresh interpreter running this module
(nothing of the build's DuckDB connections or threads is copied into it, and the build's own main script is not
run again, as multiprocessing's spawn would) that imports Great Expectations while the build copies, loads and
replays, then waits. The gate asks it for the suites' facts (``loaders.gate.suite_facts``) and sends it
the frames to validate; it answers with the same ``GateCheck`` list and Data Docs index that
``loaders.gate.InProcessExpectations`` would give (tests/test_gate.py compares them), while the build's own process
checkpoints the file beside it. Reading the warehouse stays in the build's process (DuckDB allows one process to
open a file it writes). The gate sends the frames first (``submit``) and reads the answer after its own checks
(``collect``); the process answers with the checks before it renders their Data Docs (0.25 s), and the build
waits for those (``wait_for_docs``) only when it moves their folder into place, after the swap.

If the process is gone (killed, out of memory) or answers nothing, the gate does the same work in the build's own
process instead (``fallback_reason`` says why); an error that Great Expectations raised in the process is raised
in the build as it would have been raised there.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

from loaders.gate import Expectations, GateCheck, InProcessExpectations, SuiteFacts

_STOP = "stop"
_SUITES = "suites"
_VALIDATE = "validate"
_PROJECT_ROOT = Path(__file__).resolve().parent.parent
NICENESS = 10


class GateProcessError(RuntimeError):
    """What Great Expectations raised in the gate's process (its type and message)."""


def serve(requests, answers) -> None:
    """The process: import Great Expectations, then answer pickled requests from ``requests`` on ``answers``
    until told to stop or the build's end of the pipe closes."""
    import warnings

    from loaders import gate

    local = gate.InProcessExpectations()
    suites = None
    with warnings.catch_warnings(), contextlib.suppress(Exception):
        warnings.simplefilter("ignore")
        suites = local.suites()  # the import, done before the first request arrives (an error: at the request)
    while True:
        try:
            request = pickle.load(requests)
        except (EOFError, OSError, pickle.UnpicklingError):
            return
        if request[0] == _STOP:
            return
        render = None
        try:
            if request[0] == _SUITES:
                answer = ("ok", suites if suites is not None else local.suites())
            else:
                # the checks are answered first; the Data Docs are rendered after, while the build goes on to
                # publish, and a second answer says they are written (``GateProcess.wait_for_docs``)
                checks, render = gate.validate_then_render(request[1], request[2])
                folder = request[2]
                answer = ("ok", (checks, None if folder is None else Path(folder) / "index.html"))
        except Exception as exc:  # noqa: BLE001 - sent back and raised in the build
            answer = ("error", f"{type(exc).__name__}: {exc}")
        if not _send(answers, answer):
            return
        if render is not None:
            try:
                render()
                docs = ("ok", None)
            except Exception as exc:  # noqa: BLE001 - sent back: the build says the Data Docs are missing
                docs = ("error", f"{type(exc).__name__}: {exc}")
            if not _send(answers, docs):
                return


def _send(answers, answer) -> bool:
    try:
        pickle.dump(answer, answers, protocol=pickle.HIGHEST_PROTOCOL)
        answers.flush()
    except (OSError, ValueError):
        return False
    return True


class GateProcess(Expectations):
    """Great Expectations in a process started now (see the module docstring); ``close()`` stops it.

    The process is ``python -m loaders.gate_process`` (a fresh interpreter running this module, not the build's
    main script again, as multiprocessing's spawn would); requests and answers are pickles on its standard input
    and output (its prints go to its standard error)."""

    def __init__(self) -> None:
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(
            [str(_PROJECT_ROOT), *filter(None, [environment.get("PYTHONPATH")])])
        self._process = subprocess.Popen([sys.executable, "-m", "loaders.gate_process"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, env=environment, cwd=str(_PROJECT_ROOT))
        self._suites: dict[str, SuiteFacts] | None = None
        self._asked = False
        self._pending = None  # what ``collect`` runs here when the process is gone before it answers
        self._docs_pending = False  # the process still renders the Data Docs of its last answer
        self._fallback: InProcessExpectations | None = None
        self.fallback_reason: str | None = None

    def suites(self) -> dict[str, SuiteFacts]:
        if self._suites is None:
            self._suites = self._ask((_SUITES,), lambda local: local.suites())
        return self._suites

    def validate(self, frames: dict[str, Any], data_docs_dir: Path | None) -> tuple[list[GateCheck], Path | None]:
        """As ``InProcessExpectations.validate``: the checks, once the Data Docs are written."""
        self.submit(frames, data_docs_dir)
        answer = self.collect()
        why = self.wait_for_docs()
        if why is not None:
            raise GateProcessError(why)
        return answer

    def submit(self, frames: dict[str, Any], data_docs_dir: Path | None) -> None:
        """Send the frames to validate; the process validates them while the gate goes on (``collect``)."""
        if data_docs_dir is not None:
            data_docs_dir = Path(data_docs_dir).resolve()  # the process has a working directory of its own
        self._pending = (lambda local: local.validate(frames, data_docs_dir))
        self._send((_VALIDATE, frames, data_docs_dir))

    def collect(self) -> tuple[list[GateCheck], Path | None]:
        """The answer to the frames ``submit`` sent (validated in this process if the other is gone). The Data Docs
        are then being rendered: ``wait_for_docs`` waits for them."""
        locally, self._pending = self._pending, None
        fallback = self._fallback
        answer = self._receive(locally)
        # (validated here, the Data Docs are written already)
        self._docs_pending = fallback is None and self._fallback is None and answer is not None \
            and answer[1] is not None
        return answer

    def wait_for_docs(self) -> str | None:
        """Wait until the Data Docs of the last validation are written; None, or why they are not."""
        if not self._docs_pending:
            return None
        self._docs_pending = False
        try:
            status, value = pickle.load(self._process.stdout)
        except (EOFError, OSError, ValueError, pickle.UnpicklingError) as exc:
            return f"the gate's Data Docs were not written: its process is gone ({type(exc).__name__})"
        return None if status == "ok" else f"the gate's Data Docs were not written: {value}"

    def _ask(self, request: tuple, locally):
        self._send(request)
        return self._receive(locally)

    def _send(self, request: tuple) -> None:
        if self._docs_pending:
            self.wait_for_docs()  # the answer that the last Data Docs are written comes before the next answer
        if self._fallback is None:
            self._asked = True
            try:
                pickle.dump(request, self._process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
                self._process.stdin.flush()
            except (OSError, ValueError) as exc:
                self._lost(f"the gate's process is gone ({type(exc).__name__}: {exc}; exit code "
                           f"{self._process.poll()}): Great Expectations ran in the build's own process")

    def _receive(self, locally):
        if self._fallback is None:
            try:
                status, value = pickle.load(self._process.stdout)
            except (EOFError, OSError, ValueError, pickle.UnpicklingError) as exc:
                self._lost(f"the gate's process is gone ({type(exc).__name__}: {exc or 'no answer'}; exit code "
                           f"{self._process.poll()}): Great Expectations ran in the build's own process")
            else:
                if status == "error":
                    raise GateProcessError(value)
                return value
        return locally(self._fallback)

    def _lost(self, reason: str) -> None:
        self.fallback_reason = reason
        self._fallback = InProcessExpectations()
        self.close()

    def close(self) -> None:
        """Stop the process: killed when the gate never asked it anything (a build that ended early, or had nothing
        to rebuild: its import is of no use); else asked to stop, which it does at once, and not waited for (an
        interpreter that imported Great Expectations takes about half a second to exit)."""
        if self._process.stdin.closed:
            return
        if self._docs_pending:
            self.wait_for_docs()  # (a build that stopped before publishing: no folder written after it is cleaned)
        if not self._asked:
            with contextlib.suppress(OSError):
                self._process.kill()
        with contextlib.suppress(OSError, ValueError):
            pickle.dump((_STOP,), self._process.stdin)
            self._process.stdin.close()
        with contextlib.suppress(OSError, ValueError):
            self._process.stdout.close()

    def __enter__(self) -> "GateProcess":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def main() -> None:
    # below the build in the scheduler: the import may take the core the build leaves idle, not the build's own
    with contextlib.suppress(OSError):
        os.nice(NICENESS)
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # what anything prints goes to standard error
    serve(sys.stdin.buffer, answers)


if __name__ == "__main__":
    main()
