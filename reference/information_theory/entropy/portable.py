"""Shannon entropy on any array namespace, with 0 log 0 = 0 and a +0.0 for certainty."""

from __future__ import annotations

import math
from typing import Any


def entropy(xp: Any, p: Any, *, axis: int = -1, base: float | str = "e") -> Any:
    scale = log_of_base(base)
    if not -p.ndim <= axis < p.ndim:
        msg = f"axis {axis} is out of range for an input with {p.ndim} dimensions"
        raise IndexError(msg)
    positive = p > 0
    # log is taken of 1 where p = 0, so neither the value nor the gradient sees log 0.
    safe = xp.where(positive, p, xp.ones_like(p))
    plogp = xp.where(positive, p * xp.log(safe), xp.zeros_like(p))
    # 0.0 - sum turns a zero sum into +0.0, where -sum would give -0.0.
    return (0.0 - xp.sum(plogp, axis=axis)) / scale


def log_of_base(base: float | str) -> float:
    if base == "e":
        return 1.0
    if isinstance(base, str) or not base > 0 or base == 1:
        msg = f"base must be 'e' or a positive number other than 1, got {base!r}"
        raise ValueError(msg)
    return math.log(base)
