"""The oracle of top_k_filter: rank each row in mpmath, keep what reaches the k-th value."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.sampling_decoding._oracle import softmax_last


@oracle("top_k_filter")
def top_k_filter(logits: np.ndarray, *, k: int = 50) -> dict[str, np.ndarray]:
    if k < 1:
        msg = f"k must be at least 1, got {k!r}"
        raise ValueError(msg)
    n = logits.shape[-1]
    filtered = np.empty(logits.shape, dtype=object)
    for row in np.ndindex(logits.shape[:-1]):
        values = [logits[(*row, i)] for i in range(n)]
        ranked = sorted(values, reverse=True)
        threshold = ranked[k - 1] if k <= n else mpa.mpf("-inf")
        for i, z in enumerate(values):
            filtered[(*row, i)] = z if z >= threshold else mpa.mpf("-inf")
    return {"filtered": filtered, "probs": softmax_last(filtered)}
