"""PyTorch native bindings: similarities and distances (torch.nn.functional)."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from mlcanon import native


@native("torch.nn.functional.cosine_similarity")
def cosine_similarity(a: torch.Tensor, b: torch.Tensor, *, axis: int = -1,
                      eps: float = 1e-8) -> torch.Tensor:
    return F.cosine_similarity(a, b, dim=axis, eps=eps)


@native("torch.nn.functional.pairwise_distance")
def euclidean_distance(a: torch.Tensor, b: torch.Tensor, *, axis: int = -1) -> torch.Tensor:
    # pairwise_distance reduces the last axis; eps=0 leaves out its default 1e-6 shift
    return F.pairwise_distance(torch.movedim(a, axis, -1), torch.movedim(b, axis, -1),
                               p=2.0, eps=0.0)
