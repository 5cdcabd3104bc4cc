"""Property checks of scalar_multiply (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("power_of_two_scaling_exact")
def power_of_two_scaling_exact(run: Any, inputs: dict[str, np.ndarray],
                               params: dict[str, Any], dtype: str, bound: Any, *,
                               scalar: float = 0.5) -> None:
    """Scaling by a power of two only moves the exponent: (c v) / c is v bit for bit
    (inside the normal range)."""
    v = inputs["v"]
    y = run({"v": v}, {**params, "scalar": scalar})["y"]
    back = run({"v": y}, {**params, "scalar": 1.0 / scalar})["y"].astype(np.float64)
    if not np.array_equal(back, v.astype(np.float64)):
        msg = f"scaling by {scalar} and back gives {back!r}, expected {v!r}"
        raise CheckFailed(msg)
