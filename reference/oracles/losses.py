"""Oracles of the losses family: plain formulas at mpmath precision.

Each loss is written per element, then reduced: ``"none"`` (which reaches Python as None,
see CONTRIBUTING) keeps the elements, ``"sum"`` adds them, ``"mean"`` divides the sum by
their count (NaN for no elements, 0/0).
"""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


def _reduce(loss: np.ndarray, reduction: str | None) -> object:
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


def _same_shape(a: np.ndarray, b: np.ndarray) -> None:
    if a.shape != b.shape:
        msg = f"shapes {a.shape} and {b.shape} differ"
        raise ValueError(msg)


def _xlogy(x: object, y: object) -> object:
    """x * log(y) with 0 * log(anything) = 0."""
    return mp.mpf(0) if x == 0 else x * mp.log(y)


@oracle("mse_loss")
def mse_loss(pred: np.ndarray, target: np.ndarray, *, reduction: str = "mean") -> object:
    _same_shape(pred, target)
    return _reduce((pred - target) ** 2, reduction)


@oracle("binary_cross_entropy")
def binary_cross_entropy(p: np.ndarray, y: np.ndarray, *, reduction: str = "mean") -> object:
    _same_shape(p, y)
    loss = np.empty(p.shape, dtype=object)
    for i in np.ndindex(p.shape):
        loss[i] = -(_xlogy(y[i], p[i]) + _xlogy(1 - y[i], 1 - p[i]))
    return _reduce(loss, reduction)


@oracle("bce_with_logits")
def bce_with_logits(logits: np.ndarray, y: np.ndarray, *, reduction: str = "mean") -> object:
    _same_shape(logits, y)
    loss = np.empty(logits.shape, dtype=object)
    for i in np.ndindex(logits.shape):
        z = logits[i]
        loss[i] = max(z, 0) - z * y[i] + mp.log1p(mp.exp(-abs(z)))
    return _reduce(loss, reduction)


@oracle("cross_entropy_from_logits")
def cross_entropy_from_logits(logits: np.ndarray, target: np.ndarray, *,
                              reduction: str = "mean") -> object:
    n_classes = logits.shape[-1]
    if logits.shape[:-1] != target.shape:
        msg = f"logits {logits.shape} need a target of shape {logits.shape[:-1]}"
        raise ValueError(msg)
    loss = np.empty(target.shape, dtype=object)
    for i in np.ndindex(target.shape):
        k = int(target[i])
        if not 0 <= k < n_classes:
            msg = f"class index {k} is outside [0, {n_classes})"
            raise IndexError(msg)
        row = logits[i]
        loss[i] = mp.log(sum(mp.exp(z) for z in row)) - row[k]  # -log softmax(row)[k]
    return _reduce(loss, reduction)
