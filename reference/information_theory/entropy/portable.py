"""Shannon entropy on any array namespace, with 0 log 0 = 0 and a +0.0 for certainty."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.information_theory._portable import check_axis, log_of_base


def entropy(xp: Any, p: Any, *, axis: int = -1, base: float | str = "e") -> Any:
    scale = log_of_base(base)
    check_axis(p, axis)
    positive = p > 0
    # log is taken of 1 where p = 0, so neither the value nor the gradient sees log 0.
    safe = xp.where(positive, p, xp.ones_like(p))
    plogp = xp.where(positive, p * xp.log(safe), xp.zeros_like(p))
    # 0.0 - sum turns a zero sum into +0.0, where -sum would give -0.0.
    return (0.0 - xp.sum(plogp, axis=axis)) / scale
