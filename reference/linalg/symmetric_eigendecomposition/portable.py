"""Symmetric eigendecomposition on any array namespace, of the symmetric part of the input."""

from __future__ import annotations

from typing import Any


def symmetric_eigendecomposition(xp: Any, a: Any) -> tuple[Any, Any]:
    if a.ndim < 2 or a.shape[-1] != a.shape[-2]:
        msg = f"symmetric_eigendecomposition needs square matrices (..., n, n), got {a.shape}"
        raise ValueError(msg)
    # eigh reads one triangle only (which one depends on the library); the canon decomposes
    # (A + A^T) / 2, which also makes the eigenvalue gradient the symmetric v_i v_i^T.
    symmetric = (a + xp.matrix_transpose(a)) / 2
    eigenvalues, eigenvectors = xp.linalg.eigh(symmetric)
    return eigenvalues, eigenvectors
