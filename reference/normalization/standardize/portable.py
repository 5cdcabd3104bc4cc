"""Standardization on any array namespace: two-pass mean and std, eps added to the std."""

from __future__ import annotations

from typing import Any


def standardize(xp: Any, x: Any, *, axis: int = 0, ddof: int = 0,
                eps: float = 1e-12) -> Any:
    n = x.shape[axis]
    if n - ddof <= 0:
        msg = f"ddof={ddof} leaves no degrees of freedom for {n} values along axis {axis}"
        raise ValueError(msg)
    centred = x - xp.mean(x, axis=axis, keepdims=True)
    # centring before squaring (two passes) keeps the digits a one-pass E[x^2] - mean^2
    # loses when the mean dwarfs the spread
    std = xp.sqrt(xp.sum(centred * centred, axis=axis, keepdims=True) / (n - ddof))
    return centred / (std + eps)  # eps = 0 on a constant column: 0/0 = NaN, as the canon says
