"""Property checks of min_max_scale (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("spans_unit_interval")
def spans_unit_interval(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                        dtype: str, bound: Any) -> None:
    """With eps = 0 every non-constant slice is mapped into [0, 1] with its minimum at
    exactly 0 and its maximum at 1 (constant slices, 0/0, are left out)."""
    axis = params.get("axis", 0)
    x = inputs["x"].astype(np.float64)
    spread = np.ptp(x, axis=axis, keepdims=True)
    # constant (0/0) or nearly constant slices (range lost in the dtype) are left out
    keep = (spread > 1e-3 * np.max(np.abs(x), axis=axis, keepdims=True)) & (spread > 1e-20)
    if not keep.all():
        x = np.where(keep, x, np.arange(x.shape[axis]).reshape([-1 if a == axis % x.ndim else 1
                                                                 for a in range(x.ndim)]))
        inputs = {**inputs, "x": x}
    y = run(inputs, params)["y"].astype(np.float64)
    if np.any(y < 0) or np.any(y > 1 + bound.k * bound.eps):
        msg = f"values outside [0, 1]: min {y.min()!r}, max {y.max()!r}"
        raise CheckFailed(msg)
    low, high = y.min(axis=axis), y.max(axis=axis)
    if np.any(low != 0):
        msg = f"a slice's minimum maps to {float(np.max(low))!r}, not 0"
        raise CheckFailed(msg)
    assert_close(high, np.ones_like(high), bound, "each slice's maximum")
