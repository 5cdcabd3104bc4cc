"""The oracle of group_norm: each (sample, group) block normalized by its own statistics."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("group_norm")
def group_norm(x: np.ndarray, weight: np.ndarray | None = None, bias: np.ndarray | None = None,
               *, num_groups: int = 32, eps: float = 1e-5) -> np.ndarray:
    n, c = x.shape[0], x.shape[1]
    if x.ndim < 2 or num_groups < 1 or c % num_groups:
        msg = f"{num_groups} groups do not divide {c} channels"
        raise ValueError(msg)
    per_group = c // num_groups
    y = np.empty(x.shape, dtype=object)
    for sample in range(n):
        for g in range(num_groups):
            channels = range(g * per_group, (g + 1) * per_group)
            values = [x[(sample, ch, *rest)] for ch in channels
                      for rest in np.ndindex(x.shape[2:])]
            mean = sum(mpa.mpf(v) for v in values) / len(values)
            var = sum((mpa.mpf(v) - mean) ** 2 for v in values) / len(values)  # biased
            root = mpa.mp.sqrt(var + mpa.mpf(eps))
            for ch in channels:
                for rest in np.ndindex(x.shape[2:]):
                    value = (mpa.mpf(x[(sample, ch, *rest)]) - mean) / root
                    if weight is not None:
                        value = value * weight[ch]
                    if bias is not None:
                        value = value + bias[ch]
                    y[(sample, ch, *rest)] = value
    return y
