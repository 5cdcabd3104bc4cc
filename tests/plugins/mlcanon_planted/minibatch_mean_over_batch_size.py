"""Planted bug: the loss of every batch divided by batch_size (loss.sum() / batch_size), so
the short last batch's gradient is shrunk by its size / batch_size."""

import numpy as np


def sgd_minibatch(x, y, theta, *, lr=0.01, batch_size=32, epochs=1, drop_last=False):
    n = x.shape[0]
    if x.ndim != 2 or y.shape != (n,) or theta.shape != (x.shape[1],):
        raise ValueError("bad shapes")
    if batch_size < 1 or epochs < 1 or (drop_last and batch_size > n):
        raise ValueError("bad parameters")
    stop = n - n % batch_size if drop_last else n
    path = []
    for _ in range(epochs):
        for lo in range(0, stop, batch_size):
            xb, yb = x[lo:lo + batch_size], y[lo:lo + batch_size]
            grad = 2 * (xb @ theta - yb) @ xb / batch_size  # the bug: not len(xb)
            theta = theta - lr * grad
            path.append(theta)
    return np.stack(path)
