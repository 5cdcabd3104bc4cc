"""Planted bug: sequence packing that forgets the document mask, so every token attends
causally to everything before it in the packed row, earlier documents included (what
packing with only a causal mask does, e.g. naive packing=True without position_ids)."""

import numpy as np


def document_mask_packing(q, k, v, doc_ids, *, is_causal=True, scale=None):
    factor = 1.0 / np.sqrt(q.shape[-1]) if scale is None else scale
    scores = (q @ np.swapaxes(k, -1, -2)) * factor
    length = scores.shape[-1]
    allowed = np.ones(scores.shape, dtype=bool)  # the bug: doc_ids never consulted
    if is_causal:
        allowed = allowed & (np.arange(length)[None, :] <= np.arange(length)[:, None])
    shift = np.max(np.where(allowed, scores, -np.inf), axis=-1, keepdims=True)
    e = np.where(allowed, np.exp(np.where(allowed, scores - shift, 0.0)), 0.0)
    weights = e / np.sum(e, axis=-1, keepdims=True)
    return (weights @ v).astype(q.dtype)
