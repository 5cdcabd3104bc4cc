"""Misbehaviour: the implementation drops the reduced axis."""

import numpy as np


def softmax(x, *, axis=-1, temperature=1.0):
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return (e / np.sum(e, axis=axis, keepdims=True)).sum(axis=axis)
