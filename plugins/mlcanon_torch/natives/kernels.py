"""PyTorch native bindings: kernels."""

from __future__ import annotations

import torch

from mlcanon import native


@native("torch.cdist")
def rbf_kernel(x: torch.Tensor, y: torch.Tensor | None = None, *, gamma: float = 1.0
               ) -> torch.Tensor:
    distance = torch.cdist(x, x if y is None else y)
    return torch.exp(-gamma * distance.square())
