"""The oracle of empirical_risk: each sample's loss by the textbook formula, then the mean."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


def _pointwise(p: object, y: object, loss: str) -> object:
    if loss == "squared":
        return (p - y) ** 2
    if loss == "absolute":
        return abs(p - y)
    if loss == "zero_one":
        return mp.mpf(0) if p == y else mp.mpf(1)  # NaN != NaN: an error
    if not (0 <= p <= 1 and y in (0, 1)):
        msg = f"log loss needs p in [0, 1] and y in {{0, 1}}, got p = {p}, y = {y}"
        raise ValueError(msg)
    chosen = p if y == 1 else 1 - p  # the probability given to the observed label
    return -mp.log(chosen) if chosen > 0 else mp.inf


@oracle("empirical_risk")
def empirical_risk(pred: np.ndarray, target: np.ndarray, *, loss: str = "squared") -> object:
    if loss not in ("squared", "absolute", "zero_one", "log"):
        msg = f"unknown loss {loss!r}"
        raise ValueError(msg)
    if pred.shape != target.shape or pred.ndim == 0:
        msg = f"pred {pred.shape} and target {target.shape}: need one shape with a sample axis"
        raise ValueError(msg)
    n = pred.shape[0]
    total = mp.mpf(0)
    for i in range(n):
        # a sample's loss adds over its output components (a vector output: squared norm)
        total += mp.fsum(_pointwise(p, y, loss)
                         for p, y in zip(np.ravel(pred[i]), np.ravel(target[i]), strict=True))
    return total / n if n else mp.nan
