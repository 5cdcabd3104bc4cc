"""The oracle of logit_function: log of the odds at 50 digits (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("logit_function")
def logit_function(p: np.ndarray) -> np.ndarray:
    y = np.empty(p.shape, dtype=object)
    for index in np.ndindex(p.shape):
        v = mpa.mpf(p[index])
        if mpa.mp.isnan(v) or v < 0 or v > 1:
            y[index] = mpa.mpf("nan")
        elif v == 0:
            y[index] = mpa.mpf("-inf")
        elif v == 1:
            y[index] = mpa.mpf("inf")
        else:
            y[index] = mpa.mp.log(v / (1 - v))
    return y
