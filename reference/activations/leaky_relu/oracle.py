"""The oracle of leaky_relu: the two-branch definition, element by element."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("leaky_relu")
def leaky_relu(x: np.ndarray, *, negative_slope: float = 0.01) -> np.ndarray:
    alpha = mpa.mpf(negative_slope)
    y = np.empty(x.shape, dtype=object)
    for index in np.ndindex(x.shape):
        v = x[index]
        if mpa.mp.isnan(v) or v > 0:
            y[index] = v
        elif v == 0:
            y[index] = v * float(negative_slope)  # a float zero keeps its sign: alpha * -0.0
        else:
            y[index] = alpha * v
    return y
