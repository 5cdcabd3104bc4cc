"""Sinusoidal positional encoding on any array namespace: sin in even columns, cos in odd."""

from __future__ import annotations

from typing import Any

from array_api_compat import device


def sinusoidal_positional_encoding(xp: Any, positions: Any, *, d_model: int = 512,
                                   base: float = 10000.0) -> Any:
    if d_model < 2 or d_model % 2:
        msg = f"d_model must be a positive even number, got {d_model}"
        raise ValueError(msg)
    # constants in Python doubles, rounded once to the positions' dtype
    omega = xp.asarray([base ** (-2 * i / d_model) for i in range(d_model // 2)],
                       dtype=positions.dtype, device=device(positions))
    angle = positions[..., None] * omega
    pairs = xp.stack([xp.sin(angle), xp.cos(angle)], axis=-1)  # interleave, not concatenate
    return xp.reshape(pairs, (*positions.shape, d_model))
