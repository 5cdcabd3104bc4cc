"""The oracle of elmo_scalar_mix: softmax of the scalars at 50 digits (no shift needed),
then the weighted sum of the layers (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("elmo_scalar_mix")
def elmo_scalar_mix(h: np.ndarray, s: np.ndarray, gamma: np.ndarray | None = None
                    ) -> np.ndarray:
    layers = h.shape[0]
    if s.shape != (layers,):
        msg = f"s {s.shape} must give one scalar per layer of h {h.shape}"
        raise ValueError(msg)
    exps = [mpa.mp.exp(value) for value in s]  # mpmath's range has no overflow at |s| ~ 1e4
    total = sum(exps)
    mix = sum((exps[j] / total) * h[j] for j in range(layers))
    return mix * (mpa.mpf(1) if gamma is None else gamma[()])
