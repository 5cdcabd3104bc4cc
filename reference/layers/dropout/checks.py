"""Stochastic and property checks of dropout (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import stats

from mlcanon.checks import (
    CheckFailed,
    assert_close,
    binomial_pvalue,
    require_p,
    stochastic_check,
)
from mlcanon.tolerances import EPS, Bound


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
