"""The oracle of rmsprop: the running mean of squares and the scaled step, in mpmath."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("rmsprop")
def rmsprop(theta: np.ndarray, grads: np.ndarray, *, lr: float = 0.01, beta: float = 0.9,
            eps: float = 1e-8, eps_in_sqrt: bool = True) -> np.ndarray:
    lr, beta, eps = mpa.mpf(lr), mpa.mpf(beta), mpa.mpf(eps)
    s = theta * 0
    rows = []
    for g in grads:
        s = beta * s + (1 - beta) * g**2
        denominator = mpa.sqrt(s + eps) if eps_in_sqrt else mpa.sqrt(s) + eps
        theta = theta - lr * g / denominator
        rows.append(theta)
    return np.stack(rows)
