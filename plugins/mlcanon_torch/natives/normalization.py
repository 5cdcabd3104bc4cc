"""PyTorch native bindings: normalization (standardize has no torch op)."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from mlcanon import native


@native("torch.nn.functional.layer_norm")
def layer_norm(x: torch.Tensor, weight: torch.Tensor | None = None,
               bias: torch.Tensor | None = None, *, eps: float = 1e-5) -> torch.Tensor:
    return F.layer_norm(x, x.shape[-1:], weight, bias, eps)


@native("torch.nn.functional.rms_norm")
def rms_norm(x: torch.Tensor, weight: torch.Tensor | None = None, *,
             eps: float = 1e-6) -> torch.Tensor:
    return F.rms_norm(x, x.shape[-1:], weight, eps)


@native("torch.nn.functional.batch_norm")
def batch_norm(x: torch.Tensor, running_mean: torch.Tensor, running_var: torch.Tensor,
               weight: torch.Tensor | None = None, bias: torch.Tensor | None = None, *,
               eps: float = 1e-5, momentum: float = 0.1) -> tuple[torch.Tensor, ...]:
    # F.batch_norm updates the running statistics in place: it gets copies
    new_mean, new_var = running_mean.clone(), running_var.clone()
    y = F.batch_norm(x, new_mean, new_var, weight, bias, training=True, momentum=momentum,
                     eps=eps)
    return y, new_mean, new_var
