"""Property checks of broadcasting_add (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("broadcast_is_tiling")
def broadcast_is_tiling(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                        dtype: str, bound: Any) -> None:
    """Adding broadcast operands equals adding them after tiling both to the result
    shape by hand: the same numbers, bit for bit."""
    a, b = inputs["a"], inputs["b"]
    y = run({"a": a, "b": b}, params)["y"]
    shape = np.broadcast_shapes(a.shape, b.shape)
    tiled = run({"a": np.array(np.broadcast_to(a, shape)),
                 "b": np.array(np.broadcast_to(b, shape))}, params)["y"]
    if y.shape != shape or not np.array_equal(y, tiled, equal_nan=True):
        msg = f"broadcast sum {y!r} (shape {y.shape}) differs from the tiled sum {tiled!r}"
        raise CheckFailed(msg)
