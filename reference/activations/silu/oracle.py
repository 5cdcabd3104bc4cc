"""The oracle of silu: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("silu")
def silu(x: np.ndarray, *, beta: float = 1.0) -> np.ndarray:
    return x / (1 + mpa.exp(-mpa.mpf(beta) * x))
