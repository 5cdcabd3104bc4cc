"""Property checks of relu (named by the spec's cases; leaky_relu names them too)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("positively_homogeneous")
def positively_homogeneous(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                           dtype: str, bound: Any, *, factor: float = 4.0, input: str = "x",
                           output: str = "y") -> None:
    """f(c x) = c f(x) for c > 0: piecewise-linear gates through the origin commute with
    positive scaling. ``factor`` is a power of two, so c x is exact in every dtype."""
    base = run(inputs, params)[output].astype(np.float64)
    scaled = run({**inputs, input: factor * inputs[input]}, params)[output]
    assert_close(scaled, factor * base, bound, f"f({factor} {input}) against {factor} f({input})")
