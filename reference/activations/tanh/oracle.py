"""The oracle of tanh: the exponential definition at 50 digits (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("tanh")
def tanh(x: np.ndarray) -> np.ndarray:
    y = np.empty(x.shape, dtype=object)
    for index in np.ndindex(x.shape):
        v = x[index]
        if mpa.mp.isnan(v) or v == 0:
            y[index] = v  # NaN stays, and a zero keeps its sign (tanh is odd)
        elif abs(v) > 100:
            y[index] = mpa.mpf(1) if v > 0 else mpa.mpf(-1)  # 1 - 2e^-200: 1 in float64
        else:
            up, down = mpa.mp.exp(v), mpa.mp.exp(-v)
            y[index] = (up - down) / (up + down)
    return y
