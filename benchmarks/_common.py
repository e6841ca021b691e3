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


def timed_build(documents: Path, warehouse: Path, workers: int | None, timer: Timer):
    """``yusuan build`` (loaders.build.build) with its load, dbt and gate phases timed."""
    from loaders import build as pipeline

    originals = (pipeline.load_directory, pipeline.run_dbt, pipeline.run_gate)

    def wrap(name, function):
        def timed(*args, **kwargs):
            with timer.phase(name):
                return function(*args, **kwargs)
        return timed

    pipeline.load_directory = wrap("load (parse + land)", originals[0])
    pipeline.run_dbt = wrap("dbt build", originals[1])
    pipeline.run_gate = wrap("gate", originals[2])
    try:
        with timer.phase("total"):
            return pipeline.build(documents, warehouse, workers=workers)
    finally:
        pipeline.load_directory, pipeline.run_dbt, pipeline.run_gate = originals


def build_in_fresh_process(documents: Path, warehouse: Path, workers: int | None) -> tuple[Timer, dict, tuple]:
    """timed_build in a newly started (spawned) Python process, as `yusuan build` runs: its peak memory is the
    pipeline's alone, not the benchmark's (which generated the corpus). Returns the timer, the report's summary
    (published, figures, findings_by_severity, parsed, unchanged) and the peak RSS in MB of that process and of its
    largest worker."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    # not a Pool: pool workers are daemons, which may not start the build's own parser processes
    process = context.Process(target=_build_and_measure, args=(str(documents), str(warehouse), workers, sender))
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


def _build_and_measure(documents: str, warehouse: str, workers: int | None, sender) -> None:
    try:
        timer = Timer()
        report = timed_build(Path(documents), Path(warehouse), workers, timer)
        summary = {"published": report.published, "figures": report.figures,
                   "findings_by_severity": report.findings_by_severity,
                   "parsed": report.load.count("completed"), "unchanged": report.load.count("unchanged")}
        sender.send((timer, summary, peak_rss_mb()))
    except BaseException as exc:  # noqa: BLE001 -- reported by the parent
        sender.send(exc)
        raise
    finally:
        sender.close()


def print_phases(timer: Timer, documents: int) -> None:
    total = timer.phases.get("total", 0.0)
    for name, seconds in timer.phases.items():
        if name != "total":
            print(f"  {name:<22} {seconds:8.1f} s  ({seconds / total * 100:4.0f} %), CPU {timer.cpu.get(name, 0):.1f} s"
                  if total else name)
    print(f"  {'total':<22} {total:8.1f} s  -> {documents / total:.0f} documents/s" if total else "")


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
