"""The oracle of ddpm_forward_noising: the schedule's running product, then the mix (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.modern_ml._oracle import alpha_bar as product_to
from mlcanon_reference.modern_ml._oracle import betas as betas_of

mp = mpa.mp


@oracle("ddpm_forward_noising")
def ddpm_forward_noising(x0: np.ndarray, t: np.ndarray, noise: np.ndarray | None = None, *,
                         num_steps: int = 50, beta_start: float = 0.0001,
                         beta_end: float = 0.1, schedule: str = "linear",
                         seed: int = 0) -> dict[str, np.ndarray]:
    if noise is None:
        msg = "drawn noise depends on the random stream (stochastic check forward_noise_gaussian)"
        raise ValueError(msg)
    if noise.shape != x0.shape or t.ndim > 1 or (t.ndim == 1 and t.shape[0] != x0.shape[0]):
        msg = f"shapes x0 {x0.shape}, noise {noise.shape}, t {t.shape} do not fit"
        raise ValueError(msg)
    beta = betas_of(num_steps, beta_start, beta_end, schedule)
    abar = np.empty(t.shape, dtype=object)
    for index in np.ndindex(t.shape):
        abar[index] = product_to(beta, int(t[index]))
    xt = np.empty(x0.shape, dtype=object)
    for index in np.ndindex(x0.shape):
        a = abar[()] if t.ndim == 0 else abar[index[0]]
        xt[index] = mp.sqrt(a) * x0[index] + mp.sqrt(1 - a) * noise[index]
    return {"xt": xt, "alpha_bar": abar}

