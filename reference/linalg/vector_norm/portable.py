"""Vector p-norm on any array namespace, scaled by max|x_i| so no power over- or underflows."""

from __future__ import annotations

import math
from typing import Any


def vector_norm(xp: Any, x: Any, *, ord: float = 2, axis: int | None = None,
                keepdims: bool = False) -> Any:
    if not (ord == math.inf or ord > 0):
        msg = f"ord must be a positive number or inf, got {ord!r}"
        raise ValueError(msg)
    if isinstance(axis, int) and not -x.ndim <= axis < x.ndim:
        msg = f"axis {axis} is out of range for an input with {x.ndim} dimensions"
        raise IndexError(msg)
    # The standard vector_norm computes sum |x_i|^p directly, which overflows for
    # [1e200, 1e200] and underflows for tiny entries; dividing by max|x_i| first keeps every
    # power in [0, 1]. Slices that are all zero (0 / 0) or hold an inf or NaN keep scale 1,
    # so they give 0, inf or NaN as the unscaled formula does.
    scale = xp.max(xp.abs(x), axis=axis, keepdims=True)
    usable = xp.isfinite(scale) & (scale > 0)
    scale = xp.where(usable, scale, xp.ones_like(scale))
    norm = xp.linalg.vector_norm(x / scale, ord=ord, axis=axis, keepdims=keepdims)
    return norm * xp.reshape(scale, norm.shape)
