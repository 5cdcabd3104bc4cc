"""RoPE on any array namespace: rotate feature pairs by position times base^(-2i/d)."""

from __future__ import annotations

from typing import Any

from array_api_compat import device


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
    if pairing == "interleaved":
        first, second = x[..., 0::2], x[..., 1::2]
    else:
        first, second = x[..., : d // 2], x[..., d // 2 :]
    new_first = first * cos - second * sin
    new_second = first * sin + second * cos
    if pairing == "half":
        return xp.concat([new_first, new_second], axis=-1)
    pairs = xp.stack([new_first, new_second], axis=-1)  # (..., d/2, 2) back to 2i, 2i+1
    return xp.reshape(pairs, (*pairs.shape[:-2], d))
