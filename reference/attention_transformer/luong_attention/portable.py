"""Luong (multiplicative) attention on any array namespace: s·h_i or sᵀW h_i, softmax, sum."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.attention_transformer.scaled_dot_product_attention.portable import (
    _masked_softmax_last,
    _softmax_last,
)


def luong_attention(xp: Any, s: Any, h: Any, w: Any = None, mask: Any = None, *,
                    score: str = "dot") -> Any:
    if s.ndim < 1 or h.ndim < 2:
        msg = f"need s (..., d_s) and h (..., T, d_h), got {tuple(s.shape)}, {tuple(h.shape)}"
        raise ValueError(msg)
    if score == "general":
        if w is None or w.shape != (s.shape[-1], h.shape[-1]):
            shape = None if w is None else tuple(w.shape)
            msg = f"score='general' needs w of shape ({s.shape[-1]}, {h.shape[-1]}), got {shape}"
            raise ValueError(msg)
        query = s @ w  # sᵀ W h_i = (sᵀ W)·h_i
    elif score == "dot":
        if s.shape[-1] != h.shape[-1]:
            msg = f"score='dot' needs d_s == d_h, got {s.shape[-1]} and {h.shape[-1]}"
            raise ValueError(msg)
        query = s
    else:
        msg = f"score must be 'dot' or 'general', got {score!r}"
        raise ValueError(msg)
    scores = (h @ xp.expand_dims(query, axis=-1))[..., 0]  # (..., T), no 1/sqrt(d) scaling
    if mask is None:
        weights = _softmax_last(xp, scores)
    else:
        weights = _masked_softmax_last(xp, scores, mask)
    context = (xp.expand_dims(weights, axis=-2) @ h)[..., 0, :]
    # NumPy's bfloat16 (ml_dtypes) comes back from the softmax helpers as float32
    return xp.astype(context, h.dtype)
