"""The oracle of attention_score_variance: each pair's dot product, unscaled and over √d_k
(mpmath); the variance itself is a statistical claim, decided in checks.py."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("attention_score_variance")
def attention_score_variance(q: np.ndarray, k: np.ndarray) -> dict[str, np.ndarray]:
    d_k = q.shape[-1]
    if d_k < 1 or k.shape[-1] != d_k:
        msg = f"q and k need the same feature size d_k >= 1, got {q.shape[-1]} and {k.shape[-1]}"
        raise ValueError(msg)
    batch = np.broadcast_shapes(q.shape[:-1], k.shape[:-1])
    qb, kb = np.broadcast_to(q, (*batch, d_k)), np.broadcast_to(k, (*batch, d_k))
    score = np.empty(batch, dtype=object)
    for index in np.ndindex(*batch):
        total = mpa.mpf(0)
        for i in range(d_k):
            total += qb[(*index, i)] * kb[(*index, i)]
        score[index] = total
    return {"score": score, "scaled": score / mpa.mp.sqrt(d_k)}
