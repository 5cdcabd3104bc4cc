"""The conformance tests: one per cell (a concept on one backend, device and dtype) that
runs the cell's cases one by one, and the checks of the run itself.

All logic lives in :mod:`mlcanon.cells` and :mod:`mlcanon.runner`; this file only maps a
cell's verdict to pytest's outcome. Each case keeps its own record in the results file.
"""

from __future__ import annotations

from typing import Any

import pytest

from mlcanon.cells import Cell, failure_report, summary, verdict


def test_cell(cell: Cell, conformance_run: Any, request: pytest.FixtureRequest) -> None:
    results = conformance_run.run_cell(request.node.nodeid, cell)
    outcome = verdict(r.outcome for r in results)
    if outcome == "failed":
        pytest.fail(failure_report(cell, results), pytrace=False)
    if outcome == "xfailed":
        pytest.xfail(summary(results))
    if outcome == "skipped":
        pytest.skip(summary(results))


def test_meta(meta_check: Any) -> None:
    """Broken spec files, broken plugins, known deviations that match nothing."""
    if meta_check.skip:
        pytest.skip(meta_check.skip)
    problem = meta_check.problem()
    if problem:
        pytest.fail(problem, pytrace=False)
