"""How long the full conformance run takes per backend, and where the time goes.

``python benchmarks/conformance_time.py --backend numpy,torch -n 2`` runs
``pytest conformance`` once per backend (each in its own process, results in a temporary
folder) and prints, per backend: the wall time of the command, the cases and their
outcomes, the time inside cases and inside the backend's calls, the properties cases'
share, the harness's own cost per value, raises or grad case, and the slowest cell (one
pytest test). ``--together`` runs every listed backend in one pytest run instead (its wall
time is the whole run's). ``--concept`` selects concepts; ``--concepts-at COMMIT`` selects
the concepts the spec had at a commit (a goal set at an earlier size, measured at that
size). ``--keep DIR`` keeps the results files. Speed goals are judged from this output
(and asv), never inside a test. Not an asv benchmark: the module defines no ``time_`` names.
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


def run_pytest(backends: list[str], workers: str, results: Path,
               concepts: str | None) -> tuple[float, str, list[dict[str, object]] | None]:
    """One ``pytest conformance`` run: its wall time, its output's tail, its records."""
    command = [sys.executable, "-m", "pytest", "conformance", "-q", "-p", "no:cacheprovider",
               "--backend", ",".join(backends), "-n", workers, "--results", str(results)]
    if concepts:
        command += ["--concept", concepts]
    start = time.perf_counter()
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    tail = (finished.stdout + finished.stderr)[-2000:]
    if not results.exists():
        return wall, tail, None
    return wall, tail, json.loads(results.read_text())["results"]


def rows(backends: list[str], wall: float, tail: str,
         records: list[dict[str, object]] | None) -> list[dict[str, object]]:
    """A summary per backend of one run's records."""
    if records is None:
        return [{"backend": ",".join(backends), "wall_s": wall, "error": tail}]
    return [{"backend": b, "wall_s": wall,
             **summarize([r for r in records if r["backend"] == b])} for b in backends]


def concepts_at(commit: str) -> str:
    """The concept ids the spec had at ``commit`` (one folder with a spec.toml each)."""
    listed = subprocess.run(["git", "ls-tree", "-r", "--name-only", commit, "--", "reference"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return ",".join(sorted(Path(p).parent.name for p in listed.splitlines()
                           if p.endswith("/spec.toml")))


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


def report(row: dict[str, object], workers: str, together: bool = False) -> str:
    if "error" in row:
        return f"{row['backend']}: no results file after {row['wall_s']:.1f} s\n{row['error']}"
    per_case = row["harness_ms_per_case"]
    lines = [
        f"{row['backend']} (-n {workers}): "
        + ("" if together else f"{row['wall_s']:.1f} s wall, ")
        + f"{row['cases']} cases {row['outcomes']}",
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
    parser.add_argument("--together", action="store_true",
                        help="one pytest run for all the backends, not one run each")
    parser.add_argument("--concept", help="comma-separated concept ids (default: all)")
    parser.add_argument("--concepts-at", metavar="COMMIT",
                        help="the concepts the spec had at this git commit")
    parser.add_argument("--keep", metavar="DIR", type=Path,
                        help="keep each run's results file in DIR (default: discarded)")
    args = parser.parse_args()
    backends = [b.strip() for b in args.backend.split(",") if b.strip()]
    concepts = concepts_at(args.concepts_at) if args.concepts_at else args.concept
    runs = [backends] if args.together else [[b] for b in backends]
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for run in runs:
            wall, tail, records = run_pytest(run, args.workers,
                                             folder / f"{'-'.join(run)}.json", concepts)
            if args.together:
                print(f"{', '.join(run)} in one run (-n {args.workers}): {wall:.1f} s wall",
                      flush=True)
            for row in rows(run, wall, tail, records):
                failed |= "error" in row
                print(report(row, args.workers, together=args.together), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
