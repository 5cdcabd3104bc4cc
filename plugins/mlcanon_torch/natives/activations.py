"""PyTorch native bindings: activations."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from mlcanon import native


@native("torch.nn.functional.softmax")
def softmax(x: torch.Tensor, *, axis: int = -1, temperature: float = 1.0) -> torch.Tensor:
    return F.softmax(x / temperature, dim=axis)


@native("torch.nn.functional.log_softmax")
def log_softmax(x: torch.Tensor, *, axis: int = -1) -> torch.Tensor:
    return F.log_softmax(x, dim=axis)


@native("torch.sigmoid")
def sigmoid(x: torch.Tensor) -> torch.Tensor:
    return torch.sigmoid(x)


@native("torch.nn.functional.silu", only={"beta": 1.0})
def silu(x: torch.Tensor, *, beta: float = 1.0) -> torch.Tensor:
    return F.silu(x)


@native("torch.nn.functional.gelu")
def gelu(x: torch.Tensor, *, approximate: str | None = None) -> torch.Tensor:
    # the spec's exact form reaches Python as None; torch spells it "none"
    return F.gelu(x, approximate="none" if approximate is None else approximate)
