"""Which spec a run checked against: a content hash of each concept and of the whole
``reference/`` folder, and the commit when the folder is in a git checkout.

A concept's hash covers its own folder, its family's shared helpers (``_oracle.py``,
``_portable.py``) and the checks shared by every family, so a run is tied to exactly what
decided its outcomes. Merging results of runs whose hash of one concept differs would mix
two specs in one cell; :func:`separate` keeps the newest and sets the rest aside.
"""

from __future__ import annotations

import hashlib
import subprocess
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

#: the version recorded for runs written before spec versions were recorded
UNRECORDED = "unrecorded"


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


def _digest(root: Path, files: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def concept_hashes(root: Path) -> dict[str, str]:
    """Concept id -> hash of everything under ``root`` that its cases depend on."""
    shared = _files(root / "_shared") if (root / "_shared").is_dir() else []
    hashes = {}
    for folder in sorted(root.glob("*/*/")):
        if folder.name.startswith("_") or folder.parent.name.startswith("_"):
            continue
        family = sorted(p for p in folder.parent.glob("_*.py") if p.is_file())
        hashes[folder.name] = _digest(root, [*shared, *family, *_files(folder)])
    return hashes


def _commit(root: Path) -> str | None:
    try:
        found = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"],
                               capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return found.stdout.strip() or None if found.returncode == 0 else None


def spec_version(root: Path | None = None) -> dict[str, Any]:
    """``{"hash", "commit", "concepts"}`` of the spec folder (default: the one in use)."""
    from mlcanon.spec.load import reference_root

    root = Path(root or reference_root())
    concepts = concept_hashes(root)
    whole = hashlib.sha256("".join(f"{k}={v}\n" for k, v in concepts.items()).encode())
    return {"hash": whole.hexdigest()[:16], "commit": _commit(root), "concepts": concepts}


def _version(run: dict[str, Any], concept: str) -> str:
    spec = run.get("spec")
    if not isinstance(spec, dict) or not isinstance(spec.get("concepts"), dict):
        return UNRECORDED
    return str(spec["concepts"].get(concept, UNRECORDED))


def separate(runs: list[dict[str, Any]], records: list[dict[str, Any]]
             ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Split merged records so no concept mixes spec versions.

    :return: the records kept (for each concept, those of the version its most recently
        started run checked), the records set aside, and one conflict entry per concept
        whose runs disagree: ``{"concept", "kept", "set_aside": {version: [run ids]},
        "records_set_aside"}``.
    """
    by_id = {run["id"]: run for run in runs}
    runs_of: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for record in records:
        concept = record["concept"]
        runs_of[concept][_version(by_id[record["run"]], concept)].add(record["run"])
    kept_version = {}
    for concept, versions in runs_of.items():
        if len(versions) > 1:
            newest = max(by_id[r].get("started") or "" for ids in versions.values() for r in ids)
            kept_version[concept] = next(v for v, ids in sorted(versions.items())
                                         if any((by_id[r].get("started") or "") == newest
                                                for r in ids))
    kept, aside = [], []
    for record in records:
        wanted = kept_version.get(record["concept"])
        same = wanted is None or _version(by_id[record["run"]], record["concept"]) == wanted
        (kept if same else aside).append(record)
    conflicts = [{"concept": concept, "kept": version,
                  "set_aside": {v: sorted(ids) for v, ids in sorted(runs_of[concept].items())
                                if v != version},
                  "records_set_aside": sum(r["concept"] == concept for r in aside)}
                 for concept, version in sorted(kept_version.items())]
    return kept, aside, conflicts
