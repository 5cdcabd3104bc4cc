"""ALiBi attention on any array namespace: scores − m_h·|i − j|, then (causal) softmax."""

from __future__ import annotations

import math
from typing import Any

from array_api_compat import device

from mlcanon_reference.attention_transformer._portable import masked_softmax_last, softmax_last


def alibi_slopes(heads: int) -> list[float]:
    """2^(−8(h+1)/n) for n = heads a power of two; otherwise the n = 2^⌊log2 heads⌋ slopes
    followed by the first heads − n of the even-indexed slopes for 2n (the paper's rule)."""
    below = 2 ** math.floor(math.log2(heads))
    slopes = [2.0 ** (-8.0 * (h + 1) / below) for h in range(below)]
    if below < heads:
        finer = [2.0 ** (-8.0 * (h + 1) / (2 * below)) for h in range(0, 2 * below, 2)]
        slopes += finer[: heads - below]
    return slopes


def alibi(xp: Any, q: Any, k: Any, v: Any, *, is_causal: bool = True,
          scale: float | None = None) -> Any:
    if q.ndim < 3 or k.ndim < 3 or v.ndim < 2:
        msg = "q and k need a head axis: (..., heads, L, features)"
        raise ValueError(msg)
    heads = q.shape[-3]
    if k.shape[-3] != heads or (v.ndim > 2 and v.shape[-3] not in (1, heads)):
        msg = f"q, k and v must share the head count, got {heads}, {k.shape[-3]}, {v.shape}"
        raise ValueError(msg)
    where = device(q)
    factor = 1.0 / math.sqrt(q.shape[-1]) if scale is None else scale
    slopes = xp.asarray(alibi_slopes(heads), dtype=q.dtype, device=where)[:, None, None]
    i = xp.arange(q.shape[-2], device=where)[:, None]
    j = xp.arange(k.shape[-2], device=where)[None, :]
    distance = xp.astype(xp.abs(i - j), q.dtype)
    scores = (q @ xp.matrix_transpose(k)) * factor - slopes * distance
    if not is_causal:
        return softmax_last(xp, scores) @ v
    return masked_softmax_last(xp, scores, j <= i) @ v
