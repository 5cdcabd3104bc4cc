"""Property checks of group_norm (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("group_statistics")
def group_statistics(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                     dtype: str, bound: Any) -> None:
    """Every (sample, group) block of the output has mean 0 and population variance 1
    (with a negligible eps), for blocks whose input is not nearly constant."""
    x = inputs["x"].astype(np.float64)
    groups = params["num_groups"]
    y = run(inputs, params)["y"].astype(np.float64)
    xb = x.reshape(x.shape[0], groups, -1)
    yb = y.reshape(y.shape[0], groups, -1)
    spread = xb.std(axis=-1)
    keep = (spread >= 0.25 * np.max(np.abs(xb), axis=-1)) & (spread > 1e-3)
    if not keep.any():
        return
    mean = yb.mean(axis=-1)[keep]
    allowed = bound.k * bound.eps * max(float(np.max(np.abs(y))), 1.0)
    if np.any(np.abs(mean) > allowed):
        msg = f"a group's normalized mean is {float(np.max(np.abs(mean)))!r}, not 0"
        raise CheckFailed(msg)
    variance = yb.var(axis=-1)[keep]
    assert_close(variance, np.ones_like(variance), bound, "population variance of each group")
