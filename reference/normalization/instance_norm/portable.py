"""Instance normalization on any array namespace: statistics over the spatial axes only."""

from __future__ import annotations

import math
from typing import Any


def instance_norm(xp: Any, x: Any, weight: Any = None, bias: Any = None, *,
                  eps: float = 1e-5) -> Any:
    if x.ndim < 3:
        msg = f"instance_norm needs (N, C, L, ...) input with spatial axes, got {tuple(x.shape)}"
        raise ValueError(msg)
    if math.prod(x.shape[2:]) <= 1:
        msg = f"instance statistics need more than one spatial position, got {tuple(x.shape)}"
        raise ValueError(msg)
    channels = x.shape[1]
    for name, value in (("weight", weight), ("bias", bias)):
        if value is not None and tuple(value.shape) != (channels,):
            msg = f"{name} has shape {tuple(value.shape)}, expected ({channels},)"
            raise ValueError(msg)
    axes = tuple(range(2, x.ndim))
    mean = xp.mean(x, axis=axes, keepdims=True)
    centred = x - mean  # two passes: no cancellation when mean >> std
    var = xp.mean(centred * centred, axis=axes, keepdims=True)  # biased
    y = centred / xp.sqrt(var + eps)
    per_channel = (1, channels) + (1,) * (x.ndim - 2)
    if weight is not None:
        y = y * xp.reshape(weight, per_channel)
    if bias is not None:
        y = y + xp.reshape(bias, per_channel)
    return y
