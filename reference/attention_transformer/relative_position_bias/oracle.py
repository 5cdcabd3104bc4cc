"""The oracle of relative_position_bias: Shaw-style q·r_(i−j) added to q·k, then attention."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("relative_position_bias")
def relative_position_bias(q: np.ndarray, k: np.ndarray, v: np.ndarray, r: np.ndarray,
                           mask: np.ndarray | None = None, *, clip: int | None = None,
                           scale: float | None = None) -> np.ndarray:
    lq, d = q.shape[-2:]
    lk, dv = k.shape[-2], v.shape[-1]
    reach = (r.shape[0] - 1) // 2 if clip is None else clip
    factor = 1 / mpa.mp.sqrt(d) if scale is None else mpa.mpf(scale)
    batch = np.broadcast_shapes(q.shape[:-2], k.shape[:-2], v.shape[:-2],
                                () if mask is None else mask.shape[:-2])
    q = np.broadcast_to(q, (*batch, lq, d))
    k = np.broadcast_to(k, (*batch, lk, d))
    v = np.broadcast_to(v, (*batch, lk, dv))
    allowed = np.ones((*batch, lq, lk), dtype=bool)
    if mask is not None:
        allowed = np.broadcast_to(np.asarray(mask, dtype=bool), (*batch, lq, lk))
    out = np.empty((*batch, lq, dv), dtype=object)
    for b in np.ndindex(*batch):
        for i in range(lq):
            scores = {}
            for j in range(lk):
                if not allowed[(*b, i, j)]:
                    continue
                offset = min(max(i - j, -reach), reach)  # how far the query is past the key
                rel = r[offset + reach]
                scores[j] = factor * sum(q[(*b, i, c)] * (k[(*b, j, c)] + rel[c])
                                         for c in range(d))
            if not scores:
                for c in range(dv):
                    out[(*b, i, c)] = mpa.mpf(0)
                continue
            top = max(scores.values())
            weights = {j: mpa.mp.exp(e - top) for j, e in scores.items()}
            total = sum(weights.values())
            for c in range(dv):
                out[(*b, i, c)] = sum(w * v[(*b, j, c)] for j, w in weights.items()) / total
    return out
