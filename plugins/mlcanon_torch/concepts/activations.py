"""Activations in PyTorch."""

from __future__ import annotations

import torch
import torch.nn.functional as F


def softmax(x: torch.Tensor, *, axis: int = -1, temperature: float = 1.0) -> torch.Tensor:
    return F.softmax(x / temperature, dim=axis)
