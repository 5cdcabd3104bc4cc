"""The oracle of binary_cross_entropy: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.losses._oracle import reduce, same_shape

mp = mpa.mp


def _xlogy(x: object, y: object) -> object:
    """x * log(y) with 0 * log(anything) = 0."""
    return mp.mpf(0) if x == 0 else x * mp.log(y)


@oracle("binary_cross_entropy")
def binary_cross_entropy(p: np.ndarray, y: np.ndarray, *, reduction: str = "mean") -> object:
    same_shape(p, y)
    loss = np.empty(p.shape, dtype=object)
    for i in np.ndindex(p.shape):
        loss[i] = -(_xlogy(y[i], p[i]) + _xlogy(1 - y[i], 1 - p[i]))
    return reduce(loss, reduction)
