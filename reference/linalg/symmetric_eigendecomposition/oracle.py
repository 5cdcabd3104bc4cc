"""The oracle of symmetric_eigendecomposition: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.linalg._oracle import batched, sign_of_largest, to_array, to_matrix

mp = mpa.mp


@oracle("symmetric_eigendecomposition")
def symmetric_eigendecomposition(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Eigenvalues ascending and eigenvectors (columns) of the symmetric part (A + A^T)/2.

    Signs are free; the oracle fixes them so each eigenvector has its largest entry positive.
    """

    def one(m: np.ndarray) -> tuple[np.ndarray, ...]:
        sym = (m + m.T) / 2
        values, vectors = mp.eigsy(to_matrix(sym))
        values = np.array(values.tolist(), dtype=object).reshape(-1)
        order = sorted(range(len(values)), key=lambda i: values[i])
        vectors = to_array(vectors)[:, order]
        signs = [sign_of_largest(vectors[:, i]) for i in range(len(values))]
        return values[order], vectors * np.array(signs, dtype=object)

    return batched(a, one)
