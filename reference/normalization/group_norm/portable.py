"""Group normalization on any array namespace: reshape to (N, G, rest), two-pass statistics."""

from __future__ import annotations

import math
from typing import Any


def group_norm(xp: Any, x: Any, weight: Any = None, bias: Any = None, *, num_groups: int = 32,
               eps: float = 1e-5) -> Any:
    if x.ndim < 2:
        msg = f"group_norm needs (N, C, ...) input, got shape {tuple(x.shape)}"
        raise ValueError(msg)
    n, channels = x.shape[0], x.shape[1]
    if num_groups < 1 or channels % num_groups:
        msg = f"num_groups = {num_groups} must divide the {channels} channels"
        raise ValueError(msg)
    for name, value in (("weight", weight), ("bias", bias)):
        if value is not None and tuple(value.shape) != (channels,):
            msg = f"{name} has shape {tuple(value.shape)}, expected ({channels},)"
            raise ValueError(msg)
    per_group = (channels // num_groups) * math.prod(x.shape[2:])
    grouped = xp.reshape(x, (n, num_groups, per_group))
    mean = xp.mean(grouped, axis=-1, keepdims=True)
    centred = grouped - mean  # two passes: E[x^2] - mean^2 cancels when mean >> std
    var = xp.mean(centred * centred, axis=-1, keepdims=True)  # biased
    y = xp.reshape(centred / xp.sqrt(var + eps), tuple(x.shape))
    per_channel = (1, channels) + (1,) * (x.ndim - 2)
    if weight is not None:
        y = y * xp.reshape(weight, per_channel)
    if bias is not None:
        y = y + xp.reshape(bias, per_channel)
    return y
