"""Stochastic and property checks of vector_norm (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("norm_homogeneous")
def norm_homogeneous(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                     dtype: str, bound: Any, *, factor: float) -> None:
    """|c x| = |c| |x|; with c a power of two both sides should round alike."""
    base = run(inputs, params)["y"].astype(np.float64)
    scaled = run({"x": inputs["x"] * factor}, params)["y"]
    assert_close(scaled, base * abs(factor), bound, f"norm of x * {factor}")
    if np.any(base < 0):
        msg = f"negative norm: {base.min()!r}"
        raise CheckFailed(msg)
