"""The oracle of softmax_jacobian: J_ij = s_i (delta_ij - s_j), entry by entry (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("softmax_jacobian")
def softmax_jacobian(x: np.ndarray) -> np.ndarray:
    if x.ndim == 0:
        msg = "softmax_jacobian needs at least one axis"
        raise ValueError(msg)
    n = x.shape[-1]
    out = np.empty((*x.shape, n), dtype=object)
    for batch in np.ndindex(x.shape[:-1]):
        row = [mpa.mpf(v) for v in x[batch]]
        top = max(row)
        weights = [mpa.mp.exp(v - top) for v in row]
        total = sum(weights)
        s = [w / total for w in weights]
        for i in range(n):
            for j in range(n):
                delta = 1 if i == j else 0
                out[(*batch, i, j)] = s[i] * (delta - s[j])
    return out
