"""Per-tensor weight quantization on any array namespace (xp.round is half to even)."""

from __future__ import annotations

from typing import Any

from array_api_compat import device

SCHEMES = ("affine", "symmetric")


def weight_quantization(xp: Any, w: Any, *, bits: int = 8,
                        scheme: str = "affine") -> tuple[Any, Any, Any, Any]:
    q_min, q_max = _grid(bits, scheme)
    if scheme == "affine":
        # the calibrated range always contains 0, so 0 is exactly representable
        lo, hi = xp.minimum(xp.min(w), 0.0), xp.maximum(xp.max(w), 0.0)
        scale = _nonzero((hi - lo) / (q_max - q_min), xp, w)
        zero_point = int(xp.round(q_min - lo / scale))
    else:
        scale = _nonzero(xp.max(xp.abs(w)) / q_max, xp, w)
        zero_point = 0
    # clamp after adding z: with ties at both ends round(w/s) + z can pass q_max by one
    q = xp.clip(xp.round(w / scale) + zero_point, min=q_min, max=q_max)
    w_hat = scale * (q - zero_point)
    zero_point_array = xp.asarray(zero_point, dtype=xp.int64, device=device(w))
    return xp.astype(q, xp.int8), scale, zero_point_array, w_hat


def _nonzero(scale: Any, xp: Any, w: Any) -> Any:
    """The scale, or 1 for an all-zero tensor (where it would be 0 and w/s = 0/0)."""
    return scale if float(scale) > 0 else xp.asarray(1.0, dtype=w.dtype, device=device(w))


def _grid(bits: int, scheme: str) -> tuple[int, int]:
    if not 2 <= bits <= 8:
        msg = f"bits must be in [2, 8], got {bits}"
        raise ValueError(msg)
    if scheme not in SCHEMES:
        msg = f"scheme must be 'affine' or 'symmetric', got {scheme!r}"
        raise ValueError(msg)
    return -(2 ** (bits - 1)), 2 ** (bits - 1) - 1
