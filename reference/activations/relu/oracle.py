"""The oracle of relu: the two-branch definition, element by element."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("relu")
def relu(x: np.ndarray) -> np.ndarray:
    y = np.empty(x.shape, dtype=object)
    for index in np.ndindex(x.shape):
        value = x[index]
        if mpa.mp.isnan(value):
            y[index] = value
        elif value > 0:
            y[index] = value
        else:
            y[index] = mpa.mpf(0)  # the zero branch: +0, also for an input of -0.0
    return y
