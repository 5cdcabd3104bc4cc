"""The oracle of entropy: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle
from mlcanon_reference.information_theory._oracle import log_base, plogp_over


@oracle("entropy")
def entropy(p: np.ndarray, *, axis: int = -1, base: object = "e") -> np.ndarray:
    terms = np.vectorize(lambda v: -plogp_over(v, 1), otypes=[object])(p)
    return np.sum(terms, axis=axis) / log_base(base)
