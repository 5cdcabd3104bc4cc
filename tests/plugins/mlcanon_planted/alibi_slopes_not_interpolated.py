"""Planted bug: ALiBi slopes 2^(-8(h+1)/H) for every head count, without the paper's rule
for H not a power of two (the slopes of the power below, then every other slope of the
power above)."""

import numpy as np


def alibi(q, k, v, *, is_causal=True, scale=None):
    heads = q.shape[-3]
    slopes = 2.0 ** (-8.0 * np.arange(1, heads + 1) / heads)  # the bug for heads = 3, 6, 12
    factor = 1.0 / np.sqrt(q.shape[-1]) if scale is None else scale
    lq, lk = q.shape[-2], k.shape[-2]
    distance = np.abs(np.arange(lq)[:, None] - np.arange(lk)[None, :])
    scores = (q @ np.swapaxes(k, -1, -2)) * factor - slopes[:, None, None] * distance
    if is_causal:
        scores = np.where(np.arange(lk)[None, :] <= np.arange(lq)[:, None], scores, -np.inf)
    scores = scores - np.max(scores, axis=-1, keepdims=True)
    e = np.exp(scores)
    return ((e / np.sum(e, axis=-1, keepdims=True)) @ v).astype(q.dtype)
