"""Per-channel weight quantization on any array namespace: one scale per channel."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.quantization._portable import calibrate, quantize


def per_channel_quantization(xp: Any, w: Any, *, axis: int = 0, bits: int = 8,
                             scheme: str = "symmetric") -> tuple[Any, Any, Any, Any]:
    if w.ndim < 1 or not -w.ndim <= axis < w.ndim:
        msg = f"axis {axis} is not an axis of a {w.ndim}-d weight"
        raise ValueError(msg)
    axis = axis % w.ndim
    others = tuple(a for a in range(w.ndim) if a != axis)
    scale, zero_point, q_min, q_max = calibrate(xp, w, others, bits, scheme)
    q = quantize(xp, w, scale, zero_point, q_min, q_max)
    w_hat = scale * (q - zero_point)
    channels = (w.shape[axis],)
    return (xp.astype(q, xp.int8), xp.reshape(scale, channels),
            xp.astype(xp.reshape(zero_point, channels), xp.int64), w_hat)
