"""The oracle of kmeans: the plain formula (mpmath unless marked)."""

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
