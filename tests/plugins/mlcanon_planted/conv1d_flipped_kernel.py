"""Planted bug: a 1-D "convolution" layer built on np.convolve, which flips the kernel, where
deep-learning layers cross-correlate."""

import numpy as np


def conv1d(x, weight, bias=None, *, stride=1, padding=0, dilation=1, flip_kernel=False):
    n, c, _ = x.shape
    o, _, k = weight.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding)))
    span = dilation * (k - 1) + 1
    out = (xp.shape[-1] - span) // stride + 1
    y = np.zeros((n, o, out), dtype=x.dtype)
    for b in range(n):
        for q in range(o):
            for ch in range(c):
                taps = np.zeros(span, dtype=x.dtype)
                taps[::dilation] = weight[q, ch]
                # the bug: np.convolve flips the taps (and flip_kernel is ignored)
                full = np.convolve(xp[b, ch], taps, mode="valid")
                y[b, q] += full[::stride][:out]
            if bias is not None:
                y[b, q] += bias[q]
    return y
