"""How long the full conformance run takes per backend, and where the time goes.

``python benchmarks/conformance_time.py --backend numpy,torch -n 2`` runs
``pytest conformance`` once per backend (each in its own process, results in a temporary
folder) and prints, per backend: the wall time of the command, the cases and their
outcomes, the time inside cases and inside the backend's calls, the properties cases'
share, the harness's own cost per value, raises or grad case, and the slowest cell (one
pytest test). ``--keep DIR`` keeps the results files. Speed goals are judged from this
output (and asv), never inside a test. Not an asv benchmark: the module defines no ``time_`` names.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: kinds whose cases call the backend once or a few times (not Hypothesis or statistics)
SINGLE_CALL_KINDS = ("book", "edge", "generated", "raises", "grad")


def run_backend(backend: str, workers: str, folder: Path) -> dict[str, object]:
    results = folder / f"{backend}.json"
    command = [sys.executable, "-m", "pytest", "conformance", "-q", "-p", "no:cacheprovider",
               "--backend", backend, "-n", workers, "--results", str(results)]
    start = time.perf_counter()
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if not results.exists():
        tail = (finished.stdout + finished.stderr)[-2000:]
        return {"backend": backend, "wall_s": wall, "error": tail}
    return {"backend": backend, "wall_s": wall, "pytest_rc": finished.returncode,
            **summarize(json.loads(results.read_text())["results"])}


def summarize(records: list[dict[str, object]]) -> dict[str, object]:
    in_cases = sum(float(r["duration_s"]) for r in records)
    backend = sum(float(r["backend_s"]) for r in records)
    single = [r for r in records if r["kind"] in SINGLE_CALL_KINDS
              and r["outcome"] in ("passed", "known_deviation")]
    own = sum(float(r["duration_s"]) - float(r["backend_s"]) for r in single)
    return {
        "cases": len(records),
        "outcomes": dict(Counter(str(r["outcome"]) for r in records)),
        "in_cases_s": in_cases,
        "backend_s": backend,
        "properties_s": sum(float(r["duration_s"]) for r in records
                            if r["kind"] == "properties"),
        "harness_ms_per_case": 1e3 * own / len(single) if single else None,
        "slowest_cell": _slowest_cell(records),
    }


def _slowest_cell(records: list[dict[str, object]]) -> tuple[str, float]:
    """The cell (one pytest test) whose cases took longest: a bound on the time one
    worker may still run after the other has nothing left."""
    cells: Counter[str] = Counter()
    for r in records:
        cell = "-".join(str(r.get(k, "?")) for k in ("concept", "backend", "device", "dtype"))
        cells[cell] += float(r["duration_s"])
    return cells.most_common(1)[0] if cells else ("", 0.0)


def report(row: dict[str, object], workers: str) -> str:
    if "error" in row:
        return f"{row['backend']}: no results file after {row['wall_s']:.1f} s\n{row['error']}"
    per_case = row["harness_ms_per_case"]
    lines = [
        f"{row['backend']} (-n {workers}): {row['wall_s']:.1f} s wall, {row['cases']} cases "
        f"{row['outcomes']}",
        f"  in cases {row['in_cases_s']:.1f} s (summed over workers), inside the backend "
        f"{row['backend_s']:.1f} s, properties cases {row['properties_s']:.1f} s",
        "  harness per value/raises/grad case: "
        + (f"{per_case:.2f} ms" if per_case is not None else "n/a"),
        "  slowest cell: {} ({:.1f} s)".format(*row["slowest_cell"]),
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default="numpy",
                        help="comma-separated backend names, each timed on its own")
    parser.add_argument("-n", dest="workers", default="0",
                        help="pytest-xdist workers (0: serial; auto)")
    parser.add_argument("--keep", metavar="DIR", type=Path,
                        help="keep each backend's results file in DIR (default: discarded)")
    args = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for backend in [b.strip() for b in args.backend.split(",") if b.strip()]:
            row = run_backend(backend, args.workers, folder)
            failed |= "error" in row
            print(report(row, args.workers), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
