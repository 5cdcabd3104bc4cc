"""The oracle of weight_only_quantization: each group of input features calibrated alone."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle
from mlcanon_reference.quantization._oracle import grid, qparams, quantize_one


@oracle("weight_only_quantization")
def weight_only_quantization(w: np.ndarray, *, bits: int = 4, group_size: int = 128,
                             scheme: str = "affine") -> tuple[np.ndarray, ...]:
    q_min, q_max = grid(bits, scheme)
    rows, cols = w.shape
    if group_size < 1 or cols % group_size:
        msg = f"group_size {group_size} does not divide {cols} input features"
        raise ValueError(msg)
    groups = cols // group_size
    q = np.empty(w.shape, dtype=np.int64)
    w_hat = np.empty(w.shape, dtype=object)
    scales = np.empty((rows, groups), dtype=object)
    zero_points = np.empty((rows, groups), dtype=np.int64)
    for r in range(rows):
        for g in range(groups):
            members = range(g * group_size, (g + 1) * group_size)
            scale, zero_point = qparams([w[r, j] for j in members], bits, scheme)
            scales[r, g], zero_points[r, g] = scale, zero_point
            for j in members:
                q[r, j] = quantize_one(w[r, j], scale, zero_point, q_min, q_max)
                w_hat[r, j] = scale * (int(q[r, j]) - zero_point)
    return q, scales, zero_points, w_hat
