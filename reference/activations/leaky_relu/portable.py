"""Leaky ReLU on any array namespace: a select on x > 0 (never max(alpha x, x))."""

from __future__ import annotations

from typing import Any


def leaky_relu(xp: Any, x: Any, *, negative_slope: float = 0.01) -> Any:
    # max(alpha x, x) is wrong for alpha > 1; the select also gives alpha * -0.0 = -0.0
    return xp.where(x > 0, x, negative_slope * x)
