"""The oracle of sgd_momentum: the velocity recursion written out step by step in mpmath."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("sgd_momentum")
def sgd_momentum(theta: np.ndarray, grads: np.ndarray, *, lr: float = 0.01, beta: float = 0.9,
                 form: str = "ema") -> np.ndarray:
    lr, beta = mpa.mpf(lr), mpa.mpf(beta)
    # the share of the new gradient in the velocity: (1 - beta) for the EMA, 1 for torch/optax
    share = 1 - beta if form == "ema" else mpa.mpf(1)
    velocity = theta * 0
    rows = []
    for g in grads:
        velocity = beta * velocity + share * g
        theta = theta - lr * velocity
        rows.append(theta)
    return np.stack(rows)
