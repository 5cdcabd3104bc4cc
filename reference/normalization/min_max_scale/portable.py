"""Min-max scaling on any array namespace, per slice along ``axis``."""

from __future__ import annotations

from typing import Any


def min_max_scale(xp: Any, x: Any, *, axis: int = 0, eps: float = 1e-12) -> Any:
    if not -x.ndim <= axis < x.ndim:
        msg = f"axis {axis} is out of range for a {x.ndim}-d input"
        raise ValueError(msg)
    if x.shape[axis] == 0:
        msg = "min_max_scale needs at least one value along the axis"
        raise ValueError(msg)
    if eps < 0:
        msg = f"eps must be >= 0, got {eps}"
        raise ValueError(msg)
    # halve everything first (exact for normal numbers): max - min can overflow the dtype
    # (60000 - (-60000) in float16) while the halves cannot; the ratio is unchanged
    half = x / 2
    low = xp.min(half, axis=axis, keepdims=True)
    high = xp.max(half, axis=axis, keepdims=True)
    scaled = (half - low) / ((high - low) + eps / 2)
    if eps > 0:
        # a constant slice is 0/eps = 0 even where eps underflows the dtype (float16)
        return xp.where(high > low, scaled, xp.zeros_like(scaled))
    return scaled
