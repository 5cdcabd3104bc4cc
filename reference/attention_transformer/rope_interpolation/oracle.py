"""The oracle of rope_interpolation: rotate each pair by (m / scale)·θ_i, element by element."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.attention_transformer._oracle import frequencies


@oracle("rope_interpolation")
def rope_interpolation(x: np.ndarray, positions: np.ndarray, *, scale: float = 1.0,
                       base: float = 10000.0, pairing: str = "interleaved") -> np.ndarray:
    d = x.shape[-1]
    theta = frequencies(d, base)
    positions = np.broadcast_to(positions, x.shape[:-1])
    out = np.empty(x.shape, dtype=object)
    for index in np.ndindex(*x.shape[:-1]):
        m = positions[index] / mpa.mpf(scale)  # the interpolated position
        for i in range(d // 2):
            a, b = (2 * i, 2 * i + 1) if pairing == "interleaved" else (i, i + d // 2)
            c, s = mpa.mp.cos(m * theta[i]), mpa.mp.sin(m * theta[i])
            xa, xb = x[(*index, a)], x[(*index, b)]
            out[(*index, a)] = xa * c - xb * s
            out[(*index, b)] = xa * s + xb * c
    return out
