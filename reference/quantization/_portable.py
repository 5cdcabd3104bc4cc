"""Array-API helpers that several quantization portable implementations share."""

from __future__ import annotations

from typing import Any

SCHEMES = ("affine", "symmetric")


def grid(bits: int, scheme: str) -> tuple[int, int]:
    """(q_min, q_max) of a signed b-bit grid; the symmetric grid is [-q_max, q_max]."""
    if not 2 <= bits <= 8:
        msg = f"bits must be in [2, 8], got {bits}"
        raise ValueError(msg)
    if scheme not in SCHEMES:
        msg = f"scheme must be 'affine' or 'symmetric', got {scheme!r}"
        raise ValueError(msg)
    q_max = 2 ** (bits - 1) - 1
    return (-q_max if scheme == "symmetric" else -q_max - 1), q_max


def calibrate(xp: Any, w: Any, axes: tuple[int, ...], bits: int,
              scheme: str) -> tuple[Any, Any, int, int]:
    """Per-group min-max scale and zero point, reduced over ``axes`` (kept as size 1).

    The range always contains 0; an all-zero group gets scale 1 (its values are exact).
    Returns (scale, zero_point as floats, q_min, q_max).
    """
    q_min, q_max = grid(bits, scheme)
    if scheme == "symmetric":
        scale = xp.max(xp.abs(w), axis=axes, keepdims=True) / q_max
        zero_point = xp.zeros_like(scale)
    else:
        lo = xp.minimum(xp.min(w, axis=axes, keepdims=True), 0.0)
        hi = xp.maximum(xp.max(w, axis=axes, keepdims=True), 0.0)
        scale = (hi - lo) / (q_max - q_min)
    scale = xp.where(scale > 0, scale, xp.ones_like(scale))
    if scheme == "affine":
        zero_point = xp.round(q_min - lo / scale)
    return scale, zero_point, q_min, q_max


def quantize(xp: Any, w: Any, scale: Any, zero_point: Any, q_min: int, q_max: int) -> Any:
    """clamp(round(w / s) + z, q_min, q_max) as floats (xp.round is half to even); the
    clamp comes after adding z, where ties at both ends can pass q_max by one."""
    return xp.clip(xp.round(w / scale) + zero_point, min=q_min, max=q_max)
