"""Layers in PyTorch: torch.nn.functional, with shapes checked up front.

torch reports bad shapes as RuntimeError (and bad ids on CUDA as a device assert that
poisons the context), so every function validates first and raises the canon's error.
"""

from __future__ import annotations

from typing import Any

import torch
import torch.nn.functional as F


def _pair(value: Any, what: str) -> tuple[int, int]:
    pair = (value, value) if isinstance(value, int) else tuple(value)
    if len(pair) != 2:
        msg = f"{what} must be an int or a pair of ints, got {value!r}"
        raise ValueError(msg)
    return int(pair[0]), int(pair[1])


def _check_bias(bias: torch.Tensor | None, out_features: int) -> None:
    if bias is not None and tuple(bias.shape) != (out_features,):
        msg = f"bias shape {tuple(bias.shape)} must be ({out_features},)"
        raise ValueError(msg)


def _check_window(x: torch.Tensor, kernel: tuple[int, int], stride: tuple[int, int],
                  padding: tuple[int, int], dilation: tuple[int, int]) -> None:
    if min(stride) < 1 or min(dilation) < 1 or min(padding) < 0:
        msg = f"stride {stride} and dilation {dilation} must be >= 1, padding {padding} >= 0"
        raise ValueError(msg)
    for axis in (0, 1):
        span = dilation[axis] * (kernel[axis] - 1) + 1
        if span > x.shape[2 + axis] + 2 * padding[axis]:
            msg = f"kernel span {span} exceeds the padded input {tuple(x.shape[2:])} + 2·{padding}"
            raise ValueError(msg)


def linear_layer(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None
                 ) -> torch.Tensor:
    if weight.ndim != 2 or x.ndim < 1 or x.shape[-1] != weight.shape[1]:
        msg = f"x {tuple(x.shape)} does not match weight {tuple(weight.shape)} (out, in)"
        raise ValueError(msg)
    _check_bias(bias, weight.shape[0])
    return F.linear(x, weight, bias)


def conv2d(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None, *,
           stride: Any = 1, padding: Any = 0, dilation: Any = 1) -> torch.Tensor:
    if x.ndim != 4 or weight.ndim != 4 or x.shape[1] != weight.shape[1]:
        msg = f"x {tuple(x.shape)} (N, C, H, W) does not match weight {tuple(weight.shape)}"
        raise ValueError(msg)
    _check_bias(bias, weight.shape[0])
    steps, pad, dil = _pair(stride, "stride"), _pair(padding, "padding"), _pair(dilation,
                                                                               "dilation")
    _check_window(x, tuple(weight.shape[2:]), steps, pad, dil)
    return F.conv2d(x, weight, bias, stride=steps, padding=pad, dilation=dil)


def pooling(x: torch.Tensor, *, kind: str = "max", kernel_size: Any = 2, stride: Any = None,
            padding: Any = 0) -> torch.Tensor:
    if kind not in ("max", "avg"):
        msg = f"kind must be 'max' or 'avg', got {kind!r}"
        raise ValueError(msg)
    if x.ndim != 4:
        msg = f"x must be (N, C, H, W), got shape {tuple(x.shape)}"
        raise ValueError(msg)
    kernel, pad = _pair(kernel_size, "kernel_size"), _pair(padding, "padding")
    steps = kernel if stride is None else _pair(stride, "stride")
    if pad[0] > kernel[0] // 2 or pad[1] > kernel[1] // 2:
        msg = f"padding {padding} exceeds half the kernel {kernel_size}"
        raise ValueError(msg)
    _check_window(x, kernel, steps, pad, (1, 1))
    if kind == "max":
        return F.max_pool2d(x, kernel, steps, pad)
    return F.avg_pool2d(x, kernel, steps, pad, ceil_mode=False, count_include_pad=True)


def dropout(x: torch.Tensor, *, p: float = 0.5, training: bool = True,
            seed: int = 0) -> torch.Tensor:
    # F.dropout takes no generator: seed the default one inside a fork that restores it
    devices = [x.device] if x.device.type != "cpu" else []
    with torch.random.fork_rng(devices=devices, device_type=x.device.type):
        torch.manual_seed(seed)
        return F.dropout(x, p=p, training=training)


def embedding_lookup(weight: torch.Tensor, ids: torch.Tensor) -> torch.Tensor:
    if weight.ndim != 2:
        msg = f"weight must be (num_embeddings, dim), got shape {tuple(weight.shape)}"
        raise ValueError(msg)
    if ids.numel() and (int(ids.min()) < 0 or int(ids.max()) >= weight.shape[0]):
        msg = f"ids must lie in [0, {weight.shape[0]}), got {int(ids.min())} .. {int(ids.max())}"
        raise IndexError(msg)
    return F.embedding(ids, weight)
