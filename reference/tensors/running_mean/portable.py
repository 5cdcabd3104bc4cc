"""Running mean on any array namespace: cumulative_sum divided by 1, 2, ..., n."""

from __future__ import annotations

from typing import Any

from array_api_compat import device


def running_mean(xp: Any, x: Any, *, axis: int = -1) -> Any:
    if not -x.ndim <= axis < x.ndim:
        msg = f"axis {axis} is outside an array of {x.ndim} axes"
        raise ValueError(msg)
    n = x.shape[axis]
    counts = xp.arange(1, n + 1, dtype=x.dtype, device=device(x))
    shape = [1] * x.ndim
    shape[axis] = n
    return xp.cumulative_sum(x, axis=axis) / xp.reshape(counts, tuple(shape))
