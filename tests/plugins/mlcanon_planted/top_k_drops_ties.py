"""Planted bug: top-k filtering that keeps exactly k tokens by sorted position, so a token
tied with the k-th largest logit is dropped (or kept) by the sort's whim."""

import numpy as np


def top_k_filter(logits, *, k=50):
    order = np.argsort(-logits, axis=-1, kind="stable")
    rank = np.argsort(order, axis=-1, kind="stable")
    filtered = np.where(rank < k, logits, -np.inf).astype(logits.dtype)
    e = np.exp(filtered - np.max(filtered, axis=-1, keepdims=True))
    return filtered, (e / np.sum(e, axis=-1, keepdims=True)).astype(logits.dtype)
