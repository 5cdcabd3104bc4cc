"""Property checks of pointwise_conv_1x1 (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("pixels_independent")
def pixels_independent(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                       dtype: str, bound: Any) -> None:
    """Shuffling the pixels of x shuffles the output the same way (no spatial mixing)."""
    x = inputs["x"]
    n, c, h, w = x.shape
    order = np.random.default_rng(1).permutation(h * w)
    shuffled = np.ascontiguousarray(x.reshape(n, c, h * w)[:, :, order].reshape(n, c, h, w))
    y = run(inputs, params)["y"].astype(np.float64)
    o = y.shape[1]
    expected = y.reshape(n, o, h * w)[:, :, order].reshape(n, o, h, w)
    assert_close(run({**inputs, "x": shuffled}, params)["y"], expected, bound,
                 "output of shuffled pixels against the shuffled output")
