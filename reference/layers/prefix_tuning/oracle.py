"""The oracle of prefix_tuning: for every query, the list of keys it may see (the prefix's,
then the real ones), their scores, weights and the weighted sum of values (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _attend(query: np.ndarray, keys: list[np.ndarray], values: list[np.ndarray]) -> np.ndarray:
    scale = mpa.mp.sqrt(len(query))
    scores = [sum(a * b for a, b in zip(query, key, strict=True)) / scale for key in keys]
    top = max(scores)
    weights = [mpa.mp.exp(s - top) for s in scores]
    total = sum(weights)
    return sum((w / total) * value for w, value in zip(weights, values, strict=True))


@oracle("prefix_tuning")
def prefix_tuning(q: np.ndarray, k: np.ndarray, v: np.ndarray, prefix_k: np.ndarray,
                  prefix_v: np.ndarray, *, causal: bool = False) -> np.ndarray:
    tq, tk, p = q.shape[-2], k.shape[-2], prefix_k.shape[-2]
    if prefix_k.shape[:-2] != k.shape[1:-2] or (causal and tq > tk):
        msg = f"prefix {prefix_k.shape} does not fit keys {k.shape} (or causal with Tq > Tk)"
        raise ValueError(msg)
    y = np.empty((*q.shape[:-1], v.shape[-1]), dtype=object)
    for idx in np.ndindex(*q.shape[:-2]):
        shared = idx[1:]  # the prefix has no batch axis: every sequence uses the same one
        for i in range(tq):
            # causal: query i stands at position tk - tq + i of the real keys, and every
            # prefix vector counts as earlier than any real key
            last = tk if not causal else tk - tq + i + 1
            keys = [prefix_k[(*shared, j)] for j in range(p)] + [k[(*idx, j)] for j in range(last)]
            values = [prefix_v[(*shared, j)] for j in range(p)] + \
                [v[(*idx, j)] for j in range(last)]
            y[(*idx, i)] = _attend(q[(*idx, i)], keys, values)
    return y
