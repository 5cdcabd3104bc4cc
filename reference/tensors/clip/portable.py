"""Clip on any array namespace: maximum with lo, then minimum with hi, zeros ordered."""

from __future__ import annotations

from typing import Any


def clip(xp: Any, x: Any, *, lo: float | None = None, hi: float | None = None) -> Any:
    y = x
    if lo is not None:
        low = xp.asarray(lo, dtype=x.dtype, device=_device(x))
        # the standard leaves the sign of max(-0, +0) open: order the zeros by hand
        both_zero = (y == 0) & (low == 0)
        y = xp.where(both_zero, xp.where(xp.signbit(y), low, y), xp.maximum(y, low))
    if hi is not None:
        high = xp.asarray(hi, dtype=x.dtype, device=_device(x))
        both_zero = (y == 0) & (high == 0)
        y = xp.where(both_zero, xp.where(xp.signbit(y), y, high), xp.minimum(y, high))
    return y


def _device(x: Any) -> Any:
    from array_api_compat import device

    return device(x)
