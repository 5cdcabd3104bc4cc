"""The oracle of pooling: the plain formula (mpmath unless marked)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.layers._oracle import out_size, pad, pair


@oracle("pooling")
def pooling(x: np.ndarray, *, kind: str = "max", kernel_size: Any = 2, stride: Any = None,
            padding: Any = 0) -> np.ndarray:
    if kind not in ("max", "avg"):
        msg = f"kind must be 'max' or 'avg', got {kind!r}"
        raise ValueError(msg)
    kh, kw = pair(kernel_size, "kernel_size")
    sh, sw = pair(kernel_size if stride is None else stride, "stride")
    ph, pw = pair(padding, "padding")
    if ph > kh // 2 or pw > kw // 2:
        msg = f"padding {padding} exceeds half the kernel {kernel_size}"
        raise ValueError(msg)
    n, c, h, w = x.shape
    oh, ow = out_size(h, kh, sh, ph), out_size(w, kw, sw, pw)
    # max pools over -inf padding (never chosen), avg counts zero padding in its divisor
    xp = pad(x, ph, pw, mpa.mpf("-inf") if kind == "max" else mpa.mpf(0))
    y = np.empty((n, c, oh, ow), dtype=object)
    for b, ch, i, j in np.ndindex(n, c, oh, ow):
        window = [xp[b, ch, i * sh + u, j * sw + v] for u, v in np.ndindex(kh, kw)]
        if kind == "avg":
            y[b, ch, i, j] = sum(window, mpa.mpf(0)) / (kh * kw)
        elif any(mpa.mp.isnan(value) for value in window):
            y[b, ch, i, j] = mpa.mpf("nan")
        else:
            y[b, ch, i, j] = max(window)
    return y
