"""Property checks of decision_grid: the layout of the points and how grids relate.

The concept has no array input, so the cases' ``generate`` tables are empty and each
check reads its configuration from the case's ``params`` (the grid's own parameters).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check

DEFAULTS = {"start": 0.0, "stop": 1.0, "step": 0.01, "stop_inclusive": False}


def _axis(points: np.ndarray, what: str) -> np.ndarray:
    """The axis values of a grid, after checking that it is an (n², 2) 'ij' layout."""
    if points.ndim != 2 or points.shape[1] != 2:
        msg = f"{what}: points must have shape (n * n, 2), got {points.shape}"
        raise CheckFailed(msg)
    n = math.isqrt(points.shape[0])
    if n * n != points.shape[0] or n == 0:
        msg = f"{what}: {points.shape[0]} points is not a positive square count"
        raise CheckFailed(msg)
    slow, fast = points[::n, 0], points[:n, 1]
    if not np.array_equal(slow, fast):
        msg = f"{what}: the axes differ: first coordinate {slow[:4]}..., second {fast[:4]}..."
        raise CheckFailed(msg)
    expected = np.stack([np.repeat(slow, n), np.tile(fast, n)], axis=1)
    if not np.array_equal(points, expected):
        k = int(np.argmax(np.any(points != expected, axis=1)))
        msg = (f"{what}: point {k} is {points[k].tolist()}, the 'ij' order gives "
               f"{expected[k].tolist()} (first coordinate slowest)")
        raise CheckFailed(msg)
    return slow


@property_check("decision_grid_layout")
def decision_grid_layout(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                         dtype: str, bound: Any) -> None:
    """All pairs in 'ij' order; the axis starts at start, climbs by step, stays below the
    stop (or reaches it when stop_inclusive) and stops only when the next value passes it."""
    p = {**DEFAULTS, **params}
    g = _axis(run(inputs, params)["points"], "grid")
    if g[0] != p["start"]:
        msg = f"the first value is {g[0]!r}, not start = {p['start']!r}"
        raise CheckFailed(msg)
    offsets = p["start"] + np.arange(g.size) * p["step"]
    assert_close(g, offsets, bound, "axis values against start + i·step")
    slack = 1e-9 * p["step"]
    if p["stop_inclusive"]:
        inside, outside = g[-1] <= p["stop"] + slack, g[-1] + p["step"] > p["stop"] + slack
    else:
        inside, outside = g[-1] < p["stop"] - slack, g[-1] + p["step"] >= p["stop"] - slack
    if not (inside and outside):
        msg = (f"{g.size} values end at {g[-1]!r}: with step {p['step']!r} the last value "
               f"must be the last one {'at or ' if p['stop_inclusive'] else ''}below "
               f"stop = {p['stop']!r}")
        raise CheckFailed(msg)


@property_check("decision_grid_refines")
def decision_grid_refines(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                          dtype: str, bound: Any) -> None:
    """Halving the step nests the grids: every other value of the finer axis is the
    coarser axis (start + 2i·(step/2) is start + i·step before rounding)."""
    p = {**DEFAULTS, **params}
    coarse = _axis(run(inputs, params)["points"], "grid")
    fine = _axis(run(inputs, {**params, "step": p["step"] / 2})["points"], "grid at step/2")
    if fine.size not in (2 * coarse.size - 1, 2 * coarse.size):
        msg = f"step/2 gives {fine.size} values for {coarse.size} at step"
        raise CheckFailed(msg)
    assert_close(fine[::2][: coarse.size], coarse, bound, "even values of the finer grid")


@property_check("decision_grid_inclusive_adds_stop")
def decision_grid_inclusive_adds_stop(run: Any, inputs: dict[str, np.ndarray],
                                      params: dict[str, Any], dtype: str, bound: Any) -> None:
    """On a range the step divides, the inclusive grid is the half-open one plus the stop.

    The case sets stop_inclusive = true: ``run`` calls the implementation chosen for the
    case's params, so a native op that cannot include the stop is never asked to.
    """
    if not params.get("stop_inclusive", False):
        msg = "this check needs a case with stop_inclusive = true"
        raise CheckFailed(msg)
    closed = _axis(run(inputs, params)["points"], "inclusive")
    open_axis = _axis(run(inputs, {**params, "stop_inclusive": False})["points"], "half-open")
    if closed.size != open_axis.size + 1:
        msg = f"inclusive has {closed.size} values, half-open {open_axis.size}: expected one more"
        raise CheckFailed(msg)
    assert_close(closed[:-1], open_axis, bound, "inclusive grid without its stop")
    assert_close(closed[-1:], np.asarray([{**DEFAULTS, **params}["stop"]]), bound,
                 "the inclusive grid's last value against stop")
