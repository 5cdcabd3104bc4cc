"""The oracle of rope: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.attention_transformer._oracle import frequencies


@oracle("rope")
def rope(x: np.ndarray, positions: np.ndarray, *, base: float = 10000.0,
         pairing: str = "interleaved") -> np.ndarray:
    d = x.shape[-1]
    angle = positions[..., None] * frequencies(d, base)  # (..., L, d/2)
    c, s = mpa.cos(angle), mpa.sin(angle)
    if pairing == "interleaved":
        first, second = x[..., 0::2], x[..., 1::2]  # pairs (x_2i, x_2i+1)
    elif pairing == "half":
        first, second = x[..., : d // 2], x[..., d // 2 :]  # pairs (x_i, x_i+d/2)
    else:
        msg = f"pairing must be 'interleaved' or 'half', got {pairing!r}"
        raise ValueError(msg)
    # counter-clockwise rotation by the angle: [[cos, -sin], [sin, cos]]
    new_first = first * c - second * s
    new_second = first * s + second * c
    out = np.empty(np.broadcast_shapes(x.shape, (*new_first.shape[:-1], d)), dtype=object)
    if pairing == "interleaved":
        out[..., 0::2], out[..., 1::2] = new_first, new_second
    else:
        out[..., : d // 2], out[..., d // 2 :] = new_first, new_second
    return out
