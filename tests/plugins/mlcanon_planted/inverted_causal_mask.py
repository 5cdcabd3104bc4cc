"""Planted bug: the causal mask points the wrong way (keys after the query are kept)."""

import numpy as np


def scaled_dot_product_attention(q, k, v, mask=None, *, is_causal=False, scale=None):
    lq, lk = q.shape[-2], k.shape[-2]
    allowed = np.ones((lq, lk), dtype=bool) if mask is None else np.asarray(mask, dtype=bool)
    if is_causal:
        allowed = allowed & np.triu(np.ones((lq, lk), dtype=bool))  # should be tril
    factor = 1.0 / np.sqrt(q.shape[-1]) if scale is None else scale
    scores = (q @ np.swapaxes(k, -1, -2)) * np.asarray(factor, dtype=q.dtype)
    allowed = np.broadcast_to(allowed, scores.shape)
    some = np.any(allowed, axis=-1, keepdims=True)
    shift = np.where(some, np.max(np.where(allowed, scores, -np.inf), axis=-1, keepdims=True), 0)
    e = np.where(allowed, np.exp(np.where(allowed, scores - shift, 0)), 0)
    weights = e / np.where(some, np.sum(e, axis=-1, keepdims=True), 1)
    return (weights @ v).astype(q.dtype)
