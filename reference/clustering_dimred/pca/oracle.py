"""The oracle of pca: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("pca")
def pca(x: np.ndarray, *, n_components: int | None = None) -> dict[str, np.ndarray]:
    n, d = x.shape
    k = min(n, d) if n_components is None else n_components
    if n < 2 or not 1 <= k <= min(n, d):
        msg = f"n_components must lie in [1, min(n, d)] with n >= 2; got {k} for x {x.shape}"
        raise ValueError(msg)
    mean = np.sum(x, axis=0) / mpa.mpf(n)
    centered = x - mean
    _u, s, vh = mpa.mp.svd_r(mpa.mp.matrix(centered.tolist()))
    singular = [s[i] for i in range(min(n, d))]
    order = sorted(range(len(singular)), key=lambda i: -singular[i])[:k]
    components = np.array([[vh[i, j] for j in range(d)] for i in order], dtype=object)
    # a sign per row is free; the spec writes the largest-magnitude entry positive
    # (sklearn's svd_flip with u_based_decision=False), the comparison ignores it
    for row in components:
        big = max(range(d), key=lambda j, row=row: abs(row[j]))
        if row[big] < 0:
            row *= -1
    variance = np.array([singular[i] ** 2 / (n - 1) for i in order], dtype=object)
    return {"components": components, "explained_variance": variance, "mean": mean}
