"""PCA on any array namespace: the thin SVD of the centred data."""

from __future__ import annotations

from typing import Any


def pca(xp: Any, x: Any, *, n_components: int | None = None) -> tuple[Any, Any, Any]:
    if x.ndim != 2:
        msg = f"x must be (n, d), got shape {tuple(x.shape)}"
        raise ValueError(msg)
    n, d = x.shape
    k = min(n, d) if n_components is None else n_components
    if n < 2 or not 1 <= k <= min(n, d):
        msg = f"n_components must lie in [1, min(n, d)] with n >= 2; got {k} for x {tuple(x.shape)}"
        raise ValueError(msg)
    mean = xp.mean(x, axis=0)
    # centring before the SVD keeps the digits a covariance E[x x^T] - mean mean^T loses
    _u, s, vh = xp.linalg.svd(x - mean, full_matrices=False)
    return vh[:k, :], s[:k] ** 2 / (n - 1), mean
