"""The oracle of affine_transform: y_i = sum_j A_ij x_j + t_i per point (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle


@oracle("affine_transform")
def affine_transform(a: np.ndarray, x: np.ndarray, t: np.ndarray) -> np.ndarray:
    m, n = a.shape
    if x.ndim == 0 or x.shape[-1] != n or t.shape != (m,):
        msg = f"shapes do not fit y = A x + t: A {a.shape}, x {x.shape}, t {t.shape}"
        raise ValueError(msg)
    y = np.empty((*x.shape[:-1], m), dtype=object)
    for point in np.ndindex(x.shape[:-1]):
        for i in range(m):
            total = t[i]
            for j in range(n):
                total = total + a[i, j] * x[(*point, j)]
            y[(*point, i)] = total
    return y
