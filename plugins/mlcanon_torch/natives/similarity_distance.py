"""Similarities and distances in PyTorch."""

from __future__ import annotations

import torch
import torch.nn.functional as F


def cosine_similarity(a: torch.Tensor, b: torch.Tensor, *, axis: int = -1,
                      eps: float = 1e-8) -> torch.Tensor:
    # clamps each norm by eps separately: zero vectors give 0, as the canon says
    return F.cosine_similarity(a, b, dim=axis, eps=eps)


def euclidean_distance(a: torch.Tensor, b: torch.Tensor, *, axis: int = -1) -> torch.Tensor:
    # F.pairwise_distance adds eps = 1e-6 to the difference, so the norm of a - b instead,
    # scaled by max|d_i| (a constant for autograd) so the squares cannot overflow.
    d = a - b
    scale = d.detach().abs().amax(dim=axis, keepdim=True)
    scale = torch.where(scale == 0, torch.ones_like(scale), scale)
    return torch.linalg.vector_norm(d / scale, dim=axis) * scale.squeeze(axis)
