"""Property checks of cnn_classifier_training (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("cnn_sample_order_invariant")
def cnn_sample_order_invariant(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                               dtype: str, bound: Any) -> None:
    """Full-batch training sees the mean loss: reversing the order of the images with their
    labels gives the same weights and the same loss history."""
    base = run(inputs, params)
    flipped = run({**inputs, "x": np.ascontiguousarray(inputs["x"][::-1]),
                   "labels": np.ascontiguousarray(inputs["labels"][::-1])}, params)
    for name, value in base.items():
        assert_close(flipped[name], value.astype(np.float64), bound,
                     f"{name} after reversing the order of the images")
