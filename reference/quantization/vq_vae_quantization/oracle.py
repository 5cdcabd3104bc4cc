"""The oracle of vq_vae_quantization: exact squared distances to every code, first minimum."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("vq_vae_quantization")
def vq_vae_quantization(z: np.ndarray, codebook: np.ndarray, *,
                        beta: float = 0.25) -> tuple[np.ndarray, np.ndarray, object]:
    codes, width = codebook.shape
    index = np.empty(z.shape[:-1], dtype=np.int64)
    z_q = np.empty(z.shape, dtype=object)
    total = mpa.mpf(0)
    for row in np.ndindex(z.shape[:-1]):
        best, best_distance = 0, None
        for k in range(codes):
            distance = sum((mpa.mpf(z[(*row, j)]) - codebook[k, j]) ** 2 for j in range(width))
            if best_distance is None or distance < best_distance:  # ties keep the first code
                best, best_distance = k, distance
        index[row] = best
        for j in range(width):
            z_q[(*row, j)] = mpa.mpf(codebook[best, j])
        total += best_distance
    mse = total / z.size
    # codebook term ||sg[z] - e||^2 and commitment term beta ||z - sg[e]||^2 have the same value
    return index, z_q, mse + mpa.mpf(beta) * mse
