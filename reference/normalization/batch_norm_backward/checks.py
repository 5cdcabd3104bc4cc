"""Property checks of batch_norm_backward (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("batch_gradient_sums_to_zero")
def batch_gradient_sums_to_zero(run: Any, inputs: dict[str, np.ndarray],
                                params: dict[str, Any], dtype: str, bound: Any) -> None:
    """For each channel, dx summed over the batch and spatial axes is 0, to rounding of
    its terms (|dy| / sqrt(var + eps), not the size of dx itself)."""
    dx = run(inputs, params)["dx"].astype(np.float64)
    axes = (0, *range(2, dx.ndim))
    x, dy = inputs["x"].astype(np.float64), np.abs(inputs["dy"].astype(np.float64))
    inv_std = 1 / np.sqrt(x.var(axis=axes) + params.get("eps", 1e-5))
    sums = np.abs(dx.sum(axis=axes))
    count = dx.size // dx.shape[1]
    scale = np.max(dy, axis=axes) * inv_std + np.max(np.abs(dx), axis=axes)
    allowed = bound.k * bound.eps * count * scale + 1e-30  # subnormal noise
    if np.any(sums > allowed):
        msg = f"a channel's dx sums to {float(np.max(sums))!r}, not 0"
        raise CheckFailed(msg)
