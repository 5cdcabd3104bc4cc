"""RoPE on any array namespace: rotate feature pairs by position times base^(-2i/d)."""

from __future__ import annotations

from typing import Any

from array_api_compat import device

from mlcanon_reference.attention_transformer._portable import rotate_pairs


def rope(xp: Any, x: Any, positions: Any, *, base: float = 10000.0,
         pairing: str = "interleaved") -> Any:
    d = x.shape[-1]
    if d % 2:
        msg = f"rope needs an even feature size, got {d}"
        raise ValueError(msg)
    if pairing not in ("interleaved", "half"):
        msg = f"pairing must be 'interleaved' or 'half', got {pairing!r}"
        raise ValueError(msg)
    # the frequencies are constants: computed in Python doubles and rounded once to x's
    # dtype, rather than by a float32 pow whose error grows with the exponent
    theta = xp.asarray([base ** (-2 * i / d) for i in range(d // 2)], dtype=x.dtype,
                       device=device(x))
    angle = xp.astype(positions, x.dtype)[..., None] * theta
    cos, sin = xp.cos(angle), xp.sin(angle)
    return rotate_pairs(xp, x, cos, sin, pairing)
