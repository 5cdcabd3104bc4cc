"""The oracle of batch_norm: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.normalization._oracle import biased_var, mean_over


@oracle("batch_norm")
def batch_norm(x: np.ndarray, running_mean: np.ndarray, running_var: np.ndarray,
               weight: np.ndarray | None = None, bias: np.ndarray | None = None, *,
               eps: float = 1e-5, momentum: float = 0.1) -> tuple[np.ndarray, ...]:
    axes = (0, *range(2, x.ndim))
    channel = (1, -1) + (1,) * (x.ndim - 2)  # broadcast (C,) against (N, C, ...)
    mean = mean_over(x, axes)
    var = biased_var(x, axes)
    y = (x - mean) / mpa.sqrt(var + mpa.mpf(eps))
    if weight is not None:
        y = y * weight.reshape(channel)
    if bias is not None:
        y = y + bias.reshape(channel)
    m = mpa.mpf(momentum)
    new_mean = (1 - m) * running_mean + m * mean.reshape(-1)
    new_var = (1 - m) * running_var + m * var.reshape(-1)
    return y, new_mean, new_var
