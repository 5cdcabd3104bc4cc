"""The oracle of vector_norm: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import math

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("vector_norm")
def vector_norm(x: np.ndarray, *, ord: float = 2, axis: int | None = None,
                keepdims: bool = False) -> np.ndarray:
    """(sum_i |x_i|^p)^(1/p) over ``axis`` (all elements when None); max |x_i| for p = inf."""
    if not (ord == math.inf or ord > 0):
        msg = f"vector_norm needs ord > 0 or inf, got {ord!r}"
        raise ValueError(msg)
    magnitude = np.abs(x)
    if ord == math.inf:
        return np.max(magnitude, axis=axis, keepdims=keepdims)
    p = mpa.mpf(ord)
    total = np.sum(magnitude ** p, axis=axis, keepdims=keepdims)
    root = np.vectorize(lambda v: v ** (1 / p), otypes=[object])
    return root(total)
