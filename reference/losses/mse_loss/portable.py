"""Mean squared error on any array namespace, with the canon's shape and reduction checks."""

from __future__ import annotations

import math
from typing import Any

from array_api_compat import size

REDUCTIONS = ("mean", "sum", "none", None)  # None is the spec's "none"


def mse_loss(xp: Any, pred: Any, target: Any, *, reduction: str | None = "mean") -> Any:
    _check(pred, target, reduction)
    return _reduce(xp, (pred - target) ** 2, reduction)


def _check(pred: Any, target: Any, reduction: str | None) -> None:
    if reduction not in REDUCTIONS:
        msg = f"reduction must be 'mean', 'sum' or 'none' (None), got {reduction!r}"
        raise ValueError(msg)
    if tuple(pred.shape) != tuple(target.shape):
        # never broadcast: a (3, 1) prediction against a (3,) target would give (3, 3)
        msg = f"pred shape {tuple(pred.shape)} and target shape {tuple(target.shape)} differ"
        raise ValueError(msg)


def _reduce(xp: Any, loss: Any, reduction: str | None) -> Any:
    if reduction in (None, "none"):
        return loss
    total = xp.sum(loss)
    if reduction == "sum":
        return total
    count = size(loss)
    # the mean of nothing is 0/0 = nan; multiplying keeps NumPy from warning about 0/0
    return total * math.nan if count == 0 else total / count
