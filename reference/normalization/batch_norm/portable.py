"""Batch normalization (training mode) on any array namespace, running statistics returned new."""

from __future__ import annotations

import math
from typing import Any


def _check_channels(x: Any, vectors: dict[str, Any]) -> int:
    if x.ndim < 2:
        msg = f"batch_norm needs (N, C, ...) input, got shape {tuple(x.shape)}"
        raise ValueError(msg)
    channels = x.shape[1]
    for name, value in vectors.items():
        if value is not None and tuple(value.shape) != (channels,):
            msg = f"{name} has shape {tuple(value.shape)}, expected ({channels},)"
            raise ValueError(msg)
    if math.prod(x.shape) // channels <= 1:
        msg = f"batch statistics need more than one value per channel, got shape {tuple(x.shape)}"
        raise ValueError(msg)
    return channels


def batch_norm(xp: Any, x: Any, running_mean: Any, running_var: Any, weight: Any = None,
               bias: Any = None, *, eps: float = 1e-5, momentum: float = 0.1) -> tuple[Any, ...]:
    channels = _check_channels(x, {"running_mean": running_mean, "running_var": running_var,
                                   "weight": weight, "bias": bias})
    axes = (0, *range(2, x.ndim))
    per_channel = (1, channels) + (1,) * (x.ndim - 2)
    mean = xp.mean(x, axis=axes, keepdims=True)
    # centring first (two passes): a one-pass E[x^2] - mean^2 cancels when mean >> std
    centred = x - mean
    var = xp.mean(centred * centred, axis=axes, keepdims=True)  # biased
    y = centred / xp.sqrt(var + eps)  # eps = 0 on a constant channel: 0/0 = NaN
    if weight is not None:
        y = y * xp.reshape(weight, per_channel)
    if bias is not None:
        y = y + xp.reshape(bias, per_channel)
    # the same biased variance that normalized the batch updates the running one
    new_mean = (1 - momentum) * running_mean + momentum * xp.reshape(mean, (channels,))
    new_var = (1 - momentum) * running_var + momentum * xp.reshape(var, (channels,))
    return y, new_mean, new_var
