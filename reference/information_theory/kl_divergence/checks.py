"""Stochastic and property checks of kl_divergence (named by the spec's cases)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


def _log_base(params: dict[str, Any]) -> float:
    base = params.get("base", "e")
    return 1.0 if base == "e" else math.log(float(base))


@property_check("gibbs_inequality")
def gibbs_inequality(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                     dtype: str, bound: Any) -> None:
    """KL(p || q) >= 0 for distributions, and KL(p || p) = 0."""
    axis = params.get("axis", -1)
    p, q = inputs["p"], inputs["q"]
    with np.errstate(divide="ignore", invalid="ignore"):
        size = np.sum(np.abs(np.where(p > 0, p * np.log(p / q), 0.0)), axis=axis)
        size_pp = np.sum(np.abs(np.where(p > 0, p * np.log(p), 0.0)), axis=axis)
    slack = bound.k * bound.eps * size / _log_base(params)
    kl = run(inputs, params)["kl"].astype(np.float64)
    if np.any(np.isnan(kl)) or np.any(kl < -slack):
        msg = f"KL(p || q) < 0: {kl.tolist()!r}"
        raise CheckFailed(msg)
    kl_pp = run({"p": p, "q": p}, params)["kl"].astype(np.float64)
    if np.any(np.isnan(kl_pp)) or np.any(np.abs(kl_pp) > bound.k * bound.eps * size_pp):
        msg = f"KL(p || p) is not 0: {kl_pp.tolist()!r}"
        raise CheckFailed(msg)
