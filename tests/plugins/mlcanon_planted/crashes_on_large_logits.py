"""Misbehaviour: a correct softmax that ends its process on logits above 100 (one case of
a cell crashes; the cases before and after it must keep their own outcomes)."""

import os

import numpy as np


def softmax(x, *, axis=-1, temperature=1.0):
    if np.max(np.abs(x)) > 100:
        os._exit(3)
    z = np.asarray(x) / temperature
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)
