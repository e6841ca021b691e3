"""Detection rate of the arithmetic rules: change one printed table figure at a time and see whether a rule fires.

For every figure a document's tables land (raw.figures rows with a table name), a *mutant* of the document is
written with one digit of that figure changed on its printed line:

* ``leading`` -- the first digit (1 -> 2 … 8 -> 9, 9 -> 8, 0 -> 1): a change far beyond any rounding;
* ``last``    -- the last printed digit (…4 -> …5, 9 -> 8): one unit of the last digit, which a sum of several
  rounded figures may absorb (so some of these are undetectable in principle; reported, not asserted).

A mutant is *detected* when a rule fires on it that does not fire on the original document:

* the loader: each mutant is parsed in-process; a finding the original has not at that place counts (the table
  reader solves rows against their column formulas and totals: LOAD-ROW-UNRESOLVED, LOAD-AMBIGUOUS-ROW,
  LOAD-ARITHMETIC-MISMATCH …);
* dbt: the mutants the loader did not catch are landed as separate documents in ONE warehouse beside the originals
  (each mutant with its own department in a manifest, so rules across documents cannot pair it with another), the
  warehouse is built once, and a row of fct_findings with a rule, place or evidence (lhs, rhs) that the original's
  findings do not have counts (TBL-*, EXE-* …).

Run ``python benchmarks/detection.py [FILE …]`` (default: the five bundled documents) to print the detection rate
per document and table; tests/test_mutations.py asserts it.
"""

from __future__ import annotations

import csv
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders.build import run_dbt  # noqa: E402
from loaders.detect import resolve_facts  # noqa: E402
from loaders.documents import read_document, read_manifest  # noqa: E402
from loaders.load import load_directory  # noqa: E402
from loaders.parsers import parser_for  # noqa: E402

DOCUMENTS = ROOT / "documents"
BUNDLED = sorted(p.name for p in DOCUMENTS.glob("*.txt"))
MODES = ("leading", "last")


@dataclass
class Mutant:
    source: str  # original file name
    index: int  # figure index in the original parse (0-based)
    mode: str
    table_name: str
    line: int
    value_text: str
    mutated_text: str
    file_name: str = ""
    loader_rules: list[str] = field(default_factory=list)
    dbt_rules: list[str] = field(default_factory=list)

    @property
    def detected(self) -> bool:
        return bool(self.loader_rules or self.dbt_rules)

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.source, self.line, self.value_text)


def _mutate_digit(text: str, mode: str) -> str | None:
    positions = [i for i, ch in enumerate(text) if ch.isdigit()]
    if not positions:
        return None
    i = positions[0] if mode == "leading" else positions[-1]
    d = int(text[i])
    if mode == "leading":
        new = 1 if d == 0 else (8 if d == 9 else d + 1)
    else:
        new = 8 if d == 9 else d + 1
    return text[:i] + str(new) + text[i + 1:]


def _token_spans(line: str, token: str) -> list[int]:
    """Starts of `token` in `line` as a whole number (not inside a longer number)."""
    spans = []
    for m in re.finditer(re.escape(token), line):
        before = line[m.start() - 1] if m.start() else " "
        after = line[m.end()] if m.end() < len(line) else " "
        if before.isdigit() or before in ",." or after.isdigit() or (after in ",." and m.end() + 1 < len(line)
                                                                      and line[m.end() + 1].isdigit()):
            continue
        spans.append(m.start())
    return spans


def parse_file(path: Path, manifest):
    doc = read_document(path, manifest)
    facts, _ = resolve_facts(doc)
    parser = parser_for(facts.kind)
    return doc, parser.parse(doc)


