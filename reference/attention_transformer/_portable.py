"""Helpers that several attention portable implementations share (array API code, no oracle)."""

from __future__ import annotations

import math
from typing import Any


def softmax_last(xp: Any, scores: Any) -> Any:
    """Softmax over the last axis (the keys), shifted by each row's max."""
    e = xp.exp(scores - xp.max(scores, axis=-1, keepdims=True))
    return e / xp.sum(e, axis=-1, keepdims=True)


def masked_softmax_last(xp: Any, scores: Any, allowed: Any) -> Any:
    """Softmax over the last axis restricted to the keys ``allowed`` marks True.

    ``allowed`` broadcasts against ``scores``. A row with no allowed key gets all-zero
    weights (no NaN in its value or its gradient).
    """
    allowed = xp.broadcast_to(allowed, scores.shape)
    some = xp.any(allowed, axis=-1, keepdims=True)
    # the shift is the max over the allowed keys only: a masked key with the top score
    # must not push the allowed ones into underflow
    shift = xp.max(xp.where(allowed, scores, -math.inf), axis=-1, keepdims=True)
    shift = xp.where(some, shift, 0.0)
    # exp sees 0 at blocked keys (never -inf - -inf), so a fully masked row has no NaN in
    # its value or its gradient; its weights are all 0 and its output row is zero
    e = xp.where(allowed, xp.exp(xp.where(allowed, scores - shift, 0.0)), 0.0)
    total = xp.sum(e, axis=-1, keepdims=True)
    return e / xp.where(some, total, 1.0)


def rotate_pairs(xp: Any, x: Any, cos: Any, sin: Any, pairing: str) -> Any:
    """Rotate x's feature pairs by the angles whose cos and sin are given (one per pair):
    pairs (2i, 2i+1) when ``pairing`` is "interleaved", (i, i + d/2) when it is "half"."""
    d = x.shape[-1]
    if pairing == "interleaved":
        first, second = x[..., 0::2], x[..., 1::2]
    else:
        first, second = x[..., : d // 2], x[..., d // 2 :]
    new_first = first * cos - second * sin
    new_second = first * sin + second * cos
    if pairing == "half":
        return xp.concat([new_first, new_second], axis=-1)
    pairs = xp.stack([new_first, new_second], axis=-1)  # (..., d/2, 2) back to 2i, 2i+1
    return xp.reshape(pairs, (*pairs.shape[:-2], d))
