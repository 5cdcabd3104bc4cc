"""The oracle of huber_loss: the two branches, element by element (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.losses._oracle import reduce, same_shape

mp = mpa.mp


@oracle("huber_loss")
def huber_loss(pred: np.ndarray, target: np.ndarray, *, delta: float = 1.0,
               reduction: str = "mean") -> object:
    same_shape(pred, target)
    if not delta > 0:
        msg = f"delta must be positive, got {delta!r}"
        raise ValueError(msg)
    d = mp.mpf(delta)
    loss = np.empty(pred.shape, dtype=object)
    for i in np.ndindex(pred.shape):
        size = abs(pred[i] - target[i])
        loss[i] = size * size / 2 if size <= d else d * (size - d / 2)
    return reduce(loss, reduction)
