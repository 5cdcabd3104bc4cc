"""Property checks of densenet_concat (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("input_channels_come_first_unchanged")
def input_channels_come_first_unchanged(run: Any, inputs: dict[str, np.ndarray],
                                        params: dict[str, Any], dtype: str,
                                        bound: Any) -> None:
    """The first C0 output channels are x itself, bit for bit: concatenation copies."""
    x = inputs["x"]
    y = run(inputs, params)["y"]
    if y.shape[:2] != (x.shape[0], x.shape[1] + sum(
            inputs[w].shape[0] for w in ("weight1", "weight2", "weight3") if w in inputs)):
        msg = f"output shape {y.shape} does not add each layer's channels to x {x.shape}"
        raise CheckFailed(msg)
    head = y[:, :x.shape[1]].astype(np.float64)
    if not np.array_equal(head, x.astype(dtype).astype(np.float64)):
        msg = f"the first {x.shape[1]} channels are not x: {head!r} versus {x!r}"
        raise CheckFailed(msg)
