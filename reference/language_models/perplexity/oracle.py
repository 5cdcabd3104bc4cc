"""The oracle of perplexity: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


@oracle("perplexity")
def perplexity(log_probs: np.ndarray, *, axis: int = -1, log_base: object = "e") -> np.ndarray:
    mean = np.sum(log_probs, axis=axis) / log_probs.shape[axis]
    base = mp.e if log_base == "e" else mp.mpf(log_base)
    return np.vectorize(lambda m: mp.power(base, -m), otypes=[object])(mean)
