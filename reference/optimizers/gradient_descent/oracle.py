"""The oracle of gradient_descent: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("gradient_descent")
def gradient_descent(theta: np.ndarray, a: np.ndarray, b: np.ndarray, *, lr: float = 0.1,
                     steps: int = 1) -> np.ndarray:
    lr = mpa.mpf(lr)
    path = []
    for _ in range(steps):
        theta = theta - lr * (a @ theta - b)
        path.append(theta)
    return np.stack(path)
