"""Property checks of transpose (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("transpose_twice_is_identity")
def transpose_twice_is_identity(run: Any, inputs: dict[str, np.ndarray],
                                params: dict[str, Any], dtype: str, bound: Any) -> None:
    """(A^T)^T = A, bit for bit and in shape."""
    x = inputs["x"]
    back = run({"x": run({"x": x}, params)["y"]}, params)["y"]
    if back.shape != x.shape or not np.array_equal(back.astype(np.float64),
                                                   x.astype(np.float64)):
        msg = f"transposing twice gives shape {back.shape}, values {back!r}; expected {x!r}"
        raise CheckFailed(msg)
