"""Packed-sequence attention on any array namespace: a same-document mask, then attention."""

from __future__ import annotations

from typing import Any

from mlcanon_reference.attention_transformer.scaled_dot_product_attention.portable import (
    scaled_dot_product_attention,
)


def document_mask_packing(xp: Any, q: Any, k: Any, v: Any, doc_ids: Any, *,
                          is_causal: bool = True, scale: float | None = None) -> Any:
    if q.ndim < 2 or doc_ids.ndim < 1:
        msg = "q needs (..., L, d) and doc_ids (..., L)"
        raise ValueError(msg)
    length = q.shape[-2]
    if k.shape[-2] != length or v.shape[-2] != length or doc_ids.shape[-1] != length:
        msg = (f"packed self-attention needs one id per token: q has {length} tokens, k "
               f"{k.shape[-2]}, v {v.shape[-2]}, doc_ids {doc_ids.shape[-1]}")
        raise ValueError(msg)
    # equality of ids, not contiguity: a document may come back after another one
    same = doc_ids[..., :, None] == doc_ids[..., None, :]
    return scaled_dot_product_attention(xp, q, k, v, same, is_causal=is_causal, scale=scale)
