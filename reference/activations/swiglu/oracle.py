"""The oracle of swiglu: explicit sums over d and h at 50 digits (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("swiglu")
def swiglu(x: np.ndarray, w_gate: np.ndarray, w_up: np.ndarray,
           w_down: np.ndarray) -> np.ndarray:
    d, h = w_gate.shape
    if w_up.shape != (d, h) or w_down.shape[0] != h or x.shape[-1] != d:
        msg = "swiglu: inconsistent shapes"
        raise ValueError(msg)
    e = w_down.shape[1]
    y = np.empty((*x.shape[:-1], e), dtype=object)
    for batch in np.ndindex(x.shape[:-1]):
        row = x[batch]
        hidden = []
        for j in range(h):
            gate = sum(mpa.mpf(row[k]) * w_gate[k, j] for k in range(d))
            up = sum(mpa.mpf(row[k]) * w_up[k, j] for k in range(d))
            hidden.append(gate / (1 + mpa.mp.exp(-gate)) * up)
        for out in range(e):
            y[(*batch, out)] = sum(hidden[j] * w_down[j, out] for j in range(h))
    return y
