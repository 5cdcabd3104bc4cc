"""Invariants and statistical checks of the layers family."""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import stats

from mlcanon.checks import (
    CheckFailed,
    assert_close,
    binomial_pvalue,
    property_check,
    require_p,
    stochastic_check,
)
from mlcanon.tolerances import EPS, Bound


@property_check("batch_items_independent")
def batch_items_independent(run: Any, inputs: dict[str, np.ndarray],
                            params: dict[str, Any], dtype: str, bound: Any, *,
                            input: str = "x", output: str = "y") -> None:
    """Items of a batch (axis 0) do not interact: a sub-batch gives the same rows."""
    whole = run(inputs, params)[output].astype(np.float64)
    part = run({**inputs, input: inputs[input][1:]}, params)[output]
    assert_close(part, whole[1:], bound, f"{input}[1:] alone versus rows 1: of the full batch")


@property_check("max_dominates_avg")
def max_dominates_avg(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                      dtype: str, bound: Any) -> None:
    """Without padding, the max of a window is never below its mean (up to rounding)."""
    largest = run(inputs, {**params, "kind": "max"})["y"].astype(np.float64)
    mean = run(inputs, {**params, "kind": "avg"})["y"].astype(np.float64)
    slack = bound.k * bound.eps * (np.abs(largest) + np.max(np.abs(largest)))
    above = mean - largest > slack
    if above.any():
        i = tuple(int(v) for v in np.argwhere(above)[0])
        msg = f"avg pool {mean[i]!r} exceeds max pool {largest[i]!r} at {i}"
        raise CheckFailed(msg)


@property_check("onehot_matmul")
def onehot_matmul(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                  dtype: str, bound: Any) -> None:
    """The lookup equals onehot(ids)ᵀ·E (for a finite table)."""
    weight, ids = inputs["weight"], inputs["ids"]
    expected = np.eye(weight.shape[0])[ids] @ weight
    assert_close(run(inputs, params)["y"], expected, bound, "lookup versus onehot(ids) @ weight")


@stochastic_check("dropout_mask")
def dropout_mask(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any], dtype: str,
                 *, kept_scale: float | None = None) -> None:
    """Training-mode dropout: drop rate p, exact survivor scale, unbiased, seeded.

    Exactly: every output is 0 or x·(1/(1 − p)) to a few eps; the same seed gives the
    same output, another seed a different one. Statistically (two decisions sharing the
    false-alarm rate 1e-6):
    the number dropped among nonzero x is Binomial(n, p), and sum(y) − sum(x) has mean 0
    and variance p/(1 − p)·Σx², tested as a z-score.
    """
    p = float(params.get("p", 0.5))
    scale = 1.0 / (1.0 - p) if kept_scale is None else float(kept_scale)
    x = inputs["x"].astype(dtype).astype(np.float64)
    y = run(inputs, params)["y"]
    if y.shape != x.shape:
        msg = f"output shape {y.shape}, expected {x.shape}"
        raise CheckFailed(msg)
    y = y.astype(np.float64)
    live = x != 0
    dropped = (y == 0) & live
    kept = ~dropped & live
    bound = Bound(EPS[dtype], 4.0)
    assert_close(y[kept], x[kept] * scale, bound, f"survivors versus x·{scale!r}")
    n = int(live.sum())
    require_p(binomial_pvalue(int(dropped.sum()), n, p),
              f"{int(dropped.sum())} of {n} values dropped, expected about {p * n:.0f}", tests=2)
    spread = np.sqrt(p / (1.0 - p) * np.sum(x**2))
    z = (np.sum(y) - np.sum(x)) / spread
    require_p(2.0 * stats.norm.sf(abs(z)),
              f"sum(y) = {np.sum(y):.6g} versus sum(x) = {np.sum(x):.6g} (z = {z:.3g})", tests=2)
    again = run(inputs, params)["y"].astype(np.float64)
    if not np.array_equal(again, y, equal_nan=True):
        msg = f"the same seed {params.get('seed', 0)} gave a different output"
        raise CheckFailed(msg)
    other = run(inputs, {**params, "seed": int(params.get("seed", 0)) + 1})["y"]
    if np.array_equal(other.astype(np.float64) == 0, y == 0):
        msg = "seed + 1 gave the same mask: the seed is ignored"
        raise CheckFailed(msg)
