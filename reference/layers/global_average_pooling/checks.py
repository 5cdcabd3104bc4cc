"""Property checks of global_average_pooling (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("pixel_order_irrelevant")
def pixel_order_irrelevant(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                           dtype: str, bound: Any) -> None:
    """Shuffling the pixels of every map (the same way) leaves the means unchanged."""
    x = inputs["x"]
    n, c, h, w = x.shape
    order = np.random.default_rng(0).permutation(h * w)
    shuffled = np.ascontiguousarray(x.reshape(n, c, h * w)[:, :, order].reshape(n, c, h, w))
    base = run(inputs, params)["y"].astype(np.float64)
    assert_close(run({**inputs, "x": shuffled}, params)["y"], base, bound,
                 "means after shuffling the pixels")
