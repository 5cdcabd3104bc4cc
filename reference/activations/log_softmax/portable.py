"""Log softmax on any array namespace: the shift by a finite max, then x - m - log sum exp."""

from __future__ import annotations

from typing import Any


def log_softmax(xp: Any, x: Any, *, axis: int = -1) -> Any:
    if not -x.ndim <= axis < x.ndim:
        msg = f"axis {axis} is out of range for an input with {x.ndim} dimensions"
        raise IndexError(msg)
    z = x - _finite_max(xp, x, axis)
    return z - xp.log(xp.sum(xp.exp(z), axis=axis, keepdims=True))


def _finite_max(xp: Any, x: Any, axis: int) -> Any:
    # A slice whose max is -inf (all masked) or +inf would make x - m NaN; shifting it by 0
    # instead gives the right -inf / NaN-free result, and finite slices keep the max shift.
    m = xp.max(x, axis=axis, keepdims=True)
    return xp.where(xp.isfinite(m), m, xp.zeros_like(m))
