"""Property checks of sgd_minibatch."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("sgd_minibatch_order_within_batch")
def sgd_minibatch_order_within_batch(run: Any, inputs: dict[str, np.ndarray],
                                     params: dict[str, Any], dtype: str, bound: Any) -> None:
    """A batch's gradient is a mean: reversing the samples inside every batch (the batches
    themselves in place) leaves the path unchanged."""
    n, size = inputs["x"].shape[0], params["batch_size"]
    order = np.concatenate([np.arange(lo, min(lo + size, n))[::-1] for lo in range(0, n, size)])
    base = run(inputs, params)["path"].astype(np.float64)
    after = run({**inputs, "x": inputs["x"][order], "y": inputs["y"][order]}, params)["path"]
    assert_close(after, base, bound, "path with the samples reversed inside each batch")
