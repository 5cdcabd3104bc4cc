"""Normalization in PyTorch."""

from __future__ import annotations

import torch
import torch.nn.functional as F


def _check_feature_vector(name: str, value: torch.Tensor | None, size: int) -> None:
    # torch reports these as RuntimeError; the canon says ValueError, checked up front
    if value is not None and tuple(value.shape) != (size,):
        msg = f"{name} has shape {tuple(value.shape)}, expected ({size},)"
        raise ValueError(msg)


def standardize(x: torch.Tensor, *, axis: int = 0, ddof: int = 0,
                eps: float = 1e-12) -> torch.Tensor:
    n = x.shape[axis]
    if n - ddof <= 0:
        msg = f"ddof={ddof} leaves no degrees of freedom for {n} values along axis {axis}"
        raise ValueError(msg)
    # torch.std defaults to correction=1; the canon's ddof=0 must be passed explicitly
    std, mean = torch.std_mean(x, dim=axis, correction=ddof, keepdim=True)
    return (x - mean) / (std + eps)


def layer_norm(x: torch.Tensor, weight: torch.Tensor | None = None,
               bias: torch.Tensor | None = None, *, eps: float = 1e-5) -> torch.Tensor:
    d = x.shape[-1]
    _check_feature_vector("weight", weight, d)
    _check_feature_vector("bias", bias, d)
    return F.layer_norm(x, (d,), weight, bias, eps)


def rms_norm(x: torch.Tensor, weight: torch.Tensor | None = None, *,
             eps: float = 1e-6) -> torch.Tensor:
    d = x.shape[-1]
    _check_feature_vector("weight", weight, d)
    # eps=None would mean finfo(dtype).eps; the canon's 1e-6 is passed explicitly
    return F.rms_norm(x, (d,), weight, eps)


def batch_norm(x: torch.Tensor, running_mean: torch.Tensor, running_var: torch.Tensor,
               weight: torch.Tensor | None = None, bias: torch.Tensor | None = None, *,
               eps: float = 1e-5, momentum: float = 0.1) -> tuple[torch.Tensor, ...]:
    if x.dim() < 2:
        msg = f"batch_norm needs (N, C, ...) input, got shape {tuple(x.shape)}"
        raise ValueError(msg)
    channels = x.shape[1]
    for name, value in [("running_mean", running_mean), ("running_var", running_var),
                        ("weight", weight), ("bias", bias)]:
        _check_feature_vector(name, value, channels)
    if x.numel() // channels <= 1:
        msg = f"batch statistics need more than one value per channel, got {tuple(x.shape)}"
        raise ValueError(msg)
    y = F.batch_norm(x, None, None, weight, bias, training=True, eps=eps)
    # F.batch_norm's in-place buffer update would store the unbiased variance; the canon
    # averages the biased one that normalized the batch, so the update is done here.
    axes = [0, *range(2, x.dim())]
    var, mean = torch.var_mean(x, dim=axes, correction=0)
    new_mean = (1 - momentum) * running_mean + momentum * mean
    new_var = (1 - momentum) * running_var + momentum * var
    return y, new_mean, new_var
