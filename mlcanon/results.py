"""The versioned results file every run writes, and merging several of them.

Schema ``mlcanon-results/1``::

    {"schema": "mlcanon-results/1",
     "runs": [{"id", "started", "finished", "machine", "python", "libraries", "threads",
               "devices", "command", "problems"}],
     "results": [{"run", "concept", "family", "case", "kind", "backend", "device", "dtype",
                  "outcome", "max_abs_error", "max_rel_error", "error_eps", "index",
                  "tolerance", "message", "duration_s", "backend_s", "repro",
                  "artifact"}]}

A merged file has the same schema with several runs; each result names its run.
"""

from __future__ import annotations

import json
import os
import platform
import socket
import sys
import time
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mlcanon.machine import cpu_name

SCHEMA = "mlcanon-results/1"
THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                    "XLA_FLAGS", "MLCANON_THREADS")


def machine_info() -> dict[str, Any]:
    return {
        "hostname": socket.gethostname(),
        "platform": platform.platform(),
        "cpu": cpu_name(),
        "cpu_count": os.cpu_count(),
    }


def thread_settings() -> dict[str, Any]:
    settings: dict[str, Any] = {name: os.environ.get(name) for name in THREAD_VARIABLES}
    torch = sys.modules.get("torch")  # report torch's threads only if a run imported it
    if torch is not None:
        settings["torch.get_num_threads"] = torch.get_num_threads()
    return settings


def new_run(command: list[str]) -> dict[str, Any]:
    return {
        "id": uuid.uuid4().hex[:12],
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "finished": None,
        "machine": machine_info(),
        "python": sys.version.split()[0],
        "libraries": {},
        "threads": {},
        "devices": {},
        "backends": {},
        "command": command,
        "problems": [],
    }


def finish_run(run: dict[str, Any], backends: Iterable[Any]) -> None:
    """Fill in what is known only at the end: versions and devices of backends used."""
    run["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    run["threads"] = thread_settings()
    for backend in backends:
        if backend.available() is not None:
            run["devices"][backend.id] = {"available": False, "reason": backend.available()}
            continue
        run["libraries"].update(backend.versions())
        run["devices"][backend.id] = {"available": True, "name": backend.device_name()}
        run["backends"][backend.id] = backend_info(backend)


def backend_info(backend: Any) -> dict[str, Any]:
    """What reports show about a backend besides its results."""
    from dataclasses import asdict

    from mlcanon.conventions import measure_all

    return {
        "versions": backend.versions(),
        "known_deviations": [asdict(d) for d in backend.known_deviations],
        "load_errors": dict(backend.load_errors),
        "defaults": measure_all(backend),
    }


def write(path: Path, run: dict[str, Any], records: list[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"schema": SCHEMA, "runs": [run],
                "results": [{"run": run["id"], **r} for r in records]}
    path.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    return path


def read(path: Path) -> dict[str, Any]:
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    if document.get("schema") != SCHEMA:
        msg = f"{path}: schema {document.get('schema')!r} is not {SCHEMA!r}"
        raise ValueError(msg)
    return document


def merge(paths: Iterable[Path]) -> dict[str, Any]:
    """One document holding every run and result of ``paths``; a run read twice counts once."""
    runs: dict[str, Any] = {}
    results: list[dict[str, Any]] = []
    for path in paths:
        document = read(path)
        fresh = [r for r in document["runs"] if r["id"] not in runs]
        runs.update({r["id"]: r for r in fresh})
        fresh_ids = {r["id"] for r in fresh}
        results.extend(r for r in document["results"] if r["run"] in fresh_ids)
    return {"schema": SCHEMA, "runs": list(runs.values()), "results": results}


def load(paths: Iterable[Path] | Path) -> Any:
    """Results of one or more files as a pandas DataFrame, one row per case.

    Each row carries its run's host and start time. pandas is imported here only, for
    people who analyse results themselves.
    """
    import pandas as pd

    merged = merge([paths] if isinstance(paths, (str, Path)) else paths)
    runs = {r["id"]: r for r in merged["runs"]}
    rows = [{**r, "host": runs[r["run"]]["machine"]["hostname"],
             "started": runs[r["run"]]["started"]} for r in merged["results"]]
    return pd.DataFrame(rows)


def default_path() -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return Path("results") / f"{socket.gethostname()}-{stamp}.json"
