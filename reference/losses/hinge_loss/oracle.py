"""The oracle of hinge_loss: max(0, margin - y s), element by element (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.losses._oracle import reduce, same_shape

mp = mpa.mp


@oracle("hinge_loss")
def hinge_loss(scores: np.ndarray, y: np.ndarray, *, margin: float = 1.0,
               reduction: str = "mean") -> object:
    same_shape(scores, y)
    loss = np.empty(scores.shape, dtype=object)
    for i in np.ndindex(scores.shape):
        if y[i] not in (1, -1):
            msg = f"labels must be -1 or +1, got {y[i]}"
            raise ValueError(msg)
        shortfall = mp.mpf(margin) - y[i] * scores[i]
        loss[i] = shortfall if shortfall > 0 else mp.mpf(0)
    return reduce(loss, reduction)
