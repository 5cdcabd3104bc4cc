"""Property checks of residual_connection (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("zero_branch_is_identity")
def zero_branch_is_identity(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                            dtype: str, bound: Any) -> None:
    """A branch that outputs zeros leaves x exactly as it was (x + 0 rounds to x)."""
    x = inputs["x"]
    y = run({"x": x, "fx": np.zeros_like(x)}, params)["y"]
    if not np.array_equal(y.astype(np.float64), x.astype(dtype).astype(np.float64)):
        msg = f"x + 0 changed x: {y!r} versus {x!r}"
        raise CheckFailed(msg)
