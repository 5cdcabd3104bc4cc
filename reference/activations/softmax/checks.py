"""Stochastic and property checks of softmax (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("sums_to_one")
def sums_to_one(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any], dtype: str,
                bound: Any, *, axis: int = -1, output: str = "y") -> None:
    """Every slice along ``axis`` is a probability vector: entries in [0, 1], sum 1."""
    y = run(inputs, params)[output].astype(np.float64)
    if np.any(y < 0) or np.any(y > 1):
        msg = f"values outside [0, 1]: min {y.min()!r}, max {y.max()!r}"
        raise CheckFailed(msg)
    total = y.sum(axis=axis)
    assert_close(total, np.ones_like(total), bound, f"sum along axis {axis}")
