"""Parser output of a set of documents, dumped to a file, and two dumps compared: a speed-up of the parsers, the
statement reader or the text marks must leave what they land byte-identical (issue 13).

    .venv/bin/python benchmarks/parser_output.py dump OUT [--generated 200] [--seed 1]
    .venv/bin/python benchmarks/parser_output.py compare BEFORE AFTER

``dump`` parses, in this process and serially, every document under documents/ (documents/real/** included; each
with the manifest row of its folder, if any) and ``--generated`` documents of a generated corpus, and writes one
JSON line per document: its status, kind, parser and version and every column of every table it lands
(raw.figures, raw.indicators, raw.attributes, raw.statements, raw.load_findings), amounts as exact text. ``compare``
prints the documents whose lines differ and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from _common import ROOT

SUFFIXES = {".txt", ".pdf", ".csv", ".md"}


def _documents() -> list[tuple[Path, dict]]:
    from loaders.documents import MANIFEST_NAME, read_manifest

    found = []
    for path in sorted((ROOT / "documents").rglob("*")):
        if path.is_file() and path.suffix.lower() in SUFFIXES and path.name != MANIFEST_NAME \
                and path.name.lower() not in ("readme.md", "findings.md"):
            manifest = read_manifest(path.parent) if (path.parent / MANIFEST_NAME).exists() else {}
            found.append((path, manifest))
    return found


def _record(path: Path, manifest: dict, name: str) -> str:
    from loaders import load

    parsed = load._prepare(load._guarded_parse((str(path), manifest.get(path.name))))
    return json.dumps({"document": name, "status": parsed.status, "rule_id": parsed.rule_id,
                       "message": parsed.message, "kind": parsed.kind, "parser": parsed.parser_name,
                       "version": parsed.parser_version, "sources": parsed.sources, "counts": parsed.counts,
                       "columns": parsed.columns}, ensure_ascii=False, sort_keys=True, default=str)


def dump(out: Path, generated: int, seed: int) -> None:
    from loaders.documents import read_manifest
    from loaders.synthetic.corpus import write_corpus

    lines = []
    for path, manifest in _documents():
        lines.append(_record(path, manifest, str(path.relative_to(ROOT))))
    if generated:
        with tempfile.TemporaryDirectory(prefix="yusuan-parser-output-") as folder:
            corpus = Path(folder)
            write_corpus(corpus, generated, seed=seed)
            manifest = read_manifest(corpus)
            for path in sorted(corpus.glob("*.txt")):
                lines.append(_record(path, manifest, f"generated/{path.name}"))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} documents dumped to {out}")


def compare(before: Path, after: Path) -> int:
    def read(path: Path) -> dict[str, str]:
        return {json.loads(line)["document"]: line for line in path.read_text(encoding="utf-8").splitlines() if line}

    a, b = read(before), read(after)
    differing = sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))
    for name in differing:
        print(f"differs: {name}")
    print(f"{len(a)} documents before, {len(b)} after, {len(differing)} differ")
    return 1 if differing else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--generated", type=int, default=200)
    d.add_argument("--seed", type=int, default=1)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out, args.generated, args.seed)
    else:
        sys.exit(compare(args.before, args.after))


if __name__ == "__main__":
    main()
