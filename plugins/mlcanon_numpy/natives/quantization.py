"""Per-tensor weight quantization in NumPy (np.round rounds half to even)."""

from __future__ import annotations

import numpy as np


def _grid(bits: int, scheme: str) -> tuple[int, int]:
    if not 2 <= bits <= 8:
        msg = f"bits must be in [2, 8], got {bits}"
        raise ValueError(msg)
    if scheme not in ("affine", "symmetric"):
        msg = f"scheme must be 'affine' or 'symmetric', got {scheme!r}"
        raise ValueError(msg)
    return -(2 ** (bits - 1)), 2 ** (bits - 1) - 1


def weight_quantization(w: np.ndarray, *, bits: int = 8, scheme: str = "affine"
                        ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    qmin, qmax = _grid(bits, scheme)
    dtype = w.dtype.type
    if scheme == "affine":
        lo, hi = np.minimum(w.min(), 0), np.maximum(w.max(), 0)  # the range contains 0
        scale = (hi - lo) / dtype(qmax - qmin)
        scale = scale if scale > 0 else dtype(1)  # an all-zero tensor
        zero_point = np.int64(np.round(qmin - lo / scale))
    else:
        scale = np.abs(w).max() / dtype(qmax)
        scale = scale if scale > 0 else dtype(1)
        zero_point = np.int64(0)
    q = np.clip(np.round(w / scale) + zero_point, qmin, qmax).astype(np.int8)
    w_hat = scale * (q.astype(w.dtype) - dtype(zero_point))
    return q, dtype(scale), zero_point, w_hat
