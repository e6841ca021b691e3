"""Parse a generated corpus with the project's own parsers (no warehouse) and compare with its truth file.

The same path as ``yusuan build`` up to the raw tables: ``read_document`` with the manifest, the facts
resolved, the parser chosen by kind, ``parse``. Used by the tests and while developing the generator;
the benchmarks compare what landed in the warehouse instead.
"""

from __future__ import annotations

from pathlib import Path

from loaders.detect import resolve_facts
from loaders.documents import list_document_paths, read_document, read_manifest
from loaders.parsers import parser_for
from loaders.synthetic.compare import Comparison, compare
from loaders.synthetic.corpus import read_csv, truth_path


def parse_directory(directory: Path) -> tuple[list[dict], list[dict]]:
    """(landed figures, findings) of every document in ``directory``, as dicts with the file name."""
    manifest = read_manifest(directory)
    figures, findings = [], []
    for path in list_document_paths(directory):
        doc = read_document(path, manifest)
        facts, _ = resolve_facts(doc)
        result = parser_for(facts.kind).parse(doc)
        for f in result.figures:
            figures.append({"file_name": doc.file_name, "measure": f.measure, "line_start": f.line_start,
                            "line_end": f.line_end, "row_label": f.row_label, "value": f.value,
                            "page": f.page})
        for f in result.findings:
            findings.append({"file_name": doc.file_name, "rule_id": f.rule_id, "severity": f.severity,
                             "line_start": f.line_start, "message": f.message, "raw_text": f.raw_text})
    return figures, findings


def check_directory(directory: Path) -> tuple[Comparison, list[dict]]:
    truth = [t for t in read_csv(truth_path(directory)) if t["faulty"] == "0"]
    clean = {t["file_name"] for t in truth}
    figures, findings = parse_directory(directory)
    figures = [f for f in figures if f["file_name"] in clean]
    return compare(truth, figures), [f for f in findings if f["file_name"] in clean]
