"""RoPE position interpolation on any array namespace: RoPE at the positions m / scale."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.attention_transformer.rope.portable import rope


def rope_interpolation(xp: Any, x: Any, positions: Any, *, scale: float = 1.0,
                       base: float = 10000.0, pairing: str = "interleaved") -> Any:
    if not scale > 0:
        msg = f"scale must be positive (target length / training length), got {scale}"
        raise ValueError(msg)
    # divide, not multiply by 1/scale: m / 3 rounds once, m * (1/3) twice
    return rope(xp, x, xp.astype(positions, x.dtype) / scale, base=base, pairing=pairing)
