"""Multi-head attention on any array namespace: project, split heads, attend, merge, project."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.attention_transformer.scaled_dot_product_attention.portable import (
    scaled_dot_product_attention,
)


def multi_head_attention(xp: Any, x_q: Any, x_kv: Any, w_q: Any, w_k: Any, w_v: Any, w_o: Any,
                         b_q: Any = None, b_k: Any = None, b_v: Any = None, b_o: Any = None,
                         mask: Any = None, *, num_heads: int = 8,
                         is_causal: bool = False) -> Any:
    embed = w_q.shape[0]
    if num_heads < 1 or embed % num_heads:
        msg = f"embed dim {embed} is not divisible by num_heads={num_heads}"
        raise ValueError(msg)
    q = _split_heads(xp, _project(xp, x_q, w_q, b_q), num_heads)
    k = _split_heads(xp, _project(xp, x_kv, w_k, b_k), num_heads)
    v = _split_heads(xp, _project(xp, x_kv, w_v, b_v), num_heads)
    if mask is not None:
        mask = xp.expand_dims(mask, axis=-3)  # one (Lq, Lk) mask shared by every head
    # scale None: 1/sqrt(d_h), the feature size of each head, not of the whole embedding
    heads = scaled_dot_product_attention(xp, q, k, v, mask, is_causal=is_causal)
    return _project(xp, _merge_heads(xp, heads), w_o, b_o)


def _project(xp: Any, x: Any, w: Any, b: Any) -> Any:
    y = x @ xp.matrix_transpose(w)  # torch's (out, in) weight layout
    return y if b is None else y + b


def _swap_axes_minus_2_3(xp: Any, t: Any) -> Any:
    axes = list(range(t.ndim))
    axes[-2], axes[-3] = axes[-3], axes[-2]
    return xp.permute_dims(t, tuple(axes))


def _split_heads(xp: Any, t: Any, num_heads: int) -> Any:
    """(..., L, E) -> (..., H, L, E/H); head h owns the contiguous columns [h E/H, (h+1) E/H)."""
    parts = xp.reshape(t, (*t.shape[:-1], num_heads, t.shape[-1] // num_heads))
    return _swap_axes_minus_2_3(xp, parts)


def _merge_heads(xp: Any, t: Any) -> Any:
    """(..., H, L, d_h) -> (..., L, H d_h), the inverse of _split_heads."""
    joined = _swap_axes_minus_2_3(xp, t)
    return xp.reshape(joined, (*joined.shape[:-2], joined.shape[-2] * joined.shape[-1]))
