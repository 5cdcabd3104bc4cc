"""Binary cross-entropy on probabilities on any array namespace: unclamped, 0 ln 0 = 0."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.losses._portable import check_reduction, check_same_shape, reduce


def binary_cross_entropy(xp: Any, p: Any, y: Any, *, reduction: str | None = "mean") -> Any:
    check_reduction(reduction)
    check_same_shape(p, y, "p", "y")
    # 0.0 - (...) turns the -0.0 of a perfect prediction into +0.0
    loss = 0.0 - (_xlogy(xp, y, p) + _xlogy(xp, 1 - y, 1 - p))
    return reduce(xp, loss, reduction)


def _xlogy(xp: Any, x: Any, v: Any) -> Any:
    """x ln v with 0 ln v = 0, also for v = 0."""
    # log(1) = 0 where x = 0, instead of masking x ln 0 = nan afterwards: the masked nan
    # would still poison the gradient (x / v = 0 / 0) under autograd
    return x * xp.log(xp.where(x == 0, xp.ones_like(v), v))
