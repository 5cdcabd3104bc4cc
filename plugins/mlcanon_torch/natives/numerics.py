"""PyTorch native bindings: numerics."""

from __future__ import annotations

import torch

from mlcanon import native


@native("torch.logsumexp")
def logsumexp(x: torch.Tensor, *, axis: int = -1, keepdims: bool = False) -> torch.Tensor:
    return torch.logsumexp(x, dim=axis, keepdim=keepdims)
