"""NumPy native bindings: tensor operations."""

from __future__ import annotations

import numpy as np

from mlcanon import native


@native("numpy.matmul")
def matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.matmul(a, b)
