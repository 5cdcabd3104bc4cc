"""Clustering and dimensionality reduction in PyTorch."""

from __future__ import annotations

import torch


def _assign(x: torch.Tensor, c: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    # explicit differences, not torch.cdist: its matmul expansion blurs exact ties
    d = ((x[:, None, :] - c[None, :, :]) ** 2).sum(dim=-1)
    return d.argmin(dim=1), d  # first minimum: ties go to the lowest index


def kmeans(x: torch.Tensor, init_centroids: torch.Tensor, *,
           max_iter: int = 100) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    if x.ndim != 2 or init_centroids.ndim != 2 or x.shape[1] != init_centroids.shape[1]:
        msg = f"x {tuple(x.shape)} and init_centroids {tuple(init_centroids.shape)} " \
              "must be (n, d) and (k, d)"
        raise ValueError(msg)
    k = init_centroids.shape[0]
    c = init_centroids.clone()
    previous = None
    for _ in range(max_iter):
        labels, d = _assign(x, c)
        if previous is not None and torch.equal(labels, previous):
            break
        counts = torch.bincount(labels, minlength=k)
        sums = torch.zeros_like(c).index_add_(0, labels, x)
        means = sums / counts.clamp(min=1)[:, None].to(x.dtype)
        c = torch.where(counts[:, None] > 0, means, c)  # an empty cluster keeps its centroid
        previous = labels
    else:
        labels, d = _assign(x, c)
    inertia = d.gather(1, labels[:, None]).sum()
    return c, labels.to(torch.int64), inertia


def pca(x: torch.Tensor, *, n_components: int | None = None
        ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    n, d = x.shape
    k = min(n, d) if n_components is None else n_components
    if n < 2 or not 1 <= k <= min(n, d):
        msg = f"n_components must lie in [1, min(n, d)] with n >= 2; got {k} for x {tuple(x.shape)}"
        raise ValueError(msg)
    mean = x.mean(dim=0)
    _u, s, vh = torch.linalg.svd(x - mean, full_matrices=False)
    return vh[:k], s[:k] ** 2 / (n - 1), mean
