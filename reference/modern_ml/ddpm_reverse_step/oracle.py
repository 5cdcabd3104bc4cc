"""The oracle of ddpm_reverse_step: Algorithm 2's update, element by element (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle
from mlcanon_reference.modern_ml._oracle import alpha_bar as product_to
from mlcanon_reference.modern_ml._oracle import betas as betas_of

mp = mpa.mp


def _coefficients(beta: list, t: int, variance: str) -> tuple:
    """(1/sqrt(alpha_t), beta_t/sqrt(1 - alpha_bar_t), sigma_t) of step t >= 1."""
    if not 1 <= t <= len(beta):
        msg = f"t = {t} outside [1, {len(beta)}]"
        raise ValueError(msg)
    b, now, before = beta[t - 1], product_to(beta, t), product_to(beta, t - 1)
    if variance == "beta":
        var = b
    elif variance == "beta_tilde":
        var = (1 - before) / (1 - now) * b
    else:
        msg = f"unknown variance {variance!r}"
        raise ValueError(msg)
    sigma = mp.sqrt(var) if t > 1 else mp.mpf(0)
    return 1 / mp.sqrt(1 - b), b / mp.sqrt(1 - now), sigma


@oracle("ddpm_reverse_step")
def ddpm_reverse_step(xt: np.ndarray, eps_hat: np.ndarray, t: np.ndarray,
                      z: np.ndarray | None = None, *, num_steps: int = 50,
                      beta_start: float = 0.0001, beta_end: float = 0.1,
                      schedule: str = "linear", variance: str = "beta",
                      seed: int = 0) -> np.ndarray:
    if z is None:
        msg = "drawn noise depends on the random stream (stochastic check reverse_noise_gaussian)"
        raise ValueError(msg)
    if eps_hat.shape != xt.shape or z.shape != xt.shape or t.ndim > 1:
        msg = f"shapes xt {xt.shape}, eps_hat {eps_hat.shape}, z {z.shape}, t {t.shape}"
        raise ValueError(msg)
    beta = betas_of(num_steps, beta_start, beta_end, schedule)
    out = np.empty(xt.shape, dtype=object)
    for index in np.ndindex(xt.shape):
        step = int(t[()] if t.ndim == 0 else t[index[0]])
        scale, eps_coef, sigma = _coefficients(beta, step, variance)
        out[index] = scale * (xt[index] - eps_coef * eps_hat[index]) + sigma * z[index]
    return out
