"""Classifier-free guidance on any array namespace: (1 + w) * cond - w * uncond."""

from __future__ import annotations

import math
from typing import Any


def _broadcast_shape(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    shape = []
    for i in range(1, max(len(a), len(b)) + 1):
        x = a[-i] if i <= len(a) else 1
        y = b[-i] if i <= len(b) else 1
        if x != y and 1 not in (x, y):
            msg = f"cond {a} and uncond {b} do not broadcast"
            raise ValueError(msg)
        shape.append(max(x, y) if 1 not in (x, y) else x * y)
    return tuple(reversed(shape))


def classifier_free_guidance(xp: Any, cond: Any, uncond: Any, *, w: float = 1.0) -> Any:
    if not math.isfinite(w):
        msg = f"the guidance weight w must be finite, got {w!r}"
        raise ValueError(msg)
    shape = _broadcast_shape(tuple(cond.shape), tuple(uncond.shape))
    # a zero coefficient drops its term: 0 * inf would be NaN
    if w == 0:
        return xp.asarray(xp.broadcast_to(cond, shape), copy=True)
    if w == -1:
        return xp.asarray(xp.broadcast_to(uncond, shape), copy=True)
    dtype = cond.dtype
    if xp.finfo(dtype).bits < 32:
        # half precision: both terms in float32, rounded once (no spurious overflow)
        cond, uncond = xp.astype(cond, xp.float32), xp.astype(uncond, xp.float32)
    guided = (1.0 + w) * cond - w * uncond
    return xp.astype(guided, dtype)
