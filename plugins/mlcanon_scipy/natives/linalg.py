"""SciPy native bindings: linear algebra (scipy.linalg)."""

from __future__ import annotations

import numpy as np
import scipy.linalg

from mlcanon import native

#: the canon's QR modes by scipy's names
_QR_MODES = {"reduced": "economic", "complete": "full"}


@native("scipy.linalg.norm")
def vector_norm(x: np.ndarray, *, ord: float = 2, axis: int | None = None,
                keepdims: bool = False) -> np.ndarray:
    return scipy.linalg.norm(x, ord=ord, axis=axis, keepdims=keepdims)


@native("scipy.linalg.svd")
def svd(a: np.ndarray, *, full_matrices: bool = False) -> tuple[np.ndarray, ...]:
    u, s, vh = scipy.linalg.svd(a, full_matrices=full_matrices)
    return u, s, vh


@native("scipy.linalg.eigh")
def symmetric_eigendecomposition(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    eigenvalues, eigenvectors = scipy.linalg.eigh(a)
    return eigenvalues, eigenvectors


@native("scipy.linalg.qr")
def qr_decomposition(a: np.ndarray, *, mode: str = "reduced") -> tuple[np.ndarray, np.ndarray]:
    q, r = scipy.linalg.qr(a, mode=_QR_MODES.get(mode, mode))
    return q, r
