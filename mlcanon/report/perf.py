"""Performance from asv results: time per concept, backend and size, and the fraction of
the machine's calibrated limit (roofline) it reaches.

Everything is computed here from asv's stored timings and the spec's FLOP and byte
models, never inside asv track functions. The limit of a device is the best calibration
any backend reached on it: peak matmul FLOP/s of the benchmark dtype, and the copy
bandwidth at the smallest calibrated size that holds the call's bytes (so data that fits
in cache is held to cache bandwidth). A call cannot take less than
max(flops / peak, bytes / bandwidth); the fraction of the roofline is that bound over
the measured time.
"""

from __future__ import annotations

import ast
import json
import math
from collections import defaultdict
from pathlib import Path
from typing import Any

from mlcanon import bench
from mlcanon.spec import default_spec

TIME_BENCHMARK = "benchmarks.Concept.time_call"
MATMUL = "benchmarks.Calibration.time_matmul"
COPY = "benchmarks.Bandwidth.time_copy"


def device_of(backend: str) -> str:
    return "gpu" if backend.endswith((":cuda", ":gpu")) else "cpu"


def _rows(document: dict[str, Any], name: str) -> list[tuple[tuple[Any, ...], float]]:
    """(parameter tuple, seconds) for every combination of one benchmark that ran."""
    entry = document.get("results", {}).get(name)
    if entry is None:
        return []
    columns = document.get("result_columns", ["result", "params"])
    values = entry[columns.index("result")]
    params = [[ast.literal_eval(p) for p in axis] for axis in entry[columns.index("params")]]
    combos = _product(params)
    return [(combo, value) for combo, value in zip(combos, values, strict=False)
            if value is not None and isinstance(value, (int, float)) and math.isfinite(value)]


def _product(axes: list[list[Any]]) -> list[tuple[Any, ...]]:
    combos: list[tuple[Any, ...]] = [()]
    for axis in axes:
        combos = [(*c, v) for c in combos for v in axis]
    return combos


def read_results(folder: Path) -> list[dict[str, Any]]:
    """Every asv result file below ``folder`` (one per machine, commit and environment)."""
    documents = []
    for path in sorted(folder.glob("*/*.json")):
        if path.name == "machine.json":
            continue
        document = json.loads(path.read_text(encoding="utf-8"))
        document["machine"] = path.parent.name
        documents.append(document)
    return documents


def limits(documents: list[dict[str, Any]]) -> dict[tuple[str, str, str], dict[str, Any]]:
    """(machine, device, dtype) -> peak FLOP/s and copy bandwidth per copy size (bytes/s),
    each the best over the device's backends."""
    found: dict[tuple[str, str, str], dict[str, Any]] = defaultdict(
        lambda: {"peak_flops": 0.0, "bandwidth": {}})
    n = bench.CALIBRATION_MATMUL_N
    for document in documents:
        for (backend, dtype), seconds in _rows(document, MATMUL):
            slot = found[(document["machine"], device_of(backend), dtype)]
            slot["peak_flops"] = max(slot["peak_flops"], 2 * n**3 / seconds)
    for document in documents:
        for (backend, size), seconds in _rows(document, COPY):
            nbytes = bench.CALIBRATION_COPY_SIZES.get(size)
            if nbytes is None:
                continue
            for (machine, device, _), slot in found.items():
                if machine == document["machine"] and device == device_of(backend):
                    rate = 2 * nbytes / seconds
                    slot["bandwidth"][nbytes] = max(slot["bandwidth"].get(nbytes, 0.0), rate)
    return dict(found)


def bandwidth_for(limit: dict[str, Any], moved: float) -> float:
    """Bandwidth measured at the smallest copy size holding ``moved`` bytes (or the
    largest size measured)."""
    rates = limit.get("bandwidth", {})
    if not rates:
        return 0.0
    holding = [size for size in sorted(rates) if size >= moved]
    return rates[holding[0] if holding else max(rates)]


def performance_rows(documents: list[dict[str, Any]],
                     accuracy: dict[tuple[str, str], float] | None = None
                     ) -> list[dict[str, Any]]:
    """The newest timing per machine, concept, backend and size, with its roofline and,
    from ``accuracy`` (conformance results), the backend's worst float32 error."""
    spec = default_spec().concepts
    sections = {cid: c.benchmark for cid, c in spec.items()}
    machine_limits = limits(documents)
    newest: dict[tuple[str, ...], dict[str, Any]] = {}
    # the newest run of each benchmark per machine; asv's dashboard keeps the history
    for document in sorted(documents, key=lambda d: d.get("date", 0)):
        for (concept, backend, size), seconds in _rows(document, TIME_BENCHMARK):
            section = sections.get(concept)
            if section is None:
                continue
            flops, moved = section.flop_count(size), section.byte_count(size)
            limit = machine_limits.get((document["machine"], device_of(backend),
                                        section.dtype), {})
            row = _row(document, concept, backend, size, seconds, flops, moved, limit)
            named = backend if ":" in backend else f"{backend}:cpu"  # older suites: "numpy"
            row["worst_error_eps"] = (accuracy or {}).get((concept, named))
            newest[(document["machine"], concept, backend, size)] = row
    return list(newest.values())


def _row(document: dict[str, Any], concept: str, backend: str, size: str, seconds: float,
         flops: float | None, moved: float | None, limit: dict[str, float]) -> dict[str, Any]:
    row = {"machine": document["machine"], "commit": document["commit_hash"][:8],
           "concept": concept, "backend": backend, "size": size, "seconds": seconds,
           "flops": flops, "bytes": moved, "gflops_per_s": None, "gbytes_per_s": None,
           "roofline_fraction": None, "bound": ""}
    if flops is None or moved is None:
        return row  # no work model (an algorithm): timed, not placed on the roofline
    return {**row, **_roofline(seconds, flops, moved, limit)}


def _roofline(seconds: float, flops: float, moved: float,
              limit: dict[str, float]) -> dict[str, Any]:
    peak, bandwidth = limit.get("peak_flops", 0.0), bandwidth_for(limit, moved)
    bound = max(flops / peak if peak else 0.0, moved / bandwidth if bandwidth else 0.0)
    return {
        "gflops_per_s": flops / seconds / 1e9,
        "gbytes_per_s": moved / seconds / 1e9,
        "roofline_fraction": bound / seconds if bound else None,
        "bound": "compute" if peak and bandwidth and flops / peak >= moved / bandwidth
        else "memory",
    }
