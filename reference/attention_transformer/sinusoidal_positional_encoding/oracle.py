"""The oracle of sinusoidal_positional_encoding: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.attention_transformer._oracle import frequencies


@oracle("sinusoidal_positional_encoding")
def sinusoidal_positional_encoding(positions: np.ndarray, *, d_model: int = 512,
                                   base: float = 10000.0) -> np.ndarray:
    angle = positions[..., None] * frequencies(d_model, base)  # (L, d_model/2)
    pe = np.empty((*positions.shape, d_model), dtype=object)
    pe[..., 0::2] = mpa.sin(angle)  # even columns: sin
    pe[..., 1::2] = mpa.cos(angle)  # odd columns: cos
    return pe
