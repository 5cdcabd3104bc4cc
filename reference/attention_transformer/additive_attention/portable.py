"""Additive (Bahdanau) attention on any array namespace: v·tanh(W_s s + W_h h_i), softmax, sum."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.attention_transformer.scaled_dot_product_attention.portable import (
    _masked_softmax_last,
    _softmax_last,
)


def additive_attention(xp: Any, s: Any, h: Any, w_s: Any, w_h: Any, v: Any,
                       mask: Any = None) -> Any:
    _check_shapes(s, h, w_s, w_h, v)
    # W_s s is one vector per query state, broadcast over the T encoder states
    projected = xp.expand_dims(s @ xp.matrix_transpose(w_s), axis=-2)
    scores = xp.tanh(projected + h @ xp.matrix_transpose(w_h)) @ v  # (..., T)
    if mask is None:
        weights = _softmax_last(xp, scores)
    else:
        weights = _masked_softmax_last(xp, scores, mask)
    context = (xp.expand_dims(weights, axis=-2) @ h)[..., 0, :]
    # NumPy's bfloat16 (ml_dtypes) comes back from the softmax helpers as float32
    return xp.astype(context, h.dtype)


def _check_shapes(s: Any, h: Any, w_s: Any, w_h: Any, v: Any) -> None:
    if s.ndim < 1 or h.ndim < 2 or w_s.ndim != 2 or w_h.ndim != 2 or v.ndim != 1:
        msg = (f"need s (..., d_s), h (..., T, d_h), w_s (d_a, d_s), w_h (d_a, d_h), v (d_a,);"
               f" got {tuple(s.shape)}, {tuple(h.shape)}, {tuple(w_s.shape)}, "
               f"{tuple(w_h.shape)}, {tuple(v.shape)}")
        raise ValueError(msg)
    d_a = v.shape[0]
    if w_s.shape != (d_a, s.shape[-1]) or w_h.shape != (d_a, h.shape[-1]):
        msg = (f"w_s must be ({d_a}, {s.shape[-1]}) and w_h ({d_a}, {h.shape[-1]}), got "
               f"{tuple(w_s.shape)} and {tuple(w_h.shape)}")
        raise ValueError(msg)
