"""Planted bug: Adam without bias correction of the moment estimates."""

import numpy as np


def adam(theta, grads, *, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    m = np.zeros_like(theta)
    v = np.zeros_like(theta)
    path = []
    for g in grads:
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        theta = theta - lr * m / (np.sqrt(v) + eps)
        path.append(theta)
    return np.stack(path)
