"""The oracle of aux_loss_free_balancing: select, weigh, count, update (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


@oracle("aux_loss_free_balancing")
def aux_loss_free_balancing(scores: np.ndarray, bias: np.ndarray, *, top_k: int = 2,
                            gamma: float = 0.001) -> dict[str, np.ndarray]:
    n_experts = scores.shape[-1]
    if not 1 <= top_k <= n_experts or gamma < 0 or bias.shape != (n_experts,):
        msg = f"top_k {top_k}, gamma {gamma} or bias {bias.shape} out of range"
        raise ValueError(msg)
    lead = scores.shape[:-1]
    indices = np.zeros((*lead, top_k), dtype=np.int64)
    weights = np.full(scores.shape, mp.mpf(0), dtype=object)
    load = np.zeros(n_experts, dtype=np.int64)
    for token in np.ndindex(lead):
        s = [scores[(*token, i)] for i in range(n_experts)]
        chosen = sorted(range(n_experts), key=lambda i: (-(s[i] + bias[i]), i))[:top_k]
        total = sum(s[i] for i in chosen)
        indices[token] = chosen
        for i in chosen:
            weights[(*token, i)] = s[i] / total
            load[i] += 1
    mean = mp.mpf(int(load.sum())) / n_experts
    new_bias = np.array([bias[i] + mp.mpf(gamma) * mp.sign(mean - int(load[i]))
                         for i in range(n_experts)], dtype=object)
    return {"indices": indices, "weights": weights, "load": load, "new_bias": new_bias}
