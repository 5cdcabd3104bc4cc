"""Cells: the cases of one concept on one backend, device and dtype, run as one test.

With a test per case, pytest's own cost per test (its hooks and reports, and under
pytest-xdist the controller's handling of every report) outweighed what most cases cost
themselves (``benchmarks/conformance_time.py`` measures both). So, as PyTorch's OpInfo
tests do per operator, device and dtype, the harness gives pytest one test per cell and
runs the cell's cases inside it. Everything stays per case: each case streams a
``started`` entry and then its record, has its own time limits and its own known
deviation, and a case that kills its process is recorded as ``crashed`` while the cell's
other cases are resumed in a fresh process (:mod:`mlcanon.resume`).

Nothing here imports pytest: the harness maps a cell's verdict to pytest's outcome.
"""

from __future__ import annotations

import fnmatch
import shlex
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlcanon.recording import Stream
from mlcanon.runner import CaseResult, Job, run_job

HARNESS_FILE = "conformance/test_conformance.py"
#: what a case's outcome makes of its cell, worst first: any failing case fails the cell
FAILING = ("failed", "error", "crashed")


@dataclass(frozen=True)
class Cell:
    """The selected cases of one concept on one backend (and its device) in one dtype."""

    jobs: tuple[Job, ...]

    @property
    def first(self) -> Job:
        return self.jobs[0]

    @property
    def id(self) -> str:
        b = self.first.backend
        return f"{self.first.concept.id}-{b.name}-{b.device}-{self.first.dtype}"

    def __len__(self) -> int:
        return len(self.jobs)


def group_cells(jobs: Iterable[Job]) -> list[Cell]:
    """Jobs grouped by concept, backend and dtype, in the order their first job came."""
    grouped: dict[tuple[str, str, str], list[Job]] = {}
    for job in jobs:
        grouped.setdefault((job.concept.id, job.backend.id, job.dtype), []).append(job)
    return [Cell(tuple(group)) for group in grouped.values()]


def case_matches(name: str, patterns: list[str]) -> bool:
    """Whether a case name is one of ``--case``'s names or shell-style patterns."""
    return not patterns or any(fnmatch.fnmatchcase(name, p) for p in patterns)


def verdict(outcomes: Iterable[str]) -> str:
    """The pytest outcome of a cell: ``failed`` if any case failed, errored or crashed;
    else ``passed`` if any passed; else ``xfailed`` (only known deviations); else
    ``skipped`` (nothing could run)."""
    seen = set(outcomes)
    if seen & set(FAILING):
        return "failed"
    if "passed" in seen:
        return "passed"
    if "known_deviation" in seen:
        return "xfailed"
    return "skipped"


@dataclass
class Settings:
    """How every case of a run is run (the same in the harness and a resumed cell)."""

    timeout: float | None = 60.0
    hard_timeout: float | None = None
    profile: str = "standard"
    shrink: bool = True
    artifacts: Path | None = None

    def repro(self, job: Job) -> str:
        """The command that runs ``job`` alone (it shrinks: whoever reruns one case wants
        the smallest failing input)."""
        b = job.backend
        profile = "" if self.profile == "standard" else f" --profile {self.profile}"
        return (f"pytest {HARNESS_FILE} --concept {job.concept.id} "
                f"--case {shlex.quote(job.case.name)} --backend {b.name} --device {b.device} "
                f"--dtype {job.dtype}{profile}")


class CaseStream:
    """Where one process says which case starts (with the time: the watchdog follows the
    stream) and what it gave."""

    def __init__(self, stream: Stream) -> None:
        self.stream = stream

    def started(self, nodeid: str, job: Job) -> None:
        self.stream.add({"type": "started", "nodeid": nodeid, "case": job.id,
                         "writer": self.stream.writer, "t": time.time()})

    def ended(self, nodeid: str, job: Job, result: CaseResult) -> None:
        self.stream.add({"type": "record", "nodeid": nodeid, "case": job.id,
                         "record": result.as_dict()})


#: a case in a process's stream: (test id, case id)
CaseKey = tuple[str, str]


def case_progress(entries: Iterable[dict[str, Any]]) -> tuple[dict[CaseKey, str], set[CaseKey]]:
    """From the streams' entries: every case that started, with the writer (process) that
    ran it, and the cases that wrote their record. A case started and not recorded killed
    its process."""
    started: dict[CaseKey, str] = {}
    recorded: set[CaseKey] = set()
    for entry in entries:
        if entry.get("type") == "started":
            started[entry["nodeid"], entry["case"]] = entry.get("writer", "")
        elif entry.get("type") == "record":
            recorded.add((entry["nodeid"], entry.get("case", "")))
    return started, recorded


def run_cell(cell: Cell, nodeid: str, settings: Settings, out: CaseStream) -> list[CaseResult]:
    """Run the cell's cases one by one, streaming each as it goes."""
    results = []
    for job in cell.jobs:
        out.started(nodeid, job)
        result = run_job(job, timeout=settings.timeout, repro=settings.repro(job),
                         artifacts=settings.artifacts, profile=settings.profile,
                         shrink=settings.shrink)
        out.ended(nodeid, job, result)
        results.append(result)
    return results


def failure_report(cell: Cell, results: list[CaseResult]) -> str:
    """What pytest prints for a failing cell: each failing case with its evidence."""
    failing = [r for r in results if r.outcome in FAILING]
    by_name = {job.case.name: job for job in cell.jobs}
    head = (f"{len(failing)} of {len(results)} cases of {cell.first.concept.id} on "
            f"{cell.first.backend.id} {cell.first.dtype} "
            + ", ".join(sorted({r.outcome for r in failing})))
    return "\n".join([head, *(case_report(by_name[r.case], r) for r in failing)])


def case_report(job: Job, result: CaseResult) -> str:
    lines = [f"{result.outcome.upper()}: case {job.case.name!r} ({job.case.kind})",
             f"  {result.message}"]
    if result.tolerance:
        t = result.tolerance
        lines.append(f"  tolerance: {t['k']:.3g} eps units (rtol {t['rtol']:.3g}"
                     + (f", printed atol {t['printed_atol']:g}" if t["printed_atol"] else "")
                     + ")")
    if result.max_abs_error is not None:
        lines.append(f"  max abs error {result.max_abs_error:.3g}, max rel error "
                     f"{result.max_rel_error:.3g}, {result.error_eps:.3g} eps units at "
                     f"index {result.index}")
    if job.case.why:
        lines.append(f"  why this case exists: {job.case.why}")
    if result.artifact:
        lines.append(f"  arrays: {result.artifact}")
    lines.append(f"  repro: {result.repro}")
    return "\n".join(lines)


def summary(results: list[CaseResult]) -> str:
    """One line for a cell that is skipped or expected to fail as a whole."""
    outcomes = sorted({r.outcome for r in results})
    reasons = sorted({r.message for r in results})
    more = f" (and {len(reasons) - 1} other reasons)" if len(reasons) > 1 else ""
    first = reasons[0] if reasons else "no case selected"
    return f"{'/'.join(outcomes) or 'empty'}: {len(results)} cases: {first}{more}"
