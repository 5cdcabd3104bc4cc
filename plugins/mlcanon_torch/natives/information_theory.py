"""Information theory in PyTorch."""

from __future__ import annotations

import math

import torch


def _log_base(base: float | str) -> float:
    return 1.0 if base == "e" else math.log(base)


def entropy(p: torch.Tensor, *, axis: int = -1, base: float | str = "e") -> torch.Tensor:
    # entr(0) = 0; + 0.0 turns the -0.0 of entr(1) into +0.0
    return (torch.special.entr(p).sum(dim=axis) + 0.0) / _log_base(base)


def kl_divergence(p: torch.Tensor, q: torch.Tensor, *, axis: int = -1,
                  base: float | str = "e") -> torch.Tensor:
    # F.kl_div(q.log(), p) computes the same sum but gives nan where p = q = 0, so the
    # terms are written out as scipy's rel_entr: 0 where p = 0, +inf where p > 0 = q.
    positive = p > 0
    ratio = torch.where(positive, p, 1.0) / torch.where(positive, q, 1.0)
    terms = torch.where(positive, p * torch.log(ratio), 0.0)
    return terms.sum(dim=axis) / _log_base(base)
