"""The oracle of linear_layer: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("linear_layer")
def linear_layer(x: np.ndarray, weight: np.ndarray, bias: np.ndarray | None = None) -> np.ndarray:
    if weight.ndim != 2 or x.ndim < 1 or x.shape[-1] != weight.shape[1]:
        msg = f"x {x.shape} and weight {weight.shape} do not match"
        raise ValueError(msg)
    out_features, in_features = weight.shape
    y = np.empty((*x.shape[:-1], out_features), dtype=object)
    for index in np.ndindex(*x.shape[:-1]):
        for o in range(out_features):
            total = mpa.mpf(0)
            for i in range(in_features):
                total += x[index][i] * weight[o, i]
            y[index][o] = total if bias is None else total + bias[o]
    return y
