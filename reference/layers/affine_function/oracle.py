"""The oracle of affine_function: slope times input plus intercept, written out (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("affine_function")
def affine_function(x: np.ndarray, w: np.ndarray, b: np.ndarray | None = None) -> np.ndarray:
    intercept = mpa.mpf(0) if b is None else b[()]
    if w.ndim == 0:
        return x * w[()] + intercept
    if w.ndim != 1 or x.ndim < 1 or x.shape[-1] != w.shape[0]:
        msg = f"w {w.shape} does not fit x {x.shape}"
        raise ValueError(msg)
    y = np.empty(x.shape[:-1], dtype=object)
    for idx in np.ndindex(*x.shape[:-1]):
        total = intercept
        for i in range(w.shape[0]):
            total = total + w[i] * x[(*idx, i)]
        y[idx] = total
    return y
