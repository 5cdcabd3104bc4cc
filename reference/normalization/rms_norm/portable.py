"""RMSNorm on any array namespace: divide by the root mean square of the last axis."""

from __future__ import annotations

from typing import Any


def rms_norm(xp: Any, x: Any, weight: Any = None, *, eps: float = 1e-6) -> Any:
    d = x.shape[-1]
    if weight is not None and tuple(weight.shape) != (d,):
        msg = f"weight has shape {tuple(weight.shape)}, expected ({d},)"
        raise ValueError(msg)
    y = x / xp.sqrt(xp.mean(x * x, axis=-1, keepdims=True) + eps)  # eps = 0, zero row: NaN
    return y if weight is None else y * weight
