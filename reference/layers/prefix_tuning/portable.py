"""Prefix tuning on any array namespace: learned key and value vectors are prepended to
every sequence's keys and values, then scaled dot-product attention."""

from __future__ import annotations

import math
from typing import Any


def _check(q: Any, k: Any, v: Any, prefix_k: Any, prefix_v: Any, causal: bool) -> None:
    lead = tuple(k.shape[:-2])
    if q.ndim < 3 or tuple(q.shape[:-2]) != lead or tuple(v.shape[:-2]) != lead or \
            q.shape[-1] != k.shape[-1] or k.shape[-2] != v.shape[-2]:
        msg = (f"q {tuple(q.shape)}, k {tuple(k.shape)}, v {tuple(v.shape)} must be "
               f"(N, ..., T, d), (N, ..., T_k, d), (N, ..., T_k, d_v)")
        raise ValueError(msg)
    p = prefix_k.shape[-2] if prefix_k.ndim else -1
    if tuple(prefix_k.shape) != (*lead[1:], p, k.shape[-1]) or \
            tuple(prefix_v.shape) != (*lead[1:], p, v.shape[-1]):
        msg = (f"prefix_k {tuple(prefix_k.shape)} and prefix_v {tuple(prefix_v.shape)} must be "
               f"({', '.join(map(str, lead[1:]))}{', ' if lead[1:] else ''}P, d) and "
               f"(..., P, d_v), shared by the batch")
        raise ValueError(msg)
    if causal and q.shape[-2] > k.shape[-2]:
        msg = f"a causal prefix attention needs T_q <= T_k, got {q.shape[-2]} > {k.shape[-2]}"
        raise ValueError(msg)


def prefix_tuning(xp: Any, q: Any, k: Any, v: Any, prefix_k: Any, prefix_v: Any, *,
                  causal: bool = False) -> Any:
    _check(q, k, v, prefix_k, prefix_v, causal)
    n = k.shape[0]
    keys = xp.concat([xp.broadcast_to(prefix_k[None, ...], (n, *prefix_k.shape)), k], axis=-2)
    values = xp.concat([xp.broadcast_to(prefix_v[None, ...], (n, *prefix_v.shape)), v],
                       axis=-2)
    scores = xp.matmul(q, xp.matrix_transpose(keys)) / math.sqrt(q.shape[-1])
    if causal:
        tq, tk, p = q.shape[-2], k.shape[-2], prefix_k.shape[-2]
        rows = xp.reshape(xp.arange(tq, device=q.device), (tq, 1))
        cols = xp.reshape(xp.arange(p + tk, device=q.device), (1, p + tk))
        # bottom-right aligned over [prefix; keys]: the prefix is always visible
        visible = cols <= rows + (p + tk - tq)
        scores = xp.where(visible, scores, xp.asarray(-math.inf, dtype=scores.dtype))
    scores = scores - xp.max(scores, axis=-1, keepdims=True)  # every row sees the prefix
    e = xp.exp(scores)
    return xp.matmul(e / xp.sum(e, axis=-1, keepdims=True), values)
