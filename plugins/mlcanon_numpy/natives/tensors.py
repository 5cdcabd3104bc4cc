"""Tensor operations in NumPy."""

from __future__ import annotations

import numpy as np


def matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.matmul(a, b)  # raises ValueError on an inner-dimension mismatch
