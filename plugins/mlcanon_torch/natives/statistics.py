"""PyTorch native bindings: statistics (torch has no t-test nor Student t CDF)."""

from __future__ import annotations

import torch

from mlcanon import native


@native("torch.var")
def variance(x: torch.Tensor, *, axis: int | None = None, ddof: int = 0) -> torch.Tensor:
    # torch.var defaults to correction = 1 (the sample variance): pass ddof through
    return torch.var(x, dim=axis, correction=ddof)
