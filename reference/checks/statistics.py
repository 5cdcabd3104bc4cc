"""Invariants of the statistics family."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("variance_ddof_and_scaling")
def variance_ddof_and_scaling(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                              dtype: str, bound: Any) -> None:
    """Var >= 0; (N - 1) Var_ddof1 = N Var_ddof0; Var(2x) = 4 Var(x) (2 is exact in floats)."""
    x = inputs["x"]
    axis = params.get("axis")
    n = x.size if axis is None else x.shape[axis]
    population = np.asarray(run(inputs, {**params, "ddof": 0})["var"], dtype=np.float64)
    sample = np.asarray(run(inputs, {**params, "ddof": 1})["var"], dtype=np.float64)
    if np.any(population < 0) or np.any(sample < 0):
        msg = f"negative variance: ddof 0 gives {population!r}, ddof 1 gives {sample!r}"
        raise CheckFailed(msg)
    assert_close(population, sample * (n - 1) / n, bound,
                 f"ddof = 0 against ddof = 1 rescaled by (N - 1)/N, N = {n}")
    doubled = run({**inputs, "x": 2 * x}, {**params, "ddof": 0})["var"]
    assert_close(doubled, 4 * population, bound, "Var(2x) against 4 Var(x)")


@property_check("swap_negates_t")
def swap_negates_t(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                   dtype: str, bound: Any) -> None:
    """t(b, a) = -t(a, b) with the same df and p-value; 0 <= p <= 1."""
    a, b = inputs["a"], inputs["b"]
    if np.ptp(a) == 0 or np.ptp(b) == 0:
        return  # a sample without spread: t = +-inf or nan is not pinned
    out = run(inputs, params)
    swapped = run({"a": b, "b": a}, params)
    p = float(out["pvalue"])
    if not 0 <= p <= 1:
        msg = f"p-value {p!r} outside [0, 1]"
        raise CheckFailed(msg)
    assert_close(swapped["statistic"], -np.asarray(out["statistic"], dtype=np.float64), bound,
                 "t after swapping a and b")
    assert_close(swapped["df"], np.asarray(out["df"], dtype=np.float64), bound,
                 "df after swapping a and b")
    assert_close(swapped["pvalue"], np.asarray(out["pvalue"], dtype=np.float64), bound,
                 "p-value after swapping a and b")
