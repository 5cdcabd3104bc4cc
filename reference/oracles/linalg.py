"""Oracles of the linalg family at mpmath precision.

Norms are the plain formula. The decompositions use mpmath's own routines (``svd_r``,
``eigsy``) or classical Gram-Schmidt at 50 digits, one matrix at a time over the batch
axes, so none of them shares code with LAPACK.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


@oracle("vector_norm")
def vector_norm(x: np.ndarray, *, ord: float = 2, axis: int | None = None,
                keepdims: bool = False) -> np.ndarray:
    """(sum_i |x_i|^p)^(1/p) over ``axis`` (all elements when None); max |x_i| for p = inf."""
    if not (ord == math.inf or ord > 0):
        msg = f"vector_norm needs ord > 0 or inf, got {ord!r}"
        raise ValueError(msg)
    magnitude = np.abs(x)
    if ord == math.inf:
        return np.max(magnitude, axis=axis, keepdims=keepdims)
    p = mpa.mpf(ord)
    total = np.sum(magnitude ** p, axis=axis, keepdims=keepdims)
    root = np.vectorize(lambda v: v ** (1 / p), otypes=[object])
    return root(total)


def _to_matrix(a: np.ndarray) -> object:
    return mp.matrix(a.tolist())


def _to_array(m: object) -> np.ndarray:
    return np.array(m.tolist(), dtype=object).reshape(m.rows, m.cols)


def _batched(a: np.ndarray, one: Callable[[np.ndarray], tuple[np.ndarray, ...]]
             ) -> tuple[np.ndarray, ...]:
    """Apply ``one`` to every matrix of the batch axes and stack each output."""
    batch = a.shape[:-2]
    results = {index: one(a[index]) for index in np.ndindex(batch)}
    first = results[(0,) * len(batch)]
    stacked = []
    for k, part in enumerate(first):
        out = np.empty(batch + part.shape, dtype=object)
        for index, parts in results.items():
            out[index] = parts[k]
        stacked.append(out)
    return tuple(stacked)


def _sign_of_largest(vector: np.ndarray) -> int:
    """+1 or -1: the sign of the entry of largest magnitude (the first of ties)."""
    magnitudes = [abs(v) for v in vector]
    return 1 if vector[magnitudes.index(max(magnitudes))] >= 0 else -1


@oracle("svd")
def svd(a: np.ndarray, *, full_matrices: bool = False) -> tuple[np.ndarray, ...]:
    """A = U diag(S) Vh with S descending (mpmath svd_r).

    Signs are free; the oracle fixes them so each row of Vh has its largest entry
    positive, which makes hand-written expected values reproducible.
    """

    def one(m: np.ndarray) -> tuple[np.ndarray, ...]:
        u, s, vh = mp.svd_r(_to_matrix(m), full_matrices=full_matrices)
        s = np.array(s.tolist(), dtype=object).reshape(-1)
        order = sorted(range(len(s)), key=lambda i: -s[i])
        u, vh = _to_array(u), _to_array(vh)
        u[:, :len(s)] = u[:, order]
        vh[:len(s), :] = vh[order, :]
        for i in range(len(s)):
            sign = _sign_of_largest(vh[i])
            u[:, i], vh[i] = u[:, i] * sign, vh[i] * sign
        return u, s[order], vh

    return _batched(a, one)


@oracle("symmetric_eigendecomposition")
def symmetric_eigendecomposition(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Eigenvalues ascending and eigenvectors (columns) of the symmetric part (A + A^T)/2.

    Signs are free; the oracle fixes them so each eigenvector has its largest entry positive.
    """

    def one(m: np.ndarray) -> tuple[np.ndarray, ...]:
        sym = (m + m.T) / 2
        values, vectors = mp.eigsy(_to_matrix(sym))
        values = np.array(values.tolist(), dtype=object).reshape(-1)
        order = sorted(range(len(values)), key=lambda i: values[i])
        vectors = _to_array(vectors)[:, order]
        signs = [_sign_of_largest(vectors[:, i]) for i in range(len(values))]
        return values[order], vectors * np.array(signs, dtype=object)

    return _batched(a, one)


def _gram_schmidt(columns: list[np.ndarray], size: int) -> list[np.ndarray]:
    """Orthonormalize ``columns`` in order (classical Gram-Schmidt, twice for safety)."""
    basis: list[np.ndarray] = []
    for column in columns:
        if len(basis) == size:
            break
        v = column.copy()
        for _ in range(2):
            for q in basis:
                v = v - np.sum(q * v) * q
        length = mp.sqrt(np.sum(v * v))
        if length > mp.mpf(10) ** (-(mpa.DPS // 2)):
            basis.append(v / length)
    return basis


@oracle("qr_decomposition")
def qr_decomposition(a: np.ndarray, *, mode: str = "reduced") -> tuple[np.ndarray, np.ndarray]:
    """A = QR by Gram-Schmidt on A's columns: orthonormal Q, upper-triangular R, diag(R) > 0.

    ``mode="complete"`` extends Q to a square orthogonal matrix with the unit vectors
    e_1, e_2, ... orthonormalized against it; R gets zero rows.
    """
    if mode not in ("reduced", "complete"):
        msg = f"qr_decomposition mode must be 'reduced' or 'complete', got {mode!r}"
        raise ValueError(msg)

    def one(m: np.ndarray) -> tuple[np.ndarray, ...]:
        rows, cols = m.shape
        size = rows if mode == "complete" else min(rows, cols)
        units = [np.array([mp.mpf(int(i == j)) for i in range(rows)], dtype=object)
                 for j in range(rows)]
        basis = _gram_schmidt([m[:, j] for j in range(cols)] + units, size)
        q = np.stack(basis, axis=1)
        r = q.T @ m
        for i, j in np.ndindex(r.shape):
            if i > j:
                r[i, j] = mp.mpf(0)
        return q, r

    return _batched(a, one)
