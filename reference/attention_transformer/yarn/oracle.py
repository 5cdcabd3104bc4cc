"""The oracle of yarn: NTK-by-parts frequencies and the attention scale, as in the paper."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("yarn")
def yarn(x: np.ndarray, positions: np.ndarray, *, scale: float = 4.0,
         original_len: int = 4096, base: float = 10000.0, alpha: float = 1.0,
         beta: float = 32.0, attention_factor: float | None = None,
         pairing: str = "interleaved") -> np.ndarray:
    mp = mpa.mp
    d = x.shape[-1]
    s = mp.mpf(scale)
    if attention_factor is not None:
        m_scale = mp.mpf(attention_factor)
    else:
        m_scale = mp.mpf("0.1") * mp.log(s) + 1 if s > 1 else mp.mpf(1)  # sqrt(1/t)
    freqs = []
    for i in range(d // 2):
        theta = mp.power(mp.mpf(base), -mp.mpf(2 * i) / d)
        rotations = mp.mpf(original_len) * theta / (2 * mp.pi)  # r = L / wavelength
        if rotations < alpha:
            gamma = mp.mpf(0)
        elif rotations > beta:
            gamma = mp.mpf(1)
        else:
            gamma = (rotations - alpha) / (mp.mpf(beta) - alpha)
        freqs.append((1 - gamma) * theta / s + gamma * theta)
    positions = np.broadcast_to(positions, x.shape[:-1])
    out = np.empty(x.shape, dtype=object)
    for index in np.ndindex(*x.shape[:-1]):
        for i, freq in enumerate(freqs):
            a, b = (2 * i, 2 * i + 1) if pairing == "interleaved" else (i, i + d // 2)
            angle = positions[index] * freq
            c, sn = mp.cos(angle), mp.sin(angle)
            xa, xb = x[(*index, a)], x[(*index, b)]
            out[(*index, a)] = m_scale * (xa * c - xb * sn)
            out[(*index, b)] = m_scale * (xa * sn + xb * c)
    return out
