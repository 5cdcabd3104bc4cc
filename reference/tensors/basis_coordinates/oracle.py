"""The oracle of basis_coordinates: B c = v solved at 50 digits (mpmath LU)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("basis_coordinates")
def basis_coordinates(v: np.ndarray, basis: np.ndarray) -> np.ndarray:
    n = v.shape[0] if v.ndim == 1 else -1
    if basis.ndim != 2 or basis.shape != (n, n):
        msg = f"a basis of R^{n} is an ({n}, {n}) matrix, got {basis.shape}"
        raise ValueError(msg)
    matrix = mpa.mp.matrix(basis.tolist())
    if mpa.mp.det(matrix) == 0:
        msg = "the basis vectors are linearly dependent"
        raise ValueError(msg)
    solution = mpa.mp.lu_solve(matrix, mpa.mp.matrix(v.tolist()))
    return np.array([solution[i] for i in range(n)], dtype=object)
