"""Oracle helpers that several losses concepts share."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa

mp = mpa.mp


def reduce(loss: np.ndarray, reduction: str | None) -> object:
    if reduction in (None, "none"):
        return loss
    total = mp.mpf(0)
    for value in loss.flat:
        total += value
    if reduction == "sum":
        return total
    if reduction == "mean":
        return total / loss.size if loss.size else mp.nan
    msg = f"reduction must be 'mean', 'sum' or 'none' (None), got {reduction!r}"
    raise ValueError(msg)


def same_shape(a: np.ndarray, b: np.ndarray) -> None:
    if a.shape != b.shape:
        msg = f"shapes {a.shape} and {b.shape} differ"
        raise ValueError(msg)

