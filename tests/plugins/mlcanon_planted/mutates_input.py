"""Misbehaviour: the implementation writes its result into its input (not pure)."""

import numpy as np


def softmax(x, *, axis=-1, temperature=1.0):
    e = np.exp(x / temperature - np.max(x / temperature, axis=axis, keepdims=True))
    x[...] = e / np.sum(e, axis=axis, keepdims=True)
    return x.copy()
