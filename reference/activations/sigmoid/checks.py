"""Stochastic and property checks of sigmoid (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("complement_to_one")
def complement_to_one(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                      dtype: str, bound: Any, *, input: str = "x", output: str = "y") -> None:
    """f(x) + f(-x) = 1, as sigma(-x) = 1 - sigma(x); every value lies in [0, 1]."""
    up = run(inputs, params)[output].astype(np.float64)
    down = run({**inputs, input: -inputs[input]}, params)[output].astype(np.float64)
    for y in (up, down):
        if np.any(y < 0) or np.any(y > 1):
            msg = f"values outside [0, 1]: min {y.min()!r}, max {y.max()!r}"
            raise CheckFailed(msg)
    assert_close(up + down, np.ones_like(up), bound, f"f({input}) + f(-{input})")
