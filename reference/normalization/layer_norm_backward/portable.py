"""The input gradient of layer normalization on any array namespace."""

from __future__ import annotations

from typing import Any


def layer_norm_backward(xp: Any, x: Any, dy: Any, weight: Any = None, *,
                        eps: float = 1e-5) -> Any:
    if tuple(dy.shape) != tuple(x.shape):
        msg = f"dy has shape {tuple(dy.shape)}, x has {tuple(x.shape)}"
        raise ValueError(msg)
    if weight is not None and tuple(weight.shape) != (x.shape[-1],):
        msg = f"weight has shape {tuple(weight.shape)}, expected ({x.shape[-1]},)"
        raise ValueError(msg)
    mean = xp.mean(x, axis=-1, keepdims=True)
    centred = x - mean
    inv_std = 1 / xp.sqrt(xp.mean(centred * centred, axis=-1, keepdims=True) + eps)
    xhat = centred * inv_std
    g = dy if weight is None else dy * weight  # gamma multiplies dy before the means
    return inv_std * (g - xp.mean(g, axis=-1, keepdims=True)
                      - xhat * xp.mean(g * xhat, axis=-1, keepdims=True))
