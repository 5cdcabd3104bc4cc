"""Losses in JAX."""

from __future__ import annotations

import jax
import jax.numpy as jnp
from jax.scipy.special import xlogy

_REDUCTIONS = ("mean", "sum", "none", None)  # None is the spec's "none"


def _check(reduction: str | None, a: jnp.ndarray | None = None,
           b: jnp.ndarray | None = None) -> None:
    if reduction not in _REDUCTIONS:
        msg = f"reduction must be one of {_REDUCTIONS}, got {reduction!r}"
        raise ValueError(msg)
    if a is not None and b is not None and a.shape != b.shape:
        msg = f"input shape {a.shape} and target shape {b.shape} differ"
        raise ValueError(msg)


def _reduce(loss: jnp.ndarray, reduction: str | None) -> jnp.ndarray:
    if reduction in (None, "none"):
        return loss
    return jnp.sum(loss) if reduction == "sum" else jnp.mean(loss)


def mse_loss(pred: jnp.ndarray, target: jnp.ndarray, *,
             reduction: str | None = "mean") -> jnp.ndarray:
    _check(reduction, pred, target)
    return _reduce(jnp.square(pred - target), reduction)


def binary_cross_entropy(p: jnp.ndarray, y: jnp.ndarray, *,
                         reduction: str | None = "mean") -> jnp.ndarray:
    _check(reduction, p, y)
    # unclamped, xlogy's 0 log 0 = 0; 0.0 - (...) makes a perfect prediction cost +0.0
    return _reduce(0.0 - (xlogy(y, p) + xlogy(1 - y, 1 - p)), reduction)


def bce_with_logits(logits: jnp.ndarray, y: jnp.ndarray, *,
                    reduction: str | None = "mean") -> jnp.ndarray:
    _check(reduction, logits, y)
    # log_sigmoid(z) = -softplus(-z) keeps exp(-|z|) for large |z| and never overflows
    log_p = jax.nn.log_sigmoid(logits)
    log_not_p = jax.nn.log_sigmoid(-logits)
    return _reduce(0.0 - (y * log_p + (1 - y) * log_not_p), reduction)


def cross_entropy_from_logits(logits: jnp.ndarray, target: jnp.ndarray, *,
                              reduction: str | None = "mean") -> jnp.ndarray:
    _check(reduction)
    n_classes = logits.shape[-1]
    if logits.shape[:-1] != target.shape:
        msg = (f"logits {logits.shape} need a target of shape {logits.shape[:-1]}, "
               f"got {target.shape}")
        raise ValueError(msg)
    # validated up front: take_along_axis would clamp or wrap an out-of-range index
    if target.size and (int(jnp.min(target)) < 0 or int(jnp.max(target)) >= n_classes):
        msg = f"class indices must lie in [0, {n_classes})"
        raise IndexError(msg)
    log_p = jax.nn.log_softmax(logits, axis=-1)
    picked = jnp.take_along_axis(log_p, target[..., None], axis=-1)[..., 0]
    return _reduce(-picked, reduction)
