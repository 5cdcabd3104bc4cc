"""Losses in NumPy."""

from __future__ import annotations

import numpy as np

_REDUCTIONS = ("mean", "sum", "none", None)  # None is the spec's "none"


def _check(reduction: str | None, a: np.ndarray | None = None,
           b: np.ndarray | None = None) -> None:
    if reduction not in _REDUCTIONS:
        msg = f"reduction must be one of {_REDUCTIONS}, got {reduction!r}"
        raise ValueError(msg)
    if a is not None and b is not None and a.shape != b.shape:
        msg = f"input shape {a.shape} and target shape {b.shape} differ"
        raise ValueError(msg)


def _reduce(loss: np.ndarray, reduction: str | None) -> np.ndarray:
    if reduction in (None, "none"):
        return loss
    if reduction == "sum":
        return np.sum(loss)
    if loss.size == 0:
        return np.full((), np.nan, dtype=loss.dtype)  # 0/0, without NumPy's warning
    return np.mean(loss)


def _xlogy(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """x * log(y) with 0 * log(anything) = 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(x == 0, 0, x * np.log(y))


def mse_loss(pred: np.ndarray, target: np.ndarray, *,
             reduction: str | None = "mean") -> np.ndarray:
    _check(reduction, pred, target)
    return _reduce(np.square(pred - target), reduction)


def binary_cross_entropy(p: np.ndarray, y: np.ndarray, *,
                         reduction: str | None = "mean") -> np.ndarray:
    _check(reduction, p, y)
    # unclamped; 0.0 - (...) makes the loss of a perfect prediction +0.0
    return _reduce(0.0 - (_xlogy(y, p) + _xlogy(1 - y, 1 - p)), reduction)


def bce_with_logits(logits: np.ndarray, y: np.ndarray, *,
                    reduction: str | None = "mean") -> np.ndarray:
    _check(reduction, logits, y)
    z = logits
    return _reduce(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))), reduction)


def cross_entropy_from_logits(logits: np.ndarray, target: np.ndarray, *,
                              reduction: str | None = "mean") -> np.ndarray:
    _check(reduction)
    n_classes = logits.shape[-1]
    if logits.shape[:-1] != target.shape:
        msg = (f"logits {logits.shape} need a target of shape {logits.shape[:-1]}, "
               f"got {target.shape}")
        raise ValueError(msg)
    if target.size and (target.min() < 0 or target.max() >= n_classes):
        msg = f"class indices must lie in [0, {n_classes})"
        raise IndexError(msg)
    shifted = logits - np.max(logits, axis=-1, keepdims=True)
    log_norm = np.log(np.sum(np.exp(shifted), axis=-1))
    picked = np.take_along_axis(shifted, target[..., None], axis=-1)[..., 0]
    return _reduce(log_norm - picked, reduction)
