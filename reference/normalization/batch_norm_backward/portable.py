"""The gradients of batch normalization (training mode) on any array namespace."""

from __future__ import annotations

import math
from typing import Any


def batch_norm_backward(xp: Any, x: Any, dy: Any, weight: Any = None, *,
                        eps: float = 1e-5) -> tuple[Any, Any, Any]:
    if x.ndim < 2 or tuple(dy.shape) != tuple(x.shape):
        msg = f"need (N, C, ...) x and dy of one shape: {tuple(x.shape)}, {tuple(dy.shape)}"
        raise ValueError(msg)
    channels = x.shape[1]
    if weight is not None and tuple(weight.shape) != (channels,):
        msg = f"weight has shape {tuple(weight.shape)}, expected ({channels},)"
        raise ValueError(msg)
    if math.prod(x.shape) // channels <= 1:
        msg = f"batch statistics need more than one value per channel, got {tuple(x.shape)}"
        raise ValueError(msg)
    axes = (0, *range(2, x.ndim))
    per_channel = (1, channels) + (1,) * (x.ndim - 2)
    mean = xp.mean(x, axis=axes, keepdims=True)
    centred = x - mean
    inv_std = 1 / xp.sqrt(xp.mean(centred * centred, axis=axes, keepdims=True) + eps)
    xhat = centred * inv_std
    dbias = xp.sum(dy, axis=axes)
    dweight = xp.sum(dy * xhat, axis=axes)
    gamma = inv_std if weight is None else xp.reshape(weight, per_channel) * inv_std
    # the same as gamma/(B sigma) (B dy - sum dy - xhat sum dy xhat), written with means
    dx = gamma * (dy - xp.mean(dy, axis=axes, keepdims=True)
                  - xhat * xp.mean(dy * xhat, axis=axes, keepdims=True))
    return dx, dweight, dbias
