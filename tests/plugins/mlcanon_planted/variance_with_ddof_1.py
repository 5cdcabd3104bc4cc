"""Planted bug: sample variance (N - 1) where the spec says population variance."""

import numpy as np


def variance(x, *, axis=None, ddof=0):
    return np.var(x, axis=axis, ddof=1)
