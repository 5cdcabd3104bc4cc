"""Planted bug: group norm with the sample variance (ddof = 1), as x.var() in torch gives."""

import numpy as np


def group_norm(x, weight=None, bias=None, *, num_groups=32, eps=1e-5):
    n, c = x.shape[0], x.shape[1]
    grouped = x.reshape(n, num_groups, -1)
    mean = grouped.mean(axis=-1, keepdims=True)
    var = grouped.var(axis=-1, ddof=1, keepdims=True)
    y = ((grouped - mean) / np.sqrt(var + eps)).reshape(x.shape)
    shape = (1, c) + (1,) * (x.ndim - 2)
    if weight is not None:
        y = y * weight.reshape(shape)
    if bias is not None:
        y = y + bias.reshape(shape)
    return y.astype(x.dtype)
