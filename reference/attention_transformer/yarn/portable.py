"""YaRN on any array namespace: RoPE with NTK-by-parts frequencies, times sqrt(1/t)."""

from __future__ import annotations

import math
from typing import Any

from array_api_compat import device

from mlcanon_reference.attention_transformer._portable import rotate_pairs


def yarn_frequencies(d: int, *, scale: float, original_len: int, base: float, alpha: float,
                     beta: float) -> list[float]:
    """θ'_i = (1 − γ_i)·θ_i/scale + γ_i·θ_i, γ the ramp of r_i = L·θ_i/(2π) from alpha to beta."""
    freqs = []
    for i in range(d // 2):
        theta = base ** (-2 * i / d)
        rotations = original_len * theta / (2 * math.pi)
        gamma = min(1.0, max(0.0, (rotations - alpha) / (beta - alpha)))
        freqs.append((1 - gamma) * theta / scale + gamma * theta)
    return freqs


def yarn(xp: Any, x: Any, positions: Any, *, scale: float = 4.0, original_len: int = 4096,
         base: float = 10000.0, alpha: float = 1.0, beta: float = 32.0,
         attention_factor: float | None = None, pairing: str = "interleaved") -> Any:
    _check(x, scale, original_len, base, alpha, beta, pairing)
    d = x.shape[-1]
    if attention_factor is None:
        attention_factor = 0.1 * math.log(scale) + 1 if scale > 1 else 1.0
    # constants in Python doubles, rounded once to x's dtype
    theta = xp.asarray(yarn_frequencies(d, scale=scale, original_len=original_len, base=base,
                                        alpha=alpha, beta=beta), dtype=x.dtype, device=device(x))
    angle = xp.astype(positions, x.dtype)[..., None] * theta
    cos, sin = xp.cos(angle) * attention_factor, xp.sin(angle) * attention_factor
    return rotate_pairs(xp, x, cos, sin, pairing)


def _check(x: Any, scale: float, original_len: int, base: float, alpha: float, beta: float,
           pairing: str) -> None:
    problems = []
    if x.shape[-1] % 2:
        problems.append(f"an even feature size, got {x.shape[-1]}")
    if not scale >= 1:
        problems.append(f"scale >= 1 (target length / original length), got {scale}")
    if not original_len > 0 or not base > 0:
        problems.append(f"positive original_len and base, got {original_len}, {base}")
    if not alpha < beta:
        problems.append(f"alpha < beta for the ramp, got {alpha}, {beta}")
    if pairing not in ("interleaved", "half"):
        problems.append(f"pairing 'interleaved' or 'half', got {pairing!r}")
    if problems:
        msg = "yarn needs " + "; ".join(problems)
        raise ValueError(msg)
