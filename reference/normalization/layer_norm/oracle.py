"""The oracle of layer_norm: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.normalization._oracle import biased_var, mean_over


@oracle("layer_norm")
def layer_norm(x: np.ndarray, weight: np.ndarray | None = None, bias: np.ndarray | None = None,
               *, eps: float = 1e-5) -> np.ndarray:
    y = (x - mean_over(x, -1)) / mpa.sqrt(biased_var(x, -1) + mpa.mpf(eps))
    if weight is not None:
        y = y * weight
    if bias is not None:
        y = y + bias
    return y
