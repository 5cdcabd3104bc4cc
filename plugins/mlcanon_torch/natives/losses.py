"""PyTorch native bindings: losses (torch.nn.functional)."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from mlcanon import native


def _reduction(reduction: str | None) -> str:
    return "none" if reduction is None else reduction  # the spec's "none" arrives as None


@native("torch.nn.functional.mse_loss")
def mse_loss(pred: torch.Tensor, target: torch.Tensor, *, reduction: str | None = "mean"
             ) -> torch.Tensor:
    return F.mse_loss(pred, target, reduction=_reduction(reduction))


@native("torch.nn.functional.binary_cross_entropy")
def binary_cross_entropy(p: torch.Tensor, y: torch.Tensor, *, reduction: str | None = "mean"
                         ) -> torch.Tensor:
    return F.binary_cross_entropy(p, y, reduction=_reduction(reduction))


@native("torch.nn.functional.binary_cross_entropy_with_logits")
def bce_with_logits(logits: torch.Tensor, y: torch.Tensor, *, reduction: str | None = "mean"
                    ) -> torch.Tensor:
    return F.binary_cross_entropy_with_logits(logits, y, reduction=_reduction(reduction))


@native("torch.nn.functional.cross_entropy")
def cross_entropy_from_logits(logits: torch.Tensor, target: torch.Tensor, *,
                              reduction: str | None = "mean") -> torch.Tensor:
    # F.cross_entropy wants the classes on axis 1: flatten (..., V) to (N, V) and back
    n_classes = logits.shape[-1]
    loss = F.cross_entropy(logits.reshape(-1, n_classes), target.reshape(-1),
                           reduction=_reduction(reduction))
    return loss.reshape(target.shape) if _reduction(reduction) == "none" else loss
