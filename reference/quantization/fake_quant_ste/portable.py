"""Fake quantization with a straight-through gradient on any array namespace."""

from __future__ import annotations

from typing import Any


def fake_quant_ste(xp: Any, x: Any, dy: Any, *, scale: float = 1.0, zero_point: int = 0,
                   quant_min: int = -128, quant_max: int = 127) -> tuple[Any, Any]:
    if not scale > 0:
        msg = f"scale must be positive, got {scale}"
        raise ValueError(msg)
    if not quant_min < quant_max:
        msg = f"quant_min {quant_min} must be below quant_max {quant_max}"
        raise ValueError(msg)
    if not quant_min <= zero_point <= quant_max:
        msg = f"zero_point {zero_point} lies outside [{quant_min}, {quant_max}]"
        raise ValueError(msg)
    if tuple(dy.shape) != tuple(x.shape):
        msg = f"dy has shape {tuple(dy.shape)}, x has {tuple(x.shape)}"
        raise ValueError(msg)
    level = xp.round(x / scale) + zero_point  # half to even
    inside = (level >= quant_min) & (level <= quant_max)
    y = scale * (xp.clip(level, min=quant_min, max=quant_max) - zero_point)
    dx = xp.where(inside, dy, xp.zeros_like(dy))
    return y, dx
