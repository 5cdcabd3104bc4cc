"""The oracle of global_average_pooling: sum every map by loops, divide by its size (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("global_average_pooling")
def global_average_pooling(x: np.ndarray, *, keepdims: bool = False) -> np.ndarray:
    if x.ndim != 4 or x.shape[2] * x.shape[3] == 0:
        msg = f"x must be a non-empty NCHW batch, got shape {x.shape}"
        raise ValueError(msg)
    n, c, h, w = x.shape
    y = np.empty((n, c), dtype=object)
    for b, ch in np.ndindex(n, c):
        total = mpa.mpf(0)
        for i, j in np.ndindex(h, w):
            total += x[b, ch, i, j]
        y[b, ch] = total / (h * w)
    return y.reshape(n, c, 1, 1) if keepdims else y