def mutants_of(path: Path, manifest, modes=MODES) -> tuple[list[Mutant], list[tuple[str, int, str, str]]]:
    """The mutants of a document, and the table figures that cannot be mutated in place (with the reason)."""
    doc, result = parse_file(path, manifest)
    lines = doc.text.splitlines(keepends=True)
    seen_on_line: dict[tuple[int, str], int] = defaultdict(int)
    mutants, skipped = [], []
    for index, figure in enumerate(result.figures):
        if not figure.table_name:
            continue
        key = (figure.line_start, figure.value_text)
        occurrence = seen_on_line[key]
        seen_on_line[key] += 1
        line = lines[figure.line_start - 1]
        spans = _token_spans(line, figure.value_text)
        if occurrence >= len(spans):
            skipped.append((path.name, figure.line_start, figure.value_text, "the printed number is not on its line"))
            continue
        start = spans[occurrence]
        for mode in modes:
            new = _mutate_digit(figure.value_text, mode)
            if new is None or new == figure.value_text:
                continue
            mutated_line = line[:start] + new + line[start + len(figure.value_text):]
            mutant = Mutant(path.name, index, mode, figure.table_name, figure.line_start, figure.value_text, new)
            mutant.file_name = f"{path.stem}__{mode}{index:04d}{path.suffix}"
            text = "".join(lines[: figure.line_start - 1] + [mutated_line] + lines[figure.line_start:])
            mutant._bytes = text.encode(doc.encoding or "utf-8")  # type: ignore[attr-defined]
            mutants.append(mutant)
    return mutants, skipped


def _finding_key(f) -> tuple:
    """A loader finding without its numbers: the same row reported the same way is the same finding, while a row
    that now lands nothing (“none landed”) is a new one."""
    return (f.rule_id, f.page, f.line_start, f.line_end, re.sub(r"[-\d,.%]+", "#", f.message))


def _finding_keys(findings) -> set[tuple]:
    return {_finding_key(f) for f in findings}


def run(files: list[str] | None = None, modes=MODES, workdir: Path | None = None) -> dict:
    """Parse every mutant in-process (loader rules), land those the loader did not catch beside the originals in one
    warehouse, build it once (dbt rules). Returns {'mutants': [...], 'skipped': [...], 'seconds': …}."""
    started = time.monotonic()
    files = files or BUNDLED
    manifest = read_manifest(DOCUMENTS)
    own_tmp = workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="yusuan-mutants-")) if own_tmp else workdir
    try:
        folder = workdir / "documents"
        folder.mkdir(parents=True, exist_ok=True)
        all_mutants: list[Mutant] = []
        skipped: list = []
        rows = []
        for name in files:
            path = DOCUMENTS / name
            _, original = parse_file(path, manifest)
            before = _finding_keys(original.findings)
            mutants, cannot = mutants_of(path, manifest, modes)
            skipped.extend(cannot)
            entry = manifest.get(name)
            for mutant in mutants:
                target = folder / mutant.file_name
                target.write_bytes(mutant._bytes)  # type: ignore[attr-defined]
                _, parsed = parse_file(target, {mutant.file_name: _entry_for(entry, mutant)})
                mutant.loader_rules = sorted({f.rule_id for f in parsed.findings if _finding_key(f) not in before})
                if mutant.loader_rules:
                    target.unlink()
                else:
                    rows.append(_manifest_row(entry, mutant))
                all_mutants.append(mutant)
            shutil.copyfile(path, folder / name)
            rows.append(_manifest_row(entry, None, name))
        _write_manifest(folder / "manifest.csv", rows)
        warehouse = workdir / "mutants.duckdb"
        con = duckdb.connect(str(warehouse))
        try:
            load_directory(con, folder)
            con.execute("checkpoint")
        finally:
            con.close()
        outcome = run_dbt(warehouse)
        if not outcome.success:
            raise RuntimeError(f"dbt build of the mutants failed: {outcome.error or outcome.failed_nodes()}")
        _detection(warehouse, [m for m in all_mutants if not m.loader_rules])
        return {"mutants": all_mutants, "skipped": skipped, "seconds": time.monotonic() - started}
    finally:
        if own_tmp:
            shutil.rmtree(workdir, ignore_errors=True)


