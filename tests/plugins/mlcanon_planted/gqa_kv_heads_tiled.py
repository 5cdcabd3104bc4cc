"""Planted bug: grouped-query attention that tiles the kv heads (k.repeat) instead of
repeating each in place (repeat_interleave), so query head h reads kv head h mod Hkv."""

import numpy as np


def gqa(q, k, v, mask=None, *, is_causal=False, scale=None):
    hq, hkv = q.shape[-3], k.shape[-3]
    reps = hq // hkv
    k = np.concatenate([k] * reps, axis=-3)  # the bug: tile order
    v = np.concatenate([v] * reps, axis=-3)
    factor = 1.0 / np.sqrt(q.shape[-1]) if scale is None else scale
    scores = (q @ np.swapaxes(k, -1, -2)) * factor
    lq, lk = scores.shape[-2:]
    allowed = np.ones(scores.shape, dtype=bool)
    if mask is not None:
        allowed = allowed & np.asarray(mask, dtype=bool)
    if is_causal:
        allowed = allowed & (np.arange(lk)[None, :] <= np.arange(lq)[:, None])
    shift = np.max(np.where(allowed, scores, -np.inf), axis=-1, keepdims=True)
    shift = np.where(np.isfinite(shift), shift, 0.0)
    e = np.where(allowed, np.exp(np.where(allowed, scores - shift, 0.0)), 0.0)
    total = np.sum(e, axis=-1, keepdims=True)
    weights = e / np.where(total > 0, total, 1.0)
    return (weights @ v).astype(q.dtype)
