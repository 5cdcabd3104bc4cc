"""Property checks of reshape (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("reshape_round_trip")
def reshape_round_trip(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                       dtype: str, bound: Any, *, shape: list[int]) -> None:
    """Reshaping to ``shape`` and back to the original shape returns x, in both orders."""
    x = inputs["x"]
    for order in ("C", "F"):
        y = run({"x": x}, {**params, "shape": shape, "order": order})["y"]
        back = run({"x": y}, {**params, "shape": list(x.shape), "order": order})["y"]
        if back.shape != x.shape or not np.array_equal(back.astype(np.float64),
                                                       x.astype(np.float64)):
            msg = f"reshape to {shape} and back (order {order}) gives {back!r}, expected {x!r}"
            raise CheckFailed(msg)
