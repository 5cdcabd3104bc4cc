"""Property checks of elementwise_add (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


def _same(left: np.ndarray, right: np.ndarray, what: str) -> None:
    if left.shape != right.shape or not np.array_equal(left, right, equal_nan=True):
        msg = f"{what}: {left!r} differs from {right!r}"
        raise CheckFailed(msg)


@property_check("commutes_bit_for_bit")
def commutes_bit_for_bit(
    run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any], dtype: str, bound: Any
) -> None:
    """a + b and b + a are the same rounded value, bit for bit."""
    a, b = inputs["a"], inputs["b"]
    _same(
        run({"a": a, "b": b}, params)["y"],
        run({"a": b, "b": a}, params)["y"],
        "a + b against b + a",
    )


@property_check("additive_identity")
def additive_identity(
    run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any], dtype: str, bound: Any
) -> None:
    """a + 0 is a, exactly."""
    a = inputs["a"]
    y = run({"a": a, "b": np.zeros_like(a)}, params)["y"]
    _same(y.astype(np.float64), a.astype(np.float64), "a + 0 against a")
