"""The oracle of weight_quantization: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _round_half_even(value: object) -> int:
    """The nearest integer; an exact tie goes to the even neighbour (banker's rounding)."""
    low = int(mpa.mp.floor(value))
    rest = value - low
    half = mpa.mpf(1) / 2
    if rest > half or (rest == half and low % 2 == 1):
        return low + 1
    return low


@oracle("weight_quantization")
def weight_quantization(w: np.ndarray, *, bits: int = 8,
                        scheme: str = "affine") -> tuple[np.ndarray, object, int, np.ndarray]:
    if not 2 <= bits <= 8:
        msg = f"bits must be in [2, 8], got {bits}"
        raise ValueError(msg)
    qmin, qmax = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1
    values = list(w.ravel())
    if scheme == "affine":
        # the calibrated range always contains 0, so that 0 is exactly representable
        low = min([mpa.mpf(0), *values])
        high = max([mpa.mpf(0), *values])
        scale = (high - low) / (qmax - qmin)
        if scale == 0:  # an all-zero tensor: any scale represents it; the canon takes 1
            scale = mpa.mpf(1)
        zero_point = _round_half_even(qmin - low / scale)
    elif scheme == "symmetric":
        scale = max([mpa.mpf(0), *[abs(v) for v in values]]) / qmax
        if scale == 0:
            scale = mpa.mpf(1)
        zero_point = 0
    else:
        msg = f"scheme must be 'affine' or 'symmetric', got {scheme!r}"
        raise ValueError(msg)
    q = np.empty(w.shape, dtype=np.int64)
    w_hat = np.empty(w.shape, dtype=object)
    for index in np.ndindex(w.shape):
        level = _round_half_even(w[index] / scale) + zero_point
        q[index] = min(max(level, qmin), qmax)
        w_hat[index] = scale * (int(q[index]) - zero_point)
    return q, scale, zero_point, w_hat
