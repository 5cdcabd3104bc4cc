"""The oracle of rope_base_frequency_abf: each pair as a complex number times e^(i·m·θ_k)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("rope_base_frequency_abf")
def rope_base_frequency_abf(x: np.ndarray, positions: np.ndarray, *, base: float = 500000.0,
                            pairing: str = "interleaved") -> np.ndarray:
    mp = mpa.mp
    d = x.shape[-1]
    positions = np.broadcast_to(positions, x.shape[:-1])
    out = np.empty(x.shape, dtype=object)
    for index in np.ndindex(*x.shape[:-1]):
        for k in range(d // 2):
            theta = mp.power(mp.mpf(base), -mp.mpf(2 * k) / d)
            a, b = (2 * k, 2 * k + 1) if pairing == "interleaved" else (k, k + d // 2)
            # (x_a + i x_b)·e^(i m θ_k): real part to a, imaginary part to b
            z = mp.mpc(x[(*index, a)], x[(*index, b)]) * mp.expj(positions[index] * theta)
            out[(*index, a)], out[(*index, b)] = z.real, z.imag
    return out
