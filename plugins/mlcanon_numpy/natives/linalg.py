"""NumPy native bindings: linear algebra (numpy.linalg)."""

from __future__ import annotations

import numpy as np

from mlcanon import native


@native("numpy.linalg.vector_norm")
def vector_norm(x: np.ndarray, *, ord: float = 2, axis: int | None = None,
                keepdims: bool = False) -> np.ndarray:
    return np.linalg.vector_norm(x, ord=ord, axis=axis, keepdims=keepdims)


@native("numpy.linalg.svd")
def svd(a: np.ndarray, *, full_matrices: bool = False) -> tuple[np.ndarray, ...]:
    u, s, vh = np.linalg.svd(a, full_matrices=full_matrices)
    return u, s, vh


@native("numpy.linalg.eigh")
def symmetric_eigendecomposition(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    eigenvalues, eigenvectors = np.linalg.eigh(a)
    return eigenvalues, eigenvectors


@native("numpy.linalg.qr")
def qr_decomposition(a: np.ndarray, *, mode: str = "reduced") -> tuple[np.ndarray, np.ndarray]:
    q, r = np.linalg.qr(a, mode=mode)
    return q, r
