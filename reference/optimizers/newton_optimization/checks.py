"""Property checks of newton_optimization."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("newton_objective_scale_free")
def newton_objective_scale_free(run: Any, inputs: dict[str, np.ndarray],
                                params: dict[str, Any], dtype: str, bound: Any, *,
                                factor: float = 8.0) -> None:
    """f'/f'' does not change when f is multiplied by a constant (a power of two, exact), nor
    when a constant is added to f: the path is the same."""
    base = run(inputs, params)["path"].astype(np.float64)
    coeffs = inputs["coeffs"] * factor
    coeffs[0] = coeffs[0] + 1
    after = run({**inputs, "coeffs": coeffs}, params)["path"]
    assert_close(after, base, bound, f"path with f * {factor} + 1")
