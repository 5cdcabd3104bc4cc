"""Oracle helpers that several quantization concepts share (mpmath, exact ties)."""

from __future__ import annotations

from typing import Any

from mlcanon import mparray as mpa


def round_half_even(value: Any) -> int:
    """The nearest integer; an exact tie goes to the even neighbour."""
    low = int(mpa.mp.floor(value))
    rest = value - low
    half = mpa.mpf(1) / 2
    if rest > half or (rest == half and low % 2 == 1):
        return low + 1
    return low


def grid(bits: int, scheme: str) -> tuple[int, int]:
    """(q_min, q_max) of a signed b-bit grid; symmetric grids drop -2^(b-1)."""
    if not 2 <= bits <= 8:
        msg = f"bits must be in [2, 8], got {bits}"
        raise ValueError(msg)
    if scheme not in ("affine", "symmetric"):
        msg = f"scheme must be 'affine' or 'symmetric', got {scheme!r}"
        raise ValueError(msg)
    top = 2 ** (bits - 1) - 1
    return (-top if scheme == "symmetric" else -top - 1), top


def qparams(values: list[Any], bits: int, scheme: str) -> tuple[Any, int]:
    """Scale and zero point of one group of values (min-max calibration, 0 in range)."""
    q_min, q_max = grid(bits, scheme)
    if scheme == "symmetric":
        scale = max([mpa.mpf(0), *[abs(mpa.mpf(v)) for v in values]]) / q_max
        return (scale if scale > 0 else mpa.mpf(1)), 0
    low = min([mpa.mpf(0), *[mpa.mpf(v) for v in values]])
    high = max([mpa.mpf(0), *[mpa.mpf(v) for v in values]])
    scale = (high - low) / (q_max - q_min)
    if scale == 0:
        scale = mpa.mpf(1)
    return scale, round_half_even(q_min - low / scale)


def quantize_one(value: Any, scale: Any, zero_point: int, q_min: int, q_max: int) -> int:
    """clamp(round(v / s) + z, q_min, q_max)."""
    level = round_half_even(mpa.mpf(value) / scale) + zero_point
    return min(max(level, q_min), q_max)
