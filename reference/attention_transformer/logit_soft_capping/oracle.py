"""The oracle of logit_soft_capping: cap·tanh(x/cap) elementwise (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("logit_soft_capping")
def logit_soft_capping(x: np.ndarray, *, cap: float = 30.0) -> np.ndarray:
    c = mpa.mpf(cap)
    return mpa.tanh(x / c) * c
