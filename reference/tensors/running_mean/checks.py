"""Property checks of running_mean (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("running_mean_ends_at_mean")
def running_mean_ends_at_mean(run: Any, inputs: dict[str, np.ndarray],
                              params: dict[str, Any], dtype: str, bound: Any) -> None:
    """The last running mean is the mean of the whole series; the first is the first value."""
    x = inputs["x"]
    y = run({"x": x}, params)["y"].astype(np.float64)
    exact = x.astype(np.float64)
    assert_close(y[..., -1], exact.mean(axis=-1), bound, "last running mean against the mean")
    assert_close(y[..., 0], exact[..., 0], bound, "first running mean against the first value")
