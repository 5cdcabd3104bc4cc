"""Stochastic and property checks of sinusoidal_positional_encoding (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("sinusoidal_block_rotation")
def sinusoidal_block_rotation(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                              dtype: str, bound: Any, *, offset: float = 3.0,
                              output: str = "pe") -> None:
    """PE(p + k) is PE(p) rotated pair by pair by the angles of PE(k).

    sin(a + b) = sin a cos b + cos a sin b and cos(a + b) = cos a cos b - sin a sin b, with
    the rotation [[cos b, sin b], [-sin b, cos b]] applied to (sin a, cos a).
    """
    p = inputs["positions"]
    pe = run({"positions": p}, params)[output].astype(np.float64)
    shifted = run({"positions": p + offset}, params)[output].astype(np.float64)
    step = run({"positions": np.full(1, offset)}, params)[output].astype(np.float64)[0]
    sin_a, cos_a = pe[..., 0::2], pe[..., 1::2]
    sin_b, cos_b = step[0::2], step[1::2]
    expected = np.empty_like(pe)
    expected[..., 0::2] = sin_a * cos_b + cos_a * sin_b
    expected[..., 1::2] = cos_a * cos_b - sin_a * sin_b
    assert_close(shifted, expected, bound, f"PE(p + {offset}) against the rotated PE(p)")
