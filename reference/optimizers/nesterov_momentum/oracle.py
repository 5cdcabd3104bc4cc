"""The oracle of nesterov_momentum: both formulations written out in mpmath."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("nesterov_momentum")
def nesterov_momentum(theta: np.ndarray, a: np.ndarray, b: np.ndarray, *, lr: float = 0.1,
                      beta: float = 0.9, steps: int = 1, form: str = "sutskever") -> np.ndarray:
    lr, beta = mpa.mpf(lr), mpa.mpf(beta)

    def grad(point: np.ndarray) -> np.ndarray:
        return a @ point - b

    v = theta * 0
    rows = []
    for _ in range(steps):
        if form == "sutskever":
            # the gradient is taken where the momentum is about to carry theta
            v = beta * v + grad(theta - lr * beta * v)
            theta = theta - lr * v
        else:
            g = grad(theta)
            v = beta * v + g
            theta = theta - lr * (g + beta * v)
        rows.append(theta)
    return np.stack(rows)
