"""The oracle of dropout: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("dropout")
def dropout(x: np.ndarray, *, p: float = 0.5, training: bool = True,
            seed: int = 0) -> np.ndarray:
    if not 0.0 <= p <= 1.0:
        msg = f"p must lie in [0, 1], got {p!r}"
        raise ValueError(msg)
    if not training or p == 0.0:
        return x.copy()
    if p == 1.0:
        return np.full(x.shape, mpa.mpf(0), dtype=object)
    msg = ("training-mode dropout with 0 < p < 1 draws its mask from the backend's random "
           "stream: only its statistics are canonical (stochastic check 'dropout_mask')")
    raise ValueError(msg)
