"""Attention with Shaw-style relative position scores on any array namespace."""

from __future__ import annotations

import math
from typing import Any

from array_api_compat import device

from mlcanon_reference.attention_transformer.scaled_dot_product_attention.portable import (
    _check_shapes,
    _masked_softmax_last,
    _softmax_last,
)


def relative_position_bias(xp: Any, q: Any, k: Any, v: Any, r: Any, mask: Any = None, *,
                           clip: int | None = None, scale: float | None = None) -> Any:
    _check_shapes(q, k, v)
    reach = _reach(r, q.shape[-1], clip)
    lq, lk = q.shape[-2], k.shape[-2]
    if clip is None and max(lq, lk) - 1 > reach:
        msg = (f"without clip the table must hold every offset: {r.shape[0]} rows reach "
               f"±{reach}, the sequences need ±{max(lq, lk) - 1}")
        raise ValueError(msg)
    where = device(q)
    i = xp.arange(lq, device=where)[:, None]
    j = xp.arange(lk, device=where)[None, :]
    rows = xp.clip(i - j, -reach, reach) + reach  # (Lq, Lk) row of r for each pair
    table = xp.take(r, xp.reshape(rows, (-1,)), axis=0)  # (Lq·Lk, d)
    table = xp.reshape(table, (lq, lk, r.shape[-1]))
    # q_i·r_(i−j): one dot product per (query, key) pair against that pair's table row
    positional = xp.sum(xp.expand_dims(q, axis=-2) * table, axis=-1)
    factor = 1.0 / math.sqrt(q.shape[-1]) if scale is None else scale
    scores = (q @ xp.matrix_transpose(k) + positional) * factor
    if mask is None:
        return _softmax_last(xp, scores) @ v
    return _masked_softmax_last(xp, scores, mask) @ v


def _reach(r: Any, d: int, clip: int | None) -> int:
    """The largest offset the table r holds, K for 2K + 1 rows."""
    if r.ndim != 2 or r.shape[-1] != d or r.shape[0] % 2 == 0:
        msg = f"r must be (2K + 1, {d}) for offsets −K..K, got shape {tuple(r.shape)}"
        raise ValueError(msg)
    reach = (r.shape[0] - 1) // 2
    if clip is not None and (clip < 0 or clip != reach):
        msg = f"clip={clip} needs a table of 2·clip + 1 rows, got {r.shape[0]}"
        raise ValueError(msg)
    return reach
