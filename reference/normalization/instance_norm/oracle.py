"""The oracle of instance_norm: every (sample, channel) slice normalized on its own."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("instance_norm")
def instance_norm(x: np.ndarray, weight: np.ndarray | None = None,
                  bias: np.ndarray | None = None, *, eps: float = 1e-5) -> np.ndarray:
    y = np.empty(x.shape, dtype=object)
    for sample in range(x.shape[0]):
        for channel in range(x.shape[1]):
            block = np.asarray(mpa.asmp(x[sample, channel]), dtype=object).ravel()
            count = len(block)
            mean = sum(block) / count
            var = sum((v - mean) ** 2 for v in block) / count  # biased
            out = (mpa.asmp(x[sample, channel]) - mean) / mpa.mp.sqrt(var + mpa.mpf(eps))
            if weight is not None:
                out = out * weight[channel]
            if bias is not None:
                out = out + bias[channel]
            y[sample, channel] = out
    return y
