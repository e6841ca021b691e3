"""A corpus of generated documents on disk: the documents, manifest.csv, truth.csv and faults.csv.

Deterministic: document ``i`` of seed ``s`` is drawn from its own ``random.Random(f"{s}:{i}")``, so it is
the same whatever the size of the corpus, and a second run writes the same bytes.

* ``manifest.csv`` (in the documents folder): kind, year, department and unit of every document, as for
  real documents (the target forms do not print their year);
* ``truth.csv`` (beside the folder, not in it): every generated figure, with its line and measure, and
  ``faulty`` = 1 for documents that carry an injected fault (their printed values differ from the truth
  at the fault);
* ``statements.csv`` (beside the folder): every number and fault-relevant word of the generated prose
  (``loaders/synthetic/prose.py``): group, role, subject, whole, value as printed, the exact value, year and
  compared year, direction and the lines of the table figures it states (``faulty`` as in truth.csv);
* ``faults.csv``: the ledger, one row per injected fault: file, first and last line, figure, original,
  injected, kind, scope (table or prose).
"""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from loaders.synthetic import department_budget, department_targets, evaluation, final_accounts, project_targets
from loaders.synthetic.core import Generated, truth_rows
from loaders.synthetic.faults import FAULT_KINDS, applicable, inject
from loaders.synthetic.prose import STATEMENT_COLUMNS, statement_rows

FAMILIES = {
    "evaluation_report": evaluation.generate,
    "project_targets": project_targets.generate,
    "department_targets": department_targets.generate,
    "department_budget": department_budget.generate,
    "final_accounts": final_accounts.generate,
}
TRUTH_COLUMNS = ["file_name", "family", "line", "measure", "table_name", "row_label", "label", "column_label",
                 "value_text", "printed_unit", "faulty"]
FAULT_COLUMNS = ["file_name", "family", "line", "line_end", "figure", "measure", "original", "injected", "kind", "scope"]
MANIFEST_COLUMNS = ["file_name", "kind", "fiscal_year", "department", "unit", "source", "notes"]


@dataclass
class CorpusSummary:
    documents: int = 0
    figures: int = 0
    faults: list[dict] = field(default_factory=list)
    by_family: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)


def generate_document(seed: int, index: int, family: str) -> Generated:
    rng = random.Random(f"{seed}:{index}:{family}")
    return FAMILIES[family](rng, index)


def family_for(index: int, families: list[str]) -> str:
    return families[index % len(families)]


def write_corpus(out_dir: Path, count: int, seed: int = 1, families: list[str] | None = None,
                 fault_share: float = 0.0, fault_kinds: list[str] | None = None, pdf: bool = False,
                 start: int = 0) -> CorpusSummary:
    """Write ``count`` documents into ``out_dir`` (created), truth.csv and faults.csv beside them.

    ``fault_share`` of the documents (chosen by the seed) get one fault each, kinds taken in turn from
    ``fault_kinds`` among those the document has room for. With ``pdf`` a PDF rendering of each clean
    document is written to ``<out_dir>.pdf/`` (a separate folder: the same document twice in one folder
    would be loaded twice)."""
    families = families or list(FAMILIES)
    unknown = [f for f in families if f not in FAMILIES]
    if unknown:
        raise ValueError(f"unknown families {unknown}; known: {list(FAMILIES)}")
    kinds = fault_kinds or list(FAULT_KINDS)
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf_dir = out_dir.with_name(out_dir.name + ".pdf")
    if pdf:
        from loaders.synthetic import pdf as pdf_render

        pdf_dir.mkdir(parents=True, exist_ok=True)
    summary = CorpusSummary()
    picker = random.Random(f"{seed}:faults")
    used: dict[tuple[str, str], int] = defaultdict(int)
    truth: list[dict] = []
    statements: list[dict] = []
    manifest: list[dict] = []
    for index in range(start, start + count):
        family = family_for(index, families)
        doc = generate_document(seed, index, family)
        rows = truth_rows(doc)
        prose_rows = statement_rows(doc.file_name, family, doc.prose)
        faulty = picker.random() < fault_share
        if faulty:
            room = [k for k in kinds if k in applicable(doc)]
            # per family, the kind used least so far: every family meets every kind it has room for, and
            # even a small corpus holds every kind
            kind = min(room, key=lambda k: (used[(family, k)], kinds.index(k))) if room else None
            if kind is not None:
                used[(family, kind)] += 1
                summary.faults.append(inject(doc, kind, random.Random(f"{seed}:{index}:fault")))
            else:
                faulty = False
        for row in rows + prose_rows:
            row["faulty"] = 1 if faulty else 0
        truth.extend(rows)
        statements.extend(prose_rows)
        (out_dir / doc.file_name).write_text(doc.page.text, encoding="utf-8")
        if pdf and not faulty:
            pdf_render.write_pdf(doc, pdf_dir / (Path(doc.file_name).stem + ".pdf"))
        manifest.append({"file_name": doc.file_name, "kind": doc.kind,
                         "fiscal_year": doc.fiscal_year or "",
                         "department": doc.department, "unit": doc.unit,
                         "source": f"synthetic seed {seed} document {index}", "notes": "generated"})
        summary.documents += 1
        summary.figures += len(rows)
        summary.by_family[family] = summary.by_family.get(family, 0) + 1
        summary.files.append(doc.file_name)
    _write_csv(out_dir / "manifest.csv", MANIFEST_COLUMNS, manifest)
    if pdf:
        pdf_names = {Path(m["file_name"]).stem + ".pdf" for m in manifest}
        _write_csv(pdf_dir / "manifest.csv", MANIFEST_COLUMNS,
                   [dict(m, file_name=Path(m["file_name"]).stem + ".pdf") for m in manifest
                    if Path(m["file_name"]).stem + ".pdf" in pdf_names and (pdf_dir / (Path(m["file_name"]).stem + ".pdf")).exists()])
    _write_csv(truth_path(out_dir), TRUTH_COLUMNS, truth)
    _write_csv(statements_path(out_dir), STATEMENT_COLUMNS, statements)
    _write_csv(faults_path(out_dir), FAULT_COLUMNS, summary.faults)
    return summary


def truth_path(out_dir: Path) -> Path:
    return out_dir.with_name(out_dir.name + ".truth.csv")


def statements_path(out_dir: Path) -> Path:
    return out_dir.with_name(out_dir.name + ".statements.csv")


def faults_path(out_dir: Path) -> Path:
    return out_dir.with_name(out_dir.name + ".faults.csv")


def _write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
