"""Linear algebra in NumPy."""

from __future__ import annotations

import numpy as np


def vector_norm(x: np.ndarray, *, ord: float = 2, axis: int | None = None,
                keepdims: bool = False) -> np.ndarray:
    # np.linalg.vector_norm computes sqrt(sum(x*x)) and overflows for |x_i| > 1e154; scaling
    # by max|x_i| (1 where the slice is all zero) keeps every power in range.
    scale = np.max(np.abs(x), axis=axis, keepdims=True)
    scale = np.where(scale == 0, 1, scale).astype(x.dtype)
    norm = np.linalg.vector_norm(x / scale, ord=ord, axis=axis, keepdims=keepdims)
    return norm * scale.reshape(norm.shape)


def svd(a: np.ndarray, *, full_matrices: bool = False) -> tuple[np.ndarray, ...]:
    u, s, vh = np.linalg.svd(a, full_matrices=full_matrices)
    return u, s, vh


def symmetric_eigendecomposition(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    # eigh reads only the lower triangle; the canon decomposes the symmetric part.
    symmetric = (a + np.swapaxes(a, -1, -2)) / 2
    eigenvalues, eigenvectors = np.linalg.eigh(symmetric)
    return eigenvalues, eigenvectors


def qr_decomposition(a: np.ndarray, *, mode: str = "reduced") -> tuple[np.ndarray, np.ndarray]:
    q, r = np.linalg.qr(a, mode=mode)
    return q, r
