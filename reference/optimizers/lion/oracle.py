"""The oracle of lion: the sign of the interpolated momentum, step by step in mpmath."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("lion")
def lion(theta: np.ndarray, grads: np.ndarray, *, lr: float = 1e-4, beta1: float = 0.9,
         beta2: float = 0.99, weight_decay: float = 0.0) -> np.ndarray:
    lr, b1, b2, wd = (mpa.mpf(x) for x in (lr, beta1, beta2, weight_decay))
    m = theta * 0
    rows = []
    for g in grads:
        direction = mpa.sign(b1 * m + (1 - b1) * g)  # sign(0) = 0: no move
        theta = theta - lr * (direction + wd * theta)
        m = b2 * m + (1 - b2) * g  # the memory is updated after the step, with beta2
        rows.append(theta)
    return np.stack(rows)
