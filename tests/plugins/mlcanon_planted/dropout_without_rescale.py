"""Planted bug: dropout that zeroes units but forgets to scale the kept ones by 1/(1-p)."""

import numpy as np


def dropout(x, *, p=0.5, training=True, seed=0):
    if not training or p == 0:
        return x
    keep = np.random.default_rng(seed).random(x.shape) >= p
    return np.where(keep, x, np.zeros_like(x))
