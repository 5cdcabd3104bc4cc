"""Max and average pooling (NCHW) on any array namespace: windows gathered by strided slicing."""

from __future__ import annotations

import math
from typing import Any

import array_api_extra as xpx

from mlcanon_reference.layers._portable import pair, window_count


def _out_size(size: int, kernel: int, stride: int, padding: int) -> int:
    if stride < 1 or kernel < 1:
        msg = f"kernel_size {kernel} and stride {stride} must be >= 1"
        raise ValueError(msg)
    if not 0 <= padding <= kernel // 2:  # torch's rule: no window made only of padding
        msg = f"padding {padding} must lie in [0, kernel_size // 2 = {kernel // 2}]"
        raise ValueError(msg)
    return window_count(size, kernel, stride, padding, "kernel size")


def pooling(xp: Any, x: Any, *, kind: str = "max", kernel_size: Any = 2, stride: Any = None,
            padding: Any = 0) -> Any:
    if kind not in ("max", "avg"):
        msg = f"kind must be 'max' or 'avg', got {kind!r}"
        raise ValueError(msg)
    if x.ndim != 4:
        msg = f"pooling needs (N, C, H, W) input, got shape {tuple(x.shape)}"
        raise ValueError(msg)
    kh, kw = pair(kernel_size, "kernel_size")
    sh, sw = (kh, kw) if stride is None else pair(stride, "stride")
    ph, pw = pair(padding, "padding")
    ho = _out_size(x.shape[2], kh, sh, ph)
    wo = _out_size(x.shape[3], kw, sw, pw)
    if ph or pw:
        # max pads with -inf so padding never wins; avg pads with zeros and counts them
        fill = -math.inf if kind == "max" else 0.0
        x = xpx.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), constant_values=fill, xp=xp)
    taps = [x[:, :, u:u + (ho - 1) * sh + 1:sh, v:v + (wo - 1) * sw + 1:sw]
            for u in range(kh) for v in range(kw)]
    windows = xp.stack(taps, axis=-1)  # (N, C, Ho, Wo, kh*kw)
    if kind == "max":
        return xp.max(windows, axis=-1)  # propagates NaN, unlike a chain of comparisons
    return xp.mean(windows, axis=-1)
