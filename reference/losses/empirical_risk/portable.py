"""Empirical risk on any array namespace: per-sample losses (summed over output components),
averaged over the sample axis."""

from __future__ import annotations

from typing import Any

from array_api_compat import size

LOSSES = ("squared", "absolute", "zero_one", "log")


def empirical_risk(xp: Any, pred: Any, target: Any, *, loss: str = "squared") -> Any:
    _check(xp, pred, target, loss)
    if loss == "squared":
        pointwise = (pred - target) ** 2
    elif loss == "absolute":
        pointwise = xp.abs(pred - target)
    elif loss == "zero_one":
        pointwise = xp.astype(pred != target, pred.dtype)  # NaN != NaN counts as an error
    else:
        # log of the probability given to the observed label: where(), never y*log(p) +
        # (1 - y)*log(1 - p), whose unused term is 0 * log(0) = NaN at p = 0 or 1
        pointwise = 0.0 - xp.log(xp.where(target == 1, pred, 1 - pred))  # +0, not -0, at p = 1
    n = pred.shape[0]
    if n == 0:
        return xp.sum(pointwise) / 0.0  # the mean of no samples: 0 / 0 = NaN
    per_sample = xp.sum(xp.reshape(pointwise, (n, -1)), axis=1)
    return xp.sum(per_sample) / n


def _check(xp: Any, pred: Any, target: Any, loss: str) -> None:
    if loss not in LOSSES:
        msg = f"loss must be one of {LOSSES}, got {loss!r}"
        raise ValueError(msg)
    if tuple(pred.shape) != tuple(target.shape) or pred.ndim == 0:
        msg = (f"pred {tuple(pred.shape)} and target {tuple(target.shape)} need one shape with "
               "a leading sample axis")
        raise ValueError(msg)
    if loss == "log" and size(pred):
        outside = xp.any((pred < 0) | (pred > 1)) or xp.any((target != 0) & (target != 1))
        if bool(outside):
            msg = "log loss needs probabilities in [0, 1] and labels in {0, 1}"
            raise ValueError(msg)
