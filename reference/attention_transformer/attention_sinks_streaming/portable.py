"""Attention-sink streaming attention on any array namespace: a causal mask keeping the
first num_sinks keys and a window of recent keys, then attention."""

from __future__ import annotations

from typing import Any

from array_api_compat import device

from mlcanon_reference.attention_transformer.scaled_dot_product_attention.portable import (
    scaled_dot_product_attention,
)


def attention_sinks_streaming(xp: Any, q: Any, k: Any, v: Any, *, num_sinks: int = 4,
                              window: int = 1020, scale: float | None = None) -> Any:
    if num_sinks < 0:
        msg = f"num_sinks must be >= 0, got {num_sinks}"
        raise ValueError(msg)
    if window < 1:
        msg = f"window must be at least 1 (the query itself), got {window}"
        raise ValueError(msg)
    i = xp.arange(q.shape[-2], device=device(q))[:, None]
    j = xp.arange(k.shape[-2], device=device(q))[None, :]
    kept = (j < num_sinks) | ((i - j) < window)  # is_causal adds j <= i
    return scaled_dot_product_attention(xp, q, k, v, kept, is_causal=True, scale=scale)
