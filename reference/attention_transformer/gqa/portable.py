"""Grouped-query attention on any array namespace: expand the kv heads, then attend."""

from __future__ import annotations

from typing import Any

from array_api_compat import device

from mlcanon_reference.attention_transformer.scaled_dot_product_attention.portable import (
    scaled_dot_product_attention,
)


def gqa(xp: Any, q: Any, k: Any, v: Any, mask: Any = None, *, is_causal: bool = False,
        scale: float | None = None) -> Any:
    if q.ndim < 3 or k.ndim < 3 or v.ndim < 3:
        msg = "q, k and v need a head axis: (..., heads, L, features)"
        raise ValueError(msg)
    hq, hkv = q.shape[-3], k.shape[-3]
    if v.shape[-3] != hkv:
        msg = f"k and v must have the same number of heads, got {hkv} and {v.shape[-3]}"
        raise ValueError(msg)
    if hkv == 0 or hq % hkv != 0:
        msg = f"the query heads ({hq}) must be a multiple of the key/value heads ({hkv})"
        raise ValueError(msg)
    # query head h reads kv head h // group (repeat_interleave order, not tile)
    source = xp.arange(hq, device=device(q)) // (hq // hkv)
    k_full = xp.take(k, source, axis=k.ndim - 3)
    v_full = xp.take(v, source, axis=v.ndim - 3)
    return scaled_dot_product_attention(xp, q, k_full, v_full, mask, is_causal=is_causal,
                                        scale=scale)
