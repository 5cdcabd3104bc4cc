"""The oracle of log_sigmoid: -log(1 + e^-x) at 50 digits (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("log_sigmoid")
def log_sigmoid(x: np.ndarray) -> np.ndarray:
    y = np.empty(x.shape, dtype=object)
    for index in np.ndindex(x.shape):
        v = mpa.mpf(x[index])
        if mpa.mp.isnan(v):
            y[index] = v
        elif mpa.mp.isinf(v):
            y[index] = v if v < 0 else -0.0  # -softplus(-inf) = -(+0)
        else:
            y[index] = -mpa.mp.log(1 + mpa.mp.exp(-v))
    return y
