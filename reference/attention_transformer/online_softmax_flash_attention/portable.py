"""Flash attention's online softmax on any array namespace: one pass over key blocks with a
running max m, running sum l and running output, rescaled by e^(m_old - m_new)."""

from __future__ import annotations

import math
from typing import Any

from array_api_compat import device


def online_softmax_flash_attention(xp: Any, q: Any, k: Any, v: Any, mask: Any = None, *,
                                   block_size: int = 64, is_causal: bool = False,
                                   scale: float | None = None) -> tuple[Any, Any]:
    if block_size < 1:
        msg = f"block_size must be at least 1, got {block_size}"
        raise ValueError(msg)
    if q.shape[-1] != k.shape[-1] or k.shape[-2] != v.shape[-2]:
        msg = f"shapes do not fit: q {tuple(q.shape)}, k {tuple(k.shape)}, v {tuple(v.shape)}"
        raise ValueError(msg)
    factor = 1.0 / math.sqrt(q.shape[-1]) if scale is None else scale
    lq, lk = q.shape[-2], k.shape[-2]
    where = device(q)
    rows = xp.arange(lq, device=where)[:, None]
    top = xp.full((*q.shape[:-1], 1), -math.inf, dtype=q.dtype, device=where)
    total = xp.zeros_like(top)
    acc = None
    for start in range(0, lk, block_size):
        stop = min(start + block_size, lk)
        scores = (q @ xp.matrix_transpose(k[..., start:stop, :])) * factor
        allowed = xp.ones(scores.shape, dtype=xp.bool, device=where)
        if mask is not None:
            allowed = xp.logical_and(allowed, xp.astype(mask, xp.bool)[..., start:stop])
        if is_causal:
            allowed = xp.logical_and(allowed, xp.arange(start, stop, device=where)[None, :] <= rows)
        new_top = xp.maximum(top, xp.max(xp.where(allowed, scores, -math.inf), axis=-1,
                                         keepdims=True))
        # while every key so far was blocked, m stays -inf: shift by 0 instead of
        # computing -inf - -inf = NaN
        shift = xp.where(new_top == -math.inf, 0.0, new_top)
        rescale = xp.exp(top - shift)
        p = xp.where(allowed, xp.exp(xp.where(allowed, scores - shift, 0.0)), 0.0)
        total = total * rescale + xp.sum(p, axis=-1, keepdims=True)
        part = p @ v[..., start:stop, :]
        acc = part if acc is None else acc * rescale + part
        top = new_top
    y = acc / xp.where(total > 0, total, 1.0)
    lse = xp.where(total > 0, top + xp.log(xp.where(total > 0, total, 1.0)), -math.inf)
    return y, lse[..., 0]
