"""Scaled dot-product attention on any array namespace: masked, max-shifted softmax over keys."""

from __future__ import annotations

import math
from typing import Any

from array_api_compat import device

# the family's shared softmax helpers, under the names other concepts import from here
from mlcanon_reference.attention_transformer._portable import (
    masked_softmax_last as _masked_softmax_last,
)
from mlcanon_reference.attention_transformer._portable import (
    softmax_last as _softmax_last,
)


def scaled_dot_product_attention(xp: Any, q: Any, k: Any, v: Any, mask: Any = None, *,
                                 is_causal: bool = False, scale: float | None = None) -> Any:
    _check_shapes(q, k, v)
    factor = 1.0 / math.sqrt(q.shape[-1]) if scale is None else scale
    scores = (q @ xp.matrix_transpose(k)) * factor
    allowed = _allowed_keys(xp, q.shape[-2], k.shape[-2], mask, is_causal, device(q))
    if allowed is None:
        return _softmax_last(xp, scores) @ v
    return _masked_softmax_last(xp, scores, allowed) @ v


def _check_shapes(q: Any, k: Any, v: Any) -> None:
    if q.ndim < 2 or k.ndim < 2 or v.ndim < 2:
        msg = "q, k and v need at least two axes (..., L, features)"
        raise ValueError(msg)
    if q.shape[-1] != k.shape[-1]:
        msg = f"q and k must have the same feature size, got {q.shape[-1]} and {k.shape[-1]}"
        raise ValueError(msg)
    if k.shape[-2] != v.shape[-2]:
        msg = f"k and v must have the same number of keys, got {k.shape[-2]} and {v.shape[-2]}"
        raise ValueError(msg)


def _allowed_keys(xp: Any, lq: int, lk: int, mask: Any, is_causal: bool,
                  where: Any) -> Any:
    """Boolean (..., Lq, Lk), True where query i may attend to key j; None: every key."""
    allowed = None if mask is None else xp.astype(mask, xp.bool)
    if is_causal:
        i = xp.arange(lq, device=where)[:, None]
        j = xp.arange(lk, device=where)[None, :]
        causal = j <= i  # top-left alignment: query i sees keys 0..i whatever Lk is
        allowed = causal if allowed is None else xp.logical_and(allowed, causal)
    return allowed
