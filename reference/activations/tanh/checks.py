"""Property checks of tanh (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("odd_function")
def odd_function(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any], dtype: str,
                 bound: Any, *, input: str = "x", output: str = "y") -> None:
    """f(-x) = -f(x) exactly, and |f| <= 1 (an odd squashing function)."""
    up = run(inputs, params)[output].astype(np.float64)
    down = run({**inputs, input: -inputs[input]}, params)[output]
    if np.any(np.abs(up) > 1):
        msg = f"|f(x)| exceeds 1: max {np.max(np.abs(up))!r}"
        raise CheckFailed(msg)
    assert_close(down, -up, bound, f"f(-{input}) against -f({input})")
