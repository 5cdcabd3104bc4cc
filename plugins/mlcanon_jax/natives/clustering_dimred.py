"""Clustering and dimensionality reduction in JAX."""

from __future__ import annotations

import jax
import jax.numpy as jnp


def _assign(x: jnp.ndarray, c: jnp.ndarray) -> tuple[jnp.ndarray, jnp.ndarray]:
    d = jnp.sum((x[:, None, :] - c[None, :, :]) ** 2, axis=-1)
    return jnp.argmin(d, axis=1), d  # first minimum: ties go to the lowest index


def kmeans(x: jnp.ndarray, init_centroids: jnp.ndarray, *,
           max_iter: int = 100) -> tuple[jnp.ndarray, jnp.ndarray, jnp.ndarray]:
    if x.ndim != 2 or init_centroids.ndim != 2 or x.shape[1] != init_centroids.shape[1]:
        msg = f"x {x.shape} and init_centroids {init_centroids.shape} must be (n, d) and (k, d)"
        raise ValueError(msg)
    k = init_centroids.shape[0]
    c = init_centroids
    previous = None
    for _ in range(max_iter):
        labels, d = _assign(x, c)
        if previous is not None and bool(jnp.array_equal(labels, previous)):
            break
        members = jax.nn.one_hot(labels, k, dtype=x.dtype).T  # (k, n)
        counts = jnp.sum(members, axis=1, keepdims=True)
        means = (members @ x) / jnp.maximum(counts, 1)
        c = jnp.where(counts > 0, means, c)  # an empty cluster keeps its centroid
        previous = labels
    else:
        labels, d = _assign(x, c)
    inertia = jnp.sum(jnp.min(d, axis=1))  # the distance to the (first) nearest centroid
    return c, labels.astype(jnp.int64), inertia


def pca(x: jnp.ndarray, *, n_components: int | None = None
        ) -> tuple[jnp.ndarray, jnp.ndarray, jnp.ndarray]:
    n, d = x.shape
    k = min(n, d) if n_components is None else n_components
    if n < 2 or not 1 <= k <= min(n, d):
        msg = f"n_components must lie in [1, min(n, d)] with n >= 2; got {k} for x {x.shape}"
        raise ValueError(msg)
    mean = jnp.mean(x, axis=0)
    _u, s, vh = jnp.linalg.svd(x - mean, full_matrices=False)
    return vh[:k], s[:k] ** 2 / (n - 1), mean
