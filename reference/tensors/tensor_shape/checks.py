"""Property checks of tensor_shape (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("rank_is_shape_length")
def rank_is_shape_length(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                         dtype: str, bound: Any) -> None:
    """rank = len(shape), shape is the input's shape, and a reshape to (size,) gives rank 1."""
    x = inputs["x"]
    out = run({"x": x}, params)
    if int(out["rank"]) != out["shape"].size or tuple(out["shape"].tolist()) != x.shape:
        msg = f"shape {out['shape']!r}, rank {out['rank']!r}; expected {x.shape}, {x.ndim}"
        raise CheckFailed(msg)
    flat = run({"x": x.reshape(-1)}, params)
    if int(flat["rank"]) != 1 or flat["shape"].tolist() != [x.size]:
        msg = f"flattened input gives shape {flat['shape']!r}, rank {flat['rank']!r}"
        raise CheckFailed(msg)