def _entry_for(entry, mutant: Mutant):
    from loaders.documents import ManifestEntry

    return ManifestEntry(file_name=mutant.file_name, kind=entry.kind if entry else None,
                         fiscal_year=entry.fiscal_year if entry else None,
                         department=f"{entry.department if entry else mutant.source} (mutant {mutant.file_name})",
                         unit=entry.unit if entry else None, source="mutation test")


def _manifest_row(entry, mutant: Mutant | None, name: str | None = None) -> dict:
    if mutant is None:
        return {"file_name": name, "kind": entry.kind if entry else "", "fiscal_year": entry.fiscal_year or "" if entry
                else "", "department": entry.department if entry else "", "unit": entry.unit or "" if entry else "",
                "source": "original", "notes": ""}
    e = _entry_for(entry, mutant)
    return {"file_name": e.file_name, "kind": e.kind or "", "fiscal_year": e.fiscal_year or "",
            "department": e.department, "unit": e.unit or "", "source": e.source, "notes": ""}


def _write_manifest(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["file_name", "kind", "fiscal_year", "department", "unit", "source",
                                                    "notes"])
        writer.writeheader()
        writer.writerows(rows)


def _detection(warehouse: Path, mutants: list[Mutant]) -> None:
    """A mutant is caught by a finding its original does not have: same rule, place and evidence (lhs, rhs)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        findings = con.execute(
            "select file_name, rule_id, page, line_start, line_end, lhs, rhs from main.fct_findings").fetchall()
    finally:
        con.close()
    by_file: dict[str, set] = defaultdict(set)
    for file_name, rule_id, page, start, end, lhs, rhs in findings:
        by_file[file_name].add((rule_id, page, start, end, lhs, rhs))
    for mutant in mutants:
        new = by_file.get(mutant.file_name, set()) - by_file.get(mutant.source, set())
        mutant.dbt_rules = sorted({rule for rule, *_ in new})


def report(result: dict) -> str:
    per: dict[tuple[str, str, str], list[Mutant]] = defaultdict(list)
    for m in result["mutants"]:
        per[(m.mode, m.source, m.table_name)].append(m)
    out = []
    for mode in MODES:
        mutants = [m for m in result["mutants"] if m.mode == mode]
        if not mutants:
            continue
        caught = sum(m.detected for m in mutants)
        out.append(f"== digit changed: {mode} -- detected {caught}/{len(mutants)} "
                   f"({100 * caught / len(mutants):.1f}%) ==")
        for (m_mode, source, table), group in sorted(per.items()):
            if m_mode != mode:
                continue
            n = sum(m.detected for m in group)
            loader = sum(bool(m.loader_rules) for m in group)
            only_dbt = sum(bool(m.dbt_rules) and not m.loader_rules for m in group)
            out.append(f"  {source:48} {table[:40]:40} {n:4}/{len(group):<4} ({100 * n / len(group):5.1f}%)"
                       f"  loader {loader}, dbt alone {only_dbt}")
        missed = [m for m in mutants if not m.detected]
        for m in missed[:40]:
            out.append(f"    missed: {m.source}:{m.line} {m.table_name}: {m.value_text} -> {m.mutated_text}")
        if len(missed) > 40:
            out.append(f"    … {len(missed) - 40} more")
    for name, line, value, reason in result["skipped"]:
        out.append(f"  not mutated: {name}:{line} {value}: {reason}")
    out.append(f"{len(result['mutants'])} mutants in {result['seconds']:.1f} s")
    return "\n".join(out)


if __name__ == "__main__":
    args = sys.argv[1:]
    chosen_modes = MODES
    if args and args[0].startswith("--modes="):
        chosen_modes = tuple(args.pop(0).split("=", 1)[1].split(","))
    print(report(run(args or None, chosen_modes)))
