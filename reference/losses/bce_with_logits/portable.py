"""Binary cross-entropy from logits on any array namespace, in the overflow-free form."""

from __future__ import annotations

from typing import Any

REDUCTIONS = ("mean", "sum", "none", None)  # None is the spec's "none"


def bce_with_logits(xp: Any, logits: Any, y: Any, *, reduction: str | None = "mean") -> Any:
    _check(logits, y, reduction)
    z = logits
    relu = xp.maximum(z, 0.0)
    # -|z| written as z - 2 max(z, 0): autograd then gives sigmoid(z) - y at z = 0 whatever
    # subgradient max takes there, where abs(z) and max(z, 0) disagree and give 1 - y.
    # log1p keeps the tiny loss exp(-|z|) of a confident right prediction.
    loss = relu - z * y + xp.log1p(xp.exp(z - 2 * relu))
    return _reduce(xp, loss, reduction)


def _check(logits: Any, y: Any, reduction: str | None) -> None:
    if reduction not in REDUCTIONS:
        msg = f"reduction must be 'mean', 'sum' or 'none' (None), got {reduction!r}"
        raise ValueError(msg)
    if tuple(logits.shape) != tuple(y.shape):
        msg = f"logits shape {tuple(logits.shape)} and y shape {tuple(y.shape)} differ"
        raise ValueError(msg)


def _reduce(xp: Any, loss: Any, reduction: str | None) -> Any:
    if reduction in (None, "none"):
        return loss
    return xp.sum(loss) if reduction == "sum" else xp.mean(loss)
