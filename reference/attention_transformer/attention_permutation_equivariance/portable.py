"""Attention of permuted inputs on any array namespace: gather the rows, then attend."""

from __future__ import annotations

from typing import Any

from array_api_compat import device

from mlcanon_reference.attention_transformer.scaled_dot_product_attention.portable import (
    scaled_dot_product_attention,
)


def attention_permutation_equivariance(xp: Any, q: Any, k: Any, v: Any, perm: Any = None, *,
                                       permute: str = "all",
                                       scale: float | None = None) -> Any:
    if permute not in ("all", "queries", "keys"):
        msg = f"permute must be 'all', 'queries' or 'keys', got {permute!r}"
        raise ValueError(msg)
    if permute == "all" and q.shape[-2] != k.shape[-2]:
        msg = f"permuting queries and keys together needs Lq = Lk, got {q.shape[-2]}, {k.shape[-2]}"
        raise ValueError(msg)
    length = k.shape[-2] if permute == "keys" else q.shape[-2]
    if perm is None:  # the reversal
        perm = xp.arange(length - 1, -1, -1, dtype=xp.int64, device=device(q))
    if tuple(perm.shape) != (length,) or not bool(
            xp.all(xp.sort(perm) == xp.arange(length, dtype=perm.dtype, device=device(perm)))):
        msg = f"perm must be a permutation of 0..{length - 1}, got {perm!r}"
        raise ValueError(msg)
    if permute != "keys":
        q = xp.take(q, perm, axis=q.ndim - 2)
    if permute != "queries":
        k = xp.take(k, perm, axis=k.ndim - 2)
        v = xp.take(v, perm, axis=v.ndim - 2)
    return scaled_dot_product_attention(xp, q, k, v, scale=scale)
