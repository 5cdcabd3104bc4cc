"""Binary cross-entropy on probabilities on any array namespace: unclamped, 0 ln 0 = 0."""

from __future__ import annotations

from typing import Any

REDUCTIONS = ("mean", "sum", "none", None)  # None is the spec's "none"


def binary_cross_entropy(xp: Any, p: Any, y: Any, *, reduction: str | None = "mean") -> Any:
    _check(p, y, reduction)
    # 0.0 - (...) turns the -0.0 of a perfect prediction into +0.0
    loss = 0.0 - (_xlogy(xp, y, p) + _xlogy(xp, 1 - y, 1 - p))
    return _reduce(xp, loss, reduction)


def _xlogy(xp: Any, x: Any, v: Any) -> Any:
    """x ln v with 0 ln v = 0, also for v = 0."""
    # log(1) = 0 where x = 0, instead of masking x ln 0 = nan afterwards: the masked nan
    # would still poison the gradient (x / v = 0 / 0) under autograd
    return x * xp.log(xp.where(x == 0, xp.ones_like(v), v))


def _check(p: Any, y: Any, reduction: str | None) -> None:
    if reduction not in REDUCTIONS:
        msg = f"reduction must be 'mean', 'sum' or 'none' (None), got {reduction!r}"
        raise ValueError(msg)
    if tuple(p.shape) != tuple(y.shape):
        msg = f"p shape {tuple(p.shape)} and y shape {tuple(y.shape)} differ"
        raise ValueError(msg)


def _reduce(xp: Any, loss: Any, reduction: str | None) -> Any:
    if reduction in (None, "none"):
        return loss
    return xp.sum(loss) if reduction == "sum" else xp.mean(loss)
