"""Basis coordinates on any array namespace: solve B c = v (linalg extension)."""

from __future__ import annotations

from typing import Any


def basis_coordinates(xp: Any, v: Any, basis: Any) -> Any:
    n = v.shape[0] if v.ndim == 1 else -1
    if basis.ndim != 2 or tuple(basis.shape) != (n, n):
        msg = f"a basis of R^{n} is an ({n}, {n}) matrix, got {tuple(basis.shape)}"
        raise ValueError(msg)
    if float(xp.linalg.det(basis)) == 0.0 or float(xp.linalg.matrix_rank(basis)) < n:
        msg = "the basis vectors are linearly dependent"
        raise ValueError(msg)
    return xp.linalg.solve(basis, v[:, None])[:, 0]
