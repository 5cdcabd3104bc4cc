"""The oracle of adagrad: the running sum of squared gradients and the scaled step, in mpmath."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("adagrad")
def adagrad(theta: np.ndarray, grads: np.ndarray, *, lr: float = 0.01, eps: float = 1e-10,
            initial_accumulator: float = 0.0, eps_in_sqrt: bool = True) -> np.ndarray:
    lr, eps = mpa.mpf(lr), mpa.mpf(eps)
    total = theta * 0 + mpa.mpf(initial_accumulator)
    rows = []
    for g in grads:
        total = total + g**2
        denominator = mpa.sqrt(total + eps) if eps_in_sqrt else mpa.sqrt(total) + eps
        theta = theta - lr * g / denominator
        rows.append(theta)
    return np.stack(rows)
