"""Property checks of bottleneck_block (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("block_positively_homogeneous")
def block_positively_homogeneous(run: Any, inputs: dict[str, np.ndarray],
                                 params: dict[str, Any], dtype: str, bound: Any, *,
                                 scale: float = 2.0) -> None:
    """Without biases every stage is linear or a ReLU, so f(a·x) = a·f(x) for a > 0
    (a power of two, so a·x is exact)."""
    base = run(inputs, params)["y"].astype(np.float64)
    scaled = run({**inputs, "x": inputs["x"] * scale}, params)["y"]
    assert_close(scaled, scale * base, bound, f"f({scale}·x) against {scale}·f(x)")
