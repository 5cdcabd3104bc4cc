"""Planted bug: RMSprop that always adds eps outside the square root (torch's placement),
ignoring eps_in_sqrt, so gradients near sqrt(eps) take steps tens of times too large."""

import numpy as np


def rmsprop(theta, grads, *, lr=0.01, beta=0.9, eps=1e-8, eps_in_sqrt=True):
    s = np.zeros_like(theta)
    path = []
    for g in grads:
        s = beta * s + (1 - beta) * g * g
        theta = theta - lr * g / (np.sqrt(s) + eps)
        path.append(theta)
    return np.stack(path)
