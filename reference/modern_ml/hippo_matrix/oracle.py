"""The oracle of hippo_matrix: the LegS closed form entry by entry (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


@oracle("hippo_matrix")
def hippo_matrix(N: np.ndarray) -> dict[str, np.ndarray]:
    size = int(N)
    if size < 1:
        msg = f"N must be a positive integer, got {size}"
        raise ValueError(msg)
    A = np.empty((size, size), dtype=object)
    for n in range(size):
        for k in range(size):
            if n > k:
                A[n, k] = -mp.sqrt(2 * n + 1) * mp.sqrt(2 * k + 1)
            else:
                A[n, k] = mp.mpf(-(n + 1)) if n == k else mp.mpf(0)
    B = np.array([mp.sqrt(2 * n + 1) for n in range(size)], dtype=object)
    return {"A": A, "B": B}
