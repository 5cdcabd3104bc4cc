"""Cross attention on any array namespace: queries from x, keys and values from the context."""

from __future__ import annotations

import math
from typing import Any

from mlcanon_reference.attention_transformer.scaled_dot_product_attention.portable import (
    scaled_dot_product_attention,
)


def cross_attention(xp: Any, x: Any, context: Any, w_q: Any, w_k: Any, w_v: Any,
                    context_mask: Any = None, *, scale: float | None = None) -> Any:
    if w_q.shape[1] != x.shape[-1] or w_k.shape[1] != context.shape[-1] \
            or w_v.shape[1] != context.shape[-1]:
        msg = (f"projection inputs do not match: w_q {tuple(w_q.shape)} for x features "
               f"{x.shape[-1]}, w_k {tuple(w_k.shape)} and w_v {tuple(w_v.shape)} for context "
               f"features {context.shape[-1]}")
        raise ValueError(msg)
    if w_q.shape[0] != w_k.shape[0]:
        msg = f"queries and keys need the same size, got {w_q.shape[0]} and {w_k.shape[0]}"
        raise ValueError(msg)
    q = x @ xp.matrix_transpose(w_q)
    k = context @ xp.matrix_transpose(w_k)
    v = context @ xp.matrix_transpose(w_v)
    mask = None if context_mask is None else xp.astype(context_mask, xp.bool)[..., None, :]
    factor = 1.0 / math.sqrt(w_q.shape[0]) if scale is None else scale
    return scaled_dot_product_attention(xp, q, k, v, mask, scale=factor)
