"""QK-norm attention on any array namespace: RMSNorm over each head's features of q and k."""

from __future__ import annotations

import math
from typing import Any

from mlcanon_reference.attention_transformer.scaled_dot_product_attention.portable import (
    scaled_dot_product_attention,
)


def qk_norm(xp: Any, q: Any, k: Any, v: Any, g_q: Any = None, g_k: Any = None, *,
            eps: float = 1e-6, is_causal: bool = False, scale: float | None = None) -> Any:
    if eps < 0:
        msg = f"eps must be non-negative, got {eps}"
        raise ValueError(msg)
    if q.shape[-1] != k.shape[-1]:
        msg = f"q and k must have the same feature size, got {q.shape[-1]} and {k.shape[-1]}"
        raise ValueError(msg)
    qn = _rms_normalize(xp, q, g_q, eps)
    kn = _rms_normalize(xp, k, g_k, eps)
    factor = 1.0 / math.sqrt(q.shape[-1]) if scale is None else scale
    y = scaled_dot_product_attention(xp, qn, kn, v, is_causal=is_causal, scale=factor)
    return xp.astype(y, q.dtype)  # numpy's matmul of ml_dtypes bfloat16 returns float32


def _rms_normalize(xp: Any, x: Any, gain: Any, eps: float) -> Any:
    # divide by the row's largest magnitude first: x² of float16 activations above 256
    # overflows, and of float32 ones above 1.8e19
    top = xp.max(xp.abs(x), axis=-1, keepdims=True)
    top = xp.where(top > 0, top, 1.0)
    unit = x / top
    # sqrt(mean(x²) + eps) = top · sqrt(mean((x/top)²) + eps/top²)
    rms = xp.sqrt(xp.mean(unit * unit, axis=-1, keepdims=True) + (eps / top) / top)
    y = unit / rms
    return y if gain is None else y * gain
