"""One KV-cache attention step on any array namespace: append, then attend bottom-right causally."""

from __future__ import annotations

from typing import Any

from array_api_compat import device

from mlcanon_reference.attention_transformer.scaled_dot_product_attention.portable import (
    scaled_dot_product_attention,
)


def kv_cache(xp: Any, q: Any, k: Any, v: Any, k_cache: Any, v_cache: Any, *,
             scale: float | None = None) -> tuple[Any, Any, Any]:
    if k_cache.shape[-2] != v_cache.shape[-2]:
        msg = (f"the key and value caches must hold the same number of tokens, got "
               f"{k_cache.shape[-2]} and {v_cache.shape[-2]}")
        raise ValueError(msg)
    if k.shape[-2] != q.shape[-2]:
        msg = f"each new query needs its key: got {q.shape[-2]} queries and {k.shape[-2]} keys"
        raise ValueError(msg)
    keys = xp.concat([k_cache, k], axis=-2)
    values = xp.concat([v_cache, v], axis=-2)
    past = k_cache.shape[-2]
    t = xp.arange(q.shape[-2], device=device(q))[:, None]
    j = xp.arange(keys.shape[-2], device=device(q))[None, :]
    visible = j <= t + past  # bottom-right alignment: new token t sits at position past + t
    y = scaled_dot_product_attention(xp, q, keys, values, visible, scale=scale)
    return y, keys, values
