"""Property checks of layer_norm_backward (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("gradient_rows_sum_to_zero")
def gradient_rows_sum_to_zero(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                              dtype: str, bound: Any, *, output: str = "dx") -> None:
    """Each row of dx sums to 0, to rounding of its terms: g/sigma, whose size is
    |dy| |gamma| / sqrt(var + eps), not that of dx."""
    dx = run(inputs, params)[output].astype(np.float64)
    x = inputs["x"].astype(np.float64)
    g = np.abs(inputs["dy"].astype(np.float64))
    if "weight" in inputs:
        g = g * np.abs(inputs["weight"].astype(np.float64))
    inv_std = 1 / np.sqrt(x.var(axis=-1) + params.get("eps", 1e-5))
    sums = np.abs(dx.sum(axis=-1))
    scale = (np.max(g, axis=-1) * inv_std + np.max(np.abs(dx), axis=-1))
    allowed = bound.k * bound.eps * dx.shape[-1] * scale + 1e-30  # subnormal noise
    if np.any(sums > allowed):
        msg = f"a row of {output} sums to {float(np.max(sums))!r}, not 0"
        raise CheckFailed(msg)
