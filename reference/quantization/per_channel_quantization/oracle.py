"""The oracle of per_channel_quantization: each channel calibrated and rounded exactly."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.quantization._oracle import grid, qparams, quantize_one


@oracle("per_channel_quantization")
def per_channel_quantization(w: np.ndarray, *, axis: int = 0, bits: int = 8,
                             scheme: str = "symmetric") -> tuple[np.ndarray, ...]:
    q_min, q_max = grid(bits, scheme)
    moved = np.moveaxis(w, axis, 0)
    channels = moved.shape[0]
    q = np.empty(moved.shape, dtype=np.int64)
    w_hat = np.empty(moved.shape, dtype=object)
    scales = np.empty(channels, dtype=object)
    zero_points = np.empty(channels, dtype=np.int64)
    for c in range(channels):
        scale, zero_point = qparams(list(moved[c].ravel()), bits, scheme)
        scales[c], zero_points[c] = scale, zero_point
        for index in np.ndindex(moved.shape[1:]):
            level = quantize_one(moved[(c, *index)], scale, zero_point, q_min, q_max)
            q[(c, *index)] = level
            w_hat[(c, *index)] = scale * (level - zero_point)
    return (np.moveaxis(q, 0, axis), scales, zero_points,
            np.moveaxis(np.asarray(w_hat, dtype=object), 0, axis) * mpa.mpf(1))
