"""Sliding-window attention on any array namespace: a banded causal mask, then attention."""

from __future__ import annotations

from typing import Any

from array_api_compat import device

from mlcanon_reference.attention_transformer.scaled_dot_product_attention.portable import (
    scaled_dot_product_attention,
)


def sliding_window_attention(xp: Any, q: Any, k: Any, v: Any, *, window: int = 4096,
                             scale: float | None = None) -> Any:
    if window < 1:
        msg = f"window must be at least 1 (the query itself), got {window}"
        raise ValueError(msg)
    i = xp.arange(q.shape[-2], device=device(q))[:, None]
    j = xp.arange(k.shape[-2], device=device(q))[None, :]
    in_band = (i - j) < window  # the causal rule (j <= i) comes from is_causal
    return scaled_dot_product_attention(xp, q, k, v, in_band, is_causal=True, scale=scale)
