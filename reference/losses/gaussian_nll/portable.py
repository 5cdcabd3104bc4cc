"""Gaussian negative log-likelihood on any array namespace, with the variance floor eps."""

from __future__ import annotations

import math
from typing import Any

from array_api_compat import size

from mlcanon_reference.losses._portable import check_reduction, check_same_shape, reduce

HALF_LOG_2PI = 0.5 * math.log(2 * math.pi)


def gaussian_nll(xp: Any, pred: Any, target: Any, var: Any, *, full: bool = True,
                 eps: float = 1e-6, reduction: str | None = "mean") -> Any:
    _check(xp, pred, target, var, eps, reduction)
    # a true max: below eps the loss no longer depends on var, so its gradient there is 0
    v = xp.maximum(var, eps) if eps > 0 else var
    r = target - pred
    loss = 0.5 * (xp.log(v) + r * r / v)
    if full:
        loss = loss + HALF_LOG_2PI
    return reduce(xp, loss, reduction)


def _check(xp: Any, pred: Any, target: Any, var: Any, eps: float,
           reduction: str | None) -> None:
    check_reduction(reduction)
    check_same_shape(pred, target, "pred", "target")
    check_same_shape(pred, var, "pred", "var")
    if not eps >= 0:
        msg = f"eps must be >= 0, got {eps!r}"
        raise ValueError(msg)
    if size(var) and bool(xp.any(var < 0)):
        msg = "variances must be >= 0"
        raise ValueError(msg)
    if eps == 0 and size(var) and bool(xp.any(var == 0)):
        msg = "a variance of 0 (with eps = 0) has no density"
        raise ValueError(msg)
