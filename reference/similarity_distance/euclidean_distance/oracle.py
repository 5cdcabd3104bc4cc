"""The oracle of euclidean_distance: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("euclidean_distance")
def euclidean_distance(a: np.ndarray, b: np.ndarray, *, axis: int = -1) -> np.ndarray:
    """sqrt(sum_i (a_i - b_i)^2) along ``axis``, a and b broadcast against each other."""
    a, b = np.broadcast_arrays(a, b)
    d = a - b
    return mpa.sqrt(np.sum(d * d, axis=axis))
