"""RBF kernel on any array namespace, from row differences so K(x, x) has exactly 1s."""

from __future__ import annotations

from typing import Any


def rbf_kernel(xp: Any, x: Any, y: Any = None, *, gamma: float = 1.0) -> Any:
    y = x if y is None else y
    if x.ndim != 2 or y.ndim != 2 or x.shape[1] != y.shape[1]:
        msg = f"rbf_kernel needs x (n, d) and y (m, d), got {x.shape} and {y.shape}"
        raise ValueError(msg)
    # Squared distances from differences, never |x|^2 + |y|^2 - 2 x.y: they cannot go
    # negative and are exactly 0 for equal rows.
    diff = xp.expand_dims(x, axis=1) - xp.expand_dims(y, axis=0)
    squared = xp.sum(diff * diff, axis=-1)
    return xp.exp(-gamma * squared)
