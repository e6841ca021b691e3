"""Shared by the benchmark scripts: the machine, peak memory, timers, a generated corpus, a warehouse build
with its phases timed."""

from __future__ import annotations

import contextlib
import os
import platform
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")


def memory_total_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        return None
    return None


def machine() -> str:
    total = memory_total_gb()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"machine: {os.cpu_count()} cores, {total:.1f} GB memory, {platform.system()} {platform.machine()}, "
            f"Python {platform.python_version()}, load average {load:.1f} at start")


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory (MB) of this process and of its largest finished child (ru_maxrss is KB on Linux)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its finished children (pool workers, dbt)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class Timer:
    def __init__(self):
        self.phases: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    @contextlib.contextmanager
    def phase(self, name: str):
        started, cpu_started = time.perf_counter(), cpu_seconds()
        try:
            yield
        finally:
            self.phases[name] = self.phases.get(name, 0.0) + time.perf_counter() - started
            self.cpu[name] = self.cpu.get(name, 0.0) + cpu_seconds() - cpu_started


def timed_build(documents: Path, warehouse: Path, workers: int | None, timer: Timer,
                full_refresh: bool = False, dbt_extra: list[str] | None = None):
    """``yusuan build`` (loaders.build.build) with its phases timed: the copy of the published file, the project
    fingerprint, load, dbt, gate, the summary counts and the publication (run log, fsync, rename).
    ``dbt_extra``: more dbt options (to measure one, e.g. --no-populate-cache)."""
    import shutil

    from loaders import build as pipeline

    names = ("load_directory", "run_dbt", "run_replay", "run_gate", "project_fingerprint", "_summarise", "_publish")
    originals = {name: getattr(pipeline, name) for name in names}
    copyfile = shutil.copyfile

    def wrap(phase, function):
        def timed(*args, **kwargs):
            with timer.phase(phase):
                return function(*args, **kwargs)
        return timed

    def run_dbt(*args, **kwargs):
        if dbt_extra:
            kwargs["extra"] = [*(kwargs.get("extra") or []), *dbt_extra]
        return originals["run_dbt"](*args, **kwargs)

    pipeline.load_directory = wrap("load (parse + land)", originals["load_directory"])
    pipeline.run_dbt = wrap("dbt build", run_dbt)
    pipeline.run_replay = wrap("dbt build replayed", originals["run_replay"])
    pipeline.run_gate = wrap("gate", originals["run_gate"])
    pipeline.project_fingerprint = wrap("project fingerprint", originals["project_fingerprint"])
    pipeline._summarise = wrap("summary counts", originals["_summarise"])
    pipeline._publish = wrap("publish (log, fsync, rename)", originals["_publish"])
    shutil.copyfile = wrap("copy published file", copyfile)
    try:
        with timer.phase("total"):
            return pipeline.build(documents, warehouse, workers=workers, full_refresh=full_refresh)
    finally:
        for name, function in originals.items():
            setattr(pipeline, name, function)
        shutil.copyfile = copyfile


def build_in_fresh_process(documents: Path, warehouse: Path, workers: int | None, full_refresh: bool = False,
                           dbt_extra: list[str] | None = None) -> tuple[Timer, dict, tuple]:
    """timed_build in a newly started (spawned) Python process, as `yusuan build` runs: its peak memory is the
    pipeline's alone, not the benchmark's (which generated the corpus). Returns the timer, the report's summary
    (published, figures, findings_by_severity, parsed, unchanged) and the peak RSS in MB of that process and of its
    largest worker."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    # not a Pool: pool workers are daemons, which may not start the build's own parser processes
    process = context.Process(target=_build_and_measure,
                              args=(str(documents), str(warehouse), workers, sender, full_refresh, dbt_extra))
    process.start()
    sender.close()
    try:
        outcome = receiver.recv()
    except EOFError:
        outcome = None
    process.join()
    if outcome is None or isinstance(outcome, BaseException):
        raise RuntimeError(f"the build process failed (exit code {process.exitcode})") from outcome
    return outcome


def _build_and_measure(documents: str, warehouse: str, workers: int | None, sender, full_refresh: bool = False,
                       dbt_extra: list[str] | None = None) -> None:
    try:
        timer = Timer()
        report = timed_build(Path(documents), Path(warehouse), workers, timer, full_refresh, dbt_extra)
        summary = {"published": report.published, "figures": report.figures,
                   "findings_by_severity": report.findings_by_severity,
                   "parsed": report.load.count("completed"), "unchanged": report.load.count("unchanged"),
                   "dbt_mode": report.dbt_mode, "documents_in_scope": report.documents_in_scope,
                   "dbt_failed": [] if report.dbt is None else report.dbt.failed_nodes(),
                   "dbt_engine": report.dbt_engine, "replay_note": report.replay_note,
                   "dbt_nodes": [] if report.dbt is None else [
                       (r["unique_id"], r.get("seconds") or 0.0) for r in report.dbt.results]}
        sender.send((timer, summary, peak_rss_mb()))
    except BaseException as exc:  # noqa: BLE001 -- reported by the parent
        sender.send(exc)
        raise
    finally:
        sender.close()


def print_phases(timer: Timer, documents: int) -> None:
    total = timer.phases.get("total", 0.0)
    if not total:
        return
    for name, seconds in timer.phases.items():
        if name != "total":
            print(f"  {name:<30} {seconds:8.2f} s  ({seconds / total * 100:4.0f} %), CPU {timer.cpu.get(name, 0):.1f} s")
    other = total - sum(seconds for name, seconds in timer.phases.items() if name != "total")
    print(f"  {'other (lock, triage of state)':<30} {other:8.2f} s  ({other / total * 100:4.0f} %)")
    print(f"  {'total':<30} {total:8.2f} s  -> {documents / total:.0f} documents/s")


def print_memory(limit_mb: float | None = None, peaks: tuple[float, float] | None = None,
                 who: str = "this process") -> None:
    own, children = peaks or peak_rss_mb()
    line = f"peak memory (RSS): {who} {own:.0f} MB, largest worker {children:.0f} MB"
    if limit_mb:
        line += f"  [target <= {limit_mb:.0f} MB: {'met' if max(own, children) <= limit_mb else 'MISSED'}]"
    print(line)


def verdict(value: float, target: float, better: str = "lower") -> str:
    met = value <= target if better == "lower" else value >= target
    return "met" if met else "MISSED"
