"""The oracle of layer_norm_backward: the catalog's formula, row by row (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("layer_norm_backward")
def layer_norm_backward(x: np.ndarray, dy: np.ndarray, weight: np.ndarray | None = None, *,
                        eps: float = 1e-5) -> np.ndarray:
    d = x.shape[-1]
    dx = np.empty(x.shape, dtype=object)
    for row in np.ndindex(x.shape[:-1]):
        values = [mpa.mpf(v) for v in x[row]]
        mean = sum(values) / d
        var = sum((v - mean) ** 2 for v in values) / d
        root = mpa.mp.sqrt(var + mpa.mpf(eps))
        xhat = [(v - mean) / root for v in values]
        # g = gamma * dL/dy sits inside both means (a per-feature gamma cannot be pulled out)
        g = [mpa.mpf(dy[(*row, i)]) * (weight[i] if weight is not None else 1) for i in range(d)]
        mean_g = sum(g) / d
        mean_gx = sum(g[i] * xhat[i] for i in range(d)) / d
        for i in range(d):
            dx[(*row, i)] = (g[i] - mean_g - xhat[i] * mean_gx) / root
    return dx
