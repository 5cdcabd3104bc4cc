"""Planted bug: softmax without subtracting the max (overflows for large logits)."""

import numpy as np


def softmax(x, *, axis=-1, temperature=1.0):
    e = np.exp(x / temperature)
    return e / np.sum(e, axis=axis, keepdims=True)
