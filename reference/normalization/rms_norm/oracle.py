"""The oracle of rms_norm: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.normalization._oracle import mean_over


@oracle("rms_norm")
def rms_norm(x: np.ndarray, weight: np.ndarray | None = None, *,
             eps: float = 1e-6) -> np.ndarray:
    y = x / mpa.sqrt(mean_over(x * x, -1) + mpa.mpf(eps))
    return y if weight is None else y * weight
