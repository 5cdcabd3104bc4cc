"""The oracle of rbf_kernel: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("rbf_kernel")
def rbf_kernel(x: np.ndarray, y: np.ndarray | None = None, *, gamma: float = 1.0
               ) -> np.ndarray:
    """K_ij = exp(-gamma |x_i - y_j|^2) for rows x_i of x and y_j of y (y defaults to x)."""
    y = x if y is None else y
    if x.ndim != 2 or y.ndim != 2 or x.shape[1] != y.shape[1]:
        msg = f"rbf_kernel needs x (n, d) and y (m, d), got {x.shape} and {y.shape}"
        raise ValueError(msg)
    diff = x[:, None, :] - y[None, :, :]
    squared = np.sum(diff * diff, axis=-1)
    return mpa.exp(-mpa.mpf(gamma) * squared)
