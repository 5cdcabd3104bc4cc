"""Invariants of the activations family."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("sums_to_one")
def sums_to_one(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any], dtype: str,
                bound: Any, *, axis: int = -1, output: str = "y") -> None:
    """Every slice along ``axis`` is a probability vector: entries in [0, 1], sum 1."""
    y = run(inputs, params)[output].astype(np.float64)
    if np.any(y < 0) or np.any(y > 1):
        msg = f"values outside [0, 1]: min {y.min()!r}, max {y.max()!r}"
        raise CheckFailed(msg)
    total = y.sum(axis=axis)
    assert_close(total, np.ones_like(total), bound, f"sum along axis {axis}")


@property_check("shift_invariant")
def shift_invariant(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                    dtype: str, bound: Any, *, shift: float, input: str = "x",
                    output: str = "y") -> None:
    """Adding the same constant to every score leaves the result unchanged."""
    base = run(inputs, params)[output]
    moved = run({**inputs, input: inputs[input] + shift}, params)[output]
    assert_close(moved, base.astype(np.float64), bound, f"after adding {shift} to {input}")


@property_check("log_normalized")
def log_normalized(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any], dtype: str,
                   bound: Any, *, axis: int = -1, output: str = "y") -> None:
    """Every slice along ``axis`` is a log-probability vector: entries <= 0, exp sums to 1."""
    y = run(inputs, params)[output].astype(np.float64)
    if np.any(y > 0):
        msg = f"log-probabilities above 0: max {y.max()!r}"
        raise CheckFailed(msg)
    total = np.exp(y).sum(axis=axis)
    assert_close(total, np.ones_like(total), bound, f"sum of exp along axis {axis}")


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


@property_check("odd_part_is_identity")
def odd_part_is_identity(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                         dtype: str, bound: Any, *, input: str = "x",
                         output: str = "y") -> None:
    """f(x) - f(-x) = x, true of every gate x g(x) with g(x) + g(-x) = 1 (GELU, SiLU)."""
    up = run(inputs, params)[output].astype(np.float64)
    down = run({**inputs, input: -inputs[input]}, params)[output].astype(np.float64)
    assert_close(up - down, inputs[input], bound, f"f({input}) - f(-{input})")
