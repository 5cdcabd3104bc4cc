"""Numerics in PyTorch."""

from __future__ import annotations

import torch


def logsumexp(x: torch.Tensor, *, axis: int = -1, keepdims: bool = False) -> torch.Tensor:
    return torch.logsumexp(x, dim=axis, keepdim=keepdims)
