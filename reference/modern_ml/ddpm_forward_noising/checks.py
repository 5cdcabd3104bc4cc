"""Stochastic checks of ddpm_forward_noising (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import stats

from mlcanon.checks import CheckFailed, require_p, stochastic_check


@stochastic_check("forward_noise_gaussian")
def forward_noise_gaussian(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                           dtype: str) -> None:
    """Drawn noise: the residual (x_t - sqrt(a) x0)/sqrt(1 - a), a = the returned alpha_bar,
    is standard normal (Kolmogorov-Smirnov); the same seed repeats, seed + 1 differs."""
    out = run(inputs, params)
    abar = out["alpha_bar"].astype(np.float64)
    x0 = inputs["x0"].astype(dtype).astype(np.float64)
    a = abar.reshape(abar.shape + (1,) * (x0.ndim - abar.ndim)) if abar.ndim else abar
    residual = (out["xt"].astype(np.float64) - np.sqrt(a) * x0) / np.sqrt(1 - a)
    pvalue = stats.kstest(residual.ravel(), "norm").pvalue
    require_p(pvalue, f"residual noise mean {residual.mean():.4g}, std {residual.std():.4g} "
                      "is not N(0, 1)")
    again = run(inputs, params)["xt"]
    if not np.array_equal(again, out["xt"]):
        msg = f"seed {params.get('seed', 0)} gave different noise on a second call"
        raise CheckFailed(msg)
    other = run(inputs, {**params, "seed": int(params.get("seed", 0)) + 1})["xt"]
    if np.array_equal(other, out["xt"]):
        msg = "seed + 1 gave the same noise: the seed is ignored"
        raise CheckFailed(msg)
