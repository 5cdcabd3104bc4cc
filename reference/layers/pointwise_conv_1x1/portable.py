"""A 1x1 convolution on any array namespace: one matmul over the channel axis."""

from __future__ import annotations

from typing import Any


def pointwise_conv_1x1(xp: Any, x: Any, weight: Any, bias: Any = None) -> Any:
    if x.ndim != 4 or weight.ndim != 4 or tuple(weight.shape[1:]) != (x.shape[1], 1, 1):
        msg = (f"weight {tuple(weight.shape)} must be (C_out, {x.shape[1] if x.ndim else '?'}, "
               f"1, 1) for x {tuple(x.shape)} (N, C, H, W)")
        raise ValueError(msg)
    if bias is not None and tuple(bias.shape) != (weight.shape[0],):
        msg = f"bias shape {tuple(bias.shape)} must be ({weight.shape[0]},)"
        raise ValueError(msg)
    n, c, h, w = x.shape
    o = weight.shape[0]
    y = xp.matmul(xp.reshape(weight, (o, c)), xp.reshape(x, (n, c, h * w)))  # (N, O, H*W)
    y = xp.reshape(y, (n, o, h, w))
    return y if bias is None else y + xp.reshape(bias, (o, 1, 1))
