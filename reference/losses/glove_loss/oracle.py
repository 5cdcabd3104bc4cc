"""The oracle of glove_loss: the weighted least-squares sum over nonzero co-occurrences
(mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


@oracle("glove_loss")
def glove_loss(w: np.ndarray, w_tilde: np.ndarray, b: np.ndarray, b_tilde: np.ndarray,
               X: np.ndarray, *, x_max: float = 100.0, alpha: float = 0.75) -> object:
    v = w.shape[0]
    if w_tilde.shape != w.shape or b.shape != (v,) or b_tilde.shape != (v,) \
            or X.shape != (v, v) or not x_max > 0 or alpha < 0:
        msg = "need w, w_tilde (V, d), b, b_tilde (V,), X (V, V), x_max > 0 and alpha >= 0"
        raise ValueError(msg)
    total = mp.mpf(0)
    for i in range(v):
        for j in range(v):
            count = X[i, j]
            if count < 0:
                msg = f"co-occurrence counts must be >= 0, got {count}"
                raise ValueError(msg)
            if count == 0:  # pairs never seen together carry no term (log 0)
                continue
            weight = (count / mp.mpf(x_max)) ** mp.mpf(alpha) if count < x_max else 1
            dot = sum((w[i, k] * w_tilde[j, k] for k in range(w.shape[1])), mp.mpf(0))
            total += weight * (dot + b[i] + b_tilde[j] - mp.log(count)) ** 2
    return total
