"""Stochastic and property checks of log_softmax (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("log_normalized")
def log_normalized(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any], dtype: str,
                   bound: Any, *, axis: int = -1, output: str = "y") -> None:
    """Every slice along ``axis`` is a log-probability vector: entries <= 0, exp sums to 1."""
    y = run(inputs, params)[output].astype(np.float64)
    if np.any(y > 0):
        msg = f"log-probabilities above 0: max {y.max()!r}"
        raise CheckFailed(msg)
    total = np.exp(y).sum(axis=axis)
    assert_close(total, np.ones_like(total), bound, f"sum of exp along axis {axis}")
