"""The versioned results file every run writes, and merging several of them.

Schema ``mlcanon-results/1``::

    {"schema": "mlcanon-results/1",
     "runs": [{"id", "started", "finished", "machine", "python", "libraries", "threads",
               "devices", "command", "problems", "spec": {"hash", "commit", "concepts"}}],
     "results": [{"run", "concept", "family", "case", "kind", "backend", "device", "dtype",
                  "outcome", "max_abs_error", "max_rel_error", "error_eps", "index",
                  "tolerance", "message", "duration_s", "backend_s", "repro",
                  "artifact"}]}

A merged file has the same schema with several runs; each result names its run. Where
the runs checked different versions of a concept's spec, only the records of the newest
version stay in ``results``; the others move to ``set_aside`` and ``spec_conflicts`` says
which (see :mod:`mlcanon.specversion`).
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
from mlcanon.recording import recover
from mlcanon.specversion import separate, spec_version

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
        "spec": spec_version(),
    }


def finish_run(run: dict[str, Any], backends: Iterable[Any],
               probe_timeout: float | None = None,
               described: dict[str, dict[str, Any]] | None = None) -> None:
    """Fill in what is known only at the end: versions and devices of backends used
    (from ``described``, by backend id, where a worker process described it already)."""
    run["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    run["threads"] = thread_settings()
    for backend in backends:
        about = (described or {}).get(backend.id) or describe_backend(backend, probe_timeout)
        run["devices"][backend.id] = about["device"]
        if "info" in about:
            run["libraries"].update(about["libraries"])
            run["backends"][backend.id] = about["info"]


def describe_backend(backend: Any, probe_timeout: float | None = None) -> dict[str, Any]:
    """A backend's device, libraries and report information, as plain JSON values (a
    worker process describes the backends it ran and streams this to the controller,
    which then need not import their frameworks)."""
    if backend.available() is not None:
        return {"device": {"available": False, "reason": backend.available()}}
    return {"device": {"available": True, "name": backend.device_name()},
            "libraries": backend.versions(), "info": backend_info(backend, probe_timeout)}


def backend_info(backend: Any, probe_timeout: float | None = None) -> dict[str, Any]:
    """What reports show about a backend besides its results."""
    from dataclasses import asdict

    from mlcanon.conventions import PROBE_SECONDS, measure_all

    return {
        "versions": backend.versions(),
        "known_deviations": [asdict(d) for d in backend.deviations()],
        "load_errors": dict(backend.load_errors),
        "defaults": measure_all(backend, probe_timeout or PROBE_SECONDS),
    }


def write(path: Path, run: dict[str, Any], records: list[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"schema": SCHEMA, "runs": [run],
                "results": [{"run": run["id"], **r} for r in records]}
    path.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    return path


#: fields every result record must carry: the report groups and counts by them.
RECORD_FIELDS = ("run", "concept", "family", "case", "kind", "backend", "device", "dtype",
                 "outcome", "message", "max_abs_error", "error_eps")
#: record fields that become file names in the report site, so they must be plain names.
NAME_FIELDS = ("concept", "backend", "device")
#: the outcomes a case can have (mlcanon.runner.OUTCOMES, not imported: it pulls in numpy).
OUTCOMES = ("passed", "failed", "missing", "unsupported", "known_deviation", "error",
            "crashed")


class ResultsError(ValueError):
    """A results file that cannot be read as schema ``mlcanon-results/1``."""


def read(path: Path) -> dict[str, Any]:
    """One results file, checked: its schema, every run's id and every record's fields."""
    document = _parse(Path(path))
    if document.get("schema") != SCHEMA:
        msg = f"{path}: schema {document.get('schema')!r} is not {SCHEMA!r}"
        raise ResultsError(msg)
    for key in ("runs", "results"):
        if not isinstance(document.get(key), list):
            msg = f"{path}: {key!r} is missing or not a list"
            raise ResultsError(msg)
    run_ids = _run_ids(path, document["runs"])
    for index, record in enumerate(document["results"]):
        _check_record(path, index, record, run_ids)
    return document


def _parse(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        recovered = recover(path, SCHEMA)  # a run that died leaves its streamed parts
        if recovered is not None:
            return recovered
        msg = f"{path}: no such results file"
        raise ResultsError(msg) from None
    except (OSError, UnicodeDecodeError) as exc:
        msg = f"{path}: cannot be read: {exc}"
        raise ResultsError(msg) from None
    if not text.strip():
        msg = f"{path}: the results file is empty"
        raise ResultsError(msg)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:  # a run killed while writing leaves a truncated file
        msg = f"{path}: not valid JSON (truncated?): {exc}"
        raise ResultsError(msg) from None
    if not isinstance(document, dict):
        msg = f"{path}: a results file holds a JSON object, not {type(document).__name__}"
        raise ResultsError(msg)
    return document


def _run_ids(path: Path, runs: list[Any]) -> set[str]:
    ids = set()
    for index, run in enumerate(runs):
        if not isinstance(run, dict) or not isinstance(run.get("id"), str):
            msg = f"{path}: run {index} has no string 'id'"
            raise ResultsError(msg)
        ids.add(run["id"])
    return ids


def _check_record(path: Path, index: int, record: Any, run_ids: set[str]) -> None:
    if not isinstance(record, dict):
        msg = f"{path}: result {index} is not a JSON object"
        raise ResultsError(msg)
    where = f"{path}: result {index} ({record.get('concept')!r} case {record.get('case')!r})"
    missing = [name for name in RECORD_FIELDS if name not in record]
    if missing:
        msg = f"{where} lacks the field(s) {', '.join(missing)}"
        raise ResultsError(msg)
    if record["run"] not in run_ids:
        msg = f"{where} names run {record['run']!r}, which the file's runs do not list"
        raise ResultsError(msg)
    if record["outcome"] not in OUTCOMES:
        msg = f"{where} has unknown outcome {record['outcome']!r}; expected one of {OUTCOMES}"
        raise ResultsError(msg)
    for name in NAME_FIELDS:
        value = record[name]
        if not isinstance(value, str) or not value or "/" in value or "\\" in value \
                or value.startswith("."):
            msg = f"{where} field {name!r} is not a plain name: {value!r}"
            raise ResultsError(msg)


def merge(paths: Iterable[Path]) -> dict[str, Any]:
    """One document holding every run and result of ``paths``; a run read twice counts once."""
    runs: dict[str, Any] = {}
    results: list[dict[str, Any]] = []
    earlier: list[dict[str, Any]] = []  # conflicts a merged input file already carries
    for path in paths:
        document = read(path)
        earlier.extend(c for c in document.get("spec_conflicts", []) if c not in earlier)
        fresh = [r for r in document["runs"] if r["id"] not in runs]
        runs.update({r["id"]: r for r in fresh})
        fresh_ids = {r["id"] for r in fresh}
        # read() has checked that every record names a run of its file, so the records
        # left out here are exactly those of a run already merged from an earlier file
        results.extend(r for r in document["results"] if r["run"] in fresh_ids)
    kept, aside, found = separate(list(runs.values()), results)
    conflicts = earlier + [c for c in found if c not in earlier]
    merged: dict[str, Any] = {"schema": SCHEMA, "runs": list(runs.values()), "results": kept}
    if conflicts:  # two specs never share a cell: the older version's records go aside
        merged.update(spec_conflicts=conflicts, set_aside=aside)
    return merged


def load(paths: Iterable[Path] | Path) -> Any:
    """Results of one or more files as a pandas DataFrame, one row per case.

    Each row carries its run's host and start time. pandas is imported here only, for
    people who analyse results themselves.
    """
    import pandas as pd

    merged = merge([paths] if isinstance(paths, (str, Path)) else paths)
    runs = {r["id"]: r for r in merged["runs"]}
    rows = [{**r, "host": runs[r["run"]].get("machine", {}).get("hostname"),
             "started": runs[r["run"]].get("started")} for r in merged["results"]]
    return pd.DataFrame(rows)


def default_path() -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return Path("results") / f"{socket.gethostname()}-{stamp}.json"
