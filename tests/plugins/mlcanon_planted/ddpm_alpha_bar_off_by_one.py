"""Planted bug: DDPM forward noising with alpha_bar indexed one step late.

The schedule array is 0-indexed (alphas_cumprod[0] = 1 - beta_1) but the 1-indexed step t
is used to index it directly, so every t gets alpha_bar_{t+1}: one extra step of noise, and
t = T reads past the end (here clipped to the last entry, as a careless guard does).
"""

import numpy as np


def ddpm_forward_noising(x0, t, noise=None, *, num_steps=50, beta_start=0.0001, beta_end=0.1,
                         schedule="linear", seed=0):
    if schedule not in ("linear", "cosine"):
        raise ValueError("unknown schedule")
    if not (0 < beta_start < 1 and 0 < beta_end < 1):
        raise ValueError("betas must lie in (0, 1)")
    if np.any(t < 0) or np.any(t > num_steps):
        raise ValueError("t outside [0, T]")
    if schedule == "linear":
        betas = np.linspace(beta_start, beta_end, num_steps)
    else:
        u = np.arange(num_steps + 1) / num_steps
        f = np.cos((u + 0.008) / 1.008 * np.pi / 2) ** 2
        betas = np.minimum(1 - f[1:] / f[:-1], 0.999)
    alphas_cumprod = np.cumprod(1 - betas)
    if noise is None:
        noise = np.random.default_rng(seed).standard_normal(x0.shape)
    if noise.shape != x0.shape:
        raise ValueError("noise must have x0's shape")
    index = np.minimum(t, num_steps - 1)  # the bug: should be t - 1, with t = 0 meaning 1
    abar = alphas_cumprod[index]
    a = abar.reshape(abar.shape + (1,) * (x0.ndim - abar.ndim)) if abar.ndim else abar
    xt = np.sqrt(a) * x0 + np.sqrt(1 - a) * noise
    return {"xt": xt.astype(x0.dtype), "alpha_bar": np.asarray(abar, dtype=x0.dtype)}
