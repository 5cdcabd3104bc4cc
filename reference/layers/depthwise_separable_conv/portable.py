"""Depthwise separable convolution on any array namespace: per-channel taps, then one matmul."""

from __future__ import annotations

from typing import Any

import array_api_extra as xpx

from mlcanon_reference.layers._portable import check_int, window_count


def depthwise_separable_conv(xp: Any, x: Any, depthwise_weight: Any, pointwise_weight: Any,
                             depthwise_bias: Any = None, pointwise_bias: Any = None, *,
                             stride: int = 1, padding: int = 0, dilation: int = 1) -> Any:
    if x.ndim != 4 or depthwise_weight.ndim != 4 or pointwise_weight.ndim != 4 or \
            tuple(depthwise_weight.shape[:2]) != (x.shape[1], 1) or \
            tuple(pointwise_weight.shape[1:]) != (x.shape[1], 1, 1):
        msg = (f"x {tuple(x.shape)}, depthwise {tuple(depthwise_weight.shape)} (C, 1, k, k) and "
               f"pointwise {tuple(pointwise_weight.shape)} (C_out, C, 1, 1) do not fit")
        raise ValueError(msg)
    stride, dilation = check_int(stride, "stride", 1), check_int(dilation, "dilation", 1)
    padding = check_int(padding, "padding", 0)
    n, c, h, w = x.shape
    _, _, kh, kw = depthwise_weight.shape
    ho = window_count(h, dilation * (kh - 1) + 1, stride, padding, "kernel span")
    wo = window_count(w, dilation * (kw - 1) + 1, stride, padding, "kernel span")
    if padding:
        x = xpx.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)), xp=xp)
    depth = None
    for u in range(kh):
        for v in range(kw):
            tap = x[:, :, u * dilation:u * dilation + (ho - 1) * stride + 1:stride,
                    v * dilation:v * dilation + (wo - 1) * stride + 1:stride]
            term = tap * xp.reshape(depthwise_weight[:, 0, u, v], (c, 1, 1))
            depth = term if depth is None else depth + term
    if depthwise_bias is not None:
        depth = depth + xp.reshape(depthwise_bias, (c, 1, 1))
    o = pointwise_weight.shape[0]
    y = xp.matmul(xp.reshape(pointwise_weight, (o, c)), xp.reshape(depth, (n, c, ho * wo)))
    y = xp.reshape(y, (n, o, ho, wo))
    return y if pointwise_bias is None else y + xp.reshape(pointwise_bias, (o, 1, 1))
