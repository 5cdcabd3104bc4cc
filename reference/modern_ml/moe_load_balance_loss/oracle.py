"""The oracle of moe_load_balance_loss: counts and mean probabilities token by token (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


@oracle("moe_load_balance_loss")
def moe_load_balance_loss(logits: np.ndarray, *, top_k: int = 1) -> dict[str, object]:
    n_experts = logits.shape[-1]
    if not 1 <= top_k <= n_experts:
        msg = f"top_k {top_k} outside [1, {n_experts}]"
        raise ValueError(msg)
    rows = [[logits[(*t, i)] for i in range(n_experts)] for t in np.ndindex(logits.shape[:-1])]
    counts = [0] * n_experts
    prob = [mp.mpf(0)] * n_experts
    for z in rows:
        for i in sorted(range(n_experts), key=lambda i: (-z[i], i))[:top_k]:
            counts[i] += 1
        top = max(z)
        e = [mp.exp(v - top) for v in z]
        for i in range(n_experts):
            prob[i] += e[i] / sum(e)
    n = len(rows)
    fraction = [mp.mpf(c) / (n * top_k) for c in counts]
    prob = [p / n for p in prob]
    loss = n_experts * sum(f * p for f, p in zip(fraction, prob, strict=True))
    return {"loss": loss, "fraction": np.array(fraction, dtype=object),
            "prob": np.array(prob, dtype=object)}
