"""Language-model metrics in PyTorch."""

from __future__ import annotations

import torch


def perplexity(log_probs: torch.Tensor, *, axis: int = -1,
               log_base: float | str = "e") -> torch.Tensor:
    nll = -log_probs.mean(dim=axis)
    return torch.exp(nll) if log_base == "e" else torch.pow(float(log_base), nll)
