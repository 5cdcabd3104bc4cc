"""The oracle of min_max_scale: (x - min)/(max - min + eps) per slice, at 50 digits."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("min_max_scale")
def min_max_scale(x: np.ndarray, *, axis: int = 0, eps: float = 1e-12) -> np.ndarray:
    moved = np.moveaxis(x, axis, -1)
    out = np.empty(moved.shape, dtype=object)
    for index in np.ndindex(moved.shape[:-1]):
        values = [mpa.mpf(v) for v in moved[index]]
        low, high = min(values), max(values)
        denominator = high - low + mpa.mpf(eps)
        for k, v in enumerate(values):
            out[(*index, k)] = (v - low) / denominator if denominator else mpa.mpf("nan")
    return np.moveaxis(out, -1, axis)
