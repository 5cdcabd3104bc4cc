"""The oracle of standardize: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("standardize")
def standardize(x: np.ndarray, *, axis: int = 0, ddof: int = 0,
                eps: float = 1e-12) -> np.ndarray:
    n = x.shape[axis]
    if n - ddof <= 0:
        msg = f"ddof={ddof} leaves no degrees of freedom for {n} values"
        raise ValueError(msg)
    mu = np.sum(x, axis=axis, keepdims=True) / mpa.mpf(n)
    sigma = mpa.sqrt(np.sum((x - mu) ** 2, axis=axis, keepdims=True) / mpa.mpf(n - ddof))
    scale = np.broadcast_to(sigma + mpa.mpf(eps), x.shape)
    centered = x - mu
    # a constant column with eps = 0 is 0/0: NaN, as IEEE division gives
    return np.where(scale == 0, mpa.mpf("nan"), centered / np.where(scale == 0, 1, scale))
