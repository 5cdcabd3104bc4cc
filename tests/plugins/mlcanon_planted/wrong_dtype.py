"""Misbehaviour: the implementation always returns float64."""

import numpy as np


def softmax(x, *, axis=-1, temperature=1.0):
    z = x.astype(np.float64) / temperature
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)
