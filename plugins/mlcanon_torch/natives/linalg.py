"""Linear algebra in PyTorch."""

from __future__ import annotations

import torch


def vector_norm(x: torch.Tensor, *, ord: float = 2, axis: int | None = None,
                keepdims: bool = False) -> torch.Tensor:
    # torch.linalg.vector_norm overflows for |x_i| > 1e154 (float64); scaling by max|x_i|
    # (1 where the slice is all zero) keeps every power in range. The scale is a constant
    # for autograd: the norm is homogeneous, so the gradient is unchanged.
    scale = x.detach().abs().amax(dim=() if axis is None else axis, keepdim=True)
    scale = torch.where(scale == 0, torch.ones_like(scale), scale)
    norm = torch.linalg.vector_norm(x / scale, ord=ord, dim=axis, keepdim=keepdims)
    return norm * scale.reshape(norm.shape)


def svd(a: torch.Tensor, *, full_matrices: bool = False) -> tuple[torch.Tensor, ...]:
    u, s, vh = torch.linalg.svd(a, full_matrices=full_matrices)
    return u, s, vh


def symmetric_eigendecomposition(a: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    # eigh reads only the lower triangle; the canon decomposes the symmetric part.
    eigenvalues, eigenvectors = torch.linalg.eigh((a + a.mT) / 2)
    return eigenvalues, eigenvectors


def qr_decomposition(a: torch.Tensor, *, mode: str = "reduced"
                     ) -> tuple[torch.Tensor, torch.Tensor]:
    q, r = torch.linalg.qr(a, mode=mode)
    return q, r
