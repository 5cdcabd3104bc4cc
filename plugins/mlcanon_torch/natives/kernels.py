"""Kernels in PyTorch."""

from __future__ import annotations

import torch


def rbf_kernel(x: torch.Tensor, y: torch.Tensor | None = None, *, gamma: float = 1.0
               ) -> torch.Tensor:
    y = x if y is None else y
    if x.dim() != 2 or y.dim() != 2 or x.shape[1] != y.shape[1]:
        msg = f"rbf_kernel needs x (n, d) and y (m, d), got {tuple(x.shape)} and {tuple(y.shape)}"
        raise ValueError(msg)
    # Squared distances from differences: never negative, exactly 0 for equal rows (torch.cdist
    # switches to the expanded |x|^2 + |y|^2 - 2 x.y form for more than 25 rows).
    squared = (x[:, None, :] - y[None, :, :]).square().sum(dim=-1)
    return torch.exp(-gamma * squared)
