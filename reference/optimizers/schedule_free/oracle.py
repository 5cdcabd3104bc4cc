"""The oracle of schedule_free: the averaged point as the plain mean of the z iterates."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("schedule_free")
def schedule_free(theta: np.ndarray, a: np.ndarray, b: np.ndarray, *, lr: float = 1.0,
                  beta: float = 0.9, steps: int = 1) -> np.ndarray:
    lr, beta = mpa.mpf(lr), mpa.mpf(beta)
    z = theta
    x = theta
    taken = []  # z_2 .. z_(t+1): the start is not part of the average
    path = []
    for _ in range(steps):
        y = (1 - beta) * z + beta * x
        z = z - lr * (a @ y - b)
        taken.append(z)
        x = sum(taken[1:], taken[0]) / len(taken)
        path.append(x)
    return np.stack(path)
