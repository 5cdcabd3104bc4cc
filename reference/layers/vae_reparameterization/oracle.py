"""The oracle of vae_reparameterization: μ + exp(logvar/2)·ε for a given ε (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


@oracle("vae_reparameterization")
def vae_reparameterization(mu: np.ndarray, logvar: np.ndarray, eps: np.ndarray | None = None,
                           *, seed: int = 0) -> np.ndarray:
    if mu.shape != logvar.shape or (eps is not None and eps.shape != mu.shape):
        msg = f"mu {mu.shape}, logvar {logvar.shape} and eps must have one shape"
        raise ValueError(msg)
    if eps is None:
        msg = "with eps drawn only the law of z is canonical (check 'reparameterized_normal')"
        raise ValueError(msg)
    return mu + mpa.exp(logvar / 2) * eps
