"""The oracle of selective_scan: the recurrence, one step at a time (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


@oracle("selective_scan")
def selective_scan(a: np.ndarray, b: np.ndarray, *, h0: float = 0.0) -> np.ndarray:
    if a.shape != b.shape or a.ndim < 1:
        msg = f"a {a.shape} and b {b.shape} must have one shape (..., L)"
        raise ValueError(msg)
    h = np.empty(b.shape, dtype=object)
    for lead in np.ndindex(b.shape[:-1]):
        state = mp.mpf(h0)
        for k in range(b.shape[-1]):
            state = a[(*lead, k)] * state + b[(*lead, k)]
            h[(*lead, k)] = state
    return h
