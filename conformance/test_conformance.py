"""The conformance tests: one per (concept, case, backend, device, dtype) that can run,
one per (concept, backend, device) for the cases that cannot.

All logic lives in :mod:`mlcanon.runner`; this file only maps outcomes to pytest's.
"""

from __future__ import annotations

from typing import Any

import pytest

from mlcanon.runner import Job, run_job


def test_case(job: Job, conformance_run: Any, request: pytest.FixtureRequest) -> None:
    nodeid = request.node.nodeid
    conformance_run.before_case(nodeid)
    try:
        result = run_job(job, timeout=conformance_run.timeout,
                         repro=conformance_run.repro(job), artifacts=conformance_run.artifacts,
                         profile=conformance_run.profile, shrink=conformance_run.shrink)
    finally:
        conformance_run.after_case()
    conformance_run.record(nodeid, result)
    if result.outcome in ("missing", "unsupported"):
        pytest.skip(f"{result.outcome}: {result.message}")
    if result.outcome == "known_deviation":
        pytest.xfail(result.message)
    if result.outcome in ("failed", "error"):
        pytest.fail(failure_report(job, result), pytrace=False)


def test_cannot_run(cell: Any, conformance_run: Any, request: pytest.FixtureRequest) -> None:
    """The cases of one concept that nothing can run on one backend here, recorded each
    with its outcome (missing, unsupported) and reason, and skipped as one test."""
    for result in cell.results:
        conformance_run.record(request.node.nodeid, result)
    pytest.skip(cell.summary())


def test_meta(meta_check: Any) -> None:
    """Broken spec files, broken plugins, known deviations that match nothing."""
    if meta_check.skip:
        pytest.skip(meta_check.skip)
    problem = meta_check.problem()
    if problem:
        pytest.fail(problem, pytrace=False)


def failure_report(job: Job, result: Any) -> str:
    lines = [
        f"{result.outcome.upper()}: {job.concept.id} case {job.case.name!r} ({job.case.kind}) "
        f"on {job.backend.id} {job.dtype}",
        f"  {result.message}",
    ]
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
