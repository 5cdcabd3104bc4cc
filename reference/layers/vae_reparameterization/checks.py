"""Stochastic check of vae_reparameterization (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import stats

from mlcanon.checks import CheckFailed, require_p, stochastic_check


@stochastic_check("reparameterized_normal")
def reparameterized_normal(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                           dtype: str) -> None:
    """(z − μ)/σ is N(0, 1) (Kolmogorov-Smirnov, and a z-test on its second moment, sharing
    the false-alarm rate), the same seed repeats the draw and another seed does not."""
    mu = inputs["mu"].astype(dtype).astype(np.float64)
    sigma = np.exp(0.5 * inputs["logvar"].astype(dtype).astype(np.float64))
    z = run(inputs, params)["z"].astype(np.float64)
    if z.shape != mu.shape:
        msg = f"z has shape {z.shape}, expected {mu.shape}"
        raise CheckFailed(msg)
    eps = ((z - mu) / sigma).ravel()
    require_p(stats.kstest(eps, stats.norm.cdf).pvalue,
              "(z - mu)/sigma does not follow N(0, 1)", tests=2)
    second = (np.mean(eps * eps) - 1.0) / np.sqrt(2.0 / eps.size)
    require_p(2.0 * stats.norm.sf(abs(second)),
              f"mean of ((z - mu)/sigma)^2 is {np.mean(eps * eps):.6g}, not 1", tests=2)
    if not np.array_equal(run(inputs, params)["z"].astype(np.float64), z):
        msg = f"the same seed {params.get('seed', 0)} gave a different z"
        raise CheckFailed(msg)
    other = run(inputs, {**params, "seed": int(params.get("seed", 0)) + 1})["z"]
    if np.array_equal(other.astype(np.float64), z):
        msg = "seed + 1 gave the same z: the seed is ignored"
        raise CheckFailed(msg)
