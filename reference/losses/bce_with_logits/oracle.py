"""The oracle of bce_with_logits: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.losses._oracle import reduce, same_shape

mp = mpa.mp


@oracle("bce_with_logits")
def bce_with_logits(logits: np.ndarray, y: np.ndarray, *, reduction: str = "mean") -> object:
    same_shape(logits, y)
    loss = np.empty(logits.shape, dtype=object)
    for i in np.ndindex(logits.shape):
        z = logits[i]
        loss[i] = max(z, 0) - z * y[i] + mp.log1p(mp.exp(-abs(z)))
    return reduce(loss, reduction)
