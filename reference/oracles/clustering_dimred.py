"""Oracles of the clustering_dimred family: plain algorithms at mpmath precision."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _squared_distances(x: np.ndarray, c: np.ndarray) -> list[list]:
    return [[sum((x[i, a] - c[j, a]) ** 2 for a in range(x.shape[1]))
             for j in range(c.shape[0])] for i in range(x.shape[0])]


def _assign(x: np.ndarray, c: np.ndarray) -> tuple[list[int], list[list]]:
    d = _squared_distances(x, c)
    # nearest centroid; equal distances: the lowest centroid index
    labels = [min(range(c.shape[0]), key=lambda j, row=row: (row[j], j)) for row in d]
    return labels, d


@oracle("kmeans")
def kmeans(x: np.ndarray, init_centroids: np.ndarray, *,
           max_iter: int = 100) -> dict[str, np.ndarray]:
    if x.ndim != 2 or init_centroids.ndim != 2 or x.shape[1] != init_centroids.shape[1]:
        msg = f"x {x.shape} and init_centroids {init_centroids.shape} must be (n, d), (k, d)"
        raise ValueError(msg)
    n, k = x.shape[0], init_centroids.shape[0]
    c = init_centroids.copy()
    previous = None
    for _ in range(max_iter):
        labels, _d = _assign(x, c)
        if labels == previous:
            break  # the centroids are already the means of these labels
        for j in range(k):
            members = [i for i in range(n) if labels[i] == j]
            if members:  # an empty cluster keeps its centroid
                c[j] = np.sum(x[members], axis=0) / mpa.mpf(len(members))
        previous = labels
    else:
        labels, _d = _assign(x, c)
    _labels, d = _assign(x, c)
    inertia = sum(d[i][labels[i]] for i in range(n))
    return {"centroids": c, "labels": np.array(labels, dtype=np.int64),
            "inertia": np.array(inertia, dtype=object)}


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
