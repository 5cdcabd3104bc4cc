"""Property checks of mlp_training_pytorch (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("sample_order_invariant")
def sample_order_invariant(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                           dtype: str, bound: Any) -> None:
    """Full-batch training sees the mean loss: reversing the order of the samples (rows of x
    with their labels) gives the same weights and the same loss history."""
    y = (inputs["y"] > 0).astype(inputs["x"].dtype)  # Hypothesis draws any float: make labels
    base = run({**inputs, "y": y}, params)
    flipped = run({**inputs, "x": np.ascontiguousarray(inputs["x"][::-1]),
                   "y": np.ascontiguousarray(y[::-1])}, params)
    for name, value in base.items():
        assert_close(flipped[name], value.astype(np.float64), bound,
                     f"{name} after reversing the sample order")
