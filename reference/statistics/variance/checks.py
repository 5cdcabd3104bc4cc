"""Stochastic and property checks of variance (named by the spec's cases)."""

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
