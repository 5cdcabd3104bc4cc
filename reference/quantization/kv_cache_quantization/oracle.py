"""The oracle of kv_cache_quantization: each token (or channel) slice calibrated exactly."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle
from mlcanon_reference.quantization._oracle import grid, qparams, quantize_one


@oracle("kv_cache_quantization")
def kv_cache_quantization(x: np.ndarray, *, bits: int = 8, granularity: str = "per_token",
                          scheme: str = "symmetric") -> tuple[np.ndarray, ...]:
    q_min, q_max = grid(bits, scheme)
    if granularity not in ("per_token", "per_channel"):
        msg = f"unknown granularity {granularity!r}"
        raise ValueError(msg)
    # put the reduced axis last: head_dim for per-token scales, tokens for per-channel ones
    moved = x if granularity == "per_token" else np.swapaxes(x, -1, -2)
    q = np.empty(moved.shape, dtype=np.int64)
    x_hat = np.empty(moved.shape, dtype=object)
    scale = np.empty((*moved.shape[:-1], 1), dtype=object)
    zero_point = np.empty((*moved.shape[:-1], 1), dtype=np.int64)
    for index in np.ndindex(moved.shape[:-1]):
        s, z = qparams(list(moved[index]), bits, scheme)
        scale[(*index, 0)], zero_point[(*index, 0)] = s, z
        for k in range(moved.shape[-1]):
            level = quantize_one(moved[(*index, k)], s, z, q_min, q_max)
            q[(*index, k)] = level
            x_hat[(*index, k)] = s * (level - z)
    if granularity == "per_channel":
        q, x_hat = np.swapaxes(q, -1, -2), np.swapaxes(x_hat, -1, -2)
        scale, zero_point = np.swapaxes(scale, -1, -2), np.swapaxes(zero_point, -1, -2)
    return q, scale, zero_point, x_hat
