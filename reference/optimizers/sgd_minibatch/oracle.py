"""The oracle of sgd_minibatch: sample by sample gradients of the squared error, averaged per
batch, in mpmath."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("sgd_minibatch")
def sgd_minibatch(x: np.ndarray, y: np.ndarray, theta: np.ndarray, *, lr: float = 0.01,
                  batch_size: int = 32, epochs: int = 1, drop_last: bool = False) -> np.ndarray:
    lr = mpa.mpf(lr)
    n, d = x.shape
    starts = list(range(0, n, batch_size))
    if drop_last:
        starts = [s for s in starts if s + batch_size <= n]
    path = []
    for _ in range(epochs):
        for s in starts:
            members = range(s, min(s + batch_size, n))
            total = [mpa.mpf(0)] * d
            for i in members:
                residual = sum(x[i, j] * theta[j] for j in range(d)) - y[i]
                # d/dtheta of (x_i . theta - y_i)^2
                total = [total[j] + 2 * residual * x[i, j] for j in range(d)]
            theta = np.asarray([theta[j] - lr * total[j] / len(members) for j in range(d)],
                               dtype=object)
            path.append(theta)
    if not path:
        return np.empty((0, d), dtype=object)
    return np.stack(path)
