"""Stochastic and property checks of rope (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


def _pairs(x: np.ndarray, pairing: str) -> tuple[np.ndarray, np.ndarray]:
    d = x.shape[-1]
    if pairing == "interleaved":
        return x[..., 0::2], x[..., 1::2]
    return x[..., : d // 2], x[..., d // 2 :]


@property_check("rope_pair_norms")
def rope_pair_norms(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                    dtype: str, bound: Any, *, output: str = "y") -> None:
    """Each rotated pair keeps its length: RoPE is a rotation per pair of features."""
    pairing = params.get("pairing", "interleaved")
    y = run(inputs, params)[output].astype(np.float64)
    a, b = _pairs(inputs["x"].astype(np.float64), pairing)
    ya, yb = _pairs(y, pairing)
    assert_close(ya * ya + yb * yb, a * a + b * b, bound,
                 f"squared length of each {pairing} pair after the rotation")


@property_check("rope_relative_position")
def rope_relative_position(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                           dtype: str, bound: Any, *, shift: float = 3.0,
                           output: str = "y") -> None:
    """q(m)·k(n) depends on n - m only: shifting both positions keeps every dot product.

    ``x`` holds (..., 2, d): a query in row 0 and a key in row 1, at ``positions`` (..., 2).
    """
    before = run(inputs, params)[output].astype(np.float64)
    moved = {**inputs, "positions": inputs["positions"] + shift}
    after = run(moved, params)[output].astype(np.float64)
    dot_before = np.sum(before[..., 0, :] * before[..., 1, :], axis=-1)
    dot_after = np.sum(after[..., 0, :] * after[..., 1, :], axis=-1)
    scale = np.sum(np.abs(inputs["x"][..., 0, :] * inputs["x"][..., 1, :]), axis=-1)
    scale = np.where(scale > 0, scale, 1.0)
    # compare relative to sum |q_i k_i|: a dot product of nearly cancelling terms has no
    # relative accuracy of its own
    assert_close(dot_after / scale, dot_before / scale, bound,
                 f"q·k / sum|q_i k_i| after shifting both positions by {shift}")
