"""Euclidean distance on any array namespace: the scaled norm of the difference a - b."""

from __future__ import annotations

from typing import Any


def euclidean_distance(xp: Any, a: Any, b: Any, *, axis: int = -1) -> Any:
    d = a - b  # the difference form: d(x, x) is exactly 0, never a rounding residue
    if not -d.ndim <= axis < d.ndim:
        msg = f"axis {axis} is out of range for inputs with {d.ndim} dimensions"
        raise IndexError(msg)
    # Scaled by max|d_i| so the squares cannot overflow (or underflow); all-zero and
    # non-finite slices keep scale 1, giving 0, inf or NaN as the plain formula does.
    scale = xp.max(xp.abs(d), axis=axis, keepdims=True)
    usable = xp.isfinite(scale) & (scale > 0)
    scale = xp.where(usable, scale, xp.ones_like(scale))
    norm = xp.linalg.vector_norm(d / scale, axis=axis)
    return norm * xp.squeeze(scale, axis=axis)
