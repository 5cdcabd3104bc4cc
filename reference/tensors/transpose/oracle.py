"""The oracle of transpose: y[..., i, j] = x[..., j, i], entry by entry."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle


@oracle("transpose")
def transpose(x: np.ndarray) -> np.ndarray:
    if x.ndim < 2:
        msg = f"transpose needs at least two axes, got shape {x.shape}"
        raise ValueError(msg)
    *batch, m, n = x.shape
    y = np.empty((*batch, n, m), dtype=object)
    for index in np.ndindex(x.shape):
        *b, i, j = index
        y[(*b, j, i)] = x[index]
    return y
