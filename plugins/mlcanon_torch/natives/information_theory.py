"""PyTorch native bindings: information theory (entropy has no torch op)."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from mlcanon import native


@native("torch.nn.functional.kl_div", only={"base": "e"})
def kl_divergence(p: torch.Tensor, q: torch.Tensor, *, axis: int = -1,
                  base: float | str = "e") -> torch.Tensor:
    # F.kl_div(input, target) takes input = log q and target = p; per-row sums need 'none'
    return F.kl_div(torch.log(q), p, reduction="none").sum(dim=axis)
