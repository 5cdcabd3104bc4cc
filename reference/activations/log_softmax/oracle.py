"""The oracle of log_softmax: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("log_softmax")
def log_softmax(x: np.ndarray, *, axis: int = -1) -> np.ndarray:
    # x_i - log sum_j exp(x_j); at 50 digits exp cannot overflow, so no shift is needed.
    return x - mpa.log(np.sum(mpa.exp(x), axis=axis, keepdims=True))
