"""The oracle of additive_attention: Bahdanau's score, softmax and weighted sum (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("additive_attention")
def additive_attention(s: np.ndarray, h: np.ndarray, w_s: np.ndarray, w_h: np.ndarray,
                       v: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    t_len, d_h = h.shape[-2:]
    d_a = v.shape[0]
    batch = np.broadcast_shapes(s.shape[:-1], h.shape[:-2],
                                () if mask is None else mask.shape[:-1])
    s = np.broadcast_to(s, (*batch, s.shape[-1]))
    h = np.broadcast_to(h, (*batch, t_len, d_h))
    keep = np.ones((*batch, t_len), dtype=bool)
    if mask is not None:
        keep = np.broadcast_to(np.asarray(mask, dtype=bool), (*batch, t_len))
    out = np.empty((*batch, d_h), dtype=object)
    for b in np.ndindex(*batch):
        state = s[b]
        scores = {}
        for i in range(t_len):
            if not keep[(*b, i)]:
                continue
            e = mpa.mpf(0)
            for a in range(d_a):
                inner = sum(w_s[a, j] * state[j] for j in range(state.shape[0]))
                inner += sum(w_h[a, j] * h[(*b, i, j)] for j in range(d_h))
                e += v[a] * mpa.mp.tanh(inner)
            scores[i] = e
        for j in range(d_h):
            out[(*b, j)] = mpa.mpf(0)
        if not scores:
            continue  # no encoder state may be attended: the context is zero
        top = max(scores.values())
        weights = {i: mpa.mp.exp(e - top) for i, e in scores.items()}
        total = sum(weights.values())
        for j in range(d_h):
            out[(*b, j)] = sum(weights[i] * h[(*b, i, j)] for i in weights) / total
    return out
