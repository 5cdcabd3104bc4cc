"""The oracle of batch_norm_backward: the catalog's sums, channel by channel (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("batch_norm_backward")
def batch_norm_backward(x: np.ndarray, dy: np.ndarray, weight: np.ndarray | None = None, *,
                        eps: float = 1e-5) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    channels = x.shape[1]
    dx = np.empty(x.shape, dtype=object)
    dweight = np.empty(channels, dtype=object)
    dbias = np.empty(channels, dtype=object)
    for c in range(channels):
        where = [i for i in np.ndindex(x.shape) if i[1] == c]
        b = len(where)  # B = N * H * W values per channel
        mean = sum(mpa.mpf(x[i]) for i in where) / b
        var = sum((mpa.mpf(x[i]) - mean) ** 2 for i in where) / b
        root = mpa.mp.sqrt(var + mpa.mpf(eps))
        xhat = {i: (mpa.mpf(x[i]) - mean) / root for i in where}
        sum_g = sum(mpa.mpf(dy[i]) for i in where)
        sum_gx = sum(mpa.mpf(dy[i]) * xhat[i] for i in where)
        gamma = mpa.mpf(1) if weight is None else weight[c]
        for i in where:
            dx[i] = gamma / (b * root) * (b * mpa.mpf(dy[i]) - sum_g - xhat[i] * sum_gx)
        dweight[c] = sum_gx
        dbias[c] = sum_g
    return dx, dweight, dbias
