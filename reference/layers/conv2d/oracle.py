"""The oracle of conv2d: the plain formula (mpmath unless marked)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.layers._oracle import out_size, pad, pair


@oracle("conv2d")
def conv2d(x: np.ndarray, weight: np.ndarray, bias: np.ndarray | None = None, *,
           stride: Any = 1, padding: Any = 0, dilation: Any = 1) -> np.ndarray:
    (sh, sw), (ph, pw), (dh, dw) = (pair(stride, "stride"), pair(padding, "padding"),
                                    pair(dilation, "dilation"))
    n, c, h, w = x.shape
    o, c_w, kh, kw = weight.shape
    if c != c_w:
        msg = f"x has {c} channels, weight expects {c_w}"
        raise ValueError(msg)
    oh, ow = out_size(h, kh, sh, ph, dh), out_size(w, kw, sw, pw, dw)
    xp = pad(x, ph, pw, mpa.mpf(0))
    y = np.empty((n, o, oh, ow), dtype=object)
    for b, k, i, j in np.ndindex(n, o, oh, ow):
        # cross-correlation: the kernel is not flipped
        total = mpa.mpf(0) if bias is None else bias[k]
        for ch, u, v in np.ndindex(c, kh, kw):
            total += weight[k, ch, u, v] * xp[b, ch, i * sh + u * dh, j * sw + v * dw]
        y[b, k, i, j] = total
    return y
