"""RoPE with an adjusted (raised) base frequency on any array namespace."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.attention_transformer.rope.portable import rope


def rope_base_frequency_abf(xp: Any, x: Any, positions: Any, *, base: float = 500000.0,
                            pairing: str = "interleaved") -> Any:
    if not base > 0:
        msg = f"base must be positive, got {base}"
        raise ValueError(msg)
    return rope(xp, x, positions, base=base, pairing=pairing)
