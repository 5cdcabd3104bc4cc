"""Causal masking on any array namespace: block keys j with j - i >= diagonal, softmax the rest."""

from __future__ import annotations

import math
from typing import Any

from array_api_compat import device


def causal_mask(xp: Any, scores: Any, *, diagonal: int = 1) -> Any:
    if scores.ndim < 2:
        msg = f"scores need two axes (..., Lq, Lk), got shape {tuple(scores.shape)}"
        raise ValueError(msg)
    lq, lk = scores.shape[-2], scores.shape[-1]
    i = xp.arange(lq, device=device(scores))[:, None]
    j = xp.arange(lk, device=device(scores))[None, :]
    allowed = xp.broadcast_to((j - i) < diagonal, scores.shape)  # triu(ones, diagonal) is blocked
    some = xp.any(allowed, axis=-1, keepdims=True)
    # the shift is the max over the visible keys only, so a blocked key with a huge score
    # cannot push the visible ones into underflow
    shift = xp.max(xp.where(allowed, scores, -math.inf), axis=-1, keepdims=True)
    shift = xp.where(some, shift, 0.0)
    e = xp.where(allowed, xp.exp(xp.where(allowed, scores - shift, 0.0)), 0.0)
    total = xp.sum(e, axis=-1, keepdims=True)
    return e / xp.where(some, total, 1.0)
