"""The oracle of gelu: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("gelu")
def gelu(x: np.ndarray, *, approximate: str | None = None) -> np.ndarray:
    if approximate not in (None, "tanh"):
        msg = f"approximate must be None (exact) or 'tanh', got {approximate!r}"
        raise ValueError(msg)
    half = mpa.mpf("0.5")
    if approximate is None:
        return half * x * (1 + mpa.erf(x / mpa.sqrt(2)))
    inner = mpa.sqrt(2 / mpa.mp.pi) * (x + mpa.mpf("0.044715") * x**3)
    return half * x * (1 + mpa.tanh(inner))
