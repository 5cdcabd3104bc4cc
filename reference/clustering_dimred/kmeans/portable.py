"""k-means on any array namespace: Lloyd's iteration from the given initial centroids."""

from __future__ import annotations

from typing import Any

from array_api_compat import device


def kmeans(xp: Any, x: Any, init_centroids: Any, *,
           max_iter: int = 100) -> tuple[Any, Any, Any]:
    if x.ndim != 2 or init_centroids.ndim != 2 or x.shape[1] != init_centroids.shape[1]:
        msg = (f"x {tuple(x.shape)} and init_centroids {tuple(init_centroids.shape)} "
               f"must be (n, d) and (k, d)")
        raise ValueError(msg)
    centroids = init_centroids
    labels, distances = _assign(xp, x, centroids)
    for _ in range(max_iter):
        centroids = _update(xp, x, labels, centroids)
        previous = labels
        labels, distances = _assign(xp, x, centroids)
        if bool(xp.all(labels == previous)):
            break  # the assignment repeats: the centroids are the means of their points
    picked = xp.take_along_axis(distances, labels[:, None], axis=1)
    return centroids, xp.astype(labels, xp.int64), xp.sum(picked)


def _assign(xp: Any, x: Any, centroids: Any) -> tuple[Any, Any]:
    """Nearest centroid of each point and the (n, k) squared distances."""
    distances = xp.sum((x[:, None, :] - centroids[None, :, :]) ** 2, axis=-1)
    return xp.argmin(distances, axis=1), distances  # first minimum: ties go to the lowest index


def _update(xp: Any, x: Any, labels: Any, centroids: Any) -> Any:
    """Each centroid moves to the mean of its points; an empty cluster keeps its centroid."""
    k = centroids.shape[0]
    members = labels[None, :] == xp.arange(k, device=device(x))[:, None]  # (k, n)
    counts = xp.sum(xp.astype(members, x.dtype), axis=1)[:, None]
    sums = xp.astype(members, x.dtype) @ x
    return xp.where(counts > 0, sums / xp.where(counts > 0, counts, 1.0), centroids)
