"""The oracle of causal_mask: a loop over rows, softmax over the visible keys (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("causal_mask")
def causal_mask(scores: np.ndarray, *, diagonal: int = 1) -> np.ndarray:
    lq, lk = scores.shape[-2:]
    out = np.empty(scores.shape, dtype=object)
    for index in np.ndindex(*scores.shape[:-2], lq):
        i = index[-1]
        row = scores[index]
        # key j is blocked iff j - i >= diagonal
        visible = [j for j in range(lk) if j - i < diagonal]
        finite_top = max((row[j] for j in visible), default=None)
        for j in range(lk):
            out[(*index, j)] = mpa.mpf(0)
        if not visible:
            continue  # a query that may see no key gets a zero row
        terms = {j: mpa.mp.exp(row[j] - finite_top) for j in visible}
        total = sum(terms.values())
        for j, term in terms.items():
            out[(*index, j)] = term / total
    return out
