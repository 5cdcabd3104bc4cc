"""The oracle of mae_loss: the plain formula (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle
from mlcanon_reference.losses._oracle import reduce, same_shape


@oracle("mae_loss")
def mae_loss(pred: np.ndarray, target: np.ndarray, *, reduction: str = "mean") -> object:
    same_shape(pred, target)
    loss = np.empty(pred.shape, dtype=object)
    for i in np.ndindex(pred.shape):
        loss[i] = abs(pred[i] - target[i])
    return reduce(loss, reduction)
