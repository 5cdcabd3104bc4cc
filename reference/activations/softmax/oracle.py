"""The oracle of softmax: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("softmax")
def softmax(x: np.ndarray, *, axis: int = -1, temperature: float = 1.0) -> np.ndarray:
    z = x / mpa.mpf(temperature)
    z = z - np.max(z, axis=axis, keepdims=True)
    e = mpa.exp(z)
    return e / np.sum(e, axis=axis, keepdims=True)
