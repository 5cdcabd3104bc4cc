"""Planted bug: the causal mask points the wrong way (keys after the query are kept)."""

import numpy as np

from mlcanon_numpy.concepts import attention_transformer as correct


def scaled_dot_product_attention(q, k, v, mask=None, *, is_causal=False, scale=None):
    if is_causal:
        lq, lk = q.shape[-2], k.shape[-2]
        inverted = np.triu(np.ones((lq, lk), dtype=bool))
        mask = inverted if mask is None else (mask & inverted)
    return correct.scaled_dot_product_attention(q, k, v, mask, scale=scale)
