"""Planted slowdown: a correct softmax that wastes time, for the regression demo."""

import time

import numpy as np


def softmax(x, *, axis=-1, temperature=1.0):
    time.sleep(0.004)
    z = x / np.asarray(temperature, dtype=x.dtype)
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)
