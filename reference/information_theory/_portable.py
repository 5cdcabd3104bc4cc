"""Helpers that several information_theory portable implementations share (array API code)."""

from __future__ import annotations

import math
from typing import Any


def log_of_base(base: float | str) -> float:
    """ln(base), the divisor that turns nats into the unit of base; 1.0 for "e"."""
    if base == "e":
        return 1.0
    if isinstance(base, str) or not base > 0 or base == 1:
        msg = f"base must be 'e' or a positive number other than 1, got {base!r}"
        raise ValueError(msg)
    return math.log(base)


def check_axis(p: Any, axis: int) -> None:
    if not -p.ndim <= axis < p.ndim:
        msg = f"axis {axis} is out of range for an input with {p.ndim} dimensions"
        raise IndexError(msg)
