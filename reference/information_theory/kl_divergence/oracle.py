"""The oracle of kl_divergence: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle
from mlcanon_reference.information_theory._oracle import log_base, plogp_over


@oracle("kl_divergence")
def kl_divergence(p: np.ndarray, q: np.ndarray, *, axis: int = -1,
                  base: object = "e") -> np.ndarray:
    p, q = np.broadcast_arrays(p, q)
    terms = np.vectorize(plogp_over, otypes=[object])(p, q)
    return np.sum(terms, axis=axis) / log_base(base)
