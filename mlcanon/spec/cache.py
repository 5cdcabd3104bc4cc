"""A cache of parsed concepts, so that every process of a run does not parse the spec again.

A harness run parses the whole spec in its main process and again in every xdist worker,
and the engine's tests start dozens of runs; parsing and validating a concept costs a few
milliseconds of TOML and array checks per case, unpickling it a tenth of that. An entry
is keyed by the content of everything the parse reads: the spec file, its sidecar, the
catalog entry it inherits from, its absolute path, and the loader's own source, so an
edit to any of them is a miss, never a stale concept. Only concepts that loaded without
problems are stored: a broken file is parsed (and reported) every time.

``MLCANON_CACHE_DIR`` moves the cache (default: ``$XDG_CACHE_HOME/mlcanon``, else
``~/.cache/mlcanon``); ``MLCANON_CACHE=0`` turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import mlcanon

#: bump when the pickled layout changes in a way the source hash would not show.
LAYOUT = 1
#: past this many entries, the least recently used half is removed (edits and test
#: fixtures leave entries nobody will read again).
MAX_ENTRIES = 4000


def enabled() -> bool:
    return os.environ.get("MLCANON_CACHE", "1") != "0"


def directory() -> Path:
    chosen = os.environ.get("MLCANON_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mlcanon"


@cache
def loader_fingerprint() -> str:
    """A hash of the engine's source: the loader, the model and what they validate
    against (dtypes, canonicalizers, distributions) all live in the package."""
    digest = hashlib.sha256(f"layout {LAYOUT}".encode())
    package = Path(mlcanon.__file__).parent
    for source in sorted(package.rglob("*.py")):
        digest.update(str(source.relative_to(package)).encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


def key(path: Path, sidecar: Path, inherited: dict[str, Any]) -> str:
    digest = hashlib.sha256(loader_fingerprint().encode())
    digest.update(str(path.resolve()).encode())
    digest.update(path.read_bytes())
    digest.update(sidecar.read_bytes() if sidecar.exists() else b"no sidecar")
    digest.update(json.dumps(inherited, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def read(entry: str) -> Any | None:
    """The stored concept, or ``None`` when there is none or it cannot be read (a cache
    is never a reason for a run to fail)."""
    path = directory() / "spec" / f"{entry}.pickle"
    try:
        with path.open("rb") as handle:
            concept = pickle.load(handle)
        os.utime(path)  # marks it used, for pruning
        return concept
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
            IndexError, TypeError, ValueError):
        return None


def write(entry: str, concept: Any) -> None:
    """Store atomically (temp file and rename: parallel workers may write the same
    entry); a read-only or full disk just means no cache."""
    folder = directory() / "spec"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(concept, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, folder / f"{entry}.pickle")
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        Path(temp).unlink(missing_ok=True)
        return
    prune(folder)


def prune(folder: Path, pattern: str = "*.pickle") -> None:
    try:
        entries = list(folder.glob(pattern))
        if len(entries) <= MAX_ENTRIES:
            return
        entries.sort(key=lambda p: p.stat().st_mtime)
        for stale in entries[: len(entries) // 2]:
            stale.unlink(missing_ok=True)
    except OSError:
        return  # another process pruned first
