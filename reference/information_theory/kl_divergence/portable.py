"""KL divergence on any array namespace, with rel_entr's rules for zeros."""

from __future__ import annotations

import math
from typing import Any


def kl_divergence(xp: Any, p: Any, q: Any, *, axis: int = -1,
                  base: float | str = "e") -> Any:
    scale = log_of_base(base)
    if p.shape != q.shape:
        msg = f"p and q must have the same shape, got {p.shape} and {q.shape}"
        raise ValueError(msg)
    if not -p.ndim <= axis < p.ndim:
        msg = f"axis {axis} is out of range for an input with {p.ndim} dimensions"
        raise IndexError(msg)
    positive = p > 0
    ones = xp.ones_like(p)
    # Where p = 0 the term is 0 even for q = 0 (no 0 log 0/0 = NaN, in value or gradient);
    # where p > 0 = q the ratio is +inf and so is the divergence.
    ratio = xp.where(positive, p, ones) / xp.where(positive, q, ones)
    terms = xp.where(positive, p * xp.log(ratio), xp.zeros_like(p))
    return xp.sum(terms, axis=axis) / scale


def log_of_base(base: float | str) -> float:
    if base == "e":
        return 1.0
    if isinstance(base, str) or not base > 0 or base == 1:
        msg = f"base must be 'e' or a positive number other than 1, got {base!r}"
        raise ValueError(msg)
    return math.log(base)
