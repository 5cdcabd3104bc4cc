"""The oracle of luong_attention: bilinear or dot scores, softmax, weighted sum (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("luong_attention")
def luong_attention(s: np.ndarray, h: np.ndarray, w: np.ndarray | None = None,
                    mask: np.ndarray | None = None, *, score: str = "dot") -> np.ndarray:
    t_len, d_h = h.shape[-2:]
    d_s = s.shape[-1]
    if score == "dot":
        matrix = np.array([[mpa.mpf(int(a == b)) for b in range(d_h)] for a in range(d_s)],
                          dtype=object)  # s·h_i = sᵀ I h_i
    elif score == "general":
        matrix = w
    else:
        msg = f"score must be 'dot' or 'general', got {score!r}"
        raise ValueError(msg)
    batch = np.broadcast_shapes(s.shape[:-1], h.shape[:-2],
                                () if mask is None else mask.shape[:-1])
    s = np.broadcast_to(s, (*batch, d_s))
    h = np.broadcast_to(h, (*batch, t_len, d_h))
    keep = np.ones((*batch, t_len), dtype=bool)
    if mask is not None:
        keep = np.broadcast_to(np.asarray(mask, dtype=bool), (*batch, t_len))
    out = np.empty((*batch, d_h), dtype=object)
    for b in np.ndindex(*batch):
        scores = {i: sum(s[(*b, a)] * matrix[a, c] * h[(*b, i, c)]
                         for a in range(d_s) for c in range(d_h))
                  for i in range(t_len) if keep[(*b, i)]}
        if not scores:
            out[b] = np.array([mpa.mpf(0)] * d_h, dtype=object)
            continue
        top = max(scores.values())
        weights = {i: mpa.mp.exp(e - top) for i, e in scores.items()}
        total = sum(weights.values())
        for c in range(d_h):
            out[(*b, c)] = sum(weights[i] * h[(*b, i, c)] for i in weights) / total
    return out
