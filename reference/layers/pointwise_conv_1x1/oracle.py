"""The oracle of pointwise_conv_1x1: a channel sum at every pixel by loops (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("pointwise_conv_1x1")
def pointwise_conv_1x1(x: np.ndarray, weight: np.ndarray,
                       bias: np.ndarray | None = None) -> np.ndarray:
    n, c, h, w = x.shape
    if weight.shape[1:] != (c, 1, 1):
        msg = f"weight {weight.shape} is not a 1x1 filter bank for {c} channels"
        raise ValueError(msg)
    y = np.empty((n, weight.shape[0], h, w), dtype=object)
    for b, o, i, j in np.ndindex(*y.shape):
        total = mpa.mpf(0) if bias is None else bias[o]
        for ch in range(c):
            total += weight[o, ch, 0, 0] * x[b, ch, i, j]
        y[b, o, i, j] = total
    return y
