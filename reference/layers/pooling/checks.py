"""Stochastic and property checks of pooling (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import (
    CheckFailed,
    property_check,
)


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
