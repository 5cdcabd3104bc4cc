"""Activations in PyTorch."""

from __future__ import annotations

import torch
import torch.nn.functional as F


def softmax(x: torch.Tensor, *, axis: int = -1, temperature: float = 1.0) -> torch.Tensor:
    return F.softmax(x / temperature, dim=axis)


def log_softmax(x: torch.Tensor, *, axis: int = -1) -> torch.Tensor:
    return F.log_softmax(x, dim=axis)


def sigmoid(x: torch.Tensor) -> torch.Tensor:
    return torch.sigmoid(x)


def silu(x: torch.Tensor, *, beta: float = 1.0) -> torch.Tensor:
    if beta == 1.0:
        return F.silu(x)
    return x * torch.sigmoid(beta * x)


def gelu(x: torch.Tensor, *, approximate: str | None = None) -> torch.Tensor:
    if approximate not in (None, "none", "tanh"):  # torch raises RuntimeError here
        msg = f"approximate must be None (exact) or 'tanh', got {approximate!r}"
        raise ValueError(msg)
    return F.gelu(x, approximate="tanh" if approximate == "tanh" else "none")
