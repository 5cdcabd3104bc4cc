"""Multi-head latent attention on any array namespace: compress to a latent, expand per head,
add the decoupled RoPE stream, attend, project."""

from __future__ import annotations

import math
from typing import Any

from array_api_compat import device

from mlcanon_reference.attention_transformer.rope.portable import rope
from mlcanon_reference.attention_transformer.scaled_dot_product_attention.portable import (
    scaled_dot_product_attention,
)


def mla(xp: Any, h: Any, w_dkv: Any, w_uk: Any, w_uv: Any, w_q: Any, w_o: Any,
        w_qr: Any = None, w_kr: Any = None, *, num_heads: int = 128, is_causal: bool = True,
        rope_base: float = 10000.0) -> dict[str, Any]:
    d_r = _check(h, w_dkv, w_uk, w_uv, w_q, w_o, w_qr, w_kr, num_heads)
    latent = h @ xp.matrix_transpose(w_dkv)
    q = _split_heads(xp, h @ xp.matrix_transpose(w_q), num_heads)
    k = _split_heads(xp, latent @ xp.matrix_transpose(w_uk), num_heads)
    v = _split_heads(xp, latent @ xp.matrix_transpose(w_uv), num_heads)
    cache = latent
    if w_kr is not None:
        positions = xp.arange(h.shape[-2], dtype=h.dtype, device=device(h))
        k_rope = rope(xp, h @ xp.matrix_transpose(w_kr), positions, base=rope_base)
        q_rope = rope(xp, _split_heads(xp, h @ xp.matrix_transpose(w_qr), num_heads),
                      positions, base=rope_base)
        # one RoPE key shared by every head
        shared = xp.broadcast_to(xp.expand_dims(k_rope, axis=-3), (*k.shape[:-1], d_r))
        q = xp.concat([q, q_rope], axis=-1)
        k = xp.concat([k, shared], axis=-1)
        cache = xp.concat([latent, k_rope], axis=-1)
    d_h = w_q.shape[0] // num_heads
    heads = scaled_dot_product_attention(xp, q, k, v, is_causal=is_causal,
                                         scale=1.0 / math.sqrt(d_h + d_r))
    return {"y": _merge_heads(xp, heads) @ xp.matrix_transpose(w_o), "cache": cache}


def _check(h: Any, w_dkv: Any, w_uk: Any, w_uv: Any, w_q: Any, w_o: Any, w_qr: Any,
           w_kr: Any, num_heads: int) -> int:
    """The RoPE width d_r after the canon's shape checks (0 without the RoPE stream)."""
    if num_heads < 1 or w_q.shape[0] % num_heads or w_uv.shape[0] % num_heads:
        msg = (f"num_heads={num_heads} must divide the query rows {w_q.shape[0]} and the "
               f"value rows {w_uv.shape[0]}")
        raise ValueError(msg)
    if w_uk.shape[0] != w_q.shape[0] or w_uk.shape[1] != w_dkv.shape[0] \
            or w_uv.shape[1] != w_dkv.shape[0] or w_dkv.shape[1] != h.shape[-1] \
            or w_q.shape[1] != h.shape[-1] or w_o.shape[1] != w_uv.shape[0]:
        msg = "the MLA weights do not fit each other: see the signature's shapes"
        raise ValueError(msg)
    if (w_qr is None) != (w_kr is None):
        msg = "the decoupled RoPE stream needs both w_qr and w_kr (or neither)"
        raise ValueError(msg)
    if w_kr is None:
        return 0
    d_r = w_kr.shape[0]
    if d_r % 2 or w_qr.shape[0] != num_heads * d_r:
        msg = f"RoPE width {d_r} must be even and w_qr must have num_heads * {d_r} rows"
        raise ValueError(msg)
    return d_r


def _swap_axes_minus_2_3(xp: Any, t: Any) -> Any:
    axes = list(range(t.ndim))
    axes[-2], axes[-3] = axes[-3], axes[-2]
    return xp.permute_dims(t, tuple(axes))


def _split_heads(xp: Any, t: Any, heads: int) -> Any:
    """(..., L, H f) -> (..., H, L, f): head i owns the contiguous columns [i f, (i + 1) f)."""
    return _swap_axes_minus_2_3(xp, xp.reshape(t, (*t.shape[:-1], heads, t.shape[-1] // heads)))


def _merge_heads(xp: Any, t: Any) -> Any:
    joined = _swap_axes_minus_2_3(xp, t)
    return xp.reshape(joined, (*joined.shape[:-2], joined.shape[-2] * joined.shape[-1]))
