"""Property checks of outer_product (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("outer_swap_is_transpose")
def outer_swap_is_transpose(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                            dtype: str, bound: Any) -> None:
    """v u^T is the transpose of u v^T, bit for bit (each entry is the same product)."""
    u, v = inputs["u"], inputs["v"]
    forward = run({"u": u, "v": v}, params)["y"]
    swapped = run({"u": v, "v": u}, params)["y"]
    if forward.shape != (u.size, v.size) or not np.array_equal(forward, swapped.T):
        msg = f"outer(v, u)^T {swapped.T!r} differs from outer(u, v) {forward!r}"
        raise CheckFailed(msg)
