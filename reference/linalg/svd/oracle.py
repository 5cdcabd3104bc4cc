"""The oracle of svd: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.linalg._oracle import batched, sign_of_largest, to_array, to_matrix

mp = mpa.mp


@oracle("svd")
def svd(a: np.ndarray, *, full_matrices: bool = False) -> tuple[np.ndarray, ...]:
    """A = U diag(S) Vh with S descending (mpmath svd_r).

    Signs are free; the oracle fixes them so each row of Vh has its largest entry
    positive, which makes hand-written expected values reproducible.
    """

    def one(m: np.ndarray) -> tuple[np.ndarray, ...]:
        u, s, vh = mp.svd_r(to_matrix(m), full_matrices=full_matrices)
        s = np.array(s.tolist(), dtype=object).reshape(-1)
        order = sorted(range(len(s)), key=lambda i: -s[i])
        u, vh = to_array(u), to_array(vh)
        u[:, :len(s)] = u[:, order]
        vh[:len(s), :] = vh[order, :]
        for i in range(len(s)):
            sign = sign_of_largest(vh[i])
            u[:, i], vh[i] = u[:, i] * sign, vh[i] * sign
        return u, s[order], vh

    return batched(a, one)
