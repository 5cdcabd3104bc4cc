"""Log sigmoid on any array namespace: min(x, 0) - log1p(exp(-|x|)), finite in both tails."""

from __future__ import annotations

from typing import Any


def log_sigmoid(xp: Any, x: Any) -> Any:
    # log(sigmoid(x)) = -inf once sigma underflows, and 0 once it rounds to 1. Splitting
    # at 0: for x <= 0 the value is x - log1p(e^x), for x > 0 it is -log1p(e^-x); e^-|x|
    # never overflows. Negating softplus(-x) last keeps log sigma(+inf) = -(+0) = -0.0.
    negative_part = xp.where(x < 0, x, xp.zeros_like(x))
    return -(xp.log1p(xp.exp(-xp.abs(x))) - negative_part)
