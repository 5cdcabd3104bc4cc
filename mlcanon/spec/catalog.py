"""The concept catalog, vendored into ``reference/_catalog/`` (no run-time dependency on
the catalog's home outside the repository).

A spec file may leave out what the catalog already says about its concept (title,
definition, sources, differentiable, kind): the loader takes those from the catalog
entry of the same id. ``concepts.json`` is a verbatim copy; refresh it by copying the
catalog's file over it.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

CATALOG_FOLDER = "_catalog"
CATALOG_FILE = "concepts.json"
#: spec fields the catalog can supply.
INHERITED = ("title", "definition", "sources", "differentiable", "kind")
#: what the catalog calls a concept's shape of computation.
KINDS = ("kernel", "algorithm", "stochastic", "formula", "descriptive")


@cache
def _load(path: Path) -> dict[str, dict[str, Any]]:
    if not path.exists():
        return {}
    return {entry["id"]: entry for entry in json.loads(path.read_text(encoding="utf-8"))}


def catalog(root: Path) -> dict[str, dict[str, Any]]:
    """Catalog id -> entry, from ``<root>/_catalog/concepts.json`` (empty if absent)."""
    return _load(root / CATALOG_FOLDER / CATALOG_FILE)


def inherited(root: Path, concept_id: str) -> dict[str, Any]:
    """The fields a spec of ``concept_id`` may take from the catalog."""
    entry = catalog(root).get(concept_id, {})
    return {key: entry[key] for key in INHERITED if key in entry}
