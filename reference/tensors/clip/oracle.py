"""The oracle of clip: IEEE 754-2019 maximum, then minimum, entry by entry (mpmath)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _is_nan(value: Any) -> bool:
    return bool(mpa.mp.isnan(value))


def _negative_zero(value: Any) -> bool:
    return value == 0 and isinstance(value, float) and math.copysign(1.0, value) < 0


def _maximum(a: Any, b: Any) -> Any:
    if _is_nan(a) or _is_nan(b):
        return mpa.mpf("nan")
    if a == 0 and b == 0:  # -0 < +0
        return -0.0 if _negative_zero(a) and _negative_zero(b) else 0.0
    return a if a > b else b


def _minimum(a: Any, b: Any) -> Any:
    if _is_nan(a) or _is_nan(b):
        return mpa.mpf("nan")
    if a == 0 and b == 0:
        return -0.0 if _negative_zero(a) or _negative_zero(b) else 0.0
    return a if a < b else b


def _bound(value: float | None) -> Any:
    if value is None:
        return None
    number = float(value)
    return -0.0 if _negative_zero(number) else mpa.mpf(number)


@oracle("clip")
def clip(x: np.ndarray, *, lo: float | None = None, hi: float | None = None) -> np.ndarray:
    low, high = _bound(lo), _bound(hi)
    y = np.empty(x.shape, dtype=object)
    for index in np.ndindex(x.shape):
        value = x[index]
        if low is not None:
            value = _maximum(value, low)
        if high is not None:
            value = _minimum(value, high)
        y[index] = value
    return y
