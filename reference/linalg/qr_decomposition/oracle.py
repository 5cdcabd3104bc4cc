"""The oracle of qr_decomposition: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.linalg._oracle import batched

mp = mpa.mp


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

    return batched(a, one)
