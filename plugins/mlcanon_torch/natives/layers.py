"""PyTorch native bindings: layers (torch.nn.functional)."""

from __future__ import annotations

from typing import Any

import torch
import torch.nn.functional as F

from mlcanon import native


@native("torch.nn.functional.linear")
def linear_layer(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None
                 ) -> torch.Tensor:
    return F.linear(x, weight, bias)


@native("torch.nn.functional.conv2d")
def conv2d(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None, *,
           stride: Any = 1, padding: Any = 0, dilation: Any = 1) -> torch.Tensor:
    return F.conv2d(x, weight, bias, stride=stride, padding=padding, dilation=dilation)


_POOLS = {"max": F.max_pool2d, "avg": F.avg_pool2d}


@native("torch.nn.functional.max_pool2d / avg_pool2d", only={"kind": tuple(_POOLS)})
def pooling(x: torch.Tensor, *, kind: str = "max", kernel_size: Any = 2, stride: Any = None,
            padding: Any = 0) -> torch.Tensor:
    return _POOLS[kind](x, kernel_size, stride, padding)


@native("torch.nn.functional.dropout")
def dropout(x: torch.Tensor, *, p: float = 0.5, training: bool = True,
            seed: int = 0) -> torch.Tensor:
    # F.dropout takes no generator: seed the default one inside a fork that restores it
    devices = [x.device] if x.device.type != "cpu" else []
    with torch.random.fork_rng(devices=devices, device_type=x.device.type):
        torch.manual_seed(seed)
        return F.dropout(x, p=p, training=training)


@native("torch.nn.functional.embedding")
def embedding_lookup(weight: torch.Tensor, ids: torch.Tensor) -> torch.Tensor:
    return F.embedding(ids, weight)
