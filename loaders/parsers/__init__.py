"""Parser registry: document kind -> pure parser module (NAME, VERSION, KINDS, parse(document))."""

from __future__ import annotations

from types import ModuleType

from loaders.parsers import evaluation_report
from loaders.parsers import project_targets
from loaders.parsers import department_targets
from loaders.parsers import final_accounts, shanghai_budget
from loaders.parsers import department_budget
from loaders.parsers import generic

PARSERS: list[ModuleType] = [evaluation_report, project_targets, department_targets, shanghai_budget, final_accounts,
                           department_budget, generic]


def parser_for(kind: str | None) -> ModuleType | None:
    for module in PARSERS:
        if kind in module.KINDS:
            return module
    return None
