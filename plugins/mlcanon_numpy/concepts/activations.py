"""Activations in NumPy."""

from __future__ import annotations

import numpy as np


def softmax(x: np.ndarray, *, axis: int = -1, temperature: float = 1.0) -> np.ndarray:
    z = x / np.asarray(temperature, dtype=x.dtype)
    z = z - np.max(z, axis=axis, keepdims=True)  # the shift keeps exp from overflowing
    e = np.exp(z)
    return e / np.sum(e, axis=axis, keepdims=True)
