"""PyTorch native bindings: tensor operations."""

from __future__ import annotations

import torch

from mlcanon import native


@native("torch.matmul")
def matmul(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    return torch.matmul(a, b)
