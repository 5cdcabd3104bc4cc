"""scikit-learn native bindings: kernels (sklearn.metrics.pairwise)."""

from __future__ import annotations

import numpy as np
from sklearn.metrics.pairwise import rbf_kernel as sklearn_rbf_kernel

from mlcanon import native


@native("sklearn.metrics.pairwise.rbf_kernel")
def rbf_kernel(x: np.ndarray, y: np.ndarray | None = None, *, gamma: float = 1.0) -> np.ndarray:
    return sklearn_rbf_kernel(x, y, gamma=gamma)
