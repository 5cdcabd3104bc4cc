"""Oracle helpers several concepts of the tensors family share (plain loops)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np


def same_shape(a: np.ndarray, b: np.ndarray, op: str) -> None:
    if a.shape != b.shape:
        msg = f"{op} needs operands of equal shape, got {a.shape} and {b.shape}"
        raise ValueError(msg)


def _is_negative_zero(value: Any) -> bool:
    return isinstance(value, float) and value == 0 and math.copysign(1.0, value) < 0


def elementwise(
    a: np.ndarray,
    b: np.ndarray,
    fn: Callable[[Any, Any], Any],
    zero_sign: Callable[[bool, bool], bool],
) -> np.ndarray:
    """``fn`` on each pair of entries (equal shapes), one element at a time.

    mpmath has no negative zero, so an exact zero result takes the IEEE sign the rule
    ``zero_sign(a is -0.0 or negative, b is -0.0 or negative)`` gives it.
    """
    out = np.empty(a.shape, dtype=object)
    for index in np.ndindex(a.shape):
        x, y = a[index], b[index]
        value = fn(x, y)
        if value == 0:
            negative = zero_sign(_negative(x), _negative(y))
            value = -0.0 if negative else 0.0
        out[index] = value
    return out


def _negative(value: Any) -> bool:
    return _is_negative_zero(value) or value < 0
