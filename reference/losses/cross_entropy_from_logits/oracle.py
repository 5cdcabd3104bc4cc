"""The oracle of cross_entropy_from_logits: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.losses._oracle import reduce

mp = mpa.mp


@oracle("cross_entropy_from_logits")
def cross_entropy_from_logits(logits: np.ndarray, target: np.ndarray, *,
                              reduction: str = "mean") -> object:
    n_classes = logits.shape[-1]
    if logits.shape[:-1] != target.shape:
        msg = f"logits {logits.shape} need a target of shape {logits.shape[:-1]}"
        raise ValueError(msg)
    loss = np.empty(target.shape, dtype=object)
    for i in np.ndindex(target.shape):
        k = int(target[i])
        if not 0 <= k < n_classes:
            msg = f"class index {k} is outside [0, {n_classes})"
            raise IndexError(msg)
        row = logits[i]
        loss[i] = mp.log(sum(mp.exp(z) for z in row)) - row[k]  # -log softmax(row)[k]
    return reduce(loss, reduction)
