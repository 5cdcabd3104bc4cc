"""The oracle of moe_topk_routing: a loop over tokens, then over choice ranks (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


def _gate(z: list, k: int, renormalise: bool, order: str) -> tuple[list[int], dict]:
    """The k chosen experts of one token (descending z, lower index first) and their weights."""
    chosen = sorted(range(len(z)), key=lambda i: (-z[i], i))[:k]
    if order == "softmax_topk":
        top = max(z)
        e = [mp.exp(v - top) for v in z]
        total = sum(e)
        w = {i: e[i] / total for i in chosen}
        if renormalise:
            kept = sum(w.values())
            w = {i: v / kept for i, v in w.items()}
    else:
        top = max(z[i] for i in chosen)
        e = {i: mp.exp(z[i] - top) for i in chosen}
        total = sum(e.values())
        w = {i: v / total for i, v in e.items()}
    return chosen, w


@oracle("moe_topk_routing")
def moe_topk_routing(logits: np.ndarray, expert_outputs: np.ndarray, *, top_k: int = 2,
                     renormalise: bool = True, order: str = "softmax_topk",
                     capacity: int | None = None) -> dict[str, np.ndarray]:
    n_experts = logits.shape[-1]
    if not 1 <= top_k <= n_experts or order not in ("softmax_topk", "topk_softmax"):
        msg = f"top_k {top_k} outside [1, {n_experts}] or unknown order {order!r}"
        raise ValueError(msg)
    if (order == "topk_softmax" and not renormalise) or (capacity is not None and capacity < 0):
        msg = "topk_softmax is always normalised; capacity must be >= 0"
        raise ValueError(msg)
    if expert_outputs.shape[:-1] != logits.shape:
        msg = f"expert_outputs {expert_outputs.shape} do not match logits {logits.shape}"
        raise ValueError(msg)
    tokens = list(np.ndindex(logits.shape[:-1]))
    gates = [_gate([logits[(*t, i)] for i in range(n_experts)], top_k, renormalise, order)
             for t in tokens]
    admitted = [set() for _ in tokens]
    load = [0] * n_experts
    for rank in range(top_k):
        for n, (chosen, _) in enumerate(gates):
            expert = chosen[rank]
            if capacity is None or load[expert] < capacity:
                load[expert] += 1
                admitted[n].add(expert)
    d = expert_outputs.shape[-1]
    weights = np.full(logits.shape, mp.mpf(0), dtype=object)
    indices = np.zeros((*logits.shape[:-1], top_k), dtype=np.int64)
    y = np.full((*logits.shape[:-1], d), mp.mpf(0), dtype=object)
    for n, t in enumerate(tokens):
        chosen, w = gates[n]
        indices[t] = chosen
        for i in admitted[n]:
            weights[(*t, i)] = w[i]
            for j in range(d):
                y[(*t, j)] += w[i] * expert_outputs[(*t, i, j)]
    return {"weights": weights, "indices": indices, "y": y}
