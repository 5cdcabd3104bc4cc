"""Clustering and dimensionality reduction in NumPy."""

from __future__ import annotations

import numpy as np


def _check_kmeans_shapes(x: np.ndarray, c: np.ndarray) -> None:
    if x.ndim != 2 or c.ndim != 2 or x.shape[1] != c.shape[1]:
        msg = f"x {x.shape} and init_centroids {c.shape} must be (n, d) and (k, d)"
        raise ValueError(msg)


def _assign(x: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    d = ((x[:, None, :] - c[None, :, :]) ** 2).sum(axis=-1)
    return d.argmin(axis=1), d  # argmin: first minimum, so ties go to the lowest index


def kmeans(x: np.ndarray, init_centroids: np.ndarray, *,
           max_iter: int = 100) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    _check_kmeans_shapes(x, init_centroids)
    k = init_centroids.shape[0]
    c = init_centroids.copy()
    previous = None
    for _ in range(max_iter):
        labels, d = _assign(x, c)
        if previous is not None and np.array_equal(labels, previous):
            break
        members = labels[None, :] == np.arange(k)[:, None]  # (k, n) one-hot
        counts = members.sum(axis=1)
        sums = members.astype(x.dtype) @ x
        c = np.where(counts[:, None] > 0, sums / np.maximum(counts, 1)[:, None].astype(x.dtype),
                     c)  # an empty cluster keeps its centroid
        previous = labels
    else:
        labels, d = _assign(x, c)
    inertia = d[np.arange(x.shape[0]), labels].sum()
    return c, labels.astype(np.int64), inertia


def pca(x: np.ndarray, *, n_components: int | None = None
        ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n, d = x.shape
    k = min(n, d) if n_components is None else n_components
    if n < 2 or not 1 <= k <= min(n, d):
        msg = f"n_components must lie in [1, min(n, d)] with n >= 2; got {k} for x {x.shape}"
        raise ValueError(msg)
    mean = x.mean(axis=0)
    _u, s, vh = np.linalg.svd(x - mean, full_matrices=False)
    return vh[:k], s[:k] ** 2 / np.asarray(n - 1, dtype=x.dtype), mean
