"""The oracle of mse_loss: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle
from mlcanon_reference.losses._oracle import reduce, same_shape


@oracle("mse_loss")
def mse_loss(pred: np.ndarray, target: np.ndarray, *, reduction: str = "mean") -> object:
    same_shape(pred, target)
    return reduce((pred - target) ** 2, reduction)
