"""Losses in PyTorch."""

from __future__ import annotations

import torch
import torch.nn.functional as F


def _native(reduction: str | None) -> str:
    return "none" if reduction is None else reduction  # None is the spec's "none"


def _same_shape(a: torch.Tensor, b: torch.Tensor) -> None:
    if a.shape != b.shape:  # torch MSELoss only warns and broadcasts
        msg = f"input shape {tuple(a.shape)} and target shape {tuple(b.shape)} differ"
        raise ValueError(msg)


def mse_loss(pred: torch.Tensor, target: torch.Tensor, *, reduction: str | None = "mean"
             ) -> torch.Tensor:
    _same_shape(pred, target)
    return F.mse_loss(pred, target, reduction=_native(reduction))


def binary_cross_entropy(p: torch.Tensor, y: torch.Tensor, *, reduction: str | None = "mean"
                         ) -> torch.Tensor:
    # native BCELoss clamps each log at -100 (a known deviation for p = 1 - y in {0, 1});
    # adding +0.0 turns its -0.0 for a perfect p = y = 1 into +0.0
    return F.binary_cross_entropy(p, y, reduction=_native(reduction)) + 0.0


def bce_with_logits(logits: torch.Tensor, y: torch.Tensor, *, reduction: str | None = "mean"
                    ) -> torch.Tensor:
    return F.binary_cross_entropy_with_logits(logits, y, reduction=_native(reduction))


def cross_entropy_from_logits(logits: torch.Tensor, target: torch.Tensor, *,
                              reduction: str | None = "mean") -> torch.Tensor:
    n_classes = logits.shape[-1]
    if logits.shape[:-1] != target.shape:
        msg = (f"logits {tuple(logits.shape)} need a target of shape "
               f"{tuple(logits.shape[:-1])}, got {tuple(target.shape)}")
        raise ValueError(msg)
    # validated up front: F.cross_entropy silently ignores -100 (its ignore_index)
    if target.numel() and (int(target.min()) < 0 or int(target.max()) >= n_classes):
        msg = f"class indices must lie in [0, {n_classes})"
        raise IndexError(msg)
    # classes last, flattened to (N, V): F.cross_entropy wants the classes on axis 1
    loss = F.cross_entropy(logits.reshape(-1, n_classes), target.reshape(-1),
                           reduction=_native(reduction))
    return loss.reshape(target.shape) if _native(reduction) == "none" else loss
