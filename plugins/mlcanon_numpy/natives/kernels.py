"""Kernels in NumPy."""

from __future__ import annotations

import numpy as np


def rbf_kernel(x: np.ndarray, y: np.ndarray | None = None, *, gamma: float = 1.0
               ) -> np.ndarray:
    y = x if y is None else y
    if x.ndim != 2 or y.ndim != 2 or x.shape[1] != y.shape[1]:
        msg = f"rbf_kernel needs x (n, d) and y (m, d), got {x.shape} and {y.shape}"
        raise ValueError(msg)
    # squared distances from differences: never negative, exactly 0 for equal rows
    diff = x[:, None, :] - y[None, :, :]
    squared = np.sum(diff * diff, axis=-1)
    return np.exp(-gamma * squared)
