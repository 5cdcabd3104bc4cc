"""Softmax on any array namespace: the max shift, then exp and normalize."""

from __future__ import annotations

from typing import Any


def softmax(xp: Any, x: Any, *, axis: int = -1, temperature: float = 1.0) -> Any:
    z = x / temperature
    z = z - xp.max(z, axis=axis, keepdims=True)  # the shift keeps exp from overflowing
    e = xp.exp(z)
    return e / xp.sum(e, axis=axis, keepdims=True)
