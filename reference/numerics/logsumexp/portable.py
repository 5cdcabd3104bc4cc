"""Log-sum-exp on any array namespace: shift by the finite max of each slice, sum, log."""

from __future__ import annotations

from typing import Any


def logsumexp(xp: Any, x: Any, *, axis: int = -1, keepdims: bool = False) -> Any:
    if not -x.ndim <= axis < x.ndim:
        msg = f"axis {axis} is out of range for an input with {x.ndim} dimensions"
        raise IndexError(msg)
    m = xp.max(x, axis=axis, keepdims=True)
    # An all -inf slice (log 0 = -inf) or a +inf entry would turn x - m into NaN: shift
    # those slices by 0, where exp gives the sum 0 or +inf and the log the right answer.
    m = xp.where(xp.isfinite(m), m, xp.zeros_like(m))
    out = xp.log(xp.sum(xp.exp(x - m), axis=axis, keepdims=True)) + m
    return out if keepdims else xp.squeeze(out, axis=axis)
