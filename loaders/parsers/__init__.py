"""Parser registry: document kind -> pure parser module (NAME, VERSION, KINDS, parse(document))."""

from __future__ import annotations

from types import ModuleType

from loaders.parsers import evaluation_report
from loaders.parsers import project_targets

PARSERS: list[ModuleType] = [evaluation_report, project_targets]


def parser_for(kind: str | None) -> ModuleType | None:
    for module in PARSERS:
        if kind in module.KINDS:
            return module
    return None
