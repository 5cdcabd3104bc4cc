"""Planted bug: prefix tuning with is_causal's top-left tril over the prefixed keys, so
query i sees only the first i + 1 of [prefix; keys] instead of the whole prefix and the
keys up to its own position."""

import numpy as np


def prefix_tuning(q, k, v, prefix_k, prefix_v, *, causal=False):
    n = k.shape[0]
    keys = np.concatenate([np.broadcast_to(prefix_k, (n, *prefix_k.shape)), k], axis=-2)
    values = np.concatenate([np.broadcast_to(prefix_v, (n, *prefix_v.shape)), v], axis=-2)
    scores = q @ np.swapaxes(keys, -1, -2) / np.sqrt(np.asarray(q.shape[-1], dtype=q.dtype))
    if causal:
        # the bug: top-left aligned, as F.scaled_dot_product_attention(is_causal=True) is
        visible = np.tril(np.ones((q.shape[-2], keys.shape[-2]), dtype=bool))
        scores = np.where(visible, scores, -np.inf)
    scores = scores - np.max(scores, axis=-1, keepdims=True)
    e = np.exp(scores)
    return ((e / np.sum(e, axis=-1, keepdims=True)) @ values).astype(q.dtype)
