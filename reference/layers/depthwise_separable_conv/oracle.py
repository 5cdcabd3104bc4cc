"""The oracle of depthwise_separable_conv: per-channel filtering, then channel mixing (mpmath)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.layers._oracle import out_size, pad


@oracle("depthwise_separable_conv")
def depthwise_separable_conv(x: np.ndarray, depthwise_weight: np.ndarray,
                             pointwise_weight: np.ndarray,
                             depthwise_bias: np.ndarray | None = None,
                             pointwise_bias: np.ndarray | None = None, *, stride: Any = 1,
                             padding: Any = 0, dilation: Any = 1) -> np.ndarray:
    n, c, h, w = x.shape
    _, _, kh, kw = depthwise_weight.shape
    if depthwise_weight.shape[:2] != (c, 1) or pointwise_weight.shape[1:] != (c, 1, 1):
        msg = (f"weights {depthwise_weight.shape} and {pointwise_weight.shape} do not fit "
               f"{c} channels")
        raise ValueError(msg)
    oh = out_size(h, kh, stride, padding, dilation)
    ow = out_size(w, kw, stride, padding, dilation)
    xp = pad(x, padding, padding, mpa.mpf(0))
    depth = np.empty((n, c, oh, ow), dtype=object)
    for b, ch, i, j in np.ndindex(n, c, oh, ow):
        total = mpa.mpf(0) if depthwise_bias is None else depthwise_bias[ch]
        for u, v in np.ndindex(kh, kw):
            total += depthwise_weight[ch, 0, u, v] * \
                xp[b, ch, i * stride + u * dilation, j * stride + v * dilation]
        depth[b, ch, i, j] = total
    y = np.empty((n, pointwise_weight.shape[0], oh, ow), dtype=object)
    for b, o, i, j in np.ndindex(*y.shape):
        total = mpa.mpf(0) if pointwise_bias is None else pointwise_bias[o]
        for ch in range(c):
            total += pointwise_weight[o, ch, 0, 0] * depth[b, ch, i, j]
        y[b, o, i, j] = total
    return y
