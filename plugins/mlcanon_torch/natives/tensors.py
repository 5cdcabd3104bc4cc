"""Tensor operations in PyTorch."""

from __future__ import annotations

import torch


def _check_inner(a: torch.Tensor, b: torch.Tensor) -> None:
    # torch.matmul raises RuntimeError on a shape mismatch; the canon says ValueError.
    if a.dim() == 0 or b.dim() == 0:
        msg = (f"matmul needs inputs of at least one dimension, got {tuple(a.shape)} "
               f"and {tuple(b.shape)}")
        raise ValueError(msg)
    k_a, k_b = a.shape[-1], b.shape[0] if b.dim() == 1 else b.shape[-2]
    if k_a != k_b:
        msg = f"matmul inner dimensions differ: {tuple(a.shape)} @ {tuple(b.shape)}"
        raise ValueError(msg)


def matmul(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    _check_inner(a, b)
    return torch.matmul(a, b)
